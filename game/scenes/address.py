"""The workshop host's address, typed when the game does not find the host by the workshop code.

Closes with the address as typed (empty: find the host by the code again), or None to leave it as it was.
The address on the trainer's screen and in its QR code (`http://192.168.1.20:8765/w/ACME-3`) is taken as it is.
"""

from __future__ import annotations

import pygame

from game.room.protocol import address_of
from game.scenes.scene import Scene
from game.ui.chrome import hints, top_bar
from game.ui.field import text_field
from game.ui.look import Look
from game.ui.menu import ENTER_KEYS

MAX_LENGTH = 120


class AddressScene(Scene):
    types_text = True  # letters typed here are the address, not shortcuts

    def __init__(self, look: Look, address: str = ""):
        super().__init__(look)
        self.value = address
        self.warning = ""
        pygame.key.start_text_input()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.TEXTINPUT:
            self.value = (self.value + event.text)[:MAX_LENGTH]
            self.warning = ""
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close(None)
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            self.value = self.value[:-1]
            self.warning = ""
        elif event.type == pygame.KEYDOWN and event.key in ENTER_KEYS[:2]:
            self._save()

    def _save(self) -> None:
        typed = self.value.strip()
        if typed and address_of(typed) is None:
            self.warning = self.t("room.address.not_an_address")
            return
        self.close(typed)

    def draw(self, surface: pygame.Surface) -> None:
        look = self.look
        area = top_bar(surface, look, self.t("room.address.title"))
        width = min(area.width, look.px(640))
        left = area.centerx - width // 2
        intro = pygame.Rect(left, area.top + look.px(20), width, look.px(100))
        y = look.text(surface, self.t("room.address.intro"), intro, "body", "muted").bottom + look.px(24)
        label = pygame.Rect(left, y, width, look.font("small").get_linesize())
        look.text(surface, self.t("room.address.label"), label, "small", "muted", bold=True)
        field = pygame.Rect(left, label.bottom + look.px(4), width, look.px(40))
        text_field(surface, look, field, self.value, focused=True, label=self.t("room.address.label"))
        if self.warning:
            warn = pygame.Rect(left, field.bottom + look.px(8), width, look.px(44))
            look.text(surface, self.warning, warn, "small", "problem")
        hints(surface, look, self.t("room.address.hints"))

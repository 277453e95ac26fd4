"""Settings: text size, high contrast, the call clock, sound, language and the workshop host's address; saved
at once.

Changes go up through `on_change`, which applies and saves them. Closes with None.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.room.protocol import address_of
from game.scenes.address import AddressScene
from game.scenes.scene import Scene
from game.settings import TEXT_SIZES, Settings
from game.text import LANGUAGES
from game.ui.button import Button
from game.ui.chrome import hints, top_bar
from game.ui.look import Look
from game.ui.menu import Menu, column

CHOICES = {"text_size": TEXT_SIZES, "language": LANGUAGES}
SWITCHES = ("high_contrast", "call_clock", "sound")


class SettingsScene(Scene):
    def __init__(self, look: Look, on_change: Callable[[Settings], None], saved_in: str, notes: list[str]):
        super().__init__(look)
        self.on_change = on_change
        self.saved_in = saved_in
        self.notes = notes
        self.menu = Menu(self._buttons())

    def _buttons(self) -> list[Button]:
        settings = self.look.settings
        values = {
            "text_size": self.t(f"settings.size.{settings.text_size}"),
            "language": self.t(f"language.{settings.language}"),
            **{name: self.t("settings.on" if getattr(settings, name) else "settings.off") for name in SWITCHES},
        }
        values["room_address"] = settings.room_address or self.t("settings.room_address_found")
        names = ("text_size", "high_contrast", "call_clock", "sound", "language", "room_address")
        return [Button(name, f"{self.t(f'settings.{name}')}: {values[name]}") for name in names] + \
            [Button("back", self.t("common.back"), primary=True)]

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close(None)
            return
        step = 1
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = -1 if event.key == pygame.K_LEFT else 1
            pressed = self.menu.focused.key if self.menu.focused.key != "back" else None
        else:
            pressed = self.menu.handle(event)
        if pressed == "back":
            self.close(None)
        elif pressed:
            self._change(pressed, step)

    def _change(self, name: str, step: int) -> None:
        settings = self.look.settings
        if name == "room_address":
            self.stack.push(AddressScene(self.look, settings.room_address), self._address_typed)
            return
        if name in CHOICES:
            options = list(CHOICES[name])
            setattr(settings, name, options[(options.index(getattr(settings, name)) + step) % len(options)])
        else:
            setattr(settings, name, not getattr(settings, name))
        self.on_change(settings)
        self.menu = Menu(self._buttons(), focus=self.menu.focus)

    def _address_typed(self, typed: str | None) -> None:
        """The host's address as typed; the workshop code in it, when the trainee has none yet."""
        if typed is None:
            return
        settings = self.look.settings
        settings.room_address = typed
        address = address_of(typed)
        if address and address.code and not settings.workshop:
            settings.workshop = address.code
        self.on_change(settings)
        self.menu = Menu(self._buttons(), focus=self.menu.focus)

    def draw(self, surface: pygame.Surface) -> None:
        look = self.look
        area = top_bar(surface, look, self.t("settings.title"))
        width = min(area.width, look.px(560))
        buttons = pygame.Rect(area.centerx - width // 2, area.top, width, 0)
        height = min(look.px(44), (area.height * 3 // 5) // len(self.menu.buttons))
        rects = column(buttons, len(self.menu.buttons), height, look.px(8))
        self.menu.draw(surface, look, rects, align="left")
        y = rects[-1].bottom + look.space("gap") * 2
        notes = [self.t("settings.saved_in", path=self.saved_in), *self.notes]
        look.text(surface, "\n".join(notes), pygame.Rect(buttons.left, y, width, area.bottom - y), "small", "muted")
        hints(surface, look, self.t("settings.hints"))

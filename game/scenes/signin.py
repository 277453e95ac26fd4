"""Sign-in: the trainee's name and, optionally, the workshop code. Closes with (name, code) or None."""

from __future__ import annotations

import pygame

from game.scenes.scene import Scene
from game.ui.button import Button
from game.ui.chrome import hints, top_bar
from game.ui.field import text_field
from game.ui.look import Look
from game.ui.menu import ENTER_KEYS, Menu, row

MAX_LENGTH = 40
NAME, CODE, BUTTONS = 0, 1, 2


class SignInScene(Scene):
    types_text = True

    def __init__(self, look: Look, name: str = "", code: str = ""):
        super().__init__(look)
        self.values = [name, code]
        self.focus = NAME
        self.field_rects: list[pygame.Rect] = []
        self.menu = Menu([Button("go", self.t("signin.go"), primary=True), Button("back", self.t("common.back"))],
                         horizontal=True)
        self.warning = ""
        pygame.key.start_text_input()  # on by default on most desktops; not everywhere

    @property
    def name(self) -> str:
        return self.values[NAME].strip()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self._key(event)
        elif event.type == pygame.TEXTINPUT and self.focus in (NAME, CODE):
            self.values[self.focus] = (self.values[self.focus] + event.text)[:MAX_LENGTH]
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index, rect in enumerate(self.field_rects):
                if rect.collidepoint(event.pos):
                    self.focus = index
                    return
            self._press(self.menu.handle(event))
        elif event.type == pygame.MOUSEMOTION:
            self.menu.handle(event)

    def _key(self, event: pygame.event.Event) -> None:
        key = event.key
        if key == pygame.K_ESCAPE:
            self.close(None)
        elif key in (pygame.K_TAB, pygame.K_DOWN) or (key == pygame.K_UP and self.focus > NAME):
            step = -1 if key == pygame.K_UP or (key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT) else 1
            self.focus = (self.focus + step) % 3
        elif self.focus in (NAME, CODE) and key == pygame.K_BACKSPACE:
            self.values[self.focus] = self.values[self.focus][:-1]
        elif self.focus in (NAME, CODE) and key in ENTER_KEYS[:2]:
            self._press("go")
        elif self.focus == BUTTONS:
            self._press(self.menu.handle(event))

    def _press(self, pressed: str | None) -> None:
        if pressed == "back":
            self.close(None)
        elif pressed == "go":
            if not self.name:
                self.warning = self.t("signin.need_name")
                self.focus = NAME
                return
            self.close((self.name, self.values[CODE].strip()))

    def draw(self, surface: pygame.Surface) -> None:
        look = self.look
        area = top_bar(surface, look, self.t("signin.title"))
        width = min(area.width, look.px(560))
        left = area.centerx - width // 2
        y = area.top + look.px(20)
        intro = pygame.Rect(left, y, width, look.px(60))
        y = look.text(surface, self.t("signin.intro"), intro, "body", "muted").bottom + look.px(24)
        self.field_rects = []
        for index, label in enumerate((self.t("signin.name"), self.t("signin.code"))):
            label_rect = pygame.Rect(left, y, width, look.font("small").get_linesize())
            look.text(surface, label, label_rect, "small", "muted", bold=True)
            field = pygame.Rect(left, label_rect.bottom + look.px(4), width, look.px(40))
            self._field(surface, field, self.values[index], self.focus == index, label)
            self.field_rects.append(field)
            y = field.bottom + look.px(18)
        if self.warning:
            warn = pygame.Rect(left, y - look.px(10), width, look.px(24))
            look.text(surface, self.warning, warn, "small", "problem")
            y += look.px(18)
        buttons = pygame.Rect(left, y + look.px(8), width, look.px(46))
        self.menu.draw(surface, look, row(buttons, 2, look.space("gap")), show_focus=self.focus == BUTTONS)
        hints(surface, look, self.t("signin.hints"))

    def _field(self, surface: pygame.Surface, rect: pygame.Rect, value: str, focused: bool, label: str) -> None:
        text_field(surface, self.look, rect, value, focused, label)

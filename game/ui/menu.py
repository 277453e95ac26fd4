"""A row or column of buttons: arrows and Tab move the focus, Enter or a number key presses,
the mouse hovers and clicks."""

from __future__ import annotations

import pygame

from game.ui.button import Button, draw_button, label_box
from game.ui.look import Look

ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
NUMBER_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
NUMBER_KEYS |= {getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}


class Menu:
    def __init__(self, buttons: list[Button], numbered: bool = False, horizontal: bool = False, focus: int = 0):
        self.buttons = buttons
        self.numbered = numbered
        self.horizontal = horizontal
        self.focus = min(focus, max(0, len(buttons) - 1))
        self.rects: list[pygame.Rect] = []
        self.label_rects: list[pygame.Rect] = []
        if numbered:
            for number, button in enumerate(buttons, start=1):
                button.hint = str(number)

    @property
    def number_keys(self) -> str:
        """The number keys that say something here, for the hint line: "1-3" when there are three."""
        return "1" if len(self.buttons) <= 1 else f"1-{len(self.buttons)}"

    @property
    def focused(self) -> Button | None:
        return self.buttons[self.focus] if self.buttons else None

    def handle(self, event: pygame.event.Event) -> str | None:
        """The key of the button pressed by this event, if any. Moves the focus on the way."""
        if event.type == pygame.KEYDOWN:
            return self._key(event.key)
        if event.type == pygame.MOUSEMOTION:
            self._hover(event.pos)
            return None
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            index = self._at(event.pos)
            if index is not None and self.buttons[index].enabled:
                self.focus = index
                return self.buttons[index].key
        return None

    def _key(self, key: int) -> str | None:
        back, forward = (pygame.K_LEFT, pygame.K_RIGHT) if self.horizontal else (pygame.K_UP, pygame.K_DOWN)
        if key in (back, forward, pygame.K_TAB):
            self.move(-1 if key == back else 1)
        elif key in ENTER_KEYS and self.focused and self.focused.enabled:
            return self.focused.key
        elif self.numbered and key in NUMBER_KEYS and NUMBER_KEYS[key] <= len(self.buttons):
            index = NUMBER_KEYS[key] - 1
            if self.buttons[index].enabled:
                self.focus = index
                return self.buttons[index].key
        return None

    def move(self, step: int) -> None:
        if not self.buttons:
            return
        for _ in range(len(self.buttons)):
            self.focus = (self.focus + step) % len(self.buttons)
            if self.buttons[self.focus].enabled:
                return

    def _hover(self, pos: tuple[int, int]) -> None:
        index = self._at(pos)
        if index is not None and self.buttons[index].enabled:
            self.focus = index

    def _at(self, pos: tuple[int, int]) -> int | None:
        return next((i for i, rect in enumerate(self.rects) if rect.collidepoint(pos)), None)

    def draw(self, surface: pygame.Surface, look: Look, rects: list[pygame.Rect], role: str = "body",
             align: str = "center", show_focus: bool = True, uniform: bool = False) -> None:
        """Draw the buttons in `rects`; `uniform` gives every label the size the longest one needs."""
        self.rects = rects
        px = None
        if uniform and self.buttons:
            px = min(look.block(b.label, label_box(look, r, b), role, b.primary).px
                     for r, b in zip(rects, self.buttons, strict=False))
        self.label_rects = [draw_button(surface, look, rect, button, show_focus and i == self.focus, role, align, px)
                            for i, (rect, button) in enumerate(zip(rects, self.buttons, strict=False))]


def draw_phrasings(surface: pygame.Surface, look: Look, menu: Menu, area: pygame.Rect, question: str,
                   tallest: int) -> None:
    """The question ('What do you say?') over the menu's phrasings, stacked to fill `area`, each at most
    `tallest` (unscaled) pixels high: in a call and in practice alike."""
    gap = look.space("gap")
    ask = pygame.Rect(area.left, area.top, area.width, look.font("small", True).get_linesize())
    look.text(surface, question, ask, "small", "muted", bold=True)
    count = max(1, len(menu.buttons))
    space = pygame.Rect(area.left, ask.bottom + look.px(6), area.width, area.bottom - ask.bottom - look.px(6))
    height = min(look.px(tallest), (space.height - gap * (count - 1)) // count)
    menu.draw(surface, look, column(space, count, height, gap), "body", align="left", uniform=True)


def column(area: pygame.Rect, count: int, height: int, gap: int) -> list[pygame.Rect]:
    return [pygame.Rect(area.left, area.top + i * (height + gap), area.width, height) for i in range(count)]


def row(area: pygame.Rect, count: int, gap: int) -> list[pygame.Rect]:
    width = (area.width - gap * (count - 1)) // max(1, count)
    return [pygame.Rect(area.left + i * (width + gap), area.top, width, area.height) for i in range(count)]

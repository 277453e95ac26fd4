"""The title screen: the game's name, the language, and the way in."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.scenes.scene import Scene
from game.text import LANGUAGES
from game.ui.button import Button
from game.ui.chrome import hints
from game.ui.look import Look
from game.ui.menu import Menu, column

START, LANGUAGE, SETTINGS, QUIT = "start", "language", "settings", "quit"


class TitleScene(Scene):
    """Closes with START, SETTINGS or QUIT; the language changes in place through `on_language`."""

    def __init__(self, look: Look, on_language: Callable[[str], None]):
        super().__init__(look)
        self.on_language = on_language
        self.menu = Menu(self._buttons())

    def _buttons(self) -> list[Button]:
        return [Button(START, self.t("title.start"), primary=True),
                Button(LANGUAGE, self.t("title.language", language=self.t(f"language.{self.look.lang}"))),
                Button(SETTINGS, self.t("title.settings")),
                Button(QUIT, self.t("title.quit"))]

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close(QUIT)
            return
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT) \
                and self.menu.focused.key == LANGUAGE:
            self._switch_language()
            return
        pressed = self.menu.handle(event)
        if pressed == LANGUAGE:
            self._switch_language()
        elif pressed:
            self.close(pressed)

    def _switch_language(self) -> None:
        languages = list(LANGUAGES)
        self.on_language(languages[(languages.index(self.look.lang) + 1) % len(languages)])
        focus = self.menu.focus
        self.menu = Menu(self._buttons(), focus=focus)

    def draw(self, surface: pygame.Surface) -> None:
        look = self.look
        width, height = surface.get_size()
        surface.fill(look.colour("background"))
        _draw_rising_bars(surface, look)
        margin = look.space("margin")
        name = pygame.Rect(margin * 3, round(height * 0.12), width - margin * 6, look.font_px("title") * 2)
        used = look.text(surface, self.t("title.name"), name, "title", "accent", bold=True, valign="bottom")
        tagline = pygame.Rect(name.left, used.bottom + look.space("gap"), min(width // 2, look.px(520)), look.px(70))
        used = look.text(surface, self.t("title.tagline"), tagline, "large", "muted")
        area = pygame.Rect(name.left, used.bottom + look.px(36), min(look.px(360), width - 6 * margin), 0)
        self.menu.draw(surface, look, column(area, len(self.menu.buttons), look.px(48), look.space("gap")))
        hints(surface, look, self.t("title.hints"))


def _draw_rising_bars(surface: pygame.Surface, look: Look) -> None:
    """A quiet picture of progress: bars that rise, one of them marked."""
    width, height = surface.get_size()
    base = height - look.px(60)
    bar, gap = look.px(34), look.px(18)
    left = width - look.px(60) - 7 * (bar + gap)
    for i in range(7):
        top = base - look.px(40 + i * 38)
        colour = look.colour("accent") if i == 6 else look.colour("panel_edge")
        pygame.draw.rect(surface, colour, (left + i * (bar + gap), top, bar, base - top), border_radius=look.px(4))

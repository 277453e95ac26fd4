"""A question over the current screen with two answers. Closes with True or False.

The safe answer is the default (focused, pressed by Enter): "no" unless the caller says the
safe answer is "yes". Escape always closes with False."""

from __future__ import annotations

import pygame

from game.scenes.scene import Scene
from game.ui.button import Button
from game.ui.look import Look
from game.ui.menu import Menu, row


class ConfirmScene(Scene):
    overlay = True

    def __init__(self, look: Look, question: str, yes: str, no: str, default: bool = False):
        super().__init__(look)
        self.question = question
        buttons = [Button("yes", yes, primary=True), Button("no", no)] if default else \
            [Button("no", no, primary=True), Button("yes", yes)]
        self.menu = Menu(buttons, horizontal=True)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close(False)
            return
        pressed = self.menu.handle(event)
        if pressed:
            self.close(pressed == "yes")

    def draw(self, surface: pygame.Surface) -> None:
        look = self.look
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill(look.colour("shade"))
        surface.blit(shade, (0, 0))
        width, height = min(surface.get_width() - 2 * look.space("margin"), look.px(560)), look.px(200)
        box = pygame.Rect(0, 0, width, height)
        box.center = surface.get_rect().center
        look.panel(surface, box, edge="accent", width=2)
        inner = box.inflate(-3 * look.space("padding"), -3 * look.space("padding"))
        buttons = pygame.Rect(inner.left, inner.bottom - look.px(46), inner.width, look.px(46))
        look.text(surface, self.question, pygame.Rect(inner.left, inner.top, inner.width,
                                                      buttons.top - inner.top - look.space("gap")), "large")
        self.menu.draw(surface, look, row(buttons, 2, look.space("gap")))

"""A scene: one screen. It handles input, moves on with time, and draws itself.

Attributes go down (a scene is given what it shows), results go up: a scene that is
done calls `close(result)` and whoever opened it hears the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.ui.look import Look

if TYPE_CHECKING:
    from game.scenes.stack import SceneStack


class Scene:
    overlay = False  # an overlay draws the scene below it first
    types_text = False  # letters typed here are text, not shortcuts (the V of self-voicing)

    def __init__(self, look: Look):
        self.look = look
        self.stack: SceneStack | None = None

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close(None)

    def update(self, dt: float) -> None:
        """Time passing, in seconds; most scenes only change on input."""

    @property
    def busy(self) -> bool:
        """Whether something moves on screen and the window must keep drawing."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.look.colour("background"))

    def close(self, result: Any = None) -> None:
        if self.stack is not None:
            self.stack.close(self, result)

    def t(self, key: str, **params: Any) -> str:
        return self.look.t(key, **params)

"""A look that keeps every text it draws, for tests that ask what a screen shows."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui.look import Look


@dataclass
class RecordingLook(Look):
    drawn: list[tuple[str, pygame.Rect, bool]] = field(default_factory=list)  # each text, its box, and if cut

    def drew(self, text: str, used: pygame.Rect, cut: bool) -> None:
        self.drawn.append((text, used, cut))

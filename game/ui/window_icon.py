"""The window's icon, drawn by code: rising bars, the last one in the accent colour."""

from __future__ import annotations

import pygame

from game.ui.theme import Theme


def window_icon(theme: Theme, size: int = 32) -> pygame.Surface:
    icon = pygame.Surface((size, size), pygame.SRCALPHA)
    bar, gap = size // 6, size // 12
    for i in range(4):
        height = size * (i + 1) // 4
        colour = theme.colour("accent") if i == 3 else theme.colour("muted")
        pygame.draw.rect(icon, colour, (gap + i * (bar + gap), size - height, bar, height), border_radius=2)
    return icon

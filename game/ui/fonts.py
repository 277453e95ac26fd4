"""Fonts by role and pixel size, loaded once each; pygame's own font when a file is missing."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.assets import ASSETS
from game.ui.theme import Theme


class Fonts:
    def __init__(self, theme: Theme):
        self.files = {False: _first_existing(theme.font_files(False)), True: _first_existing(theme.font_files(True))}
        self._cache: dict[tuple[bool, int], pygame.font.Font] = {}

    def get(self, px: int, bold: bool = False) -> pygame.font.Font:
        key = (bold, max(6, int(px)))
        if key not in self._cache:
            self._cache[key] = self._load(*key)
        return self._cache[key]

    def _load(self, bold: bool, px: int) -> pygame.font.Font:
        path = self.files[bold]
        if path is not None:
            try:
                font = pygame.font.Font(path, px)
                font.size("Éé")  # a broken file opens fine and only fails when used
                return font
            except (OSError, pygame.error):
                self.files[bold] = None
        font = pygame.font.Font(None, round(px * 1.3))  # the default font runs small for its size
        font.bold = bold and self.files[False] is None
        return font


def _first_existing(candidates: list[str]) -> str | None:
    for name in candidates:
        path = Path(name) if Path(name).is_absolute() else ASSETS / name
        if path.is_file():
            return str(path)
    return None

"""The look of the window, read from assets/theme.yaml (and the high-contrast overrides)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.assets import ASSETS, read_yaml

THEME_FILE = ASSETS / "theme.yaml"
HIGH_CONTRAST_FILE = ASSETS / "theme-high-contrast.yaml"

Colour = tuple[int, ...]


@dataclass(frozen=True)
class Theme:
    data: dict[str, Any]

    def colour(self, name: str) -> Colour:
        return tuple(self.data["colours"][name])

    def rung_colour(self, rung: str) -> Colour:
        return tuple(self.data["rung_colours"].get(rung, self.data["colours"]["muted"]))

    def layout(self, name: str) -> float:
        return self.data["layout"][name]

    def timing(self, name: str) -> float:
        return self.data["timing"][name]

    def font_size(self, role: str) -> int:
        return self.data["font"]["sizes"][role]

    def font_files(self, bold: bool) -> list[str]:
        return list(self.data["font"]["bold" if bold else "regular"] or [])

    def text_factor(self, text_size: str) -> float:
        return float(self.data["text_size"].get(text_size, 1.0))

    @property
    def sound(self) -> dict[str, Any]:
        return self.data["sound"]

    @property
    def speech(self) -> dict[str, Any]:
        return self.data.get("speech", {})

    @property
    def portrait(self) -> dict[str, Any]:
        return self.data["portrait"]


def load_theme(high_contrast: bool = False, base: Path = THEME_FILE) -> Theme:
    data = read_yaml(base)
    if high_contrast:
        for key, value in read_yaml(HIGH_CONTRAST_FILE).items():
            data[key] = {**data.get(key, {}), **value} if isinstance(value, dict) else value
    return Theme(data)

"""What every scene draws with: the theme, fonts at the window's scale, the interface texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

from game.settings import Settings
from game.text import say
from game.ui.fitted_text import Block, draw_block, layout
from game.ui.fonts import Fonts
from game.ui.sound import Sounds
from game.ui.theme import Theme, load_theme
from game.voice.speech import Speech

BASE_SIZE = (1024, 600)


@dataclass
class Look:
    settings: Settings
    theme: Theme
    sounds: Sounds
    fonts: Fonts = field(init=False)
    scale: float = 1.0
    notes: list[str] = field(default_factory=list)  # what does not work on this computer, shown in settings
    speech: Speech | None = None  # told every text and focus ring drawn, for self-voicing; silent when not given
    hints_left: int | None = None  # where this frame's keyboard hints begin: what is drawn beside them ends there

    def __post_init__(self) -> None:
        self.fonts = Fonts(self.theme)
        self._blocks: dict[tuple, Block] = {}
        if self.speech is None:
            self.speech = Speech(self.settings)

    @classmethod
    def create(cls, settings: Settings, sounds: Sounds | None = None) -> Look:
        return cls(settings, load_theme(settings.high_contrast), sounds or Sounds.silent())

    def restyle(self) -> None:
        """Apply a changed theme or text size setting."""
        self.theme = load_theme(self.settings.high_contrast)
        self.fonts = Fonts(self.theme)
        self._blocks = {}

    def fit_to(self, size: tuple[int, int]) -> None:
        self.scale = max(0.5, min(size[0] / BASE_SIZE[0], size[1] / BASE_SIZE[1]))

    # --- sizes ------------------------------------------------------------------------

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    def space(self, name: str) -> int:
        return self.px(self.theme.layout(name))

    def font_px(self, role: str) -> int:
        return max(6, round(self.theme.font_size(role) * self.scale * self.theme.text_factor(self.settings.text_size)))

    def font(self, role: str, bold: bool = False) -> pygame.font.Font:
        return self.fonts.get(self.font_px(role), bold)

    @property
    def smallest_px(self) -> int:
        return max(6, round(self.theme.data["font"]["smallest"] * self.scale))

    def colour(self, name: str):
        return self.theme.colour(name)

    # --- words ------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.settings.language

    def t(self, key: str, **params: Any) -> str:
        """An interface text in the trainee's chosen language."""
        return say(self.lang, f"ui.{key}", **params)

    # --- drawing ----------------------------------------------------------------------

    def block(self, text: str, rect: pygame.Rect, role: str = "body", bold: bool = False,
              px: int | None = None, shrink: bool = True) -> Block:
        """`text` laid out for `rect` (remembered: most frames draw the same texts in the same boxes)."""
        px = px or self.font_px(role)
        smallest = min(self.smallest_px, px) if shrink else px
        key = (text, rect.width, rect.height, px, smallest, bold)
        if key not in self._blocks:
            if len(self._blocks) > 2000:
                self._blocks.clear()
            self._blocks[key] = layout(self.fonts, text, rect.width, rect.height, px, smallest, bold,
                                       self.theme.layout("line_spacing"))
        return self._blocks[key]

    def text(self, surface: pygame.Surface, text: str, rect: pygame.Rect, role: str = "body", colour: str = "text",
             bold: bool = False, align: str = "left", valign: str = "top", summary: bool = False,
             px: int | None = None, aloud: bool = True) -> pygame.Rect:
        """Draw `text` wrapped and fitted inside `rect`; the area used comes back.

        A `summary` keeps its size and ends in an ellipsis when too long (the full text is shown elsewhere).
        Self-voicing reads it when it is new, unless it is not worth hearing (`aloud=False`: a grid's labels).
        """
        block = self.block(text, rect, role, bold, px, shrink=not summary)
        used = draw_block(surface, block, rect, self.colour(colour) if isinstance(colour, str) else colour,
                          align, valign)
        self.drew(text, used, block.cut and not summary)
        if aloud:
            self.speech.saw_text(text, used)
        return used

    def drew(self, text: str, used: pygame.Rect, cut: bool) -> None:
        """After each text: the box it used, and whether it was cut short to fit. A look that keeps a record
        says here what it keeps (`shots` notes the texts cut short, to tell the trainer)."""

    def text_height(self, text: str, width: int, role: str = "body", bold: bool = False,
                    px: int | None = None) -> int:
        """How tall `text` is at its full size (or at `px`), wrapped to `width`."""
        return self.block(text, pygame.Rect(0, 0, width, 100_000), role, bold, px).height

    def panel(self, surface: pygame.Surface, rect: pygame.Rect, fill: str = "panel", edge: str = "panel_edge",
              width: int = 1) -> None:
        radius = self.space("radius")
        pygame.draw.rect(surface, self.colour(fill), rect, border_radius=radius)
        pygame.draw.rect(surface, self.colour(edge), rect, max(1, self.px(width)), border_radius=radius)

    def focus_ring(self, surface: pygame.Surface, rect: pygame.Rect, alt: str = "") -> None:
        """The keyboard focus around `rect`; `alt` names it when no text is drawn inside (a text field)."""
        self.speech.saw_focus(rect, alt)
        width = self.space("focus_width")
        pygame.draw.rect(surface, self.colour("focus"), rect.inflate(width * 2, width * 2), width,
                         border_radius=self.space("radius") + width)

"""The buyer's words in a speech bubble, with its tail on the left towards the buyer's portrait."""

from __future__ import annotations

import pygame

from game.ui.look import Look


def speech_bubble(surface: pygame.Surface, look: Look, rect: pygame.Rect, text: str,
                  shrink: bool = False) -> pygame.Rect:
    """Draw the bubble in `rect`; with `shrink` it is only as tall as the text. The bubble's box comes back."""
    pad = look.space("padding")
    if shrink:
        needed = look.text_height(text, rect.width - 6 * pad, "large") + 4 * pad
        rect = pygame.Rect(rect.left, rect.top, rect.width, min(rect.height, max(look.px(90), needed)))
    look.panel(surface, rect, "speech", "speech_edge", 2)
    tail = [(rect.left, rect.top + look.px(18)), (rect.left - look.px(12), rect.top + look.px(26)),
            (rect.left, rect.top + look.px(34))]
    pygame.draw.polygon(surface, look.colour("speech_edge"), tail)
    inner = rect.inflate(-6 * pad, -2 * pad)
    look.text(surface, text, inner, "large", valign="middle")
    return rect

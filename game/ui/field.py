"""A one-line text field, as the sign-in and the host's address draw it."""

from __future__ import annotations

import pygame

from game.ui.look import Look


def text_field(surface: pygame.Surface, look: Look, rect: pygame.Rect, value: str, focused: bool,
               label: str = "") -> None:
    """The field with what was typed (its end in view when long), and a cursor while it has the focus;
    `label` names it for self-voicing, with what was typed."""
    if focused:
        look.focus_ring(surface, rect, alt=f"{label}: {value}" if value and label else label or value)
    look.panel(surface, rect, "speech", "focus" if focused else "panel_edge")
    inner = rect.inflate(-2 * look.space("padding"), -look.px(6))
    font = look.font("large")
    shown = value + ("|" if focused else "")
    while shown and font.size(shown)[0] > inner.width:  # keep the end of a long entry in view
        shown = shown[1:]
    image = font.render(shown, True, look.colour("text"))
    surface.blit(image, (inner.left, inner.centery - image.get_height() // 2))

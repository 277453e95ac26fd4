"""A button: a label in a box, with a visible focus ring and an optional key hint."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.look import Look


@dataclass
class Button:
    key: str
    label: str
    enabled: bool = True
    hint: str = ""        # the key that presses it, shown as a badge ("1", "Enter")
    primary: bool = False


def label_box(look: Look, rect: pygame.Rect, button: Button) -> pygame.Rect:
    """Where the label goes inside the button: within the padding, right of the key badge."""
    inner = rect.inflate(-2 * look.space("padding"), -look.space("padding"))
    if button.hint:
        left = inner.left + _badge_width(look, button.hint) + look.space("gap")
        inner = pygame.Rect(left, inner.top, inner.right - left, inner.height)
    return inner


def draw_button(surface: pygame.Surface, look: Look, rect: pygame.Rect, button: Button, focused: bool,
                role: str = "body", align: str = "center", px: int | None = None) -> pygame.Rect:
    """Draw the button; the rectangle its label took comes back (tests check it stays inside)."""
    if focused:
        look.focus_ring(surface, rect)
    fill, ink = "button", "button_text"
    if button.primary:
        fill, ink = "accent", "accent_text"
    if not button.enabled:
        fill, ink = "button_disabled", "button_disabled_text"
    pygame.draw.rect(surface, look.colour(fill), rect, border_radius=look.space("radius"))
    pygame.draw.rect(surface, look.colour("panel_edge" if not focused else "focus"), rect, max(1, look.px(1)),
                     border_radius=look.space("radius"))
    if button.hint:
        _badge(surface, look, rect.inflate(-2 * look.space("padding"), -look.space("padding")), button.hint, ink)
    return look.text(surface, button.label, label_box(look, rect, button), role, ink, bold=button.primary,
                     align=align, valign="middle", px=px)


def _badge_width(look: Look, hint: str) -> int:
    return max(look.font("small", bold=True).size(hint)[0] + look.px(10), look.px(24))


def _badge(surface: pygame.Surface, look: Look, inner: pygame.Rect, hint: str, ink: str) -> pygame.Rect:
    font = look.font("small", bold=True)
    width = _badge_width(look, hint)
    height = min(inner.height, font.get_linesize() + look.px(4))
    badge = pygame.Rect(inner.left, inner.centery - height // 2, width, height)
    pygame.draw.rect(surface, look.colour(ink), badge, max(1, look.px(1)), border_radius=look.px(4))
    image = font.render(hint, True, look.colour(ink))
    surface.blit(image, image.get_rect(center=badge.center))
    return badge

"""The frame around every screen: a top bar with a title, and the content area below it."""

from __future__ import annotations

import pygame

from game.ui.look import Look


def top_bar(surface: pygame.Surface, look: Look, title: str, right: str = "") -> pygame.Rect:
    """Draw the bar; the content area under it (inside the margins) comes back."""
    width, height = surface.get_size()
    bar = pygame.Rect(0, 0, width, look.space("top_bar"))
    surface.fill(look.colour("background"))
    pygame.draw.rect(surface, look.colour("top_bar"), bar)
    margin = look.space("margin")
    inner = bar.inflate(-2 * margin, 0)
    if right:
        right_rect = pygame.Rect(inner.centerx, inner.top, inner.width // 2, inner.height)
        look.text(surface, right, right_rect, "small", "top_bar_text", align="right", valign="middle")
        inner.width = inner.width // 2 - margin
    look.text(surface, title, inner, "large", "top_bar_text", bold=True, valign="middle")
    footer = look.font("tiny").get_linesize() + margin  # room for the keyboard hints
    return pygame.Rect(margin, bar.bottom + margin, width - 2 * margin, height - bar.bottom - margin - footer)


def split_columns(area: pygame.Rect, left_share: float, gap: int) -> tuple[pygame.Rect, pygame.Rect]:
    left = pygame.Rect(area.left, area.top, round((area.width - gap) * left_share), area.height)
    right = pygame.Rect(left.right + gap, area.top, area.right - left.right - gap, area.height)
    return left, right


def take_bottom(area: pygame.Rect, height: int, gap: int) -> tuple[pygame.Rect, pygame.Rect]:
    """Split off a strip at the bottom (for buttons); the rest and the strip come back."""
    strip = pygame.Rect(area.left, area.bottom - height, area.width, height)
    rest = pygame.Rect(area.left, area.top, area.width, max(0, area.height - height - gap))
    return rest, strip


def hints(surface: pygame.Surface, look: Look, text: str) -> None:
    """A line of keyboard hints along the bottom edge."""
    width, height = surface.get_size()
    margin = look.space("margin")
    line = look.font("tiny").get_linesize()
    rect = pygame.Rect(margin, height - margin // 2 - line, width - 2 * margin, line)
    look.text(surface, text, rect, "tiny", "muted", align="right", valign="middle")
    block = look.block(text, rect, "tiny")
    look.hints_left = rect.right - max((block.font.size(line)[0] for line in block.lines), default=0)


def status_line(surface: pygame.Surface, look: Look, text: str) -> None:
    """One calm line along the bottom, in place of the keyboard hints, over whatever screen is showing
    (not a dialog: there is nothing to answer)."""
    width, height = surface.get_size()
    margin, pad = look.space("margin"), look.space("padding")
    line = look.font("small").get_linesize()
    box = pygame.Rect(margin // 2, height - margin // 4 - line - pad, width - margin, line + pad)
    look.panel(surface, box, "panel", "panel_edge")
    look.text(surface, text, box.inflate(-2 * pad, 0), "small", "text", valign="middle")


def room_badge(surface: pygame.Surface, look: Look, lines: list[str], lit: bool) -> pygame.Rect | None:
    """How the game and the live workshop room are doing: a small badge at the bottom left, in the calm line's
    style and the hints' size, beside the keyboard hints and never over them; a filled dot while connected, an
    open one otherwise. `lines` go from the whole line to the shortest: the longest that fits is shown.
    Returns the badge's box (None when not even the shortest fits)."""
    width, height = surface.get_size()
    margin, pad, gap = look.space("margin"), look.space("padding"), look.space("gap")
    font = look.font("tiny")
    line = font.get_linesize()
    dot = max(3, line // 3)
    right = min(look.hints_left if look.hints_left is not None else width, width - margin // 2) - gap
    room = right - margin // 2 - 3 * pad - 2 * dot
    text = next((text for text in lines if font.size(text)[0] <= room), None)
    if text is None:
        return None
    box = pygame.Rect(margin // 2, height - margin // 4 - line - pad // 2, font.size(text)[0] + 3 * pad + 2 * dot,
                      line + pad // 2)
    look.panel(surface, box, "panel", "panel_edge")
    centre = (box.left + pad + dot, box.centery)
    if lit:
        pygame.draw.circle(surface, look.colour("vooruitgang"), centre, dot)
    else:
        pygame.draw.circle(surface, look.colour("muted"), centre, dot, max(1, dot // 2))
    look.text(surface, text, pygame.Rect(centre[0] + dot + pad, box.top, box.right - centre[0] - dot - pad, box.height),
              "tiny", "text", valign="middle", summary=True)
    return box

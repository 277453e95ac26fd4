"""Headed paragraphs stacked in a box: each gets the room its text needs, and when the
box is too small every paragraph shrinks its text instead of spilling out."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.look import Look


@dataclass(frozen=True)
class Section:
    heading: str
    text: str
    colour: str = "text"
    role: str = "body"


def draw_sections(surface: pygame.Surface, look: Look, rect: pygame.Rect, sections: list[Section]) -> None:
    """All paragraphs shrink together, so they keep the same sizes relative to each other.

    When the paragraphs do not fit at their full size, the headings and the space between
    them get smaller first, so the text itself keeps as much room as it can.
    """
    sections = [s for s in sections if s.text]
    if not sections:
        return
    heading, gap = "small", look.space("gap")
    sizes, heights = _fitting_sizes(look, rect.width, _room(look, rect, sections, heading, gap), sections)
    if sizes != [look.font_px(s.role) for s in sections]:
        heading, gap = "tiny", look.space("gap") // 2
        sizes, heights = _fitting_sizes(look, rect.width, _room(look, rect, sections, heading, gap), sections)
    head_h = look.font(heading, True).get_linesize()
    y = rect.top
    for section, px, height in zip(sections, sizes, heights, strict=True):
        if section.heading:
            look.text(surface, section.heading, pygame.Rect(rect.left, y, rect.width, head_h), heading, "muted",
                      bold=True)
            y += head_h
        height = min(height, rect.bottom - y)
        if height <= 0:
            return
        look.text(surface, section.text, pygame.Rect(rect.left, y, rect.width, height), section.role, section.colour,
                  px=px)
        y += height + gap


def _room(look: Look, rect: pygame.Rect, sections: list[Section], heading: str, gap: int) -> int:
    head_h = look.font(heading, True).get_linesize()
    return rect.height - sum(head_h for s in sections if s.heading) - gap * (len(sections) - 1)


def _fitting_sizes(look: Look, width: int, room: int, sections: list[Section]) -> tuple[list[int], list[int]]:
    """The largest common scale at which every paragraph fits; at the smallest, each gets its share."""
    full = [look.font_px(s.role) for s in sections]
    smallest = look.smallest_px
    factor = 1.0
    while True:
        sizes = [max(min(smallest, px), round(px * factor)) for px in full]
        heights = [look.text_height(s.text, width, s.role, px=px) for s, px in zip(sections, sizes, strict=True)]
        if sum(heights) <= room or all(px <= smallest for px in sizes):
            break
        factor -= 0.05
    if sum(heights) > room:
        share = room / max(1, sum(heights))
        heights = [max(1, int(h * share)) for h in heights]
    return sizes, heights

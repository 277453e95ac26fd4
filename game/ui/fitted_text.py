"""Wrapped text that fits its box: it wraps, shrinks down to the smallest size, and
only then ends in an ellipsis. Nothing is ever drawn outside the box."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

ELLIPSIS = "…"


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """The lines `text` takes at `width` pixels; paragraphs kept, over-long words broken."""
    return _wrap(font, text, width, True) or []


def wrap_whole_words(font: pygame.font.Font, text: str, width: int) -> list[str] | None:
    """The lines at `width` pixels, or None when some word is wider than the box."""
    return _wrap(font, text, width, False)


def _wrap(font: pygame.font.Font, text: str, width: int, may_break: bool) -> list[str] | None:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            if not may_break and font.size(line)[0] > width:
                return None
            while font.size(line)[0] > width and len(line) > 1:
                cut = _longest_prefix(font, line, width)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


def _longest_prefix(font: pygame.font.Font, word: str, width: int) -> int:
    cut = len(word) - 1
    while cut > 1 and font.size(word[:cut])[0] > width:
        cut -= 1
    return cut


@dataclass
class Block:
    """Text laid out for a box: the font used and its lines."""

    font: pygame.font.Font
    lines: list[str]
    line_height: int
    cut: bool = False  # True when even the smallest size did not fit and the text ends in an ellipsis
    px: int = 0        # the font size chosen

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)

    @property
    def width(self) -> int:
        return max((self.font.size(line)[0] for line in self.lines), default=0)


def layout(fonts, text: str, width: int, height: int, px: int, smallest: int, bold: bool = False,
           spacing: float = 1.2) -> Block:
    """The largest size from `px` down to `smallest` at which `text` fits, keeping words whole if it can;
    below that, cut with an ellipsis."""
    width = max(1, width)
    sizes = range(int(px), int(smallest) - 1, -1)
    for size in sizes:
        font = fonts.get(size, bold)
        lines = wrap_whole_words(font, text, width)
        if lines is not None and _line_height(font, spacing) * len(lines) <= height:
            return Block(font, lines, _line_height(font, spacing), px=size)
    for size in sizes:
        font = fonts.get(size, bold)
        block = Block(font, wrap(font, text, width), _line_height(font, spacing), px=size)
        if block.height <= height:
            return block
    return _cut(block, width, height)


def _line_height(font: pygame.font.Font, spacing: float) -> int:
    return max(1, round(font.get_linesize() * spacing * 0.95))


def _cut(block: Block, width: int, height: int) -> Block:
    room = max(1, height // block.line_height)
    if len(block.lines) <= room:
        return block
    lines = block.lines[:room]
    last = lines[-1]
    while last and block.font.size(last + ELLIPSIS)[0] > width:
        last = last[:-1]
    lines[-1] = last.rstrip() + ELLIPSIS
    return Block(block.font, lines, block.line_height, cut=True, px=block.px)


def draw_block(surface: pygame.Surface, block: Block, rect: pygame.Rect, colour, align: str = "left",
               valign: str = "top") -> pygame.Rect:
    """Draw laid-out text inside `rect`, clipped to it; the area actually used comes back."""
    top = rect.top
    if valign == "middle":
        top = rect.top + (rect.height - block.height) // 2
    elif valign == "bottom":
        top = rect.bottom - block.height
    top = max(rect.top, top)
    previous = surface.get_clip()
    surface.set_clip(rect.clip(previous) if previous else rect)
    used = pygame.Rect(rect.left, top, 0, 0)
    for number, line in enumerate(block.lines):
        image = block.font.render(line, True, colour)
        x = rect.left
        if align == "center":
            x = rect.left + (rect.width - image.get_width()) // 2
        elif align == "right":
            x = rect.right - image.get_width()
        y = top + number * block.line_height + (block.line_height - image.get_height()) // 2
        surface.blit(image, (x, y))
        used.union_ip(pygame.Rect(x, y, image.get_width(), image.get_height()))
    surface.set_clip(previous)
    return used

"""Self-voicing: what is read aloud from a drawn frame, as Ren'Py's self-voicing does.

Every text the window draws and every focus ring pass through here while a frame is drawn.
After the frame, what is new is read in the order it was drawn: a text that was not on
screen in the frame before, and the focused thing when the focus moved to it. The focused
thing is named by the texts drawn inside its ring after it (a button's label, a scenario's
card), or else by the words its scene gave the ring (a text field's label). Only the top
scene has the focus: a scene drawn over others (a question) starts a new layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pygame


@dataclass
class _Ring:
    rect: pygame.Rect
    alt: str
    texts: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return " ".join(self.texts) or self.alt


class ScreenReading:
    def __init__(self) -> None:
        self._drawn: list[str | _Ring] = []   # this frame's texts and focus rings, in drawing order
        self._ring: _Ring | None = None       # the ring the next texts may lie in
        self._shown: set[str] = set()         # the texts of the frame before
        self._focused: set[str] = set()       # what had the focus in the frame before

    def text(self, text: str, rect: pygame.Rect) -> None:
        if not text.strip():
            return
        if self._ring is not None and self._ring.rect.collidepoint(rect.center):
            self._ring.texts.append(text)
        else:
            self._drawn.append(text)

    def focus(self, rect: pygame.Rect, alt: str = "") -> None:
        self._ring = _Ring(pygame.Rect(rect), alt)
        self._drawn.append(self._ring)

    def layer(self) -> None:
        """A scene is drawn over the ones before: their focus rings are not the focus any more."""
        self._drawn = [item for item in self._drawn if isinstance(item, str)]
        self._ring = None

    def forget(self) -> None:
        """Read the whole screen again with the next frame (self-voicing was just switched on)."""
        self._shown, self._focused = set(), set()

    def news(self, said: set[str] | frozenset[str] = frozenset()) -> list[str]:
        """What the frame just drawn brought that the one before did not, in drawing order.

        `said` are texts already spoken another way (the buyer's line in the buyer's voice).
        """
        drawn, self._drawn, self._ring = self._drawn, [], None
        texts = [item for item in drawn if isinstance(item, str)]
        labels = [item.label for item in drawn if isinstance(item, _Ring) and item.label]
        read = []
        for item in drawn:
            if isinstance(item, _Ring):
                if item.label and item.label not in self._focused and item.label not in said:
                    read.append(item.label)
            elif item not in self._shown and item not in said:
                read.append(item)
        self._shown = set(texts) | {text for item in drawn if isinstance(item, _Ring) for text in item.texts}
        self._focused = set(labels)
        return [spoken(text) for text in dict.fromkeys(read)]


def spoken(text: str) -> str:
    """Screen text as it is read: the dots between hints and line breaks become pauses."""
    text = text.replace(" · ", ". ").replace("·", ",")
    text = re.sub(r"\s*\n+\s*", ". ", text.strip())
    return re.sub(r"\.(\s*\.)+", ".", re.sub(r"[ \t]+", " ", text))

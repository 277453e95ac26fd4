"""The scene stack: the top scene gets the input; push, pop and replace say what they do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from game.scenes.scene import Scene

Callback = Callable[[Any], None]


@dataclass
class _Entry:
    scene: Scene
    on_close: Callback | None


class SceneStack:
    def __init__(self) -> None:
        self._entries: list[_Entry] = []
        self.changed = True
        self.on_layer: Callable[[], None] | None = None  # told before each scene is drawn (self-voicing)

    @property
    def top(self) -> Scene | None:
        return self._entries[-1].scene if self._entries else None

    @property
    def scenes(self) -> list[Scene]:
        return [entry.scene for entry in self._entries]

    def __len__(self) -> int:
        return len(self._entries)

    def push(self, scene: Scene, on_close: Callback | None = None) -> None:
        """Open `scene` on top; `on_close` hears its result when it closes."""
        scene.stack = self
        self._entries.append(_Entry(scene, on_close))
        self.changed = True

    def replace(self, scene: Scene, on_close: Callback | None = None) -> None:
        """Swap the top scene for `scene`, without telling the old one's opener."""
        if self._entries:
            self._entries.pop().scene.stack = None
        self.push(scene, on_close)

    def pop(self, result: Any = None) -> None:
        if self.top is not None:
            self.close(self.top, result)

    def close(self, scene: Scene, result: Any = None) -> None:
        """Remove `scene` (and anything above it) and hand its result to whoever opened it."""
        index = next((i for i, e in enumerate(self._entries) if e.scene is scene), None)
        if index is None:
            return
        entry = self._entries[index]
        del self._entries[index:]
        scene.stack = None
        self.changed = True
        if entry.on_close is not None:
            entry.on_close(result)

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the top scene, and below it every scene an overlay sits on."""
        start = len(self._entries) - 1
        while start > 0 and self._entries[start].scene.overlay:
            start -= 1
        for entry in self._entries[max(0, start):]:
            if self.on_layer is not None:
                self.on_layer()
            entry.scene.draw(surface)
        self.changed = False

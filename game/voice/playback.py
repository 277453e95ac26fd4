"""Playing a rendered line through the game's own audio (pygame's mixer), so it stops the moment we say.

The speaker's thread plays; the window's thread may stop at any time. Without an audio
device the mixer is not there, and a driver that renders to files cannot be heard.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

import pygame


class Playback:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._channel: pygame.mixer.Channel | None = None

    @property
    def available(self) -> bool:
        try:
            return pygame.mixer.get_init() is not None
        except pygame.error:
            return False

    def play(self, path: Path, volume: float) -> bool:
        """Start the sound in `path`; False when it cannot be played (no device, unreadable file)."""
        try:
            sound = pygame.mixer.Sound(str(path))
            sound.set_volume(max(0.0, min(1.0, volume)))
            with self._lock:
                self._channel = sound.play()
            return self._channel is not None
        except (pygame.error, OSError):
            return False

    @property
    def playing(self) -> bool:
        with self._lock:
            channel = self._channel
        try:
            return bool(channel and channel.get_busy())
        except pygame.error:
            return False

    def stop(self) -> None:
        with self._lock:
            channel, self._channel = self._channel, None
        if channel is not None:
            with contextlib.suppress(pygame.error):
                channel.stop()

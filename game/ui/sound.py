"""A phone ring, a pick-up and a hang-up, made from sine tones by our own code.

Without an audio device the game runs silently (and says so once, in Settings).
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
from array import array
from collections.abc import Iterator

import pygame

# Each sound is a list of (frequencies, seconds); an empty frequency list is a pause.
TONES: dict[str, list[tuple[tuple[float, ...], float]]] = {
    "ring": [((440.0, 480.0), 0.9), ((), 0.25), ((440.0, 480.0), 0.9)],
    "pick_up": [((660.0,), 0.07), ((880.0,), 0.09)],
    "hang_up": [((480.0, 620.0), 0.18), ((), 0.08), ((480.0, 620.0), 0.18), ((), 0.08), ((480.0, 620.0), 0.18)],
}


class Sounds:
    def __init__(self, format: tuple[int, int, float] | None):
        self.format = format  # sample rate, channels, volume; None when silent
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        self.enabled = True

    @classmethod
    def silent(cls) -> Sounds:
        return cls(None)

    @classmethod
    def open(cls, volume: float, rate: int) -> Sounds:
        """The generated sounds, or silence when there is no audio device."""
        try:
            with _native_stderr_quiet():
                pygame.mixer.init(frequency=rate, size=-16, channels=1, buffer=512)
            frequency, size, channels = pygame.mixer.get_init()
            if size != -16:
                return cls.silent()
        except (pygame.error, TypeError, ValueError, OSError):
            return cls.silent()
        return cls((frequency, channels, volume))

    @property
    def available(self) -> bool:
        return self.format is not None

    def prepare(self) -> None:
        """Make every sound now (after the first frame is shown, so start-up stays quick); silence makes none."""
        if not self.available:
            return
        for name in TONES:
            self._sound(name)

    def play(self, name: str) -> None:
        if not self.enabled or not self.available:
            return
        try:
            sound = self._sound(name)
            pygame.mixer.stop()
            sound.play()
        except pygame.error:
            self.format = None

    def _sound(self, name: str) -> pygame.mixer.Sound:
        if name not in self.sounds:
            rate, channels, volume = self.format
            self.sounds[name] = _sound(TONES[name], rate, channels, volume)
        return self.sounds[name]


@contextlib.contextmanager
def _native_stderr_quiet() -> Iterator[None]:
    """Without a sound card the ALSA library prints a page of complaints straight to the process's stderr
    while SDL looks for a device; the game says it once in its own words instead. Only the native
    stream is quieted, only on Linux, and only for this moment (before any other thread runs)."""
    if not sys.platform.startswith("linux"):
        yield
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _sound(parts, rate: int, channels: int, volume: float) -> pygame.mixer.Sound:
    samples = array("h")
    for frequencies, seconds in parts:
        samples.extend(_tone(frequencies, seconds, rate, volume))
    if channels > 1:
        samples = array("h", (value for value in samples for _ in range(channels)))
    return pygame.mixer.Sound(buffer=samples.tobytes())


def _tone(frequencies: tuple[float, ...], seconds: float, rate: int, volume: float) -> array:
    count = int(seconds * rate)
    fade = max(1, int(0.01 * rate))  # soft edges: no clicks
    peak = 32767 * volume / max(1, len(frequencies))
    out = array("h", bytes(2 * count))
    for i in range(count if frequencies else 0):
        envelope = min(1.0, i / fade, (count - i) / fade)
        out[i] = int(peak * envelope * sum(math.sin(2 * math.pi * f * i / rate) for f in frequencies))
    return out

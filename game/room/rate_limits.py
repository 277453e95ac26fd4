"""A game that floods the host is slowed down, not the room: each game (and each address) has a bucket of
posts that fills at a steady rate; a post with an empty bucket is answered 429 with when to try again,
before its body is read.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

# A game posts after each turn, a few seconds apart; after a dropped connection, once with all it kept.
PER_GAME = (5.0, 20.0)  # posts per second, and how many at once
# One address may carry many games (the benchmark's 200 bots all come from 127.0.0.1).
PER_ADDRESS = (200.0, 400.0)
FORGET_AFTER = 600.0  # seconds: an idle client's bucket is dropped


@dataclass
class Bucket:
    rate: float
    size: float
    level: float
    at: float

    def take(self, now: float) -> float:
        """0 when a post may go on, else the seconds until it may."""
        self.level = min(self.size, self.level + (now - self.at) * self.rate)
        self.at = now
        if self.level >= 1:
            self.level -= 1
            return 0.0
        return (1 - self.level) / self.rate


@dataclass
class Limits:
    per_game: tuple[float, float] = PER_GAME
    per_address: tuple[float, float] = PER_ADDRESS
    clock: object = time.monotonic
    _buckets: dict[tuple, Bucket] = field(default_factory=dict)
    _swept: float = 0.0

    def wait(self, address: str, game: str) -> float:
        """0 when this game at this address may post now, else the seconds to wait."""
        now = self.clock()
        self._sweep(now)
        return max(self._take(("address", address), self.per_address, now),
                   self._take(("game", address, game[:64]), self.per_game, now))

    def _take(self, key: tuple, rule: tuple[float, float], now: float) -> float:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = Bucket(rule[0], rule[1], rule[1], now)
        return bucket.take(now)

    def _sweep(self, now: float) -> None:
        if now - self._swept < FORGET_AFTER:
            return
        self._swept = now
        for key in [key for key, bucket in self._buckets.items() if now - bucket.at > FORGET_AFTER]:
            del self._buckets[key]

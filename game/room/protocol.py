"""What a game and the workshop host say to each other; docs/room-protocol.md describes it for people.

A game posts a play to `/w/<CODE>/plays` as JSON, in the shape of one entry of `export`'s "plays":
the play's fields and the turns the host has not acknowledged yet (later posts bring more turns, and
the finish fields when the game is over). The host checks it, keeps what it does not have yet (by
play uuid and turn number, as `merge` does), and answers with what it now holds for that play.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

VERSION = 1
SERVICE_TYPE = "_vooruitgang._tcp.local."  # zeroconf: the TXT record carries `code`, `path` and `v`
DEFAULT_PORT = 8765
MOST_BYTES = 512 * 1024  # one post; a whole long game with every text at its longest is far less
CLIENT_HEADER = "x-vooruitgang-client"  # a game's own id, so rate limits are per game, not per address
TIMING_HEADER = "server-timing"  # how long the host took, for the benchmark

CODE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")
_CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to mistype from a projector


def plays_path(code: str) -> str:
    return f"/w/{code}/plays"


def room_path(code: str) -> str:
    return f"/w/{code}"


def is_code(text: str) -> bool:
    return CODE_PATTERN.fullmatch(text) is not None


def same_code(a: str, b: str) -> bool:
    """Codes are typed from a projector: case and surrounding spaces do not matter."""
    return a.strip().casefold() == b.strip().casefold()


def new_code() -> str:
    """A code to read off a projector and type: six letters and digits, as ABC-123."""
    letters = "".join(secrets.choice(_CODE_LETTERS) for _ in range(6))
    return f"{letters[:3]}-{letters[3:]}"


@dataclass(frozen=True)
class Ack:
    """The host's answer to a post: what it holds of the play now.

    `through`: the highest turn number n such that turns 1..n are all held; the game marks those sent.
    `turns`: how many turns are held; `finished`: whether the play's ending is held.
    """

    play: str
    through: int
    turns: int
    finished: bool
    added: int = 0  # turns this post added (0 for a repeat)

    def as_json(self) -> dict:
        return {"play": self.play, "through": self.through, "turns": self.turns, "finished": self.finished,
                "added": self.added, "v": VERSION}

    @classmethod
    def from_json(cls, data: dict) -> Ack:
        return cls(str(data["play"]), int(data["through"]), int(data["turns"]), bool(data["finished"]),
                   int(data.get("added", 0)))


def through(numbers: set[int] | frozenset[int]) -> int:
    """The highest n with 1..n all in `numbers`."""
    n = 0
    while n + 1 in numbers:
        n += 1
    return n

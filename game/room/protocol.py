"""What a game and the workshop host say to each other; docs/room-protocol.md describes it for people.

A game posts a play to `/w/<CODE>/plays` as JSON, in the shape of one entry of `export`'s "plays":
the play's fields and the turns the host has not acknowledged yet (later posts bring more turns, and
the finish fields when the game is over). The host checks it, keeps its turns as the game's own results
file keeps them (`taken`: the turn made last is the truth), and answers with what it now holds of that play.
"""

from __future__ import annotations

import math
import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

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
    added: int = 0  # turns this post added or replaced (0 for a repeat)
    file: str = ""  # the id of the host's results file (`Journal.file_id`): what the marks are marks of

    def as_json(self) -> dict:
        return {"play": self.play, "through": self.through, "turns": self.turns, "finished": self.finished,
                "added": self.added, "file": self.file, "v": VERSION}

    @classmethod
    def from_json(cls, data: dict) -> Ack:
        return cls(str(data["play"]), int(data["through"]), int(data["turns"]), bool(data["finished"]),
                   int(data.get("added", 0)), str(data.get("file", "")))


def through(numbers: set[int] | frozenset[int]) -> int:
    """The highest n with 1..n all in `numbers`."""
    n = 0
    while n + 1 in numbers:
        n += 1
    return n


def taken(held: dict[int, float], turns: list[dict]) -> tuple[list[dict], set[int]]:
    """Which posted turns the host takes, and which of the turns it holds they replace (`held`: number ->
    wall time); as a game's own results file keeps them: the turn made last is the truth.

    A game writes a turn over any turn with its number or later (after a reload, F5, the game may go on from
    an earlier turn), and every turn carries the moment it was made. So a posted turn replaces the held turns
    from its number on that were made before it; it is left out when the host holds that turn as made at the
    same moment or later, or when an earlier turn the host holds was made after it (a post that arrives late,
    after its turns were replaced). Posts may arrive in any order, and twice: the outcome is the same.
    """
    held = dict(held)
    kept, replaced = [], set()
    for turn in sorted(turns, key=lambda turn: turn["number"]):
        number, made = turn["number"], turn["wall_time"]
        if held.get(number, -math.inf) >= made or any(m < number and t > made for m, t in held.items()):
            continue
        for older in [m for m, t in held.items() if m >= number and t < made]:
            del held[older]
            replaced.add(older)
        held[number] = made
        kept.append(turn)
    return kept, replaced


@dataclass(frozen=True)
class Address:
    """An address a trainee typed: the host's (`http://192.168.1.20:8765`), with the room's code when the
    address is the one the projector shows and its QR code holds (`http://192.168.1.20:8765/w/ACME-3`)."""

    url: str
    code: str = ""


def address_of(text: str) -> Address | None:
    """What a trainee typed in Settings as the host's address; None when it cannot be one.
    The scheme may be left out (`192.168.1.20:8765`); the port defaults to the host's."""
    text = text.strip()
    if not text:
        return None
    parts = urlsplit(text if "://" in text else f"http://{text}")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        return None
    if parts.scheme.lower() != "http" or not parts.hostname or parts.username or parts.password:
        return None
    found = re.fullmatch(r"/w/([^/]+)(?:/.*)?", parts.path)
    code = found.group(1) if found and is_code(found.group(1)) else ""
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return Address(f"http://{host}:{port}", code)

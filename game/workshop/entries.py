"""What the journal is told: a game begun, a turn made, a game ended.

Each entry is plain data, made the moment it happens (on the drawing thread, from the
model's objects) and written later (on the journal's writer thread), so the window never
waits for the disk. Entries are idempotent: writing one twice leaves the file as writing it
once, which is what lets a failed write simply be tried again. A play is known by its uuid
everywhere (this file, an export, a live host), a turn by its play and number.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from game.model.playthrough import Playthrough
from game.model.reading import Reading
from game.model.turn import Turn
from game.text import replied, said

Row = dict[str, Any]


@dataclass(frozen=True)
class Begun:
    """A playthrough started: its row in `plays`."""

    play: Row

    @property
    def play_uuid(self) -> str:
        return self.play["uuid"]


@dataclass(frozen=True)
class Turned:
    """A turn made. It replaces any turn with its number or later: after a reload (F5) the game may go
    on from an earlier turn, and the turn made last is the truth."""

    play_uuid: str
    turn: Row


@dataclass(frozen=True)
class Ended:
    """The game is over: its outcome and score, with every turn (any turn not written yet is written now)."""

    play_uuid: str
    ending: Row
    turns: tuple[Row, ...]


@dataclass(frozen=True)
class SetAside:
    """The trainee chose not to play this unfinished game on; it is not offered again."""

    play_uuid: str


@dataclass(frozen=True)
class Read:
    """The trainee's reading of the buyer in this play: its row in `readings`; the first one written counts."""

    play_uuid: str
    reading: Row


@dataclass(frozen=True)
class Practised:
    """An answer given in practice at a decision point of a recorded play: its row in `practice`."""

    answer: Row


Entry = Begun | Turned | Ended | SetAside | Read | Practised


def scenario_key(path: str) -> str:
    """A scenario's name across laptops: its file name, wherever the folder is."""
    return PurePath(path.replace("\\", "/")).name


def begun(play: Playthrough, trainee: str, workshop: str, seed: int | None = None, play_uuid: str = "") -> Begun:
    scenario = play.scenario
    return Begun({
        "uuid": play_uuid or str(uuid.uuid4()), "trainee": trainee.strip(), "workshop": workshop.strip(),
        "scenario_path": scenario.path, "scenario_key": scenario_key(scenario.path),
        "scenario_title": scenario.title, "scenario_version": scenario.version, "language": scenario.language,
        "seed": seed, "motive": play.motive, "started": play.clock(),
    })


def turned(play_uuid: str, turn: Turn, language: str) -> Turned:
    """A turn as the journal keeps it: what was said, in words, in the scenario's `language`."""
    return Turned(play_uuid, turn_row(turn, language))


def ended(play_uuid: str, play: Playthrough) -> Ended:
    score = play.score
    ending = {"finished": play.clock(), "outcome": play.ending, "stage": play.deal.stage, "score": score.total,
              "parts": json.dumps(score.parts)}
    return Ended(play_uuid, ending, tuple(turn_row(turn, play.scenario.language) for turn in play.turns))


def read(play_uuid: str, reading: Reading) -> Read:
    return Read(play_uuid, {"play_uuid": play_uuid, "motive": reading.motive, "confidence": reading.confidence,
                            "after_turn": reading.after, "wall_time": reading.wall_time})


def turn_row(turn: Turn, language: str) -> Row:
    return {
        "number": turn.number, "wall_time": turn.wall_time, "kind": turn.kind,
        "outcome": turn.outcome, "day": turn.moment.day, "minute": turn.moment.minute, "channel": turn.channel or "",
        "call_id": turn.call_id, "point_id": turn.point_id, "choice": turn.choice, "say": said(language, turn),
        "aim": turn.aim or "", "reply": replied(language, turn), "verdict": turn.verdict, "points": turn.points,
        "reasons": json.dumps(list(turn.judgement.reasons)), "stage_before": turn.change.stage_before,
        "stage_after": turn.change.stage_after,
    }

"""What the host holds of its workshop, in memory: every play with its turns, as its journal has them.

The journal is the truth and is written first (`host_writer`); the room is updated after each write with the
same rules (a play is known by its uuid; the ending is taken once; its turns as `protocol.taken` says),
so it always says what the journal holds, and the projector is drawn from it without reading the disk.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from game.model.deal import Stage
from game.room.protocol import Ack, taken, through
from game.workshop.journal import FINISH_COLUMNS, TURN_RECORD, PlayRecord, TurnRecord


@dataclass(frozen=True, slots=True)
class HeldTurn:
    """Of a turn, only what the projector shows: the report's view of it, and the stage it left the deal in."""

    record: TurnRecord
    stage_after: str
    made: float  # its wall time: a later version of the turn replaces it


@dataclass
class HeldPlay:
    fields: dict  # the play's columns, as posted first (the ending once it came)
    turns: dict[int, HeldTurn] = field(default_factory=dict)
    arrived: float = 0.0  # when the host first heard of it
    _record: PlayRecord | None = None

    @property
    def uuid(self) -> str:
        return self.fields["uuid"]

    @property
    def finished(self) -> bool:
        return self.fields.get("finished") is not None

    @property
    def stage(self) -> str:
        if self.finished and self.fields.get("stage"):
            return self.fields["stage"]
        return self.turns[max(self.turns)].stage_after if self.turns else Stage.QUOTE_SENT

    @property
    def score(self) -> float:
        """The final score, or the points so far (a score is the sum of its turns)."""
        if self.finished and self.fields.get("score") is not None:
            return self.fields["score"]
        return sum(turn.record.points for turn in self.turns.values())

    def record(self) -> PlayRecord:
        """As the report reads a play from a journal, so the report's computations serve the room."""
        if self._record is None:
            f = self.fields
            reading = f.get("reading") or {}
            turns = tuple(self.turns[n].record for n in sorted(self.turns))
            self._record = PlayRecord(0, f["uuid"], f["trainee"], f["workshop"], f["scenario_key"],
                                      f["scenario_title"], f["scenario_version"], f["language"], f["seed"],
                                      f["motive"], f["started"], f.get("finished"), f.get("outcome"),
                                      f.get("score"), None, "", turns, guessed=reading.get("motive", ""),
                                      confidence=reading.get("confidence", ""))
        return self._record


@dataclass(frozen=True)
class Position:
    """Where one trainee is now: their latest play."""

    trainee: str
    number: int  # in the order trainees joined: "Trainee 3" stays Trainee 3 all day
    scenario: str
    stage: str
    score: float
    finished: bool
    outcome: str | None


class Room:
    """Used from the event loop only; `absorb` after the journal has the play."""

    def __init__(self, code: str, clock=time.time, file: str = ""):
        self.code = code
        self.file = file  # the id of the results file behind the room, in every acknowledgement
        self.plays: dict[str, HeldPlay] = {}
        self.numbers: dict[str, int] = {}  # trainee (casefolded) -> number in order of joining
        self.version = 0
        self.clock = clock

    def load(self, plays: list[dict]) -> None:
        """What the journal held at start (`transfer.dump`), oldest first."""
        for play in plays:
            self.absorb(play)

    def absorb(self, play: dict) -> Ack:
        held = self.plays.get(play["uuid"])
        if held is None:
            fields = {name: value for name, value in play.items() if name not in ("turns", "notes", "practice")}
            held = self.plays[play["uuid"]] = HeldPlay(fields, arrived=self.clock())
            self.numbers.setdefault(play["trainee"].strip().casefold(), len(self.numbers) + 1)
        elif not held.finished and play.get("finished") is not None:
            held.fields.update({name: play[name] for name in FINISH_COLUMNS})
            held._record = None
            self.version += 1
        if play.get("reading") and not held.fields.get("reading"):  # the first reading counts, as in the journal
            held.fields["reading"] = play["reading"]
            held._record = None
        kept, replaced = taken({n: turn.made for n, turn in held.turns.items()}, play.get("turns", []))
        for number in replaced:
            del held.turns[number]
        for turn in kept:
            record = TurnRecord(*(turn[name] for name in TURN_RECORD))
            held.turns[turn["number"]] = HeldTurn(record, turn["stage_after"], turn["wall_time"])
        if kept or replaced or held._record is None:
            held._record = None
            self.version += 1
        return self.ack(held, len(kept))

    def held(self, uuid: str) -> Ack | None:
        held = self.plays.get(uuid)
        return self.ack(held) if held else None

    def ack(self, held: HeldPlay, added: int = 0) -> Ack:
        return Ack(held.uuid, through(held.turns.keys()), len(held.turns), held.finished, added, self.file)

    # --- what the projector shows ----------------------------------------------------------

    def records(self) -> list[PlayRecord]:
        return [held.record() for held in sorted(self.plays.values(), key=lambda h: (h.fields["started"], h.uuid))]

    def positions(self) -> list[Position]:
        latest: dict[str, HeldPlay] = {}
        for held in self.plays.values():
            key = held.fields["trainee"].strip().casefold()
            if key not in latest or (held.fields["started"], held.arrived) >= (
                    latest[key].fields["started"], latest[key].arrived):
                latest[key] = held
        positions = [Position(held.fields["trainee"].strip(), self.numbers[key], held.fields["scenario_key"],
                              held.stage, held.score, held.finished, held.fields.get("outcome"))
                     for key, held in latest.items()]
        return sorted(positions, key=lambda position: position.number)

    def outcomes(self) -> Counter:
        return Counter(held.fields["outcome"] for held in self.plays.values() if held.finished)

    @property
    def turns(self) -> int:
        return sum(len(held.turns) for held in self.plays.values())

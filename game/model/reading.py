"""Reading the buyer: once per game the trainee says which hidden motive they think the buyer has, and how sure.

The guess never touches the deal or the score: it is kept beside the playthrough, so the debrief can show
what the trainee thought and what it was, and their history how well their confidence matched reality.

All four motives are always offered, whatever the scenario can draw: offering only the scenario's own would
give the answer away in a scenario with one fixed motive, and a seller on the phone does not know which
motives are possible either. The same question everywhere also makes readings of different scenarios comparable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from game.model.motive import Motive


class Confidence(StrEnum):
    """How sure the trainee is of their reading: three steps."""

    GUESS = "guess"
    FAIRLY_SURE = "fairly_sure"
    SURE = "sure"


# How often a reading at each step would be right if the trainee's confidence matched reality: from chance (one
# motive in four) for a guess, to always for sure, evenly between. The calibration line is drawn against it.
MATCHED = {Confidence.GUESS: 0.25, Confidence.FAIRLY_SURE: 0.625, Confidence.SURE: 1.0}


class ReadAt(StrEnum):
    """When the scenario asks for the reading (`read_the_buyer:`); a decision point's id is the fourth way."""

    FIRST_CALL = "first_call"  # when the first call that got through is over
    END = "end"                # when the game is over, before the debrief
    NEVER = "never"


@dataclass(frozen=True)
class Reading:
    """What the trainee thought: the motive, how sure, after how many turns, and when (the wall clock)."""

    motive: Motive
    confidence: Confidence
    after: int = 0
    wall_time: float = 0.0

    def right(self, actual: Motive) -> bool:
        return self.motive == actual


def reading_due(when: str, heard: bool, ended: bool, in_call: bool, points_answered: Iterable[str],
                last_point: str | None) -> bool:
    """Whether now is the moment to ask for the reading, given where the game is.

    Only once the trainee has heard the buyer (a call got through): a reading with nothing to go on teaches
    nothing. A game that ends before the chosen moment came asks at its end, so every game in which the buyer
    was heard gets its reading, unless the scenario says `never`.
    """
    if when == ReadAt.NEVER or not heard:
        return False
    if ended:
        return True
    if when == ReadAt.END:
        return False
    if when == ReadAt.FIRST_CALL:
        return not in_call
    # a decision point: right after the buyer answered there (also when the call went on), or any time after
    return last_point == when if in_call else when in set(points_answered)


@dataclass(frozen=True)
class Tally:
    right: int = 0
    total: int = 0

    @property
    def share(self) -> float | None:
        return self.right / self.total if self.total else None


def calibration(readings: Iterable[tuple[Confidence, bool]]) -> dict[Confidence, Tally]:
    """Per confidence step, how many readings were right of how many: the points of the calibration line."""
    counts = {step: [0, 0] for step in Confidence}
    for confidence, right in readings:
        counts[Confidence(confidence)][0] += bool(right)
        counts[Confidence(confidence)][1] += 1
    return {step: Tally(right, total) for step, (right, total) in counts.items()}

"""Scoring on real progress: every turn is judged by what changed in the deal.

A turn's points are the value of the stage it reached minus the stage it left, plus
an agreed next contact, minus what it cost in contacts and minutes. The score is
the sum over the turns, so the debrief can show exactly where it came from. It can
be negative: contacts spent on a deal that did not move are a real cost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from game.model.deal import stage_rank

VOORUITGANG = "vooruitgang"
VOORTGANG = "voortgang"
ACHTERUITGANG = "achteruitgang"
VERDICTS = (VOORUITGANG, VOORTGANG, ACHTERUITGANG)


@dataclass(frozen=True)
class ScoreWeights:
    stages: dict[str, float]
    appointment: float
    missed_appointment: float
    per_contact: float
    per_minute: float


@dataclass(frozen=True)
class Change:
    """What one turn did to the deal, and what it cost."""

    stage_before: str
    stage_after: str
    appointment_agreed: bool = False
    appointment_missed: bool = False
    contacts: int = 0
    minutes: int = 0


@dataclass(frozen=True)
class Judgement:
    verdict: str
    points: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    """The total shown to the trainee, and the parts it is made of (stages, appointments, contacts, minutes)."""

    total: int
    parts: dict[str, float] = field(default_factory=dict)


def judge(change: Change, weights: ScoreWeights) -> Judgement:
    """The verdict follows the stage and the next contact, never the phrasing's label."""
    before, after = stage_rank(change.stage_before), stage_rank(change.stage_after)
    reasons = []
    if after > before:
        reasons.append("stage_up")
    elif after < before:
        reasons.append("stage_down")
    if change.appointment_agreed:
        reasons.append("appointment_agreed")
    if change.appointment_missed:
        reasons.append("appointment_missed")
    if not reasons:
        reasons.append("nothing_changed")
    return Judgement(_verdict(before, after, change.appointment_agreed), points(change, weights), tuple(reasons))


def _verdict(before: int, after: int, appointment_agreed: bool) -> str:
    if after < before:
        return ACHTERUITGANG
    if after > before or appointment_agreed:
        return VOORUITGANG
    return VOORTGANG


def points(change: Change, weights: ScoreWeights) -> float:
    return sum(parts(change, weights).values())


def parts(change: Change, weights: ScoreWeights) -> dict[str, float]:
    return {
        "stages": weights.stages[change.stage_after] - weights.stages[change.stage_before],
        "appointments": weights.appointment * change.appointment_agreed
        - weights.missed_appointment * change.appointment_missed,
        "contacts": -weights.per_contact * change.contacts,
        "minutes": -weights.per_minute * change.minutes,
    }


def score(changes: Iterable[Change], weights: ScoreWeights) -> Score:
    totals = {"stages": 0.0, "appointments": 0.0, "contacts": 0.0, "minutes": 0.0}
    for change in changes:
        for name, value in parts(change, weights).items():
            totals[name] += value
    total = round(sum(totals.values()))
    return Score(total=total, parts=totals)

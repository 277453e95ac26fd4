"""Scoring on real progress: every turn is judged by what changed in the deal.

A turn's points are the value of the stage it reached minus the stage it left, plus an
agreed next contact and a kept one, minus a moment let pass, minus what the turn cost in
contacts and minutes. Every weight is a whole number, so the score is exactly the sum of
the turns the debrief shows. It can be negative: contacts spent on a deal that did not
move are a real cost.

A turn is vooruitgang only when it gained something and its points are above zero; when
the time it took outweighs the gain, it is voortgang and says so. A turn that moves the
deal back is achteruitgang. So a verdict and its points never disagree in sign.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from game.model.deal import Stage, stage_rank


class Verdict(StrEnum):
    VOORUITGANG = "vooruitgang"      # progress: the deal moved
    VOORTGANG = "voortgang"          # the deal was kept alive, and stayed where it was
    ACHTERUITGANG = "achteruitgang"  # the deal moved back


PROLONGING = (Verdict.VOORTGANG, Verdict.ACHTERUITGANG)  # a turn that did not move the deal forward


PARTS = ("stages", "appointments", "contacts", "minutes")


@dataclass(frozen=True)
class ScoreWeights:
    stages: dict[Stage, int]
    appointment: int         # a concrete moment for the next contact, agreed
    kept_appointment: int    # a call at that moment that gets through
    missed_appointment: int  # an agreed moment let pass, or still open when the game ends
    per_contact: int
    per_minute: int


@dataclass(frozen=True)
class Change:
    """What one turn did to the deal, and what it cost."""

    stage_before: Stage
    stage_after: Stage
    appointment_agreed: bool = False    # the first moment agreed at this stage of the deal: it counts
    appointment_missed: bool = False    # an agreed moment let pass, or still open at the end
    contacts: int = 0
    minutes: int = 0
    appointment_kept: bool = False      # a call at an agreed moment that counted, and it got through
    appointment_repeated: bool = False  # a moment agreed, or kept, at a stage that had one already
    taken_back: int = 0                 # appointment bonuses that rested on a moment never kept
    step_lapsed: bool = False           # at the end: the step agreed was never kept


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    points: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    """The total shown to the trainee, and the parts it is made of (stages, appointments, contacts, minutes)."""

    total: int
    parts: dict[str, int] = field(default_factory=dict)


def judge(change: Change, weights: ScoreWeights) -> Judgement:
    """The verdict follows what the turn gained and what it cost, never the phrasing's label."""
    total = points(change, weights)
    before, after = stage_rank(change.stage_before), stage_rank(change.stage_after)
    reasons = []
    if after > before:
        reasons.append("stage_up")
        if change.stage_after == Stage.CLEAR_NO:
            reasons.append("clear_no")
    elif after < before:
        reasons.append("step_lapsed" if change.step_lapsed else "stage_down")
    for flag in ("appointment_agreed", "appointment_repeated", "appointment_kept", "appointment_missed"):
        if getattr(change, flag):
            reasons.append(flag)
    if change.taken_back:
        reasons.append("appointment_taken_back")
    gained = after > before or change.appointment_agreed or change.appointment_kept
    if after < before:
        verdict = Verdict.ACHTERUITGANG
    elif gained and total > 0:
        verdict = Verdict.VOORUITGANG
    else:
        verdict = Verdict.VOORTGANG
        if gained:
            reasons.append("time_outweighs")
    if not reasons:
        reasons.append("nothing_changed")
    return Judgement(verdict, total, tuple(reasons))


def points(change: Change, weights: ScoreWeights) -> int:
    return sum(parts(change, weights).values())


def parts(change: Change, weights: ScoreWeights) -> dict[str, int]:
    return {
        "stages": weights.stages[change.stage_after] - weights.stages[change.stage_before],
        "appointments": weights.appointment * (change.appointment_agreed - change.taken_back)
        + weights.kept_appointment * change.appointment_kept
        - weights.missed_appointment * change.appointment_missed,
        "contacts": -weights.per_contact * change.contacts,
        "minutes": -weights.per_minute * change.minutes,
    }


def score(changes: Iterable[Change], weights: ScoreWeights) -> Score:
    totals = dict.fromkeys(PARTS, 0)
    for change in changes:
        for name, value in parts(change, weights).items():
            totals[name] += value
    return Score(total=sum(totals.values()), parts=totals)

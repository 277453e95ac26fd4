"""Practice what you missed: when a decision point the trainee prolonged at comes back, spaced out.

A moment comes back 1 day after the trainee said a prolonging phrasing there; answered well, 3 days later,
then 7; answered well once more, it is learned and rests. Answered poorly at any step, it starts again at
1 day. A good answer before the moment is due (the same point played well again in a game the same
evening) leaves it where it was: what is still fresh proves little. Every answer there counts, in a game or in
practice, so the schedule follows from the answers alone and two laptops' files merged give one schedule.

Why a fixed ladder and not `fsrs` (the Free Spaced Repetition Scheduler, on PyPI): FSRS fits stability and
difficulty per card from many reviews rated in four grades, and its learning steps are in minutes. Here a
moment gets a handful of answers, each simply right or not, and a trainee or trainer can read "after 1, 3
and 7 days" where an FSRS state (stability 4.93, difficulty 5.1) explains nothing; its card state would also
have to be stored, merged and migrated as its format changes between major versions. The ladder is a few lines
of pure model code, testable by moving the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

DAY = 24 * 60 * 60
INTERVALS = (1, 3, 7)  # days until a moment comes back, at each step of the ladder


@dataclass(frozen=True, order=True)
class Answer:
    """What the trainee said at a decision point, and when (seconds on the wall clock): moved the deal or not."""

    when: float
    good: bool


@dataclass(frozen=True)
class Spacing:
    """Where a moment stands: its step on the ladder, and when it is due again (None: learned, it rests)."""

    step: int
    due: float | None
    missed: float  # when it was last missed: the answer whose situation comes back

    @property
    def learned(self) -> bool:
        return self.due is None

    def is_due(self, now: float) -> bool:
        return self.due is not None and self.due <= now

    def days_until(self, now: float) -> int | None:
        """Whole days until it comes back, rounded up; None when learned."""
        return None if self.due is None else max(0, -int((now - self.due) // DAY))


def spacing(answers: Iterable[Answer]) -> Spacing | None:
    """Where the moment stands after these answers, in time order; None when it was never missed."""
    found: Spacing | None = None
    for answer in sorted(answers):
        found = after(found, answer)
    return found


def after(found: Spacing | None, answer: Answer) -> Spacing | None:
    """Where the moment stands once `answer` is given: the ladder's one rule."""
    if not answer.good:
        return Spacing(0, answer.when + INTERVALS[0] * DAY, answer.when)
    if found is None or not found.is_due(answer.when):
        return found
    step = found.step + 1
    return Spacing(step, answer.when + INTERVALS[step] * DAY if step < len(INTERVALS) else None, found.missed)

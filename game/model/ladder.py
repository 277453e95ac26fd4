"""The priority ladder: whom a buyer gives his attention to first.

Top of the list wins. By default: partner, family and friends, the boss, own
customers, current suppliers, and last the prospective supplier: the trainee.
"""

from __future__ import annotations

from dataclasses import dataclass

PROSPECT = "prospect"


@dataclass(frozen=True)
class PriorityLadder:
    rungs: tuple[str, ...]

    def rank(self, who: str) -> float:
        """0 is the top of the ladder; a larger number loses."""
        return float(self.rungs.index(who))

    def rank_above(self, who: str) -> float:
        """A rank just above `who`: where an agreed appointment lifts the trainee."""
        return self.rank(who) - 0.5

    def outranks(self, rank: float, other: float) -> bool:
        """Whether rank wins over other; a tie goes to whoever already has the buyer."""
        return rank < other

    @property
    def prospect_rank(self) -> float:
        return self.rank(PROSPECT)

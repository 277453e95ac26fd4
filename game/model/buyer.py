"""The buyer's attention, as a `transitions` state machine ruled by the priority ladder.

At any moment the buyer is free, claimed by someone on the ladder, or on the phone
with the trainee. Whoever ranks higher gets (or keeps) the buyer.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from transitions import Machine

from game.model.ladder import PriorityLadder


class Attention(StrEnum):
    """Who has the buyer's attention."""

    FREE = "free"
    CLAIMED = "claimed"  # someone on the ladder
    ON_CALL = "on_call"  # the trainee


_TRANSITIONS = [
    {"trigger": "settle", "source": [Attention.FREE, Attention.CLAIMED], "dest": Attention.CLAIMED,
     "conditions": "_has_claim"},
    {"trigger": "settle", "source": Attention.CLAIMED, "dest": Attention.FREE},
    {"trigger": "settle", "source": Attention.FREE, "dest": None},  # free, and nobody claims him: nothing changes
    {"trigger": "pick_up", "source": Attention.FREE, "dest": Attention.ON_CALL},
    {"trigger": "pick_up", "source": Attention.CLAIMED, "dest": Attention.ON_CALL,
     "conditions": "_trainee_outranks_claim"},
    # Someone higher on the ladder cuts the trainee's call short; the buyer is theirs then.
    {"trigger": "interrupt", "source": Attention.ON_CALL, "dest": Attention.CLAIMED,
     "conditions": "_claim_outranks_trainee"},
    {"trigger": "hang_up", "source": Attention.ON_CALL, "dest": Attention.FREE},
    {"trigger": "hang_up", "source": Attention.CLAIMED, "dest": None},  # a call cut short has ended already
]


class Buyer:
    """Who has the buyer's attention, with a machine of its own. `trainee_rank` is the trainee's place now.

    The machine binds the triggers `settle()`, `pick_up()`, `interrupt()` and `hang_up()`, and
    `may_<trigger>()` for each.
    """

    state: Attention

    def __init__(self, ladder: PriorityLadder):
        self.ladder = ladder
        self.claimed_by: str | None = None
        self.trainee_rank = ladder.prospect_rank
        self.let_it_ring = False  # the last call could have been taken, but was not
        Machine(model=self, states=Attention, transitions=_TRANSITIONS, initial=Attention.FREE, auto_transitions=False)

    def attend(self, who: str | None) -> None:
        """Whoever claims the buyer at this moment (None: nobody)."""
        self.claimed_by = who
        self.settle()

    def answer(self, trainee_rank: float, willing: Callable[[], bool] | None = None) -> bool:
        """The trainee rings; whether the buyer takes the call.

        `willing` is asked only when nobody above the trainee has the buyer: whether the buyer
        feels like picking up. When not, `let_it_ring` is true.
        """
        self.trainee_rank = trainee_rank
        self.let_it_ring = False
        if not self.may_pick_up():
            return False  # someone higher on the ladder has him
        if willing is not None and not willing():
            self.let_it_ring = True
            return False
        return self.pick_up()

    def call_in(self, who: str) -> bool:
        """Someone rings while the buyer is on the phone with the trainee; whether the call is cut."""
        previous = self.claimed_by
        self.claimed_by = who
        if self.interrupt():
            return True
        self.claimed_by = previous
        return False

    def _has_claim(self) -> bool:
        return self.claimed_by is not None

    def _trainee_outranks_claim(self) -> bool:
        return self.ladder.outranks(self.trainee_rank, self.ladder.rank(self.claimed_by))

    def _claim_outranks_trainee(self) -> bool:
        return self.ladder.outranks(self.ladder.rank(self.claimed_by), self.trainee_rank)

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


FREE, CLAIMED, ON_CALL = Attention.FREE, Attention.CLAIMED, Attention.ON_CALL

_TRANSITIONS = [
    {"trigger": "settle", "source": [FREE, CLAIMED], "dest": CLAIMED, "conditions": "_has_claim"},
    {"trigger": "settle", "source": [FREE, CLAIMED], "dest": FREE},
    {"trigger": "pick_up", "source": FREE, "dest": ON_CALL, "conditions": "_willing"},
    {"trigger": "pick_up", "source": CLAIMED, "dest": ON_CALL, "conditions": ["_trainee_outranks_claim", "_willing"]},
    # Someone higher on the ladder cuts the trainee's call short.
    {"trigger": "interrupt", "source": ON_CALL, "dest": CLAIMED, "conditions": "_claim_outranks_trainee"},
    {"trigger": "hang_up", "source": ON_CALL, "dest": FREE},
]


# One machine for every buyer (building one per game costs more than the game); a buyer keeps
# its own `state`, and the machine's events act on the buyer they are given.
_MACHINE = Machine(model=None, states=Attention, transitions=_TRANSITIONS, initial=FREE,
                   auto_transitions=False, ignore_invalid_triggers=True)


class Buyer:
    """Who has the buyer's attention. `rank` is the trainee's place right now."""

    state: Attention

    def __init__(self, ladder: PriorityLadder):
        self.ladder = ladder
        self.claimed_by: str | None = None
        self.trainee_rank = ladder.prospect_rank
        self.willing: Callable[[], bool] = _always
        self.let_it_ring = False  # the last call could have been taken, but was not
        self.state = FREE

    def settle(self) -> bool:
        return _MACHINE.events["settle"].trigger(self)

    def pick_up(self) -> bool:
        return _MACHINE.events["pick_up"].trigger(self)

    def interrupt(self) -> bool:
        return _MACHINE.events["interrupt"].trigger(self)

    def hang_up(self) -> bool:
        return _MACHINE.events["hang_up"].trigger(self)

    def attend(self, who: str | None) -> None:
        """Whoever claims the buyer at this moment (None: nobody)."""
        self.claimed_by = who
        if who is None and self.state == FREE:
            return  # most rings find the buyer free and unclaimed; settling would go from free to free
        self.settle()

    def answer(self, trainee_rank: float, willing: Callable[[], bool] | None = None) -> bool:
        """The trainee rings; whether the buyer takes the call.

        `willing` is asked only when nobody above the trainee has the buyer: whether the buyer
        feels like picking up. When not, `let_it_ring` is true.
        """
        self.trainee_rank = trainee_rank
        self.willing = willing or _always
        self.let_it_ring = False
        return bool(self.pick_up())

    def call_in(self, who: str) -> bool:
        """Someone rings while the buyer is on the phone with the trainee; whether the call is cut."""
        previous = self.claimed_by
        self.claimed_by = who
        if self.interrupt():
            return True
        self.claimed_by = previous
        return False

    def _willing(self) -> bool:
        self.let_it_ring = not self.willing()
        return not self.let_it_ring

    def _has_claim(self) -> bool:
        return self.claimed_by is not None

    def _trainee_outranks_claim(self) -> bool:
        return self.ladder.outranks(self.trainee_rank, self.ladder.rank(self.claimed_by))

    def _claim_outranks_trainee(self) -> bool:
        return self.ladder.outranks(self.ladder.rank(self.claimed_by), self.trainee_rank)


def _always() -> bool:
    return True

"""The deal: where the quote stands, as a `transitions` state machine.

The stages are ordered by how well-known the deal's position is; a move the
machine does not allow from the current stage changes nothing, and that is what
makes a turn voortgang however it was meant.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from transitions import Machine

logging.getLogger("transitions").setLevel(logging.WARNING)


class Stage(StrEnum):
    """Where the quote stands, from least to best known; an order and a clear no close the deal."""

    QUOTE_SENT = "quote_sent"
    REACHED = "reached"
    POSITION_KNOWN = "position_known"
    STEP_AGREED = "step_agreed"
    ORDER = "order"
    CLEAR_NO = "clear_no"

    @property
    def closed(self) -> bool:
        """The deal is decided: the game ends here."""
        return self in (Stage.ORDER, Stage.CLEAR_NO)


class Move(StrEnum):
    """What a phrasing can do to the deal: a scenario's `deal:`."""

    REVEAL = "reveal"
    AGREE_STEP = "agree_step"
    ORDER = "order"
    DECLINE = "decline"
    REOPEN = "reopen"  # open, needs-probing questions make everything negotiable again


# The deal's own events, not a phrasing's: getting through to the buyer, and at the end of the
# game a step never kept, which is worth no more than no step at all.
REACH = "reach"
LAPSE = "lapse"
OPEN_STAGES = [stage for stage in Stage if not stage.closed]

_TRANSITIONS = [
    {"trigger": REACH, "source": Stage.QUOTE_SENT, "dest": Stage.REACHED},
    {"trigger": Move.REVEAL, "source": Stage.REACHED, "dest": Stage.POSITION_KNOWN},
    {"trigger": Move.AGREE_STEP, "source": [Stage.REACHED, Stage.POSITION_KNOWN], "dest": Stage.STEP_AGREED},
    {"trigger": Move.ORDER, "source": [Stage.REACHED, Stage.POSITION_KNOWN, Stage.STEP_AGREED], "dest": Stage.ORDER},
    {"trigger": Move.DECLINE, "source": OPEN_STAGES, "dest": Stage.CLEAR_NO},
    {"trigger": Move.REOPEN, "source": [Stage.POSITION_KNOWN, Stage.STEP_AGREED], "dest": Stage.REACHED},
    {"trigger": LAPSE, "source": Stage.STEP_AGREED, "dest": Stage.POSITION_KNOWN, "conditions": "stepped_from_known"},
    {"trigger": LAPSE, "source": Stage.STEP_AGREED, "dest": Stage.REACHED},
]
_STATES = [{"name": stage, "final": stage.closed} for stage in Stage]


# One machine for every deal: building one costs more than a whole headless playthrough.
# A deal keeps only its `state`; the machine's events act on the deal they are given.
_MACHINE = Machine(model=None, states=_STATES, transitions=_TRANSITIONS, initial=Stage.QUOTE_SENT,
                   auto_transitions=False, ignore_invalid_triggers=True)


class Deal:
    """One deal's stage. `make(move)` returns whether the stage changed."""

    state: Stage

    def __init__(self, stage: Stage = Stage.QUOTE_SENT):
        self.state = Stage(stage)
        self.step_from = Stage.REACHED  # where the deal stood before its step was agreed

    @property
    def stage(self) -> Stage:
        return self.state

    @property
    def is_closed(self) -> bool:
        return self.state.closed

    def make(self, move: str) -> bool:
        if not self.allows(move):
            return False  # the machine would ignore it too, after logging a warning that costs more than the move
        before = self.state
        _MACHINE.events[move].trigger(self)
        if move == Move.AGREE_STEP:
            self.step_from = before
        return self.state != before

    def stepped_from_known(self) -> bool:
        return self.step_from == Stage.POSITION_KNOWN

    def allows(self, move: str) -> bool:
        return bool(_MACHINE.events[move].transitions.get(self.state.name))


def stage_rank(stage: str) -> int:
    """Order of the open stages; final stages rank above all open ones."""
    return list(Stage).index(stage)

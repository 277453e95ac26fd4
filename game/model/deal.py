"""The deal: where the quote stands, as a `transitions` state machine.

The stages are ordered by how well-known the deal's position is; a move the
machine does not allow from the current stage changes nothing, and that is what
makes a turn voortgang however it was meant.
"""

from __future__ import annotations

import logging

from transitions import Machine

logging.getLogger("transitions").setLevel(logging.WARNING)

QUOTE_SENT = "quote_sent"
REACHED = "reached"
POSITION_KNOWN = "position_known"
STEP_AGREED = "step_agreed"
ORDER = "order"
CLEAR_NO = "clear_no"
STAGES = (QUOTE_SENT, REACHED, POSITION_KNOWN, STEP_AGREED, ORDER, CLEAR_NO)
FINAL_STAGES = (ORDER, CLEAR_NO)
OPEN_STAGES = (QUOTE_SENT, REACHED, POSITION_KNOWN, STEP_AGREED)

# The moves a scenario's phrasings can make; `reach` is made by getting through.
REACH = "reach"
REVEAL = "reveal"
AGREE_STEP = "agree_step"
CLOSE = "order"
DECLINE = "decline"
REOPEN = "reopen"
MOVES = (REVEAL, AGREE_STEP, CLOSE, DECLINE, REOPEN)

_TRANSITIONS = [
    {"trigger": REACH, "source": QUOTE_SENT, "dest": REACHED},
    {"trigger": REVEAL, "source": REACHED, "dest": POSITION_KNOWN},
    {"trigger": AGREE_STEP, "source": [REACHED, POSITION_KNOWN], "dest": STEP_AGREED},
    {"trigger": CLOSE, "source": [REACHED, POSITION_KNOWN, STEP_AGREED], "dest": ORDER},
    {"trigger": DECLINE, "source": list(OPEN_STAGES), "dest": CLEAR_NO},
    # Open, needs-probing questions make everything negotiable again.
    {"trigger": REOPEN, "source": [POSITION_KNOWN, STEP_AGREED], "dest": REACHED},
]
_STATES = [{"name": name, "final": name in FINAL_STAGES} for name in STAGES]


class Deal:
    """One deal's stage. `make(move)` returns whether the stage changed."""

    state: str

    def __init__(self, stage: str = QUOTE_SENT):
        Machine(model=self, states=_STATES, transitions=_TRANSITIONS, initial=stage,
                auto_transitions=False, ignore_invalid_triggers=True)

    @property
    def stage(self) -> str:
        return self.state

    @property
    def is_closed(self) -> bool:
        return self.state in FINAL_STAGES

    def make(self, move: str) -> bool:
        before = self.state
        self.trigger(move)
        return self.state != before

    def allows(self, move: str) -> bool:
        return bool(getattr(self, f"may_{move}")())


def stage_rank(stage: str) -> int:
    """Order of the open stages; final stages rank above all open ones."""
    return STAGES.index(stage)

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
# Not a move a phrasing makes: when the game ends, a step that was never kept is worth no more
# than no step at all, so the deal goes back to where it stood before the step was agreed.
LAPSE = "lapse"

_TRANSITIONS = [
    {"trigger": REACH, "source": QUOTE_SENT, "dest": REACHED},
    {"trigger": REVEAL, "source": REACHED, "dest": POSITION_KNOWN},
    {"trigger": AGREE_STEP, "source": [REACHED, POSITION_KNOWN], "dest": STEP_AGREED},
    {"trigger": CLOSE, "source": [REACHED, POSITION_KNOWN, STEP_AGREED], "dest": ORDER},
    {"trigger": DECLINE, "source": list(OPEN_STAGES), "dest": CLEAR_NO},
    # Open, needs-probing questions make everything negotiable again.
    {"trigger": REOPEN, "source": [POSITION_KNOWN, STEP_AGREED], "dest": REACHED},
    {"trigger": LAPSE, "source": STEP_AGREED, "dest": POSITION_KNOWN, "conditions": "stepped_from_known"},
    {"trigger": LAPSE, "source": STEP_AGREED, "dest": REACHED},
]
_STATES = [{"name": name, "final": name in FINAL_STAGES} for name in STAGES]


# One machine for every deal: building one costs more than a whole headless playthrough.
# A deal keeps only its `state`; the machine's events act on the deal they are given.
_MACHINE = Machine(model=None, states=_STATES, transitions=_TRANSITIONS, initial=QUOTE_SENT,
                   auto_transitions=False, ignore_invalid_triggers=True)


class Deal:
    """One deal's stage. `make(move)` returns whether the stage changed."""

    state: str

    def __init__(self, stage: str = QUOTE_SENT):
        self.state = stage
        self.step_from = REACHED  # where the deal stood before its step was agreed

    @property
    def stage(self) -> str:
        return self.state

    @property
    def is_closed(self) -> bool:
        return self.state in FINAL_STAGES

    def make(self, move: str) -> bool:
        if not self.allows(move):
            return False  # the machine would ignore it too, after logging a warning that costs more than the move
        before = self.state
        _MACHINE.events[move].trigger(self)
        if move == AGREE_STEP:
            self.step_from = before
        return self.state != before

    def stepped_from_known(self) -> bool:
        return self.step_from == POSITION_KNOWN

    def allows(self, move: str) -> bool:
        return bool(_MACHINE.events[move].transitions.get(self.state))


def stage_rank(stage: str) -> int:
    """Order of the open stages; final stages rank above all open ones."""
    return STAGES.index(stage)

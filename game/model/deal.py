"""The deal: where the quote stands, as a `transitions` state machine.

The stages are ordered by how well-known the deal's position is; a move the
machine does not allow from the current stage changes nothing, and that is what
makes a turn voortgang however it was meant.
"""

from __future__ import annotations

from enum import StrEnum

from transitions import Machine


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


OPEN_STAGES = [stage for stage in Stage if not stage.closed]

_STATES = [{"name": stage, "final": stage.closed} for stage in Stage]
_TRANSITIONS = [
    # Getting through to the buyer, the deal's own event; once reached, getting through again changes nothing.
    {"trigger": "reach", "source": Stage.QUOTE_SENT, "dest": Stage.REACHED},
    {"trigger": "reach", "source": [Stage.REACHED, Stage.POSITION_KNOWN, Stage.STEP_AGREED], "dest": None},
    {"trigger": Move.REVEAL, "source": Stage.REACHED, "dest": Stage.POSITION_KNOWN},
    {"trigger": Move.AGREE_STEP, "source": [Stage.REACHED, Stage.POSITION_KNOWN], "dest": Stage.STEP_AGREED,
     "before": "_remember_step"},
    {"trigger": Move.ORDER, "source": [Stage.REACHED, Stage.POSITION_KNOWN, Stage.STEP_AGREED], "dest": Stage.ORDER},
    {"trigger": Move.DECLINE, "source": OPEN_STAGES, "dest": Stage.CLEAR_NO},
    {"trigger": Move.REOPEN, "source": [Stage.POSITION_KNOWN, Stage.STEP_AGREED], "dest": Stage.REACHED},
    # When the game ends, a step that was never kept is worth no more than no step at all:
    # the deal goes back to where it stood before the step was agreed.
    {"trigger": "lapse", "source": Stage.STEP_AGREED, "dest": Stage.POSITION_KNOWN,
     "conditions": "_stepped_from_known"},
    {"trigger": "lapse", "source": Stage.STEP_AGREED, "dest": Stage.REACHED},
]


class Deal:
    """One deal's stage, with a machine of its own. `make(move)` returns whether the stage changed.

    The machine binds the triggers `reach()`, `lapse()` and one per move, `may_<trigger>()` for each,
    and `trigger(name)` / `may_trigger(name)` by name.
    """

    state: Stage

    def __init__(self, stage: Stage = Stage.QUOTE_SENT):
        self.step_from = Stage.REACHED  # where the deal stood before its step was agreed
        Machine(model=self, states=_STATES, transitions=_TRANSITIONS, initial=Stage(stage), auto_transitions=False)

    @property
    def stage(self) -> Stage:
        return self.state

    @property
    def is_closed(self) -> bool:
        return self.state.closed

    def make(self, move: Move) -> bool:
        """Make `move` where the deal allows it; a move it does not allow here changes nothing."""
        return self.may_trigger(move) and self.trigger(move)

    def _remember_step(self) -> None:
        self.step_from = self.state

    def _stepped_from_known(self) -> bool:
        return self.step_from == Stage.POSITION_KNOWN


def stage_rank(stage: Stage) -> int:
    """Order of the open stages; final stages rank above all open ones."""
    return _RANK[stage]


_RANK = {stage: rank for rank, stage in enumerate(Stage)}


"""How a game ends: named by where the deal stands when it is over."""

from __future__ import annotations

from enum import StrEnum

from game.model.deal import Stage


class EndingKind(StrEnum):
    ORDER = "order"
    NEXT_STEP = "next_step"        # a step agreed and kept, the deal still open
    OBJECTION = "objection"        # the real position known, nothing agreed
    CLEAR_NO = "clear_no"
    STRUNG_ALONG = "strung_along"  # nothing learned or agreed: voortgang


_BY_STAGE = {Stage.ORDER: EndingKind.ORDER, Stage.CLEAR_NO: EndingKind.CLEAR_NO,
             Stage.STEP_AGREED: EndingKind.NEXT_STEP, Stage.POSITION_KNOWN: EndingKind.OBJECTION}


def ending_of(stage: Stage) -> EndingKind:
    """The ending of a game whose deal stands at `stage`."""
    return _BY_STAGE.get(stage, EndingKind.STRUNG_ALONG)

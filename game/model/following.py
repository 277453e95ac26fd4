"""What follows a phrasing: the next decision point of the call, or the end of the call, and with the
deal closed the end of the game.

One pure function, for the game as it is played and for `lint`, which follows every path with it.
Whether the buyer is called away or runs out of patience is the game's own affair: that depends on
the week and the minutes, not on what the scenario says follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.model.deal import Stage
from game.model.ending import EndingKind, ending_of
from game.model.scenario import END_CALL, Call


@dataclass(frozen=True)
class Following:
    point: str | None = None           # the decision point that follows in this call; None: the call ends
    ending: EndingKind | None = None   # the deal is closed: the game ends so

    @property
    def call_ends(self) -> bool:
        return self.point is None


def what_follows(call: Call, point_id: str, target: str | None, stage: Stage) -> Following:
    """After a phrasing at decision point `point_id` whose answer says `next: target` (None when it says
    nothing), with the deal now standing at `stage`."""
    if stage.closed:
        return Following(ending=ending_of(stage))
    if target == END_CALL:
        return Following()
    return Following(point=target or call.after(point_id))

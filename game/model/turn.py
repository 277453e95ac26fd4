"""One thing the trainee did, what came of it, and how it was judged."""

from __future__ import annotations

from dataclasses import dataclass

from game.model.moment import Moment
from game.model.scoring import Change, Judgement

CONTACT = "contact"
PHRASING = "phrasing"

# What came of a turn.
THROUGH = "through"            # the buyer picked up
VOICEMAIL = "voicemail"        # a claim higher on the ladder had the buyer
VOICEMAIL_FREE = "voicemail_free"  # the buyer was free but let it ring
COLLEAGUE = "colleague"        # a colleague answered for a busy buyer
EMAIL = "email"                # an e-mail, answered with a brush-off
NO_NEWS = "no_news"            # through, but the scenario has nothing left to say
REPLY = "reply"                # the buyer answered a phrasing

# How a call ended after a phrasing, if it did.
CALL_GOES_ON = ""
CALL_ENDED = "ended"
CUT_SHORT = "cut_short"
PATIENCE = "patience"


@dataclass(frozen=True, slots=True)  # slots: a game makes one per action, and they build faster
class Turn:
    number: int
    kind: str
    moment: Moment
    outcome: str
    change: Change
    judgement: Judgement
    channel: str = ""
    call_id: str = ""
    point_id: str = ""
    choice: int = -1
    say: str = ""
    aim: str = ""
    reply: str = ""
    claim_who: str = ""
    claim_what: str = ""
    call_end: str = CALL_GOES_ON
    appointment: Moment | None = None
    missed: Moment | None = None
    wall_time: float = 0.0

    @property
    def verdict(self) -> str:
        return self.judgement.verdict

    @property
    def points(self) -> float:
        return self.judgement.points

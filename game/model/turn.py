"""One thing the trainee did, what came of it, and how it was judged."""

from __future__ import annotations

from dataclasses import dataclass

from game.model.moment import Moment
from game.model.scoring import Change, Judgement

CONTACT = "contact"
PHRASING = "phrasing"
CLOSING = "closing"  # not an action: when the game ends, what rested on agreements never kept is settled

# What came of a turn.
THROUGH = "through"            # the buyer picked up
VOICEMAIL = "voicemail"        # a claim higher on the ladder had the buyer
VOICEMAIL_FREE = "voicemail_free"  # the buyer was free but let it ring
COLLEAGUE = "colleague"        # a colleague answered for a busy buyer
EMAIL = "email"                # an e-mail, answered with a brush-off
NO_NEWS = "no_news"            # through, but the scenario has nothing left to say
REPLY = "reply"                # the buyer answered a phrasing

# Why the game ended, the outcome of a closing turn.
WEEK_OVER = "week_over"
CONTACTS_USED = "contacts_used"
STOPPED = "stopped"

KINDS = (CONTACT, PHRASING, CLOSING)
OUTCOMES = (THROUGH, VOICEMAIL, VOICEMAIL_FREE, COLLEAGUE, EMAIL, NO_NEWS, REPLY, WEEK_OVER, CONTACTS_USED, STOPPED)

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
    say: str = ""     # as the scenario has it: {appointment} stands for `proposed`
    aim: str = ""
    reply: str = ""   # as the scenario has it: {appointment} stands for `offered`
    claim_who: str = ""
    claim_what: str = ""
    call_end: str = CALL_GOES_ON
    appointment: Moment | None = None   # the moment agreed in this turn
    proposed: Moment | None = None      # the moment the trainee's line proposes
    offered: Moment | None = None       # the moment the buyer's answer agrees, new or the one already agreed
    missed: Moment | None = None        # the agreed moment let pass, or still open at the end
    step_agreed_at: Moment | None = None  # a closing turn: when the step that was never kept was agreed
    wall_time: float = 0.0

    @property
    def verdict(self) -> str:
        return self.judgement.verdict

    @property
    def points(self) -> float:
        return self.judgement.points

"""One thing the trainee did, what came of it, and how it was judged."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from game.model.moment import Moment
from game.model.scenario import Aim
from game.model.scoring import Change, Judgement, Verdict


class Channel(StrEnum):
    """How the trainee tries to reach the buyer."""

    CALL = "call"
    EMAIL = "email"


class TurnKind(StrEnum):
    CONTACT = "contact"    # a call or an e-mail
    PHRASING = "phrasing"  # something said in a call
    CLOSING = "closing"    # not an action: when the game ends, what rested on agreements never kept is settled


class TurnOutcome(StrEnum):
    """What came of a turn; for a closing turn, why the game ended."""

    THROUGH = "through"                # the buyer picked up
    VOICEMAIL = "voicemail"            # a claim higher on the ladder had the buyer
    VOICEMAIL_FREE = "voicemail_free"  # the buyer was free but let it ring
    COLLEAGUE = "colleague"            # a colleague answered for a busy buyer
    EMAIL = "email"                    # an e-mail, answered with a brush-off
    NO_NEWS = "no_news"                # through, but the scenario has nothing left to say
    REPLY = "reply"                    # the buyer answered a phrasing
    WEEK_OVER = "week_over"
    CONTACTS_USED = "contacts_used"
    STOPPED = "stopped"


class CallEnd(StrEnum):
    """How a call ended after a phrasing."""

    ENDED = "ended"          # the call came to its end: the deal closed, or the phrasing ended it
    CUT_SHORT = "cut_short"  # someone higher on the ladder claimed the buyer
    PATIENCE = "patience"    # the buyer ran out of time for the trainee


@dataclass(frozen=True)
class Turn:
    number: int
    kind: TurnKind
    moment: Moment
    outcome: TurnOutcome
    change: Change
    judgement: Judgement
    channel: Channel | None = None
    call_id: str = ""
    point_id: str = ""
    choice: int = -1
    say: str = ""     # as the scenario has it: {appointment} stands for `proposed`
    aim: Aim | None = None
    reply: str = ""   # as the scenario has it: {appointment} stands for `offered`
    claim_who: str = ""
    claim_what: str = ""
    call_end: CallEnd | None = None     # None: the call goes on
    appointment: Moment | None = None   # the moment agreed in this turn
    proposed: Moment | None = None      # the moment the trainee's line proposes
    offered: Moment | None = None       # the moment the buyer's answer agrees, new or the one already agreed
    missed: Moment | None = None        # the agreed moment let pass, or still open at the end
    step_agreed_at: Moment | None = None  # a closing turn: when the step that was never kept was agreed
    wall_time: float = 0.0

    @property
    def verdict(self) -> Verdict:
        return self.judgement.verdict

    @property
    def points(self) -> int:
        return self.judgement.points

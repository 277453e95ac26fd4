"""A scenario as plain data: what a trainer wrote, with every default filled in.

The file format is described in docs/writing-scenarios.md; `game/scenario/` reads a file
into these dataclasses and reports every problem with its location.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from game.model.deal import Move, Stage
from game.model.ending import EndingKind
from game.model.ladder import PriorityLadder
from game.model.moment import Moment, workdays_later
from game.model.motive import Motive
from game.model.scoring import ScoreWeights


@dataclass(frozen=True, order=True, slots=True)
class Location:
    """Where in its file something was written: what a problem found later points at."""

    line: int = 0
    column: int = 0


NOWHERE = Location(0, 0)


class Aim(StrEnum):
    """What a phrasing is written to do; the score follows the deal, whatever the aim."""

    ADVANCE = "advance"
    PROLONG = "prolong"


VOICEMAIL = "voicemail"
COLLEAGUE = "colleague"
UNREACHABLE = (VOICEMAIL, COLLEAGUE)  # who answers when someone higher on the ladder has the buyer
DIFFICULTIES = ("easy", "medium", "hard")
END_CALL = "end"  # `next: end`


@dataclass(frozen=True, slots=True)
class Appointment:
    """The next contact a phrasing agrees on, in working days after the day of the call."""

    days_later: int
    minute: int
    at: Location = NOWHERE

    def after(self, day: int) -> Moment:
        return Moment(workdays_later(day, self.days_later), self.minute)


@dataclass(frozen=True, slots=True)
class Response:
    """What the buyer answers to a phrasing, and what that does to the deal."""

    reply: str
    moves: tuple[Move, ...] = ()
    appointment: Appointment | None = None
    next: str | None = None


@dataclass(frozen=True, slots=True)
class Phrasing:
    say: str
    aim: Aim
    minutes: int
    feedback: str
    principle: str
    response: Response
    if_motive: dict[Motive, Response] = field(default_factory=dict)
    at: Location = NOWHERE

    def response_for(self, motive: Motive) -> Response:
        return self.if_motive.get(motive, self.response)

    @property
    def proposed(self) -> Appointment | None:
        """The moment the trainee's line proposes: the phrasing's own, else the first a motive's answer agrees.

        It is the same whatever the buyer's hidden motive; his answer may agree another moment, or none.
        """
        if self.response.appointment:
            return self.response.appointment
        return next((r.appointment for r in self.if_motive.values() if r.appointment), None)


@dataclass(frozen=True, slots=True)
class DecisionPoint:
    id: str
    buyer: str
    phrasings: tuple[Phrasing, ...]
    buyer_if_motive: dict[Motive, str] = field(default_factory=dict)
    at: Location = NOWHERE

    def buyer_line(self, motive: Motive) -> str:
        return self.buyer_if_motive.get(motive, self.buyer)


@dataclass(frozen=True)
class Call:
    id: str
    stages: tuple[Stage, ...]  # the open stages the deal can stand at for this call to start
    points: tuple[DecisionPoint, ...]
    at: Location = NOWHERE

    def point(self, point_id: str) -> DecisionPoint | None:
        return next((point for point in self.points if point.id == point_id), None)

    def after(self, point_id: str) -> str | None:
        """The id of the decision point written below this one, if any."""
        ids = [point.id for point in self.points]
        index = ids.index(point_id) + 1
        return ids[index] if index < len(ids) else None


@dataclass(frozen=True)
class Claim:
    """Someone on the ladder who has the buyer's attention for a while."""

    day: int
    start: int
    minutes: int
    who: str
    what: str
    visible: bool = True
    unreachable: str = VOICEMAIL
    at: Location = NOWHERE

    @property
    def begins(self) -> Moment:
        return Moment(self.day, self.start)

    def covers(self, moment: Moment) -> bool:
        """Whether the claim has the buyer at `moment`: a claim lies within its day."""
        return moment.day == self.day and self.start <= moment.minute < self.start + self.minutes


@dataclass(frozen=True)
class BuyerProfile:
    name: str
    role: str
    company: str
    portrait: str
    motives: dict[Motive, float]
    ladder: PriorityLadder
    colleague: str
    email_reply: str
    brush_off: str
    motive_notes: dict[Motive, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Quote:
    what: str
    amount: float
    currency: str
    sent_days_ago: int
    agreed: str


@dataclass(frozen=True)
class Ending:
    kind: EndingKind
    title: str
    text: str
    if_motive: dict[Motive, Ending] = field(default_factory=dict)  # another title and text for a hidden motive

    def for_motive(self, motive: Motive) -> Ending:
        """The title and text the trainee reads when the buyer had `motive`."""
        return self.if_motive.get(motive, self)


@dataclass(frozen=True)
class Rules:
    """Timings, chances and weights; defaults live in assets/rules.yaml."""

    days: int
    day_start: int
    day_end: int
    slot_minutes: int
    contacts: int
    answer_chance: float
    email_backfire: float
    missed_appointment_factor: float
    call_patience: int
    phrasing_minutes: int
    appointment_above: str
    ladder: tuple[str, ...]
    score: ScoreWeights


@dataclass(frozen=True)
class Scenario:
    path: str
    title: str
    language: str
    goal: str
    difficulty: str
    minutes: int
    situation: str
    target: str
    buyer: BuyerProfile
    quote: Quote
    week: tuple[Claim, ...]
    calls: tuple[Call, ...]
    endings: dict[EndingKind, Ending]
    rules: Rules
    version: str = ""
    pass_score: int | None = None  # the organisation's pass mark (xAPI passed/failed); None: only completed
    read_the_buyer: str = "first_call"  # when the trainee reads the buyer: a game.model.reading.ReadAt or a point id

    @property
    def week_in_order(self) -> tuple[Claim, ...]:
        """The week's claims by the moment they begin."""
        return tuple(sorted(self.week, key=lambda claim: claim.begins))

    @property
    def decision_points(self) -> list[DecisionPoint]:
        return [point for call in self.calls for point in call.points]

    def call(self, call_id: str) -> Call | None:
        return next((c for c in self.calls if c.id == call_id), None)

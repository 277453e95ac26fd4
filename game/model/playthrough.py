"""A playthrough: one trainee following up one quote, turn by turn.

Everything that happens follows from the scenario, the seed and the trainee's
actions, so replaying the same actions with the same seed gives the same game.
The random source and the wall clock come from outside.
"""

from __future__ import annotations

import bisect
import functools
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from game.model import deal as stages
from game.model import turn as turns
from game.model.buyer import Buyer
from game.model.deal import Deal
from game.model.moment import Moment, is_workday, workdays_later
from game.model.motive import draw_motive
from game.model.scoring import Change, Judgement, Score, judge, score
from game.model.turn import Turn
from game.scenario.scenario import (
    APPOINTMENT_PLACEHOLDER,
    CALL,
    COLLEAGUE,
    EMAIL,
    END_CALL,
    Call,
    Claim,
    DecisionPoint,
    Scenario,
)
from game.text import moment_text

REACHING = "reaching"
IN_CALL = "in_call"
ENDED = "ended"

ENDING_BY_STAGE = {
    stages.ORDER: "order",
    stages.CLEAR_NO: "clear_no",
    stages.STEP_AGREED: "next_step",
    stages.POSITION_KNOWN: "objection",
}


@dataclass(frozen=True, slots=True)
class Action:
    """What the trainee did: a contact attempt (moment and channel) or a phrasing."""

    moment: Moment | None = None
    channel: str = ""
    choice: int = -1


@dataclass
class _CallInProgress:
    call: Call
    point_id: str
    started: Moment
    minutes: int


Listener = Callable[["Playthrough", Turn], None]


@dataclass(frozen=True)
class _Week:
    """Every moment of the week at which contact can be made, in order: the same for every game with these rules."""

    moments: tuple[Moment, ...]
    keys: tuple[tuple[int, int], ...]  # (day, minute) of each moment: bisect compares these in C, Moments in Python

    def index(self, moment: Moment) -> int:
        """Where `moment` stands among the moments: the first one at or after it."""
        return bisect.bisect_left(self.keys, (moment.day, moment.minute))


@functools.cache
def _week(days: int, day_start: int, day_end: int, step: int) -> _Week:
    moments = tuple(Moment(day, minute) for day in range(1, days + 1) if is_workday(day)
                    for minute in range(day_start, day_end, step))
    return _Week(moments, tuple((moment.day, moment.minute) for moment in moments))


class Playthrough:
    """One game. `listeners` hear of every turn as it is made (the workshop journal is one)."""

    def __init__(self, scenario: Scenario, rng: random.Random, clock: Callable[[], float] = time.time,
                 motive: str | None = None):
        self.scenario = scenario
        self.rules = scenario.rules
        self.rng = rng
        self.clock = clock
        drawn = draw_motive(scenario.buyer.motives, rng)  # drawn even when fixed, so a seed means one week
        self.motive = motive or drawn
        self.listeners: list[Listener] = []
        self.deal = Deal()
        self.buyer = Buyer(scenario.buyer.ladder)
        self._week = _week(self.rules.days, self.rules.day_start, self.rules.day_end, self.rules.slot_minutes)
        self.now = Moment(1, self.rules.day_start)
        self.phase = REACHING
        self.contacts_used = 0
        self.appointment: Moment | None = None
        self.answer_chance = self.rules.answer_chance
        self.turns: list[Turn] = []
        self.actions: list[Action] = []
        self._call: _CallInProgress | None = None
        self._resume: dict[str, str] = {}
        self._done: set[str] = set()
        self._judged: dict[tuple, tuple[Change, Judgement]] = {}  # a game repeats the same few changes

    @classmethod
    def start(cls, scenario: Scenario, seed: int, clock: Callable[[], float] = time.time,
              motive: str | None = None) -> Playthrough:
        """A new game; `motive` fixes the buyer's hidden motive (for playtests and practice)."""
        return cls(scenario, random.Random(seed), clock, motive)

    @classmethod
    def replay(cls, scenario: Scenario, seed: int, actions: list[Action], motive: str | None = None) -> Playthrough:
        """The same game again up to a point: for practice branches and reloading a scenario."""
        play = cls.start(scenario, seed, motive=motive)
        for action in actions:
            if action.moment is not None:
                play.contact(action.moment, action.channel)
            else:
                play.choose(action.choice)
        return play

    # --- what the trainee can see ----------------------------------------------------

    @property
    def contacts_left(self) -> int:
        return self.rules.contacts - self.contacts_used

    def moments(self) -> list[Moment]:
        """Every moment from now to the end of the week at which contact can be made."""
        return list(self._week.moments[self._week.index(self.now):])

    def can_contact_at(self, moment: Moment) -> bool:
        """Whether `moment` is one of `moments()`."""
        moments = self._week.moments
        index = self._week.index(moment)
        return moment >= self.now and index < len(moments) and moments[index] == moment

    def visible_week(self) -> tuple[Claim, ...]:
        return tuple(claim for claim in self.scenario.week if claim.visible)

    def claim_at(self, moment: Moment) -> Claim | None:
        """Who has the buyer at that moment; the highest on the ladder when several do."""
        active = [c for c in self.scenario.week if c.covers(moment)]
        return min(active, key=lambda c: self.scenario.buyer.ladder.rank(c.who), default=None)

    @property
    def point(self) -> DecisionPoint | None:
        if self._call is None:
            return None
        return self._call.call.point(self._call.point_id)

    @property
    def call(self) -> Call | None:
        return self._call.call if self._call else None

    @property
    def call_minutes(self) -> int:
        return self._call.minutes if self._call else 0

    @property
    def buyer_line(self) -> str:
        point = self.point
        return point.buyer_line(self.motive) if point else ""

    @property
    def ending(self) -> str:
        return ENDING_BY_STAGE.get(self.deal.stage, "strung_along")

    @property
    def score(self) -> Score:
        return score((t.change for t in self.turns), self.rules.score)

    # --- reaching the buyer -----------------------------------------------------------

    def contact(self, moment: Moment, channel: str = CALL) -> Turn:
        """Try to reach the buyer at `moment` by call or e-mail."""
        if self.phase != REACHING:
            raise ValueError(f"cannot make contact while {self.phase}")
        if not self.can_contact_at(moment):
            raise ValueError(f"{moment} is not a moment that can still be chosen")
        self.actions.append(Action(moment=moment, channel=channel))
        before = self.deal.stage
        missed = self._missed_appointment(moment, channel)
        kept = channel == CALL and self.appointment == moment
        if moment == self.appointment:
            self.appointment = None
        self.contacts_used += 1
        turn = self._email(moment, before, missed) if channel == EMAIL else self._ring(moment, before, missed, kept)
        if self.phase == REACHING:
            self._move_on(moment.later(self.rules.slot_minutes))
        return turn

    def _missed_appointment(self, moment: Moment, channel: str) -> Moment | None:
        appointment = self.appointment
        if appointment is None or moment < appointment or (moment == appointment and channel == CALL):
            return None
        self.appointment = None
        self.answer_chance *= self.rules.missed_appointment_factor
        return appointment

    def _email(self, moment: Moment, before: str, missed: Moment | None) -> Turn:
        self.answer_chance *= self.rules.email_backfire
        return self._record(turns.CONTACT, moment, turns.EMAIL, before, contacts=1, missed=missed,
                            channel=EMAIL, reply=self.scenario.buyer.email_reply)

    def _ring(self, moment: Moment, before: str, missed: Moment | None, kept: bool) -> Turn:
        ladder = self.scenario.buyer.ladder
        rank = ladder.rank_above(self.rules.appointment_above) if kept else ladder.prospect_rank
        claim = self.claim_at(moment)
        self.buyer.attend(claim.who if claim else None)
        if not self.buyer.answer(rank, willing=lambda: kept or self.rng.random() < self.answer_chance):
            if self.buyer.let_it_ring:
                return self._record(turns.CONTACT, moment, turns.VOICEMAIL_FREE, before, contacts=1, missed=missed,
                                    channel=CALL)
            outcome = turns.COLLEAGUE if claim.unreachable == COLLEAGUE and self.scenario.buyer.colleague \
                else turns.VOICEMAIL
            return self._record(turns.CONTACT, moment, outcome, before, contacts=1, missed=missed,
                                channel=CALL, claim=claim)
        self.deal.make(stages.REACH)
        call = self._next_call()
        if call is None:
            self.buyer.hang_up()
            return self._record(turns.CONTACT, moment, turns.NO_NEWS, before, contacts=1, missed=missed,
                                channel=CALL, reply=self.scenario.buyer.brush_off)
        point_id = self._resume.pop(call.id, call.points[0].id)
        self._call = _CallInProgress(call, point_id, moment, 0)
        self.phase = IN_CALL
        return self._record(turns.CONTACT, moment, turns.THROUGH, before, contacts=1, missed=missed,
                            channel=CALL, call_id=call.id)

    def _next_call(self) -> Call | None:
        """A call cut short resumes; else the first fitting call not yet played; else the last fitting one again."""
        for call in self.scenario.calls:
            if call.id in self._resume:
                return call
        fitting = [call for call in self.scenario.calls if self.deal.stage in call.stages]
        fresh = [call for call in fitting if call.id not in self._done]
        if fresh:
            return fresh[0]
        return fitting[-1] if fitting else None

    # --- on the phone -----------------------------------------------------------------

    def choose(self, index: int) -> Turn:
        """Say the phrasing at `index` of the current decision point."""
        point = self.point
        if point is None or self._call is None:
            raise ValueError("there is no call in progress")
        if not 0 <= index < len(point.phrasings):
            raise ValueError(f"there is no phrasing {index + 1} here")
        self.actions.append(Action(choice=index))
        call = self._call
        phrasing = point.phrasings[index]
        response = phrasing.response_for(self.motive)
        before = self.deal.stage
        for move in response.moves:
            self.deal.make(move)
        start, call.minutes = call.minutes, call.minutes + phrasing.minutes
        offered = None
        if response.appointment:
            proposed = max(response.appointment.after(call.started.day), call.started.later(call.minutes + 1))
            offered = self._diary_fit(proposed)
        agreed = self._agree(offered)
        interruption = self._interruption(call, start)
        following = self._following(call.call, point, response.next)
        call_end = self._call_end(interruption, following)
        turn = self._record(turns.PHRASING, call.started.later(start), turns.REPLY, before,
                            minutes=phrasing.minutes, agreed=agreed, call_id=call.call.id, point_id=point.id,
                            choice=index, say=phrasing.say, aim=phrasing.aim,
                            reply=self._reply(response.reply, offered),
                            claim=interruption if call_end == turns.CUT_SHORT else None, call_end=call_end)
        if call_end:
            self._hang_up(following if call_end in (turns.CUT_SHORT, turns.PATIENCE) else None)
        else:
            call.point_id = following
        return turn

    def _reply(self, reply: str, moment: Moment | None) -> str:
        if moment is None:
            return reply
        return reply.replace(APPOINTMENT_PLACEHOLDER, moment_text(self.scenario.language, moment))

    def _diary_fit(self, proposed: Moment) -> Moment:
        """The first moment from `proposed` on that the buyer's known week leaves free for an agreed call.

        A buyer does not agree to a call during his own meeting with the boss; surprises
        (claims not visible in the week) he cannot plan around. When the week has no room
        left, the call moves to the next working day after it.
        """
        ladder = self.scenario.buyer.ladder
        lifted = ladder.rank_above(self.rules.appointment_above)
        later = self._week.moments[self._week.index(proposed):]
        for moment in later:
            blocking = [c for c in self.scenario.week if c.visible and c.covers(moment)
                        and ladder.outranks(ladder.rank(c.who), lifted)]
            if not blocking:
                return moment
        if not later:
            return proposed
        return Moment(workdays_later(self.rules.days, 1), proposed.minute)

    def _agree(self, moment: Moment | None) -> Moment | None:
        if moment is None or moment == self.appointment:
            return None
        self.appointment = moment
        return moment

    def _interruption(self, call: _CallInProgress, start: int) -> Claim | None:
        """Someone higher on the ladder who claims the buyer during this phrasing."""
        begin, end = call.started.later(start), call.started.later(call.minutes)
        for claim in self.scenario.week_in_order:
            if begin < claim.begins <= end and self.buyer.call_in(claim.who):
                return claim
        return None

    @staticmethod
    def _following(call: Call, point: DecisionPoint, target: str | None) -> str | None:
        if target == END_CALL:
            return None
        return target or call.after(point.id)

    def _call_end(self, interruption: Claim | None, following: str | None) -> str:
        if self.deal.is_closed or following is None:
            return turns.CALL_ENDED
        if interruption:
            return turns.CUT_SHORT
        if self._call and self._call.minutes >= self.rules.call_patience:
            return turns.PATIENCE
        return turns.CALL_GOES_ON

    def _hang_up(self, resume_at: str | None) -> None:
        call = self._call
        self._call = None
        self.buyer.hang_up()
        if resume_at:
            self._resume[call.call.id] = resume_at
        else:
            self._done.add(call.call.id)
        self.phase = REACHING
        self._move_on(call.started.later(max(call.minutes, 1)))

    # --- the end ----------------------------------------------------------------------

    def finish(self) -> None:
        """The trainee stops following up this quote."""
        if self._call:
            self._hang_up(self._call.point_id)
        self.phase = ENDED

    def _move_on(self, earliest: Moment) -> None:
        """Advance the clock to the next moment that can be chosen; end the game when none is left."""
        self.now = earliest
        if self.deal.is_closed or self.contacts_left <= 0 or not self._moments_left():
            self.phase = ENDED

    def _moments_left(self) -> bool:
        moments = self._week.moments
        return bool(moments) and moments[-1] >= self.now

    def _judge(self, before: str, agreed: bool, missed: bool, contacts: int, minutes: int) -> tuple[Change, Judgement]:
        key = (before, self.deal.stage, agreed, missed, contacts, minutes)
        judged = self._judged.get(key)
        if judged is None:
            change = Change(*key)
            judged = self._judged[key] = (change, judge(change, self.rules.score))
        return judged

    def _record(self, kind: str, moment: Moment, outcome: str, before: str, *, contacts: int = 0,
                minutes: int = 0, missed: Moment | None = None, agreed: Moment | None = None,
                claim: Claim | None = None, **details: object) -> Turn:
        change, judgement = self._judge(before, agreed is not None, missed is not None, contacts, minutes)
        turn = Turn(number=len(self.turns) + 1, kind=kind, moment=moment, outcome=outcome, change=change,
                    judgement=judgement, claim_who=claim.who if claim else "",
                    claim_what=claim.what if claim else "", appointment=agreed, missed=missed,
                    wall_time=self.clock(), **details)
        self.turns.append(turn)
        for listener in self.listeners:
            listener(self, turn)
        return turn

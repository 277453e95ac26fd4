"""A playthrough: one trainee following up one quote, turn by turn.

Everything that happens follows from the scenario, the seed and the trainee's
actions, so replaying the same actions with the same seed gives the same game.
The random source and the wall clock come from outside.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from transitions import Machine

from game.model.buyer import Buyer
from game.model.deal import Deal, Stage
from game.model.ending import EndingKind, ending_of
from game.model.following import Following, what_follows
from game.model.luck import Dice, InTurn
from game.model.moment import Moment, is_workday
from game.model.motive import Motive, draw_motive
from game.model.reading import Confidence, Reading, reading_due
from game.model.scenario import (
    COLLEAGUE,
    Appointment,
    Call,
    Claim,
    DecisionPoint,
    Phrasing,
    Rules,
    Scenario,
)
from game.model.scoring import Change, Score, judge, score
from game.model.turn import CallEnd, Channel, Turn, TurnKind, TurnOutcome


class Phase(StrEnum):
    REACHING = "reaching"  # trying to get the buyer on the phone
    IN_CALL = "in_call"
    ENDED = "ended"


_PHASES = [{"name": phase, "final": phase == Phase.ENDED} for phase in Phase]
_PHASE_TRANSITIONS = [
    # What the trainee can do in each phase: make contact while reaching the buyer, speak in a call.
    # Anything else raises the machine's MachineError, before anything changed.
    {"trigger": "_make_contact", "source": Phase.REACHING, "dest": None},
    {"trigger": "_speak", "source": Phase.IN_CALL, "dest": None},
    {"trigger": "_get_through", "source": Phase.REACHING, "dest": Phase.IN_CALL},
    {"trigger": "_leave_call", "source": Phase.IN_CALL, "dest": Phase.REACHING},
    {"trigger": "_end_game", "source": Phase.REACHING, "dest": Phase.ENDED},
]


@dataclass(frozen=True, slots=True)
class Action:
    """What the trainee did: a contact attempt (moment and channel) or a phrasing."""

    moment: Moment | None = None
    channel: Channel | None = None
    choice: int = -1


@dataclass
class _CallInProgress:
    call: Call
    point_id: str
    started: Moment
    minutes: int


Listener = Callable[["Playthrough", Turn], None]


def moments_from(rules: Rules, start: Moment, last_day: int) -> Iterator[Moment]:
    """The moments at which contact can be made, from `start` on to the end of `last_day`, in order."""
    for day in range(start.day, last_day + 1):
        if is_workday(day):
            for minute in range(rules.day_start, rules.day_end, rules.slot_minutes):
                if day > start.day or minute >= start.minute:
                    yield Moment(day, minute)


def on_the_grid(rules: Rules, moment: Moment) -> bool:
    """Whether `moment` is one at which contact can be made: a working day, within the hours, on a slot."""
    return (is_workday(moment.day) and rules.day_start <= moment.minute < rules.day_end
            and (moment.minute - rules.day_start) % rules.slot_minutes == 0)


def diary_fit(scenario: Scenario, proposed: Moment) -> Moment:
    """The first moment from `proposed` on that the buyer's known week leaves free for an agreed call.

    A buyer does not agree to a call during his own meeting with the boss; surprises (claims not
    visible in the week) he cannot plan around. A moment after the last day of the week is fine:
    agreeing it extends the game's week to that day, so it can be kept.
    """
    rules, ladder = scenario.rules, scenario.buyer.ladder
    lifted = ladder.rank_above(rules.appointment_above)
    # Claims lie within the scenario's week, so a week past it always has room.
    for moment in moments_from(rules, proposed, max(rules.days, proposed.day) + 7):
        if blocking_claim(scenario, moment, lifted) is None:
            return moment
    return proposed


def blocking_claim(scenario: Scenario, moment: Moment, rank: float) -> Claim | None:
    """A claim the buyer knows of that keeps him from a call at `moment` by someone of `rank`."""
    ladder = scenario.buyer.ladder
    return next((c for c in scenario.week if c.visible and c.covers(moment)
                 and ladder.outranks(ladder.rank(c.who), rank)), None)


class Playthrough:
    """One game. `listeners` hear of every turn as it is made (the workshop journal is one).

    Its `phase` is a machine of its own: `contact` while reaching the buyer, `choose` in a call;
    either out of its phase raises `transitions.MachineError` and changes nothing.
    """

    phase: Phase

    def __init__(self, scenario: Scenario, rng: random.Random, clock: Callable[[], float] = time.time,
                 motive: Motive | None = None):
        self.scenario = scenario
        self.rules = scenario.rules
        self.rng = rng
        self.seed: int | None = None  # the seed `rng` came from, when started from one: the same week can be replayed
        self.clock = clock
        drawn = draw_motive(scenario.buyer.motives, rng)  # drawn even when fixed, so a seed means one week
        self.motive = motive or drawn
        # Whether a free buyer picks up: drawn in turn from `rng`; a replay of the same week gives the week's dice.
        self.dice: Dice = InTurn(rng)
        self.drawn: dict[Moment, float] = {}  # every draw this game made, by the moment of the call
        self.listeners: list[Listener] = []
        self.deal = Deal()
        self.buyer = Buyer(scenario.buyer.ladder)
        self.days = self.rules.days  # the last day of the game's week; an appointment after it extends the week
        self.now = Moment(1, self.rules.day_start)
        self._ahead = list(moments_from(self.rules, self.now, self.days))  # from now to the end of the game's week
        # Binds `phase` and the triggers of _PHASE_TRANSITIONS to this playthrough: self._get_through(), ...
        Machine(model=self, states=_PHASES, transitions=_PHASE_TRANSITIONS, initial=Phase.REACHING,
                model_attribute="phase", auto_transitions=False)
        self.contacts_used = 0
        self.appointment: Moment | None = None
        self._credit = 0  # appointment bonuses that rest on the open appointment until it is kept
        self._appointed: set[Stage] = set()  # the stages at which an agreed moment counted: once each
        self._step_agreed_at: Moment | None = None  # when the open step was agreed, until a later call gets through
        self.answer_chance = self.rules.answer_chance
        self.turns: list[Turn] = []
        self.actions: list[Action] = []
        self._call: _CallInProgress | None = None
        self._resume: dict[str, str] = {}
        self._done: set[str] = set()
        self.reading: Reading | None = None  # the trainee's reading of the buyer's motive: beside the game, not in it
        self.reading_skipped = False

    @classmethod
    def start(cls, scenario: Scenario, seed: int, clock: Callable[[], float] = time.time,
              motive: Motive | None = None) -> Playthrough:
        """A new game; `motive` fixes the buyer's hidden motive (for playtests and practice)."""
        play = cls(scenario, random.Random(seed), clock, motive)
        play.seed = seed
        return play

    @classmethod
    def replay(cls, scenario: Scenario, seed: int, actions: list[Action], motive: Motive | None = None,
               clock: Callable[[], float] = time.time) -> Playthrough:
        """The same game again up to a point: for practice branches, reloading a scenario, the same week replayed."""
        play = cls.start(scenario, seed, clock, motive)
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
        return list(self._ahead)

    def can_contact_at(self, moment: Moment) -> bool:
        """Whether `moment` is one of `moments()`."""
        return self.now <= moment and moment.day <= self.days and on_the_grid(self.rules, moment)

    def working_days(self) -> list[int]:
        """The days of the game's week on which contact can be made, in order."""
        return [day for day in range(1, self.days + 1) if is_workday(day)]

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

    def proposes(self, index: int) -> Moment | None:
        """The moment phrasing `index` of this decision point would propose, said here and now."""
        point, call = self.point, self._call
        if point is None or call is None:
            return None
        return self.proposal(point.phrasings[index], call.started.later(call.minutes))

    def proposal(self, phrasing: Phrasing, said_at: Moment) -> Moment | None:
        """The moment the phrasing proposes when said at `said_at`: what the trainee's own line names.

        What the buyer agrees to may differ with his hidden motive (another appointment, or none).
        """
        appointment = phrasing.proposed
        return self.fitted(appointment, said_at, phrasing.minutes) if appointment else None

    def fitted(self, appointment: Appointment, said_at: Moment, minutes: int) -> Moment:
        """The moment an appointment agreed in a phrasing said at `said_at` comes to, after the buyer's diary."""
        proposed = max(appointment.after(said_at.day), said_at.later(minutes + 1))
        return diary_fit(self.scenario, proposed)

    @property
    def buyer_line(self) -> str:
        point = self.point
        return point.buyer_line(self.motive) if point else ""

    @property
    def ending(self) -> EndingKind:
        return ending_of(self.deal.stage)

    @property
    def stopped(self) -> bool:
        """Whether the trainee ended the game, with the deal open and contacts and moments left."""
        return self.phase == Phase.ENDED and not self.deal.is_closed and self.contacts_left > 0 and self._moments_left()

    @property
    def score(self) -> Score:
        return score((t.change for t in self.turns), self.rules.score)

    # --- reading the buyer ------------------------------------------------------------

    @property
    def reading_due(self) -> bool:
        """Whether the trainee should now say which motive they think the buyer has (once per game)."""
        if self.reading is not None or self.reading_skipped:
            return False
        last = self.turns[-1] if self.turns else None
        return reading_due(self.scenario.read_the_buyer, any(t.outcome == TurnOutcome.THROUGH for t in self.turns),
                           self.phase == Phase.ENDED, self.phase == Phase.IN_CALL,
                           (t.point_id for t in self.turns if t.kind == TurnKind.PHRASING),
                           last.point_id if last and last.kind == TurnKind.PHRASING else None)

    def skip_reading(self) -> None:
        """The trainee would rather not say: the game does not ask again."""
        self.reading_skipped = True

    def read(self, motive: Motive, confidence: Confidence) -> Reading:
        """Keep the trainee's reading of the buyer. It changes nothing in the deal, the turns or the score."""
        if self.reading is not None:
            raise ValueError("the buyer was read already in this game")
        self.reading = Reading(Motive(motive), Confidence(confidence), len(self.turns), self.clock())
        return self.reading

    # --- reaching the buyer -----------------------------------------------------------

    def contact(self, moment: Moment, channel: Channel = Channel.CALL) -> Turn:
        """Try to reach the buyer at `moment` by call or e-mail."""
        self._make_contact()
        channel = Channel(channel)
        if not self.can_contact_at(moment):
            raise ValueError(f"{moment} is not a moment that can still be chosen")
        self.actions.append(Action(moment=moment, channel=channel))
        before = self.deal.stage
        missed, taken_back = self._missed_appointment(moment, channel)
        expected = channel == Channel.CALL and moment == self.appointment
        credit = self._credit if expected else 0
        if expected:
            self.appointment, self._credit = None, 0
        self.contacts_used += 1
        if channel == Channel.EMAIL:
            turn = self._email(moment, before, missed, taken_back)
        else:
            turn = self._ring(moment, before, missed, taken_back, expected, credit)
        if self.phase == Phase.REACHING:
            self._move_on(moment.later(self.rules.slot_minutes))
        return turn

    def _missed_appointment(self, moment: Moment, channel: Channel) -> tuple[Moment | None, int]:
        """The agreed moment this contact lets pass, if any, and the bonuses that rested on it."""
        appointment = self.appointment
        if appointment is None or moment < appointment or (moment == appointment and channel == Channel.CALL):
            return None, 0
        credit = self._credit
        self.appointment, self._credit = None, 0
        self.answer_chance *= self.rules.missed_appointment_factor
        return appointment, credit

    def _email(self, moment: Moment, before: Stage, missed: Moment | None, taken_back: int) -> Turn:
        self.answer_chance *= self.rules.email_backfire
        return self._record(TurnKind.CONTACT, moment, TurnOutcome.EMAIL, before, contacts=1, missed=missed,
                            taken_back=taken_back, channel=Channel.EMAIL, reply=self.scenario.buyer.email_reply)

    def _ring(self, moment: Moment, before: Stage, missed: Moment | None, taken_back: int, expected: bool,
              credit: int) -> Turn:
        """A call; `expected` when it is at the agreed moment, which lifts the trainee on the ladder."""
        ladder = self.scenario.buyer.ladder
        rank = ladder.rank_above(self.rules.appointment_above) if expected else ladder.prospect_rank
        claim = self.claim_at(moment)
        self.buyer.attend(claim.who if claim else None)
        cost = {"contacts": 1, "missed": missed, "taken_back": taken_back, "channel": Channel.CALL}
        if not self.buyer.answer(rank, willing=lambda: expected or self._draw(moment) < self.answer_chance):
            if self.buyer.let_it_ring:
                return self._record(TurnKind.CONTACT, moment, TurnOutcome.VOICEMAIL_FREE, before, **cost)
            outcome = TurnOutcome.COLLEAGUE if claim.unreachable == COLLEAGUE and self.scenario.buyer.colleague \
                else TurnOutcome.VOICEMAIL
            return self._record(TurnKind.CONTACT, moment, outcome, before, claim=claim, **cost)
        self.deal.reach()
        self._step_agreed_at = None  # a later call got through: the step agreed before it is kept
        kept = {"kept": expected and credit > 0, "repeated": expected and not credit}
        call = self._next_call()
        if call is None:
            self.buyer.hang_up()
            return self._record(TurnKind.CONTACT, moment, TurnOutcome.NO_NEWS, before,
                                reply=self.scenario.buyer.brush_off,
                                **kept, **cost)
        point_id = self._resume.pop(call.id, call.points[0].id)
        self._call = _CallInProgress(call, point_id, moment, 0)
        self._get_through()
        return self._record(TurnKind.CONTACT, moment, TurnOutcome.THROUGH, before, call_id=call.id, **kept, **cost)

    def _draw(self, moment: Moment) -> float:
        self.drawn[moment] = drawn = self.dice.draw(moment)
        return drawn

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
        self._speak()
        point = self.point
        if point is None or not 0 <= index < len(point.phrasings):
            raise ValueError(f"there is no phrasing {index + 1} here")
        self.actions.append(Action(choice=index))
        call = self._call
        phrasing = point.phrasings[index]
        response = phrasing.response_for(self.motive)
        said_at = call.started.later(call.minutes)
        before = self.deal.stage
        stepped = False
        for move in response.moves:
            stepped |= self.deal.make(move) and self.deal.stage == Stage.STEP_AGREED
        if self.deal.stage != Stage.STEP_AGREED:
            self._step_agreed_at = None
        elif stepped:
            self._step_agreed_at = call.started
        start, call.minutes = call.minutes, call.minutes + phrasing.minutes
        offered = self.fitted(response.appointment, said_at, phrasing.minutes) if response.appointment else None
        agreed, counted = self._agree(offered)
        interruption = self._interruption(call, start)
        following = what_follows(call.call, point.id, response.next, self.deal.stage)
        call_end = self._call_end(interruption, following)
        turn = self._record(TurnKind.PHRASING, said_at, TurnOutcome.REPLY, before,
                            minutes=phrasing.minutes, agreed=agreed, repeated=agreed is not None and not counted,
                            call_id=call.call.id, point_id=point.id, choice=index, say=phrasing.say, aim=phrasing.aim,
                            reply=response.reply, proposed=self.proposal(phrasing, said_at), offered=offered,
                            claim=interruption if call_end == CallEnd.CUT_SHORT else None, call_end=call_end)
        if call_end:
            self._hang_up(following.point if call_end in (CallEnd.CUT_SHORT, CallEnd.PATIENCE) else None)
        else:
            call.point_id = following.point
        return turn

    def _agree(self, moment: Moment | None) -> tuple[Moment | None, bool]:
        """Agree `moment` for the next contact; whether it counts: once at each stage of the deal.

        A new moment replaces one still open, and takes over what rested on it.
        """
        if moment is None or moment == self.appointment:
            return None, False
        counted = self.deal.stage not in self._appointed
        if counted:
            self._appointed.add(self.deal.stage)
            self._credit += 1
        self.appointment = moment
        if moment.day > self.days:
            self.days = moment.day
            self._ahead = list(moments_from(self.rules, self.now, self.days))
        return moment, counted

    def _interruption(self, call: _CallInProgress, start: int) -> Claim | None:
        """Someone higher on the ladder who claims the buyer during this phrasing."""
        begin, end = call.started.later(start), call.started.later(call.minutes)
        for claim in self.scenario.week_in_order:
            if begin < claim.begins <= end and self.buyer.call_in(claim.who):
                return claim
        return None

    def _call_end(self, interruption: Claim | None, following: Following) -> CallEnd | None:
        """Whether and how the call ends after a phrasing: as the scenario has it, or cut short by the week."""
        if following.call_ends:
            return CallEnd.ENDED
        if interruption:
            return CallEnd.CUT_SHORT
        if self._call and self._call.minutes >= self.rules.call_patience:
            return CallEnd.PATIENCE
        return None

    def _hang_up(self, resume_at: str | None) -> None:
        call = self._call
        self._call = None
        self.buyer.hang_up()
        if resume_at:
            self._resume[call.call.id] = resume_at
        else:
            self._done.add(call.call.id)
        self._leave_call()
        self._move_on(call.started.later(max(call.minutes, 1)))

    # --- the end ----------------------------------------------------------------------

    def finish(self) -> None:
        """The trainee stops following up this quote; nothing happens when the game has already ended."""
        if self.phase == Phase.ENDED:
            return
        if self._call:
            self._hang_up(self._call.point_id)
        if self.phase != Phase.ENDED:
            self._end(TurnOutcome.STOPPED)

    def _move_on(self, earliest: Moment) -> None:
        """Advance the clock to the next moment that can be chosen; end the game when none is left."""
        self.now = earliest
        self._ahead = list(itertools.dropwhile(lambda moment: moment < earliest, self._ahead))
        if self.deal.is_closed:
            self._end_game()
        elif self.contacts_left <= 0:
            self._end(TurnOutcome.CONTACTS_USED)
        elif not self._moments_left():
            self._end(TurnOutcome.WEEK_OVER)

    def _moments_left(self) -> bool:
        return bool(self._ahead)

    def _end(self, why: TurnOutcome) -> None:
        """The game ends with the deal open: settle what rested on agreements that were never kept.

        A step agreed and never kept by a later call that got through is worth no more than no
        step at all: the deal goes back to where it stood before it. An agreed moment still open
        costs what a missed one costs, and the bonus for agreeing it goes. This is a turn of its
        own, so the score stays the sum of the turns the debrief shows.
        """
        self._end_game()
        step_at = self._step_agreed_at if self.deal.stage == Stage.STEP_AGREED else None
        missed = self.appointment
        if step_at is None and missed is None:
            return
        before = self.deal.stage
        if step_at is not None:
            self.deal.lapse()
        credit, self.appointment, self._credit, self._step_agreed_at = self._credit, None, 0, None
        self._record(TurnKind.CLOSING, self.now, why, before, missed=missed, taken_back=credit,
                     lapsed=step_at is not None, step_agreed_at=step_at)

    def _record(self, kind: TurnKind, moment: Moment, outcome: TurnOutcome, before: Stage, *, contacts: int = 0,
                minutes: int = 0, missed: Moment | None = None, agreed: Moment | None = None,
                claim: Claim | None = None, kept: bool = False, repeated: bool = False, taken_back: int = 0,
                lapsed: bool = False, **details: object) -> Turn:
        change = Change(before, self.deal.stage, appointment_agreed=agreed is not None and not repeated,
                        appointment_missed=missed is not None, contacts=contacts, minutes=minutes,
                        appointment_kept=kept, appointment_repeated=repeated, taken_back=taken_back,
                        step_lapsed=lapsed)
        turn = Turn(number=len(self.turns) + 1, kind=kind, moment=moment, outcome=outcome, change=change,
                    judgement=judge(change, self.rules.score), claim_who=claim.who if claim else "",
                    claim_what=claim.what if claim else "", appointment=agreed, missed=missed,
                    wall_time=self.clock(), **details)
        self.turns.append(turn)
        for listener in self.listeners:
            listener(self, turn)
        return turn

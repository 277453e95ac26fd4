"""What the group did, as plain data for the trainer's report (terminal, CSV and HTML show the same thing).

- per trainee and scenario: every attempt, the last outcome and score, the share of voortgang turns;
- per decision point: how the group chose, the phrasings that kept the deal where it was first, and what they
  cost: the same week replayed with the stronger phrasing (`costs.room_costs`, given to `gather`);
- the agenda: the most common prolonging phrasings over all scenarios, to discuss with the group;
- trends: the average score and voortgang share per attempt (first play, second, ...);
- reading the buyer: how the room read the hidden motive against what it was (how often a polite no was read as
  real interest first), and practice afterwards, apart from the plays.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from game.model.motive import Motive
from game.model.scenario import Scenario
from game.model.scoring import PROLONGING, Verdict
from game.model.turn import TurnKind
from game.scenario.load import load_scenario
from game.scenario.problem import ScenarioError
from game.workshop.costs import Cost, RoomCosts
from game.workshop.journal import PlayRecord


def sound(records: Iterable[PlayRecord]) -> tuple[list[PlayRecord], list[PlayRecord]]:
    """The plays the report can count, and those whose numbers are not numbers (merged by an older game,
    before every field was checked): the report leaves those out and names them, for `report --remove`."""
    good, bad = [], []
    for play in records:
        (good if _numbers_sound(play) else bad).append(play)
    return good, bad


def _numbers_sound(play: PlayRecord) -> bool:
    def finite(value: object, whole: bool = False, empty: bool = False) -> bool:
        if value is None:
            return empty
        if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
            return False
        return math.isfinite(value)

    return (finite(play.started) and finite(play.finished, empty=True) and finite(play.score, whole=True, empty=True)
            and (play.finished is None or play.score is not None) and finite(play.override, whole=True, empty=True)
            and all(finite(turn.points) for turn in play.turns))


def voortgang_share(play: PlayRecord) -> float:
    """The share of turns that kept the deal alive without moving it."""
    if not play.turns:
        return 0.0
    return sum(turn.verdict == Verdict.VOORTGANG for turn in play.turns) / len(play.turns)


@dataclass(frozen=True)
class Attempts:
    """One trainee's finished plays of one scenario, oldest first."""

    trainee: str
    scenario: str
    plays: tuple[PlayRecord, ...]

    @property
    def last(self) -> PlayRecord:
        return self.plays[-1]

    @property
    def scores(self) -> list[int]:
        return [play.score for play in self.plays]


@dataclass
class Choice:
    """One phrasing at one decision point (its place in the list), and what it did each time it was said.

    A phrasing that names {appointment} reads differently with each moment it named; it is one choice all the same.
    """

    choice: int
    aim: str
    verdicts: Counter = field(default_factory=Counter)
    wordings: Counter = field(default_factory=Counter)  # the words as said, the moment filled in

    @property
    def say(self) -> str:
        """The words said most often; the first said when as often."""
        return self.wordings.most_common(1)[0][0] if self.wordings else ""

    @property
    def count(self) -> int:
        return sum(self.verdicts.values())

    @property
    def prolonged(self) -> int:
        return sum(self.verdicts[verdict] for verdict in PROLONGING)

    @property
    def verdict(self) -> str:
        """What it mostly did."""
        return self.verdicts.most_common(1)[0][0] if self.verdicts else Verdict.VOORTGANG


@dataclass(frozen=True)
class Place:
    """Where a decision point is, the way a trainer recognises it: what the buyer said there, in which call."""

    buyer: str
    call: int  # counted from 1, in the scenario file's order
    calls: int  # how many calls the scenario has
    order: int  # the point's place in the scenario file


@dataclass(frozen=True)
class Point:
    scenario: str
    call_id: str
    point_id: str
    choices: tuple[Choice, ...]  # most often prolonging first, then most often said
    place: Place | None = None  # None when the scenario file played is not here: then only its ids are known

    @property
    def total(self) -> int:
        return sum(choice.count for choice in self.choices)


@dataclass(frozen=True)
class AgendaItem:
    point: Point
    choice: Choice


@dataclass(frozen=True)
class TrendStep:
    """The group on its n-th attempt at a scenario."""

    attempt: int
    plays: int
    mean_score: float
    mean_voortgang: float


@dataclass(frozen=True)
class Trend:
    scenario: str  # "" for all scenarios together
    steps: tuple[TrendStep, ...]


@dataclass(frozen=True)
class Readings:
    """How the room read the buyer: per (the motive it was, the motive read), how many readings."""

    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def of(self, actual: str) -> int:
        """Readings made where the motive was `actual`."""
        return sum(count for (was, _), count in self.counts.items() if was == actual)

    def read_as(self, actual: str, guessed: str) -> int:
        return self.counts[actual, guessed]

    def right(self) -> int:
        return sum(count for (was, read), count in self.counts.items() if was == read)

    def confusions(self) -> list[tuple[str, str, int]]:
        """(was, read as, how often) for every wrong reading, most often first; a polite no read as real interest
        first among equals: the confusion the workshop is about."""
        wrong = [(was, read, count) for (was, read), count in self.counts.items() if was != read]
        first = (Motive.POLITE_NO, Motive.REAL_INTEREST)
        return sorted(wrong, key=lambda item: (-item[2], (item[0], item[1]) != first, item[0], item[1]))


@dataclass(frozen=True)
class Practice:
    """Answers given in practice after the plays (never counted as plays): how many, and how many moved the deal."""

    answers: int = 0
    moved: int = 0
    trainees: int = 0


@dataclass(frozen=True)
class Group:
    workshop: str
    titles: dict[str, str]  # scenario key -> title
    versions: dict[str, tuple[str, ...]]
    trainees: tuple[str, ...]
    attempts: tuple[Attempts, ...]
    points: tuple[Point, ...]
    agenda: tuple[AgendaItem, ...]
    trends: tuple[Trend, ...]
    unfinished: int
    costs: RoomCosts = field(default_factory=RoomCosts)  # none computed: nothing shown
    readings: Readings = field(default_factory=Readings)
    practice: Practice = field(default_factory=Practice)

    @property
    def plays(self) -> int:
        return sum(len(a.plays) for a in self.attempts)

    def cost(self, point: Point, choice: Choice | None = None) -> Cost | None:
        """What the prolonging turns at `point` (or its phrasing `choice`) cost, replayed in the same week."""
        return self.costs.at((point.scenario, point.call_id, point.point_id), None if choice is None else choice.choice)

    def title(self, scenario: str) -> str:
        """A scenario's title as the report shows it, or its file name when no play carried one."""
        return self.titles.get(scenario, scenario)


def gather(records: Iterable[PlayRecord], workshop: str = "", anonymous: bool = False, agenda_size: int = 10,
           trainee_word: str = "Trainee", costs: RoomCosts | None = None, practice: Iterable = (),
           scenarios: Callable[[PlayRecord], Scenario | None] | None = None) -> Group:
    """`practice`: the answers given in practice at these plays' moments (the journal's `PracticeAnswer`s);
    `scenarios`: the scenario file a play was played from, or None when it is not here, for the buyer's lines."""
    records = _one_spelling_per_trainee(list(records))
    workshop = workshop or _the_only_workshop(records)
    if anonymous:
        records = anonymise(records, trainee_word)
    finished = [play for play in records if play.is_finished]
    titles = _titles(records)
    versions: dict[str, set[str]] = defaultdict(set)
    for play in records:
        versions[play.scenario_key].add(play.scenario_version)
    attempts = _attempts(finished)
    places = _places(records, scenarios) if scenarios else {}
    points = tuple(sorted(_points(records, places), key=lambda point: (
        titles.get(point.scenario, ""), point.place.order if point.place else 0)))  # stable: else as played
    return Group(
        workshop=workshop,
        titles=titles,
        versions={key: tuple(sorted(found)) for key, found in versions.items()},
        trainees=tuple(sorted({play.trainee for play in records}, key=_natural)),
        attempts=attempts,
        points=points,
        agenda=_agenda(points, agenda_size),
        trends=_trends(attempts),
        unfinished=len(records) - len(finished),
        costs=costs or RoomCosts(),
        readings=Readings(Counter((play.motive, play.guessed) for play in records if play.guessed)),
        practice=_practice(list(practice)),
    )


def _practice(answers: list) -> Practice:
    return Practice(len(answers), sum(bool(answer.good) for answer in answers),
                    len({answer.trainee.strip().casefold() for answer in answers}))


def _one_spelling_per_trainee(records: list[PlayRecord]) -> list[PlayRecord]:
    """'anouk' on one laptop and 'Anouk' on another are one trainee, shown as most often typed."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    for play in records:
        spellings[play.trainee.casefold()][play.trainee] += 1
    chosen = {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}
    return [play if play.trainee == chosen[play.trainee.casefold()] else
            replace(play, trainee=chosen[play.trainee.casefold()]) for play in records]


def _the_only_workshop(records: list[PlayRecord]) -> str:
    """The code, as most often typed, when every play is of one workshop ('acme-3' and 'ACME-3' are one)."""
    typed = Counter(play.workshop.strip() for play in records)
    return typed.most_common(1)[0][0] if len({code.casefold() for code in typed}) == 1 else ""


def _titles(records: list[PlayRecord]) -> dict[str, str]:
    """Each scenario's title; two scenarios with the same title are told apart by their file name."""
    titles = {play.scenario_key: play.scenario_title for play in records}
    counts = Counter(titles.values())
    return {key: title if counts[title] == 1 else f"{title} ({key})" for key, title in titles.items()}


def anonymise(records: list[PlayRecord], word: str) -> list[PlayRecord]:
    """Trainees as 'Trainee 1', 'Trainee 2', ... numbered in the order of their names."""
    names = sorted({play.trainee for play in records}, key=_natural)
    numbers = {name: f"{word} {index}" for index, name in enumerate(names, start=1)}
    return [replace(play, trainee=numbers[play.trainee]) for play in records]


def _natural(name: str) -> tuple:
    """'Trainee 2' before 'Trainee 10'."""
    head, _, tail = name.rpartition(" ")
    return (head.casefold(), int(tail)) if tail.isdigit() else (name.casefold(), 0)


def _attempts(finished: list[PlayRecord]) -> tuple[Attempts, ...]:
    grouped: dict[tuple[str, str], list[PlayRecord]] = defaultdict(list)
    for play in finished:
        grouped[play.trainee, play.scenario_key].append(play)
    ordered = sorted(grouped.items(), key=lambda item: (_natural(item[0][0]), item[0][1]))
    return tuple(Attempts(trainee, scenario, tuple(sorted(plays, key=lambda p: (p.started, p.id))))
                 for (trainee, scenario), plays in ordered)


def played_file(play: PlayRecord) -> Scenario | None:
    """The scenario file where this laptop played it, when it is still there in the version played."""
    try:
        scenario = load_scenario(play.scenario_path) if play.scenario_path else None
    except (ScenarioError, OSError):
        return None
    return scenario if scenario and scenario.version == play.scenario_version else None


def _places(plays: list[PlayRecord], scenarios: Callable[[PlayRecord], Scenario | None]
            ) -> dict[tuple[str, str, str], Place]:
    """Every decision point of every scenario played whose file is here, each version tried once; a point
    found in several versions keeps the newest played version's line."""
    places: dict[tuple[str, str, str], Place] = {}
    tried: set[tuple[str, str]] = set()
    for play in sorted(plays, key=lambda play: -play.started):
        if (play.scenario_key, play.scenario_version) in tried:
            continue
        tried.add((play.scenario_key, play.scenario_version))
        scenario = scenarios(play)
        if scenario is None:
            continue
        order = 0
        for number, call in enumerate(scenario.calls, start=1):
            for point in call.points:
                order += 1
                if point.buyer.strip():
                    places.setdefault((play.scenario_key, call.id, point.id),
                                      Place(point.buyer.strip(), number, len(scenario.calls), order))
    return places


def _points(plays: list[PlayRecord], places: dict[tuple[str, str, str], Place]) -> tuple[Point, ...]:
    """Every choice counts, also in a game left unfinished: it was said."""
    choices: dict[tuple[str, str, str], dict[int, Choice]] = defaultdict(dict)
    for play in plays:
        for turn in play.turns:
            if turn.kind != TurnKind.PHRASING:
                continue
            said = choices[play.scenario_key, turn.call_id, turn.point_id]
            choice = said.setdefault(turn.choice, Choice(turn.choice, turn.aim))
            choice.verdicts[turn.verdict] += 1
            choice.wordings[turn.say] += 1
    return tuple(
        Point(scenario, call_id, point_id,
              tuple(sorted(said.values(), key=lambda c: (-c.prolonged, -c.count, c.say))),
              places.get((scenario, call_id, point_id)))
        for (scenario, call_id, point_id), said in choices.items()
    )


def _agenda(points: tuple[Point, ...], size: int) -> tuple[AgendaItem, ...]:
    items = [AgendaItem(point, choice) for point in points for choice in point.choices if choice.prolonged]
    items.sort(key=lambda item: (-item.choice.prolonged, -item.choice.count, item.point.scenario, item.choice.say))
    return tuple(items[:size])


def _trends(attempts: tuple[Attempts, ...]) -> tuple[Trend, ...]:
    by_scenario: dict[str, dict[int, list[PlayRecord]]] = defaultdict(lambda: defaultdict(list))
    for attempt in attempts:
        for number, play in enumerate(attempt.plays, start=1):
            by_scenario[attempt.scenario][number].append(play)
            by_scenario[""][number].append(play)
    return tuple(Trend(scenario, tuple(_step(number, plays) for number, plays in sorted(steps.items())))
                 for scenario, steps in sorted(by_scenario.items()))


def _step(number: int, plays: list[PlayRecord]) -> TrendStep:
    return TrendStep(number, len(plays), statistics.fmean(play.score for play in plays),
                statistics.fmean(voortgang_share(play) for play in plays))

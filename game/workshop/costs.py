"""What the room's prolonging phrasings cost: each recorded game's week replayed from its prolonging turns, the
way the debrief replays it (`game.model.replay`: the stronger phrasing said there, then the trainee's own later
choices), and the points it gave beyond the trainee's own score averaged per decision point and per phrasing.

A recorded game is rebuilt from what the results file keeps: the scenario file it was played on (that version),
its seed and motive, and its turns (each contact's moment and channel, each phrasing's place in the list). It
counts only when the rebuilt game gives the recorded turns and score again. A game without a seed, one whose
scenario file is not found, or one that does not come out the same is left out and counted by why, never
guessed at. Only finished games count: a cost is measured against how the week ended.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from transitions import MachineError

from game.bots.strategy import advancing
from game.model.motive import Motive
from game.model.playthrough import Phase, Playthrough
from game.model.replay import same_week, stronger_phrasing
from game.model.scenario import Scenario
from game.model.scoring import PROLONGING
from game.model.turn import TurnKind
from game.workshop.journal import PlayRecord

Place = tuple[str, str, str]  # scenario key, call id, point id


class LeftOut(StrEnum):
    """Why a finished game with prolonging turns was not replayed."""

    NO_SEED = "no_seed"            # recorded without its seed: its week cannot be told
    NO_SCENARIO = "no_scenario"    # the scenario file, in the version played, is not here
    NOT_THE_SAME = "not_the_same"  # rebuilt, it does not give the recorded turns and score
    DAMAGED = "damaged"            # a seed, motive, moment or choice in the file that is not one


@dataclass(frozen=True)
class Cost:
    """What prolonging turns cost, each in points: the same week with the stronger phrasing gave that much more.
    A turn where no phrasing was stronger (for that buyer, at that stage of the deal) has nothing to replay: None."""

    found: tuple[int | None, ...]

    @property
    def points(self) -> tuple[int, ...]:
        return tuple(points for points in self.found if points is not None)

    @property
    def turns(self) -> int:
        """The turns replayed."""
        return len(self.points)

    @property
    def unbeaten(self) -> int:
        """The prolonging turns where no phrasing was stronger."""
        return len(self.found) - self.turns

    @property
    def mean(self) -> float:
        return statistics.fmean(self.points)

    @property
    def costly(self) -> bool:
        """Whether the stronger phrasing gave more points, on average, to the report's one decimal."""
        return bool(self.points) and round(self.mean, 1) > 0


@dataclass
class RoomCosts:
    """Per decision point, per phrasing there and per play (by uuid): what each prolonging turn cost."""

    places: dict[Place, list[int | None]] = field(default_factory=lambda: defaultdict(list))
    choices: dict[tuple[Place, int], list[int | None]] = field(default_factory=lambda: defaultdict(list))
    plays: dict[str, list[int | None]] = field(default_factory=lambda: defaultdict(list))
    left_out: Counter = field(default_factory=Counter)  # LeftOut -> games

    def at(self, place: Place, choice: int | None = None) -> Cost | None:
        """The cost of the prolonging turns at a decision point, or of one phrasing there; None when none replayed."""
        found = self.places.get(place) if choice is None else self.choices.get((place, choice))
        return Cost(tuple(found)) if found else None

    def of_play(self, uuid: str) -> Cost | None:
        found = self.plays.get(uuid)
        return Cost(tuple(found)) if found else None


def room_costs(records: Iterable[PlayRecord], scenario_of: Callable[[PlayRecord], Scenario | None]) -> RoomCosts:
    """Replay every finished game with prolonging turns; `scenario_of` finds the scenario a game was played on."""
    costs = RoomCosts()
    for record in records:
        if not record.is_finished or not any(turn.kind == TurnKind.PHRASING and turn.verdict in PROLONGING
                                             for turn in record.turns):
            continue
        play, why = _rebuilt(record, scenario_of)
        if play is None:
            costs.left_out[why] += 1
            continue
        for turn in play.turns:
            if turn.kind != TurnKind.PHRASING or turn.verdict not in PROLONGING:
                continue
            beaten = stronger_phrasing(play, turn) is not None
            cost = same_week(play, turn, advancing(record.seed)).cost if beaten else None
            place = (record.scenario_key, turn.call_id, turn.point_id)
            costs.places[place].append(cost)
            costs.choices[place, turn.choice].append(cost)
            costs.plays[record.uuid].append(cost)
    return costs


def _rebuilt(record: PlayRecord, scenario_of: Callable[[PlayRecord], Scenario | None]
             ) -> tuple[Playthrough | None, LeftOut | None]:
    if record.seed is None:
        return None, LeftOut.NO_SEED
    if not _whole_fields(record):
        return None, LeftOut.DAMAGED
    scenario = scenario_of(record)
    if scenario is None:
        return None, LeftOut.NO_SCENARIO
    try:
        play = Playthrough.replay(scenario, record.seed, list(record.actions), motive=Motive(record.motive),
                                  clock=lambda: 0.0)
    except (MachineError, ValueError, KeyError, IndexError, AttributeError):  # an action that does not fit
        return None, LeftOut.NOT_THE_SAME
    if play.phase != Phase.ENDED:
        play.finish()  # the trainee stopped: the game settled what was left open
    if _told(play.turns) != _told(record.turns) or play.score.total != record.score:
        return None, LeftOut.NOT_THE_SAME
    return play, None


def _whole_fields(record: PlayRecord) -> bool:
    """Whether what rebuilds the game has the types a game gives it: a damaged or hostile file is left out."""
    def whole(value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    return (whole(record.seed) and record.motive in tuple(Motive)
            and all(whole(turn.day) and whole(turn.minute) and whole(turn.choice) and isinstance(turn.channel, str)
                    for turn in record.turns))


def _told(turns: Iterable) -> list[tuple]:
    """What the results file keeps of each turn, to compare a rebuilt game with the recorded one."""
    return [(turn.number, turn.kind, turn.call_id, turn.point_id, turn.choice, turn.verdict, turn.points)
            for turn in turns]

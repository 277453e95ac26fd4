"""Practice what you missed: the decision points where a trainee said a prolonging phrasing, brought back spaced out.

A moment is a decision point of a scenario (its file name, call and point). Every phrasing the trainee said
there counts as an answer, in a recorded game or in practice: well answered when it moved the deal, or when no
phrasing there could have done better (then there was nothing to miss). The answers give the moment its place
on the ladder of `game.model.spacing`. A moment comes back with the situation of the game in which it was last
missed: that game's actions are replayed up to the turn, with its seed and the buyer's motive, so the deal
stands where it stood and the buyer says what he said.

Plain data in, plain data out: the results file is read above this floor and handed in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from transitions import MachineError

from game.model.deal import Stage
from game.model.hindsight import best_phrasing
from game.model.motive import Motive
from game.model.playthrough import Action, Phase, Playthrough
from game.model.scenario import Scenario
from game.model.scoring import Verdict
from game.model.spacing import Answer, Spacing, spacing
from game.model.turn import Turn

MOST_AT_ONCE = 5  # a short run: the moments due longest first


@dataclass(frozen=True)
class Said:
    """A phrasing said at a decision point of a recorded game, as the results file gives it."""

    play_uuid: str
    scenario_key: str
    seed: int | None
    motive: str
    number: int  # the turn's number in its game
    call_id: str
    point_id: str
    choice: int
    verdict: str
    stage_before: str
    wall_time: float


class Practised(Protocol):
    """An answer given in practice at a moment, as far as practice needs it (the journal's `PracticeAnswer`)."""

    scenario_key: str
    call_id: str
    point_id: str
    good: bool
    wall_time: float


@dataclass(frozen=True)
class Missed:
    """A decision point to practise: where it stands on the ladder, and the game in which it was last missed."""

    scenario: Scenario
    call_id: str
    point_id: str
    spacing: Spacing
    last_miss: Said

    @property
    def key(self) -> tuple[str, str, str]:
        return self.last_miss.scenario_key, self.call_id, self.point_id


def answered_well(scenario: Scenario, call_id: str, point_id: str, choice: int, verdict: str, stage: str,
                  motive: str) -> bool:
    """Whether a phrasing said at a decision point counts as well answered: it moved the deal, or nothing said
    there could have done better. A point the scenario no longer has counts as well answered: nothing to practise."""
    call = scenario.call(call_id)
    point = call.point(point_id) if call else None
    if verdict == Verdict.VOORUITGANG or point is None or not 0 <= choice < len(point.phrasings):
        return True
    return best_phrasing(point, Stage(stage), Motive(motive), scenario.rules.score) == choice


def moments(said: Iterable[Said], practised: Iterable[Practised], scenarios: dict[str, Scenario]) -> list[Missed]:
    """Every decision point the trainee ever missed, with where it stands now; `scenarios` by file name (a
    scenario that cannot be found here cannot be practised, so its moments are left out)."""
    answers: dict[tuple[str, str, str], list[Answer]] = defaultdict(list)
    misses: dict[tuple[str, str, str], Said] = {}
    for turn in sorted(said, key=lambda s: s.wall_time):
        scenario = scenarios.get(turn.scenario_key)
        if scenario is None or turn.seed is None:
            continue
        key = (turn.scenario_key, turn.call_id, turn.point_id)
        good = answered_well(scenario, turn.call_id, turn.point_id, turn.choice, turn.verdict, turn.stage_before,
                             turn.motive)
        answers[key].append(Answer(turn.wall_time, good))
        if not good:
            misses[key] = turn
    for answer in practised:
        answers[answer.scenario_key, answer.call_id, answer.point_id].append(Answer(answer.wall_time, answer.good))
    found = []
    for key, miss in misses.items():
        place = spacing(answers[key])
        if place is not None:
            found.append(Missed(scenarios[key[0]], key[1], key[2], place, miss))
    return found


def due(found: Iterable[Missed], now: float, most: int = MOST_AT_ONCE) -> list[Missed]:
    """The moments due now, the longest due first; at most `most`, so a run stays short."""
    return sorted((m for m in found if m.spacing.is_due(now)), key=lambda m: (m.spacing.due, m.key))[:most]


def set_again(missed: Missed, actions: Sequence[Action]) -> Playthrough | None:
    """The game of the last miss, replayed up to the moment: in the call, at the decision point, before the
    trainee spoke. None when the scenario file has changed so far that the game no longer comes to it."""
    said = missed.last_miss
    scenario = missed.scenario
    motive = Motive(said.motive) if said.motive in scenario.buyer.motives else None
    try:
        play = Playthrough.replay(scenario, said.seed, list(actions[:said.number - 1]), motive=motive)
    except (MachineError, ValueError, KeyError, IndexError, AttributeError):
        return None
    if play.phase != Phase.IN_CALL or play.call.id != missed.call_id or play.point.id != missed.point_id:
        return None
    return play


def well_answered(play: Playthrough, turn: Turn) -> bool:
    """Whether the answer just given in practice counts as well answered (see `answered_well`)."""
    return answered_well(play.scenario, turn.call_id, turn.point_id, turn.choice, turn.verdict,
                         turn.change.stage_before, play.motive)

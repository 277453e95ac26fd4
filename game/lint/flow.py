"""Where a scenario can go: every (call, decision point, deal stage, motive) a trainee can reach.

The exploration asks the model itself what each phrasing does (hindsight.outcome_of, the
Deal machine), for every motive the buyer can have and every stage a call can be in. It is
bounded by the number of such states, so a file of a thousand decision points takes a moment.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from game.model.deal import Stage
from game.model.following import what_follows
from game.model.hindsight import outcome_of
from game.model.motive import Motive
from game.model.scenario import DecisionPoint, Phrasing, Scenario
from game.model.scoring import Change, Judgement, judge

# A state: (call index, point index, stage, motive). A phrasing: (call index, point index, phrasing index).
State = tuple[int, int, Stage, Motive]
PhrasingKey = tuple[int, int, int]


@dataclass(frozen=True)
class Step:
    """Saying one phrasing in one state: where it leads (a state, or the end of the call)."""

    phrasing: PhrasingKey
    change: Change
    judgement: Judgement
    to: State | None
    ends_at: Stage | None = None  # the stage the call ends in, when it ends


@dataclass
class Flow:
    scenario: Scenario
    motives: tuple[Motive, ...]
    starts: dict[Stage, list[int]]
    states: set[State] = field(default_factory=set)
    steps: dict[State, list[Step]] = field(default_factory=dict)
    started: set[int] = field(default_factory=set)
    call_ends: dict[Stage, list[PhrasingKey]] = field(default_factory=lambda: defaultdict(list))

    def entries(self, stage: Stage, motive: Motive) -> list[State]:
        """The states a new call begins in when the deal stands at `stage`."""
        return [(call, 0, stage, motive) for call in self.starts.get(stage, [])]

    @property
    def points(self) -> set[tuple[int, int]]:
        return {(call, point) for call, point, _, _ in self.states}


def motives_of(scenario: Scenario) -> tuple[Motive, ...]:
    return tuple(name for name, weight in scenario.buyer.motives.items() if weight > 0)


def explore(scenario: Scenario) -> Flow:
    starts: dict[Stage, list[int]] = defaultdict(list)
    for index, call in enumerate(scenario.calls):
        for stage in call.stages:
            starts[stage].append(index)
    flow = Flow(scenario, motives_of(scenario), dict(starts))
    judged = _Judge(scenario)
    waiting = [entry for motive in flow.motives for entry in flow.entries(Stage.REACHED, motive)]
    flow.states.update(waiting)
    while waiting:
        state = waiting.pop()
        flow.started.add(state[0])
        steps = [judged.step(state, j) for j in range(len(_point(scenario, state).phrasings))]
        flow.steps[state] = steps
        for step in steps:
            following = [step.to] if step.to else []
            if step.ends_at:
                flow.call_ends[step.ends_at].append(step.phrasing)
                if not step.ends_at.closed:
                    following = flow.entries(step.ends_at, state[3])
            for new in following:
                if new not in flow.states:
                    flow.states.add(new)
                    waiting.append(new)
    return flow


def _point(scenario: Scenario, state: State) -> DecisionPoint:
    return scenario.calls[state[0]].points[state[1]]


class _Judge:
    """What each phrasing does from each state, asked of the model."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.weights = scenario.rules.score
        self.index = [{p.id: i for i, p in enumerate(call.points)} for call in scenario.calls]

    def outcome(self, phrasing: Phrasing, stage: Stage, motive: Motive) -> tuple[Change, Judgement]:
        change = outcome_of(phrasing, stage, motive)
        return change, judge(change, self.weights)

    def step(self, state: State, choice: int) -> Step:
        call_index, point_index, stage, motive = state
        call = self.scenario.calls[call_index]
        point = call.points[point_index]
        phrasing = point.phrasings[choice]
        change, judgement = self.outcome(phrasing, stage, motive)
        key = (call_index, point_index, choice)
        following = what_follows(call, point.id, phrasing.response_for(motive).next, change.stage_after)
        if following.call_ends:
            return Step(key, change, judgement, None, ends_at=change.stage_after)
        return Step(key, change, judgement, (call_index, self.index[call_index][following.point],
                                             change.stage_after, motive))

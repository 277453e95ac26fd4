"""The numbers `lint` ends with: decision points, paths, best and worst score, median length.

A path runs from the first call until the deal closes, no call fits the deal any more, or the
path comes back to a state it has already been in (a loop ends it: the game would only add turns).
"""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass

from game.lint.flow import Flow, State, Step
from game.model.deal import Stage
from game.model.scoring import Change, points

WALKS = 201


@dataclass(frozen=True)
class Statistics:
    decision_points: int
    paths: int
    best: int
    worst: int
    median_minutes: float

    def lines(self) -> list[str]:
        paths = f"{self.paths:,}" if self.paths < 10**12 else f"about 10^{len(str(self.paths)) - 1}"
        return [
            f"decision points: {self.decision_points}",
            f"paths: {paths}",
            f"best reachable score: {self.best}",
            f"worst reachable score: {self.worst}",
            f"median length: {self.median_minutes:g} minute{'s' * (self.median_minutes != 1)} on the phone "
            "(random choices)",
        ]


@dataclass(frozen=True)
class _Value:
    paths: int
    best: float
    worst: float


_END = _Value(1, 0.0, 0.0)


def statistics_of(flow: Flow) -> Statistics:
    weights = flow.scenario.rules.score
    first = points(Change(Stage.QUOTE_SENT, Stage.REACHED, contacts=1), weights)
    values = _Values(flow)
    totals = [values.of(entry) for motive in flow.motives for entry in flow.entries(Stage.REACHED, motive)]
    totals = totals or [_END]
    return Statistics(
        decision_points=len(flow.scenario.decision_points),
        paths=sum(v.paths for v in totals),
        best=round(first + max(v.best for v in totals)),
        worst=round(first + min(v.worst for v in totals)),
        median_minutes=_median_minutes(flow),
    )


class _Values:
    """Best, worst and number of paths from each state, by a depth-first walk without recursion."""

    def __init__(self, flow: Flow):
        self.flow = flow
        self.contact = points(Change(Stage.REACHED, Stage.REACHED, contacts=1), flow.scenario.rules.score)
        self.done: dict[State, _Value] = {}
        self.edges: dict[State, list[tuple[float, list[State]]]] = {}

    def of(self, start: State) -> _Value:
        on_path: set[State] = set()
        stack: list[State] = [start]
        while stack:
            state = stack[-1]
            if state in self.done:
                stack.pop()
                continue
            on_path.add(state)
            pending = [n for _, nexts in self._edges(state) for n in nexts
                       if n not in self.done and n not in on_path]
            if pending:
                stack.extend(pending)
                continue
            self.done[state] = self._value(state, on_path)
            on_path.discard(state)
            stack.pop()
        return self.done[start]

    def _edges(self, state: State) -> list[tuple[float, list[State]]]:
        """(points of the step, the states it can lead to) for every step from `state`."""
        if state not in self.edges:
            self.edges[state] = [self._edge(step, state) for step in self.flow.steps.get(state, [])]
        return self.edges[state]

    def _edge(self, step: Step, state: State) -> tuple[float, list[State]]:
        weights = self.flow.scenario.rules.score
        if step.to:
            return step.judgement.points, [step.to]
        if step.ends_at.closed:
            return step.judgement.points, []
        if not self.flow.starts.get(step.ends_at):
            # The game ends with the deal open; a step no call can keep counts for nothing then.
            lapse = weights.stages[Stage.STEP_AGREED] - weights.stages[Stage.POSITION_KNOWN] \
                if step.ends_at == Stage.STEP_AGREED else 0
            return step.judgement.points - lapse, []
        kept = weights.kept_appointment if step.change.appointment_agreed else 0  # the next call, at that moment
        return step.judgement.points + self.contact + kept, self.flow.entries(step.ends_at, state[3])

    def _value(self, state: State, on_path: set[State]) -> _Value:
        count, best, worst = 0, float("-inf"), float("inf")
        for gain, nexts in self._edges(state):
            ahead = [self.done.get(n, _END) if n not in on_path else _END for n in nexts] or [_END]
            count += sum(v.paths for v in ahead)
            best = max(best, gain + max(v.best for v in ahead))
            worst = min(worst, gain + min(v.worst for v in ahead))
        if count == 0:
            return _END
        return _Value(count, best, worst)


def _median_minutes(flow: Flow) -> float:
    """Phone minutes of random walks through the scenario; the same every run."""
    rng = random.Random(0)
    limit = flow.scenario.rules.contacts
    lengths = []
    for _ in range(WALKS if flow.motives else 0):
        motive = rng.choice(flow.motives)
        entries = flow.entries(Stage.REACHED, motive)
        minutes, calls, seen = 0, 1, set()
        state = rng.choice(entries) if entries else None
        while state is not None and state not in seen:
            seen.add(state)
            step = rng.choice(flow.steps[state])
            point = flow.scenario.calls[state[0]].points[state[1]]
            minutes += point.phrasings[step.phrasing[2]].minutes
            state = step.to
            if step.ends_at and not step.ends_at.closed and calls < limit:
                entries = flow.entries(step.ends_at, motive)
                state = rng.choice(entries) if entries else None
                calls += 1
        lengths.append(minutes)
    return statistics.median(lengths) if lengths else 0

"""Ways to go on from any point of a playthrough, for the property tests of the score.

- `random_prefix`: any point of a playthrough, reached by random actions;
- `go_for_the_clear_no`: the most direct way from there to a clear no;
- `agree_a_step`: from there, the most direct way to a step agreed (then the caller stops, or only e-mails);
- `stop_now`, `string_along`: ways that leave the deal open.

The direct ways read the scenario's flow as lint explores it: for every state of a call (call, decision
point, stage, motive), how many phrasings it takes at least to reach the wanted stage.
"""

from __future__ import annotations

import math
import random

from game.bots.strategy import Strategy, play_out
from game.lint.flow import Flow, State, explore
from game.model.deal import Stage
from game.model.moment import Moment
from game.model.playthrough import Phase, Playthrough
from game.model.scenario import Scenario
from game.model.turn import Channel


def random_prefix(play: Playthrough, rng: random.Random, actions: int, lean: float = 0.0) -> Playthrough:
    """`actions` contacts and phrasings, or fewer when the game ends before.

    Each is random, or with chance `lean` what the advancing bot does: leaning on it, a prefix gets
    further into a scenario (a step agreed and kept, an appointment open) than chance alone.
    """
    bot = Strategy("advance", rng)
    for _ in range(actions):
        if play.phase == Phase.ENDED:
            break
        advancing = rng.random() < lean
        if play.phase == Phase.IN_CALL:
            play.choose(bot.phrasing(play) if advancing else rng.randrange(len(play.point.phrasings)))
        elif advancing:
            play.contact(*bot.contact(play))
        else:
            play.contact(rng.choice(play.moments()[:8]), Channel.CALL if rng.random() < 0.75 else Channel.EMAIL)
    return play


_FLOWS: dict[int, tuple[Scenario, Flow]] = {}
_DISTANCES: dict[tuple[int, str], tuple[Scenario, dict[State, float]]] = {}


def flow_of(scenario: Scenario) -> Flow:
    """The scenario's flow, explored once (a scenario holds dicts, so it is remembered by identity)."""
    if id(scenario) not in _FLOWS:
        _FLOWS[id(scenario)] = (scenario, explore(scenario))
    return _FLOWS[id(scenario)][1]


def distances(scenario: Scenario, target: str) -> dict[State, float]:
    key = (id(scenario), target)
    if key not in _DISTANCES:
        _DISTANCES[key] = (scenario, _distances(scenario, target))
    return _DISTANCES[key][1]


def _distances(scenario: Scenario, target: str) -> dict[State, float]:
    """For each in-call state, the fewest phrasings to the `target` stage, over later calls too."""
    flow = flow_of(scenario)
    far: dict[State, float] = dict.fromkeys(flow.steps, math.inf)
    changed = True
    while changed:
        changed = False
        for state, steps in flow.steps.items():
            best = min((_cost(flow, far, step, state, target) for step in steps), default=math.inf)
            if best < far[state]:
                far[state], changed = best, True
    return far


def _cost(flow: Flow, far: dict[State, float], step, state: State, target: str) -> float:
    after = step.change.stage_after
    if after == target:
        return 1
    if step.to:
        return 1 + far.get(step.to, math.inf)
    if after.closed:
        return math.inf
    return 1 + min((far.get(entry, math.inf) for entry in flow.entries(after, state[3])), default=math.inf)


def state_of(play: Playthrough) -> State:
    scenario = play.scenario
    call = next(i for i, c in enumerate(scenario.calls) if c.id == play.call.id)
    point = next(i for i, p in enumerate(scenario.calls[call].points) if p.id == play.point.id)
    return call, point, play.deal.stage, play.motive


def head_for(play: Playthrough, target: str, until=None, max_actions: int = 200) -> Playthrough:
    """Go the most direct way to `target`: call when the buyer expects it or is free, say what leads there.

    Stops when the deal stands at `target` (or `until(play)` says so), or the game ends.
    """
    far = distances(play.scenario, target)
    flow = flow_of(play.scenario)
    for _ in range(max_actions):
        if play.phase == Phase.ENDED or play.deal.stage == target or (until and until(play)):
            break
        if play.phase == Phase.IN_CALL:
            state = state_of(play)
            steps = flow.steps[state]
            costs = [_cost(flow, far, step, state, target) for step in steps]
            play.choose(costs.index(min(costs)))
        else:
            play.contact(free_moment(play), Channel.CALL)
    return play


def free_moment(play: Playthrough) -> Moment:
    """The agreed moment if there is one, else the first moment nobody visibly has the buyer."""
    moments = play.moments()
    if play.appointment in moments:
        return play.appointment
    return next((m for m in moments if (c := play.claim_at(m)) is None or not c.visible), moments[0])


def go_for_the_clear_no(play: Playthrough) -> Playthrough:
    head_for(play, Stage.CLEAR_NO)
    play.finish()
    return play


def agree_a_step(play: Playthrough) -> Playthrough:
    """The most direct way to a step agreed; the caller decides what follows."""
    return head_for(play, Stage.STEP_AGREED)


def stop_now(play: Playthrough) -> Playthrough:
    play.finish()
    return play


def string_along(play: Playthrough, seed: int) -> Playthrough:
    play_out(play, Strategy("prolong", random.Random(seed)))
    play.finish()
    return play


def only_email(play: Playthrough) -> Playthrough:
    """Never call again: e-mail until the contacts or the week run out."""
    if play.phase == Phase.IN_CALL:
        play.finish()
        return play
    while play.phase == Phase.REACHING:
        play.contact(play.moments()[0], Channel.EMAIL)
    return play

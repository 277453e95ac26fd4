"""The design problems a trainer cares about, found by exploring the scenario with the model."""

from __future__ import annotations

from collections import defaultdict

from game.lint.flow import Flow, PhrasingKey, State
from game.model.deal import Deal, Move, Stage, stage_rank
from game.model.ending import EndingKind, ending_of
from game.model.scenario import Aim, Location, Phrasing
from game.scenario.fields import Report


def check_design(flow: Flow, report: Report, endings_at: dict[str, Location]) -> None:
    _calls_never_started(flow, report)
    _points_never_reached(flow, report)
    _aims_at_each_point(flow, report)
    _phrasings_against_their_aim(flow, report)
    _dead_ends(flow, report)
    _loops(flow, report)
    _endings_never_reached(flow, report, endings_at)


def _phrasing(flow: Flow, key: PhrasingKey) -> Phrasing:
    call, point, choice = key
    return flow.scenario.calls[call].points[point].phrasings[choice]


def _short(text: str, size: int = 48) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _calls_never_started(flow: Flow, report: Report) -> None:
    open_ends = sorted({s for s in flow.call_ends if not s.closed} | {Stage.REACHED},
                       key=stage_rank)
    for index, call in enumerate(flow.scenario.calls):
        if index in flow.started:
            continue
        report.warning(call.at, f"no path starts call '{call.id}': a call begins only when the deal stands at "
                       f"{', '.join(call.stages)}, and no path leaves it there",
                       f"the deal can stand at {', '.join(open_ends)} when a call begins; "
                       "put one of those under 'stages:', or let a phrasing move the deal there")


def _points_never_reached(flow: Flow, report: Report) -> None:
    reached = flow.points
    for index, call in enumerate(flow.scenario.calls):
        if index not in flow.started:
            continue
        for number, point in enumerate(call.points):
            if (index, number) not in reached:
                report.warning(point.at, f"no path leads to decision point '{point.id}' in call '{call.id}'",
                               f"let a phrasing above it say 'next: {point.id}', or remove the 'next:' that "
                               "jumps over it")


def _aims_at_each_point(flow: Flow, report: Report) -> None:
    for call in flow.scenario.calls:
        for point in call.points:
            aims = {p.aim for p in point.phrasings}
            missing = [aim for aim in Aim if aim not in aims]
            if missing:
                report.warning(point.at, f"decision point '{point.id}' has no phrasing with 'aim: {missing[0]}'",
                               "a decision needs a phrasing that moves the deal and one that only keeps it "
                               "alive, so the trainee feels the difference")


def _phrasing_verdicts(flow: Flow) -> dict[PhrasingKey, list[tuple[bool, str, str, str, int]]]:
    """For each phrasing: (whether it gains, stage, motive, stage after, points) over every state it can be
    said in. It gains when it moves the deal up or agrees a moment, whatever the minutes it takes cost."""
    found: dict[PhrasingKey, list[tuple[bool, str, str, str, int]]] = defaultdict(list)
    for (_, _, stage, motive), steps in flow.steps.items():
        for step in steps:
            change = step.change
            gains = stage_rank(change.stage_after) > stage_rank(stage) or change.appointment_agreed
            found[step.phrasing].append((gains, stage, motive, change.stage_after, step.judgement.points))
    return found


def _phrasings_against_their_aim(flow: Flow, report: Report) -> None:
    for key, outcomes in sorted(_phrasing_verdicts(flow).items()):
        phrasing = _phrasing(flow, key)
        forward = sorted(((stage_rank(stage), motive, stage, after, points)
                          for gains, stage, motive, after, points in outcomes if gains))
        said_at = sorted({outcome[1] for outcome in outcomes}, key=stage_rank)
        if phrasing.aim == Aim.ADVANCE and not forward:
            moves = "; ".join(f"from {s}: {_listed(_moves_forward(s))}" for s in said_at if _moves_forward(s))
            report.warning(phrasing.at, f"'{_short(phrasing.say)}' is written to advance, but never moves the "
                           f"deal: said at {', '.join(said_at)}, for every motive, it is voortgang",
                           f"give it a 'deal:' move the deal allows ({moves}) or an 'appointment:' - "
                           "or mark it 'aim: prolong'")
        elif phrasing.aim == Aim.ADVANCE and all(points <= 0 for *_, points in forward):
            _, motive, stage, after, points = forward[0]
            report.warning(phrasing.at, f"'{_short(phrasing.say)}' moves the deal, but its {phrasing.minutes} "
                           f"minutes cost more than the move gains ({points:+d} points at {stage}, motive {motive}), "
                           "so the debrief calls it voortgang", "let it take fewer minutes ('minutes:')")
        elif phrasing.aim == Aim.PROLONG and forward:
            _, motive, stage, after, _ = forward[0]
            why = f"it moves the deal from {stage} to {after}" if after != stage else \
                f"at {stage} it agrees a moment for the next contact"
            report.warning(phrasing.at, f"'{_short(phrasing.say)}' is written to prolong, but it scores as "
                           f"vooruitgang: {why} (motive {motive})",
                           "the score follows the deal, not the label: remove its 'deal:' or 'appointment:', "
                           "or mark it 'aim: advance'")


def _moves_forward(stage: Stage) -> list[Move]:
    """The moves the deal's machine lets take the deal further from `stage`."""
    forward = []
    for move in Move:
        deal = Deal(stage)
        if deal.make(move) and stage_rank(deal.stage) > stage_rank(stage):
            forward.append(move)
    return forward


def _listed(words: list[str]) -> str:
    """'reveal, agree_step, order or decline'."""
    return ", ".join(words[:-1]) + f" or {words[-1]}" if len(words) > 1 else "".join(words)


def _dead_ends(flow: Flow, report: Report) -> None:
    for stage, keys in flow.call_ends.items():
        if stage.closed or flow.starts.get(stage):
            continue
        for key in sorted(set(keys)):
            report.warning(_phrasing(flow, key).at,
                           f"dead end: after this the deal stands at {stage}, and no call starts there, so every "
                           "later call only gets the brush-off",
                           f"add a call with 'stages: [{stage}]', or add {stage} to the stages of a call")


def _loops(flow: Flow, report: Report) -> None:
    component = _components(flow)
    looping: set[PhrasingKey] = set()
    for state, steps in flow.steps.items():
        for step in steps:
            # every loop has a 'next:' that jumps back up; that is the line to show
            if step.to and step.to[1] <= state[1] and component[step.to] == component[state]:
                looping.add(step.phrasing)
    for key in sorted(looping):
        phrasing = _phrasing(flow, key)
        target = flow.scenario.calls[key[0]].points[key[1]].id
        report.warning(phrasing.at, f"loop: this phrasing leads back up, and the call can come round to "
                       f"'{target}' again with the deal unchanged, so it only adds turns until the buyer runs "
                       "out of patience",
                       "let one phrasing on the loop end the call ('next: end') or move the deal")
    _never_ending(flow, report)


def _never_ending(flow: Flow, report: Report) -> None:
    """States from which no choice ever ends the call."""
    into: dict[State, list[State]] = defaultdict(list)
    ending = []
    for state, steps in flow.steps.items():
        for step in steps:
            if step.to:
                into[step.to].append(state)
            else:
                ending.append(state)
    can_end = set(ending)
    waiting = list(ending)
    while waiting:
        for before in into[waiting.pop()]:
            if before not in can_end:
                can_end.add(before)
                waiting.append(before)
    stuck = sorted({(s[0], s[1]) for s in flow.steps if s not in can_end})
    for call, point in stuck:
        where = flow.scenario.calls[call].points[point]
        report.error(where.at, f"no path from decision point '{where.id}' ever ends the call: every choice "
                     "goes round in a loop", "let at least one phrasing say 'next: end' or close the deal")


def _components(flow: Flow) -> dict[State, int]:
    """Strongly connected parts of the in-call graph (Tarjan, without recursion)."""
    edges = {s: [step.to for step in steps if step.to] for s, steps in flow.steps.items()}
    index: dict[State, int] = {}
    low: dict[State, int] = {}
    part: dict[State, int] = {}
    stack: list[State] = []
    on_stack: set[State] = set()
    counter = 0
    for root in edges:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, at = work.pop()
            if at == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            nexts = edges.get(node, [])
            if at < len(nexts):
                work.append((node, at + 1))
                target = nexts[at]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part[member] = index[node]
                    if member == node:
                        break
    return part


def _endings_never_reached(flow: Flow, report: Report, endings_at: dict[str, Location]) -> None:
    reached = {ending_of(stage) for stage in flow.call_ends}
    for kind in EndingKind:
        if kind in reached:
            continue
        report.warning(endings_at.get(kind, endings_at.get("", Location(1, 1))),
                       f"no path reaches the ending '{kind}'",
                       _ENDING_HINTS.get(kind, ""))


_ENDING_HINTS = {
    EndingKind.ORDER: "let a phrasing say 'deal: order' where the buyer can say yes",
    EndingKind.NEXT_STEP:
        "let a phrasing say 'deal: agree_step', and keep the call from closing the deal after it",
    EndingKind.OBJECTION: "let a phrasing say 'deal: reveal' and let a call end right after the position is known",
    EndingKind.CLEAR_NO:
        "let a phrasing say 'deal: decline' for a motive such as polite_no: a clear no is progress too",
    EndingKind.STRUNG_ALONG: "let a prolonging phrasing end the call without moving the deal",
}

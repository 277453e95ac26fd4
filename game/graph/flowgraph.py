"""A scenario's flow as nodes and edges: calls, decision points, deal stages between calls, endings.

Each phrasing is an edge, marked advancing or prolonging. Where a phrasing ends a call, the
edge goes to the deal stage the call ends in (asked of the model for every motive), and from
there to the calls that start at that stage and to the ending the game has if it stops there.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from game.lint.flow import Flow, explore
from game.model.deal import OPEN_STAGES, Stage, stage_rank
from game.model.ending import ending_of
from game.model.following import what_follows
from game.model.scenario import Scenario

CALL, POINT, STAGE, ENDING = "call", "point", "stage", "ending"
ADVANCE, PROLONG, OPENS, NEXT_CALL, GAME_ENDS = "advance", "prolong", "opens", "next_call", "game_ends"


@dataclass(frozen=True)
class GraphNode:
    id: str
    kind: str
    title: str
    text: str = ""


@dataclass(frozen=True)
class GraphEdge:
    source: str
    target: str
    kind: str
    label: str = ""
    text: str = ""


@dataclass
class FlowGraph:
    title: str
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)

    def add_node(self, node: GraphNode) -> None:
        if all(n.id != node.id for n in self.nodes):
            self.nodes.append(node)

    def add_edge(self, edge: GraphEdge) -> None:
        """Phrasings of one decision point that lead to the same place share one edge: '1, 3 prolong'."""
        for index, known in enumerate(self.edges):
            if (known.source, known.target, known.kind) != (edge.source, edge.target, edge.kind):
                continue
            if edge.label and edge.label not in known.label:
                numbers = known.label.split(" ")[0] + ", " + edge.label.split(" ")[0]
                label = f"{numbers} {edge.kind}" if edge.kind in (ADVANCE, PROLONG) else known.label
                self.edges[index] = GraphEdge(known.source, known.target, known.kind, label,
                                              f"{known.text} / {edge.text}")
            return
        self.edges.append(edge)


def flow_graph(scenario: Scenario) -> FlowGraph:
    flow = explore(scenario)
    graph = FlowGraph(scenario.title)
    for index, call in enumerate(scenario.calls):
        graph.add_node(GraphNode(_call_id(index), CALL, f"Call '{call.id}'", "starts at " + ", ".join(call.stages)))
        if call.points:
            graph.add_edge(GraphEdge(_call_id(index), _point_id(index, 0), OPENS))
        for number, point in enumerate(call.points):
            graph.add_node(GraphNode(_point_id(index, number), POINT, point.id, point.buyer))
    ends = _call_end_stages(flow)
    for index, call in enumerate(scenario.calls):
        for number, point in enumerate(call.points):
            for choice, phrasing in enumerate(point.phrasings):
                label = f"{choice + 1} {phrasing.aim}"  # the edge kind is the aim
                for target in _targets(flow, index, number, choice, ends):
                    graph.add_edge(GraphEdge(_point_id(index, number), target, phrasing.aim, label, phrasing.say))
    _link_stages(graph, scenario, flow)
    return graph


def _call_id(index: int) -> str:
    return f"call{index}"


def _point_id(call: int, point: int) -> str:
    return f"c{call}p{point}"


def _stage_id(stage: str) -> str:
    return f"stage_{stage}"


def _ending_id(kind: str) -> str:
    return f"ending_{kind}"


def _call_end_stages(flow: Flow) -> dict[tuple[int, int, int], set[str]]:
    found: dict[tuple[int, int, int], set[str]] = defaultdict(set)
    for stage, keys in flow.call_ends.items():
        for key in keys:
            found[key].add(stage)
    return found


def _targets(flow: Flow, call: int, point: int, choice: int, ends: dict) -> list[str]:
    """Where this phrasing leads: decision points in the call, or the stage the call ends in."""
    targets = []
    for state, steps in flow.steps.items():
        if state[:2] != (call, point):
            continue
        step = steps[choice]
        if step.to:
            targets.append(_point_id(call, step.to[1]))
    targets += [_stage_node(stage) for stage in sorted(ends.get((call, point, choice), ()), key=stage_rank)]
    if not targets:  # never reached: draw where the file says it goes
        scenario_call = flow.scenario.calls[call]
        written = scenario_call.points[point]
        following = what_follows(scenario_call, written.id, written.phrasings[choice].response.next, Stage.REACHED)
        ids = [p.id for p in scenario_call.points]
        targets.append(_point_id(call, ids.index(following.point)) if following.point else _stage_node(Stage.REACHED))
    return list(dict.fromkeys(targets))


def _stage_node(stage: str) -> str:
    return _ending_id(ending_of(stage)) if stage.closed else _stage_id(stage)


def _link_stages(graph: FlowGraph, scenario: Scenario, flow: Flow) -> None:
    used = {e.target for e in graph.edges}
    for stage in OPEN_STAGES:
        if _stage_id(stage) not in used:
            continue
        graph.add_node(GraphNode(_stage_id(stage), STAGE, f"deal: {stage}", "the call ends here"))
        for index, call in enumerate(scenario.calls):
            if stage in call.stages:
                graph.add_edge(GraphEdge(_stage_id(stage), _call_id(index), NEXT_CALL, "next call"))
        graph.add_edge(GraphEdge(_stage_id(stage), _ending_id(ending_of(stage)),
                                 GAME_ENDS, "game ends"))
    for edge in list(graph.edges):
        if edge.target.startswith("ending_"):
            kind = edge.target.removeprefix("ending_")
            ending = scenario.endings[kind]
            graph.add_node(GraphNode(edge.target, ENDING, f"{kind}: {ending.title}", ending.text))

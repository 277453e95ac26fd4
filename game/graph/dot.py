"""The flow as Graphviz text, for trainers who have Graphviz."""

from __future__ import annotations

import json
import textwrap

from game.graph.flowgraph import ADVANCE, CALL, ENDING, GAME_ENDS, NEXT_CALL, POINT, PROLONG, STAGE, FlowGraph

_NODE_STYLE = {
    CALL: 'shape=box, style="rounded,filled", fillcolor="#dbeafe"',
    POINT: "shape=box",
    STAGE: 'shape=hexagon, style=filled, fillcolor="#fef9c3"',
    ENDING: 'shape=doubleoctagon, style=filled, fillcolor="#dcfce7"',
}
_EDGE_STYLE = {
    ADVANCE: 'color="#15803d", penwidth=2',
    PROLONG: 'color="#64748b", style=dashed',
    NEXT_CALL: 'color="#1e40af"',
    GAME_ENDS: 'color="#166534", style=dotted',
}


def dot(graph: FlowGraph) -> str:
    lines = [f"digraph {_quote(graph.title)} {{", "  rankdir=TB;", '  node [fontname="Helvetica"];',
             '  edge [fontname="Helvetica", fontsize=10];']
    for node in graph.nodes:
        label = node.title if node.kind != POINT else f"{node.title}\n{_wrap(node.text)}"
        lines.append(f"  {node.id} [label={_quote(label)}, {_NODE_STYLE[node.kind]}];")
    for edge in graph.edges:
        style = _EDGE_STYLE.get(edge.kind, "")
        label = f"label={_quote(edge.label)}, " if edge.label else ""
        tooltip = f"tooltip={_quote(edge.text)}, " if edge.text else ""
        lines.append(f"  {edge.source} -> {edge.target} [{label}{tooltip}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int = 40) -> str:
    return "\n".join(textwrap.wrap(text, width, max_lines=4, placeholder=" …"))


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)

"""The flow as a Mermaid diagram, which common code hosts draw inside Markdown."""

from __future__ import annotations

from game.graph.flowgraph import ADVANCE, CALL, ENDING, GAME_ENDS, NEXT_CALL, POINT, PROLONG, STAGE, FlowGraph
from game.text import shortened

_SHAPES = {CALL: ('(["', '"])'), POINT: ('["', '"]'), STAGE: ('{{"', '"}}'), ENDING: ('(("', '"))')}
_ARROWS = {ADVANCE: "==>", PROLONG: "-.->", NEXT_CALL: "-->", GAME_ENDS: "-.->"}


def mermaid(graph: FlowGraph) -> str:
    lines = [f"# {graph.title}", "", "```mermaid", "flowchart TD"]
    for node in graph.nodes:
        left, right = _SHAPES[node.kind]
        label = _escape(f"{node.title}: {shortened(node.text, 60)}" if node.kind == POINT else node.title)
        if node.kind == CALL:
            label += "<br/>" + _escape(node.text)
        lines.append(f"    {node.id}{left}{label}{right}")
        lines.append(f"    class {node.id} {node.kind}")
    for edge in graph.edges:
        arrow = _ARROWS.get(edge.kind, "-->")
        label = f"|\"{_escape(edge.label)}\"|" if edge.label else ""
        lines.append(f"    {edge.source} {arrow}{label} {edge.target}")
    lines += [
        "    classDef call fill:#dbeafe,stroke:#1e40af",
        "    classDef point fill:#ffffff,stroke:#334155",
        "    classDef stage fill:#fef9c3,stroke:#a16207",
        "    classDef ending fill:#dcfce7,stroke:#166534",
        "```",
        "",
        "Thick arrows: phrasings written to advance. Dotted arrows: phrasings written to prolong.",
        "",
    ]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")

"""`graph`: a scenario's flow as Mermaid (.md), Graphviz text (.dot) or a drawing (.svg)."""

from __future__ import annotations

from game.graph.dot import dot
from game.graph.flowgraph import FlowGraph, flow_graph
from game.graph.mermaid import mermaid
from game.graph.svg import svg

WRITERS = {".md": mermaid, ".dot": dot, ".svg": svg}

__all__ = ["WRITERS", "FlowGraph", "flow_graph"]

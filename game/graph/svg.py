"""The flow drawn as SVG by a simple layered layout; no Graphviz needed.

Layers follow the longest path from the calls down, with the edges that point back up
(loops, and the way from a call's end to a call above it) drawn as curves on the side.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from xml.sax.saxutils import escape

from game.graph.flowgraph import (
    ADVANCE,
    CALL,
    ENDING,
    GAME_ENDS,
    NEXT_CALL,
    POINT,
    PROLONG,
    STAGE,
    FlowGraph,
    GraphEdge,
    GraphNode,
)
from game.text import shortened

WIDTH, HEIGHT, GAP_X, GAP_Y, MARGIN, LEGEND = 230, 78, 40, 70, 30, 40
LINE_CHARS = 34
_FILL = {CALL: "#dbeafe", POINT: "#ffffff", STAGE: "#fef9c3", ENDING: "#dcfce7"}
_STROKE = {CALL: "#1e40af", POINT: "#334155", STAGE: "#a16207", ENDING: "#166534"}
_EDGE = {ADVANCE: ("#15803d", "2.5", ""), PROLONG: ("#64748b", "1.5", "6 4"),
         NEXT_CALL: ("#1e40af", "1.5", ""), GAME_ENDS: ("#166534", "1.2", "2 3")}


def svg(graph: FlowGraph) -> str:
    layers = _layers(graph)
    places = _places(graph, layers)
    width = max(max((x for x, _ in places.values()), default=0) + WIDTH + 2 * MARGIN + 60, 4 * 190 + MARGIN)
    height = max((y for _, y in places.values()), default=0) + HEIGHT + 2 * MARGIN + LEGEND
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" font-size="12">',
             f"<title>{escape(graph.title)}</title>",
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" '
             'markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
             '<path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
             f'<rect width="{width}" height="{height}" fill="#f8fafc"/>', _legend()]
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for edge in graph.edges:
        offset = pairs[(edge.source, edge.target)]
        pairs[(edge.source, edge.target)] += 1
        parts.append(_edge(edge, places, layers, offset))
    parts += [_node(node, places[node.id]) for node in graph.nodes]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _layers(graph: FlowGraph) -> dict[str, int]:
    """Longest-path layers over the edges that do not close a loop."""
    outgoing: dict[str, list[str]] = defaultdict(list)
    for edge in graph.edges:
        outgoing[edge.source].append(edge.target)
    back = _back_edges(graph, outgoing)
    layer = {node.id: 0 for node in graph.nodes}
    incoming = defaultdict(int)
    for source, targets in outgoing.items():
        for target in targets:
            if (source, target) not in back:
                incoming[target] += 1
    ready = [n.id for n in graph.nodes if incoming[n.id] == 0]
    while ready:
        source = ready.pop(0)
        for target in outgoing[source]:
            if (source, target) in back:
                continue
            layer[target] = max(layer[target], layer[source] + 1)
            incoming[target] -= 1
            if incoming[target] == 0:
                ready.append(target)
    last = max(layer.values(), default=0)
    for node in graph.nodes:  # endings side by side at the bottom
        if node.kind == ENDING:
            layer[node.id] = last
    return layer


def _back_edges(graph: FlowGraph, outgoing: dict[str, list[str]]) -> set[tuple[str, str]]:
    seen: set[str] = set()
    on_path: set[str] = set()
    back = set()
    for root in (n.id for n in graph.nodes):
        if root in seen:
            continue
        work = [(root, iter(outgoing[root]))]
        seen.add(root)
        on_path.add(root)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is None:
                on_path.discard(node)
                work.pop()
            elif target in on_path:
                back.add((node, target))
            elif target not in seen:
                seen.add(target)
                on_path.add(target)
                work.append((target, iter(outgoing[target])))
    return back


def _places(graph: FlowGraph, layers: dict[str, int]) -> dict[str, tuple[int, int]]:
    rows: dict[int, list[str]] = defaultdict(list)
    for node in graph.nodes:
        rows[layers[node.id]].append(node.id)
    _order_by_parents(graph, rows, layers)
    widest = max((len(r) for r in rows.values()), default=1)
    places = {}
    for layer, ids in rows.items():
        indent = (widest - len(ids)) * (WIDTH + GAP_X) // 2
        for column, node_id in enumerate(ids):
            places[node_id] = (MARGIN + indent + column * (WIDTH + GAP_X), MARGIN + LEGEND + layer * (HEIGHT + GAP_Y))
    return places


def _order_by_parents(graph: FlowGraph, rows: dict[int, list[str]], layers: dict[str, int]) -> None:
    """Each row in the order of the mean position of its parents above: fewer crossings."""
    parents: dict[str, list[str]] = defaultdict(list)
    for edge in graph.edges:
        if layers[edge.source] < layers[edge.target]:
            parents[edge.target].append(edge.source)
    position: dict[str, float] = {}
    for layer in sorted(rows):
        row = rows[layer]
        for column, node_id in enumerate(row):
            above = [position[p] for p in parents[node_id] if p in position]
            position[node_id] = sum(above) / len(above) if above else column
        row.sort(key=lambda node_id: position[node_id])
        for column, node_id in enumerate(row):
            position[node_id] = column - len(row) / 2


def _node(node: GraphNode, place: tuple[int, int]) -> str:
    x, y = place
    radius = {CALL: 18, POINT: 4, STAGE: 0, ENDING: 30}[node.kind]
    lines = _wrap(node.text, 3) if node.kind in (POINT, ENDING, CALL) else [node.text]
    text = [f'<text x="{x + 10}" y="{y + 18}" font-weight="bold">{escape(shortened(node.title, LINE_CHARS))}</text>']
    text += [f'<text x="{x + 10}" y="{y + 35 + 14 * i}" fill="#334155">{escape(line)}</text>'
             for i, line in enumerate(lines)]
    return (f'<g class="{node.kind}"><title>{escape(node.title)}: {escape(node.text)}</title>'
            f'<rect x="{x}" y="{y}" width="{WIDTH}" height="{HEIGHT}" rx="{radius}" fill="{_FILL[node.kind]}" '
            f'stroke="{_STROKE[node.kind]}" stroke-width="1.5"/>' + "".join(text) + "</g>")


def _edge(edge: GraphEdge, places: dict, layers: dict[str, int], offset: int) -> str:
    (x1, y1), (x2, y2) = places[edge.source], places[edge.target]
    colour, width, dash = _EDGE.get(edge.kind, ("#334155", "1", ""))
    first = edge.label.split(" ")[0].rstrip(",")
    # each phrasing leaves its decision point at its own place, so parallel edges stay apart
    shift = (int(first) - 2.5) * 16 if first.isdigit() else (offset % 4) * 14 - 21
    if layers[edge.target] > layers[edge.source]:
        sx, sy, ex, ey = x1 + WIDTH / 2 + shift, y1 + HEIGHT, x2 + WIDTH / 2 + shift / 2, y2
        bend = (ey - sy) / 2
        path = f"M{sx},{sy} C{sx},{sy + bend} {ex},{ey - bend} {ex},{ey}"
        lx, ly = (sx + ex) / 2, (sy + ey) / 2
    else:  # back up, or sideways: round the right-hand side
        sx, sy, ex, ey = x1 + WIDTH, y1 + HEIGHT / 2 + shift / 3, x2 + WIDTH, y2 + HEIGHT / 2
        out = max(sx, ex) + 40 + 10 * (offset % 4)
        path = f"M{sx},{sy} C{out},{sy} {out},{ey} {ex},{ey}"
        lx, ly = out - 10, (sy + ey) / 2
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    label = ""
    if edge.label:
        label = (f'<text x="{lx + 3}" y="{ly}" font-size="10" fill="{colour}" stroke="#f8fafc" stroke-width="3" '
                 f'paint-order="stroke">{escape(edge.label)}</text>')
    return (f'<g class="edge {edge.kind}"><title>{escape(edge.label)}: {escape(edge.text)}</title>'
            f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{width}"{dashes} '
            f'marker-end="url(#arrow)"/>{label}</g>')


def _legend() -> str:
    items = [(ADVANCE, "written to advance"), (PROLONG, "written to prolong"), (NEXT_CALL, "next call"),
             (GAME_ENDS, "the game can end here")]
    parts = []
    for i, (kind, text) in enumerate(items):
        colour, width, dash = _EDGE[kind]
        x = MARGIN + i * 190
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line x1="{x}" y1="{MARGIN}" x2="{x + 40}" y2="{MARGIN}" stroke="{colour}" '
                     f'stroke-width="{width}"{dashes}/><text x="{x + 48}" y="{MARGIN + 4}">{escape(text)}</text>')
    return '<g class="legend">' + "".join(parts) + "</g>"


def _wrap(text: str, most: int) -> list[str]:
    return textwrap.wrap(text, LINE_CHARS, max_lines=most, placeholder=" …") or [""]



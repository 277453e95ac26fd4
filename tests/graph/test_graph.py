"""graph: the scenario's flow as Mermaid, Graphviz text and a drawing of our own."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from game.cli import main
from game.graph import flow_graph
from game.graph.dot import dot
from game.graph.mermaid import mermaid
from game.graph.svg import svg
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]
STARTER = ROOT / "docs" / "examples" / "starter.en.yaml"


def _graph():
    return flow_graph(load_scenario(STARTER))


def test_every_decision_point_and_call_is_a_node():
    titles = {node.title for node in _graph().nodes}
    assert {"Call 'first'", "Call 'follow_up'", "Call 'the_visit'", "opening", "next_step", "follow_up-1"} <= titles


def test_phrasings_are_edges_marked_by_their_aim():
    kinds = {(e.source, e.target, e.kind) for e in _graph().edges}
    assert ("c0p0", "c0p1", "advance") in kinds and ("c0p0", "stage_reached", "prolong") in kinds


def test_a_phrasing_that_closes_the_deal_leads_to_its_ending():
    targets = {e.target for e in _graph().edges if e.source == "c2p0" and e.kind == "advance"}
    assert targets == {"ending_order"}


def test_endings_are_marked_by_kind():
    endings = {node.id: node.title for node in _graph().nodes if node.kind == "ending"}
    assert endings["ending_order"] == "order: Coffee for Jansen Bouw"


def test_the_mermaid_diagram_is_a_fenced_flowchart_with_thick_arrows_for_advancing():
    text = mermaid(_graph())
    assert "```mermaid\nflowchart TD" in text and 'c0p0 ==>|"2 advance"| c0p1' in text


def test_the_graphviz_text_has_a_dashed_edge_for_each_prolonging_phrasing():
    text = dot(_graph())
    assert text.startswith("digraph") and 'c0p0 -> stage_reached [label="1 prolong"' in text
    assert "style=dashed" in text


def test_the_svg_is_well_formed_and_draws_every_node():
    root = ElementTree.fromstring(svg(_graph()))
    groups = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") in
              ("call", "point", "stage", "ending")]
    assert len(groups) == len(_graph().nodes)


def test_the_command_writes_the_format_its_file_name_asks_for(tmp_path):
    out = tmp_path / "flow.md"
    assert main(["graph", str(STARTER), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# A new scenario")


def test_the_command_refuses_an_unknown_format(tmp_path, capsys):
    assert main(["graph", str(STARTER), "--out", str(tmp_path / "flow.png")]) == 2
    assert "end the name in .svg, .dot or .md" in capsys.readouterr().out

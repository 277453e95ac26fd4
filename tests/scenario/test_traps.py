"""Texts YAML would misread are reported all at once, before parsing, each where it starts, with 'put it in quotes'."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.playtest import run_file
from game.scenario.load import check, load_bytes
from game.scenario.problem import ScenarioError

from .minimal import MINIMAL, broken

FIVE_TRAPS = Path(__file__).resolve().parents[2] / "docs" / "examples" / "traps" / "printer-traps.yaml"


def problems(text: str):
    try:
        load_bytes(text.encode(), "t.yaml")
    except ScenarioError as error:
        return error.problems
    return []


def traps(text: str):
    return [p for p in problems(text) if p.hint.startswith("put this text in quotes")]


def test_a_scenario_with_five_unquoted_texts_gets_all_five_in_one_validate_run(capsys):
    assert main(["validate", str(FIVE_TRAPS)]) == 1
    out = capsys.readouterr().out
    located = [line.split(": ", 1)[0].removeprefix(f"{FIVE_TRAPS}:") for line in out.splitlines()
               if line.startswith(f"{FIVE_TRAPS}:") and line[len(str(FIVE_TRAPS)) + 1].isdigit()]
    assert located == ["3:8", "15:16", "19:20", "20:23", "25:23"] and out.count("put this text in quotes") == 5


def test_every_trap_says_how_to_write_the_text_in_quotes():
    hints = [p.hint for p in check(FIVE_TRAPS)]
    assert 'put this text in quotes: title: "The printer lease: a first try"' in hints


@pytest.mark.parametrize("written, why", [
    ("say: Note: I'll call again.", "contains ': '"),
    ("say: Then I'll call:", "contains ': '"),
    ("say: {appointment} suits me.", "starts with '{'"),
    ("say: [laughs] I'll call again.", "starts with '['"),
    ('say: "Fine," I said.', "starts with a quote"),
    ("say: *Really* fine.", "starts with '*'"),
    ("say: @home tomorrow.", "starts with '@'"),
    ("say: % of the price.", "starts with '%'"),
    ("say: - I'll call again.", "starts with '-'"),
    ("say: Our #1 printer.", "' #'"),
])
def test_a_text_yaml_would_misread_is_reported_where_it_starts(written, why):
    [problem] = traps(broken("say: I'll call again.", written))
    assert (problem.line, problem.column) == (16, 18) and why in problem.message
    assert problem.hint.startswith("put this text in quotes: say: ")


def test_a_text_starting_with_a_curly_bracket_is_not_told_to_check_the_indentation():
    found = problems(broken("reply: Fine.", "reply: {appointment} suits me."))
    assert not any("indentation" in p.hint for p in found) and any("quotes" in p.hint for p in found)


@pytest.mark.parametrize("written", [
    'say: "Note: I\'ll call again."',
    "say: 'Note: I''ll call again.'",
    "say: >\n              Note: I'll call again.",
    "say: I'll call again.   # said at the door",
    "say: I'll call again at 10:30.",
])
def test_a_text_written_the_way_yaml_reads_it_is_no_trap(written):
    assert problems(broken("say: I'll call again.", written)) == []


def test_a_set_of_keys_or_a_list_where_one_belongs_is_no_trap():
    text = broken("            deal: order\n", "            deal: [order]\n            appointment: {days_later: 1,\n"
                  "                          at: \"10:00\"}\n")
    assert problems(text) == []


def test_the_other_problems_of_the_file_come_in_the_same_run():
    text = broken("title: Tiny", "title: Tiny: a try").replace("aim: prolong", "aim: linger")
    messages = [p.message for p in problems(text)]
    assert any("contains ': '" in m for m in messages) and any("'aim'" in m for m in messages)


def test_a_trap_in_a_playtest_file_is_reported_too(tmp_path):
    (tmp_path / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "playtests").mkdir()
    playtest = tmp_path / "playtests" / "tiny.yaml"
    playtest.write_text("scenario: tiny.yaml\ntests:\n  - name: Order: straight away\n    steps:\n"
                        "      - call: Monday 10:00\n    expect:\n      outcome: order\n", encoding="utf-8")
    [problem] = run_file(playtest).problems
    assert (problem.line, problem.column) == (3, 11) and "contains ': '" in problem.message

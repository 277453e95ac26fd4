"""The JSON Schema for editors and the game's own validator accept and reject the same files.

The schema is made from the format's declaration; `jsonschema`, an independent implementation of
JSON Schema like the one in a trainer's editor, judges files by it, reading YAML as an editor does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from game.scenario.load import check
from game.scenario.source import data_of, read_file

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "scenarios" / "scenario.schema.json").read_text(encoding="utf-8"))
EDITOR = Draft202012Validator(SCHEMA)
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml")) + sorted((ROOT / "docs" / "examples").glob("*.yaml"))
BASE = (ROOT / "docs" / "examples" / "starter.en.yaml").read_text(encoding="utf-8")

# (what is changed, the text replaced, its replacement); each gives a file the validator must refuse.
BROKEN = [
    ("an unknown key at the top", "title: A new scenario", "titel: A new scenario"),
    ("a language the game does not have", "language: en ", "language: de "),
    ("an aim that is not advance or prolong", "aim: prolong               #", "aim: linger #"),
    ("a move the deal does not know", "deal: reveal ", "deal: sign "),
    ("a time that is no time", 'at: "09:00"', 'at: "25:00"'),
    ("an appointment without a time", 'appointment: {days_later: 2, at: "10:00"}', "appointment: {days_later: 2}"),
    ("a phrasing without a reply", "            reply: Not yet.\n", ""),
    ("a motive that does not exist", "polite_no:\n                reply", "greedy:\n                reply"),
    ("a call that starts at the order", "stages: [position_known]", "stages: [order]"),
    ("a decision point with one phrasing", "          - say: Have you been able to decide yet?\n"
     "            aim: prolong\n            reply: Not yet.\n            feedback: Polling the decision only "
     "records the status.\n            principle: polling_is_static\n", ""),
    ("visible that is not yes or no", "unreachable: colleague  ", "visible: maybe\n    unreachable: colleague  "),
    ("an amount that is not a number", "amount: 4800", "amount: lots"),
    ("minutes out of range", "minutes: 8 ", "minutes: 500 "),
    ("a difficulty that is not known", "difficulty: easy", "difficulty: extreme"),
    ("an ending kind that is not known", "endings:\n  order:", "endings:\n  win:"),
    ("a ladder without the trainee", "  colleague: Ria", "  ladder: [boss, customer]\n  colleague: Ria"),
    ("a chance above one", "endings:\n", "rules:\n  answer_chance: 2\nendings:\n"),
    ("a score weight with a fraction", "endings:\n", "rules:\n  score: {per_minute: 0.5}\nendings:\n"),
    ("a missing buyer name", "  name: Peter Jansen\n", ""),
    ("a week entry without 'what'", "    what: weekly planning meeting\n", ""),
    ("an empty list of calls", "calls:\n  - id: first", "calls: []\nunused:\n  - id: first"),
    ("a call without decision points", "    points:\n      - id: opening",
     "    points: []\n    unused:\n      - id: opening"),
    ("a rung twice on the ladder", "  colleague: Ria", "  ladder: [boss, boss, prospect]\n  colleague: Ria"),
    ("a rung twice on the rules' ladder", "endings:\n", "rules:\n  ladder: [boss, prospect, boss]\nendings:\n"),
    ("an appointment that is a word", 'appointment: {days_later: 2, at: "10:00"}', "appointment: soon"),
    ("a move in capitals", "deal: reveal ", "deal: Reveal "),
    ("hours that are no hours", "endings:\n", "rules:\n  hours: all day\nendings:\n"),
    ("a weight for a motive that does not exist", "    polite_no: 1\n", "    greed: 1\n"),
]

ACCEPTED = [
    ("a time written without quotes", 'at: "09:00"', "at: 9:30"),
    ("two moves in a list", "deal: reveal ", "deal: [reveal, agree_step] "),
    ("a move written as none", "deal: reveal ", "deal: none "),
    ("a phrasing that is a number", "say: Then I'll call you again next week.", "say: 12"),
    ("a weight for a kept appointment", "endings:\n", "rules:\n  score: {kept_appointment: 6}\nendings:\n"),
    ("a claim hidden with 'no'", "unreachable: colleague  ", "visible: no\n    unreachable: colleague  "),
    ("a key with nothing after it where a list may be", "    stages: [reached]\n", "    stages:\n"),
    ("appointment none in an answer for one motive", "                deal: decline\n",
     "                deal: decline\n                appointment: none\n"),
    ("a ladder and hours of its own in the rules", "endings:\n",
     "rules:\n  ladder: [partner, boss, prospect, supplier]\n  hours: 9:00-16:00\nendings:\n"),
]


def _both(path: Path) -> tuple[bool, bool]:
    return not check(path), EDITOR.is_valid(data_of(read_file(str(path))))


def test_the_schema_is_valid_json_schema():
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_scenario_is_accepted_by_the_schema_and_the_validator(path):
    assert _both(path) == (True, True)


@pytest.mark.parametrize("what, old, new", BROKEN, ids=[case[0] for case in BROKEN])
def test_a_broken_file_is_refused_by_the_schema_and_the_validator(tmp_path, what, old, new):
    assert old in BASE, f"the starter no longer has: {old!r}"
    path = tmp_path / "broken.en.yaml"
    path.write_text(BASE.replace(old, new, 1), encoding="utf-8")
    assert _both(path) == (False, False)


@pytest.mark.parametrize("what, old, new", ACCEPTED, ids=[case[0] for case in ACCEPTED])
def test_a_file_written_another_valid_way_is_accepted_by_both(tmp_path, what, old, new):
    assert old in BASE
    path = tmp_path / "other.en.yaml"
    path.write_text(BASE.replace(old, new, 1), encoding="utf-8")
    assert _both(path) == (True, True)

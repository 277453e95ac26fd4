"""One declaration of the format: the committed schema and the guide's reference are what it makes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from game.cli.schema import GUIDE_FILE, SCHEMA_FILE, published
from game.model.deal import Move
from game.model.moment import parse_clock
from game.model.motive import Motive
from game.scenario import format as declared
from game.scenario.reference import marked, updated_guide

ROOT = Path(__file__).resolve().parents[2]
MADE = published(ROOT)


def test_the_committed_schema_is_what_the_declaration_makes():
    committed = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == MADE[SCHEMA_FILE], "scenarios/scenario.schema.json is stale: run  python main.py schema"


def test_the_guides_reference_is_what_the_declaration_makes():
    committed = (ROOT / GUIDE_FILE).read_text(encoding="utf-8")
    assert committed == MADE[GUIDE_FILE], "docs/writing-scenarios.md's reference is stale: run  python main.py schema"


def test_the_guide_has_a_table_for_every_part_of_a_scenario():
    assert {"scenario", "buyer", "quote", "week", "calls", "points", "phrasings", "endings", "rules", "score",
            "playtests", "test", "step", "expect"} <= set(marked(MADE[GUIDE_FILE]))


def test_a_table_changed_by_hand_is_written_anew(tmp_path):
    stale = MADE[GUIDE_FILE].replace("| **`say`** |  |", "| **`say`** | something |", 1)
    assert stale != MADE[GUIDE_FILE]
    (tmp_path / GUIDE_FILE).parent.mkdir(parents=True)
    (tmp_path / GUIDE_FILE).write_text(stale, encoding="utf-8")
    assert published(tmp_path)[GUIDE_FILE] == MADE[GUIDE_FILE]


def test_a_marker_that_names_no_declared_record_is_refused():
    with pytest.raises(KeyError, match="not declared"):
        updated_guide("<!-- reference: nothing -->\n<!-- end of reference -->\n", {}, {})


def test_the_schema_offers_exactly_the_words_the_game_knows():
    text = MADE[SCHEMA_FILE]
    for word in (*declared.LANGUAGES, *Motive, *Move, *declared.CALL_STAGES,
                 *declared.ENDING_KINDS):
        assert f'"{word}"' in text, word


@pytest.mark.parametrize("written", ["9:30", "09:30", "9.30", "23:59", "0:00", "24:00", "9:60", "930", "nine", "",
                                     "19:5", "9:305"])
def test_the_schemas_clock_reads_a_time_as_the_game_does(written):
    assert (re.match(declared.CLOCK_PATTERN, written) is not None) == (parse_clock(written) is not None)


def test_the_rules_file_is_read_against_the_same_declaration_with_every_key_required(tmp_path):
    from game.scenario.fields import Report
    from game.scenario.load import RULES_FILE, read_rules
    from game.scenario.source import read_text

    text = RULES_FILE.read_text(encoding="utf-8").replace("contacts: 6 ", "contaxts: 6 ")
    report = Report("rules.yaml")
    read_rules(read_text(text, "rules.yaml"), report, base=None)
    [problem] = report.errors
    assert problem.message == "unknown key 'contaxts' in the rules" and "did you mean 'contacts'?" in problem.hint


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "true", "false", "y", "n", "maybe", "jawel", "nee"])
def test_the_schema_takes_as_yes_or_no_exactly_the_words_the_game_reads_as_yes_or_no(word):
    for written in {word, word.capitalize(), word.upper()}:
        read = yaml.safe_load(f"visible: {written}")["visible"]
        named = written in declared.YES_NO_WORDS or written.lower() in ("true", "false")
        assert isinstance(read, bool) == named, written

"""What a trainer's editor makes of the schema: the YAML language server that VS Code's YAML extension
runs (tests/scenario/editor, `make editor`), reading a scenario's `# yaml-language-server: $schema=`
line as the editor does."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from game.scenario import format as declared
from game.scenario.shapes import describe, plain

ROOT = Path(__file__).resolve().parents[2]
EDITOR = Path(__file__).resolve().parent / "editor"
STARTER = ROOT / "docs" / "examples" / "starter.en.yaml"
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml")) + sorted((ROOT / "docs" / "examples").glob("*.yaml"))
SCHEMA_LINE = "# yaml-language-server: $schema="


def ask_editor(requests: list[dict]) -> list[list]:
    """Per file, the answers of the language server to its asks (lines and characters count from 0)."""
    node = shutil.which("node")
    if node is None or not (EDITOR / "node_modules" / "yaml-language-server").is_dir():
        pytest.fail(f"no YAML language server to test with: run `make editor` (npm ci in {EDITOR})")
    done = subprocess.run([node, str(EDITOR / "editor.cjs")], input=json.dumps(requests), capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def starter_with(tmp_path: Path, old: str, new: str) -> tuple[Path, list[str]]:
    """The starter scenario with one change, pointing at the checkout's schema from its new place."""
    text = STARTER.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1).replace(SCHEMA_LINE + "../../scenarios/", SCHEMA_LINE + f"{ROOT}/scenarios/")
    path = tmp_path / "mine.en.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text.split("\n")


def _doc(record, name: str) -> str:
    return plain(describe(record.by_name[name], {}))


def test_the_editor_completes_the_keys_a_phrasing_may_still_have_with_their_meaning(tmp_path):
    path, lines = starter_with(tmp_path, "            principle: still_your_wish\n",
                               "            principle: still_your_wish\n            \n")
    blank = lines.index("            ")
    [[items]] = ask_editor([{"file": str(path), "asks": [["complete", blank, 12]]}])
    offered = {item["label"]: item["documentation"] for item in items}
    assert set(offered) == {"minutes", "appointment", "next"}  # the others are written already
    assert offered["minutes"].startswith(_doc(declared.PHRASING, "minutes"))


def test_the_editor_completes_the_top_keys_not_yet_written(tmp_path):
    path, lines = starter_with(tmp_path, "minutes: 8 ", "\nminutes: 8 ")
    blank = lines.index("")
    [[items]] = ask_editor([{"file": str(path), "asks": [["complete", blank, 0]]}])
    written = {line.split(":")[0] for line in lines if line[:1].isalpha()}
    assert {item["label"] for item in items} == set(declared.SCENARIO.names) - written


def test_hovering_over_a_key_shows_what_it_means(tmp_path):
    path, lines = starter_with(tmp_path, "title: A new scenario", "title: A new scenario")
    row = next(n for n, line in enumerate(lines) if line.startswith("minutes:"))
    [[hover]] = ask_editor([{"file": str(path), "asks": [["hover", row, 2]]}])
    assert "About how long one playthrough takes, 1 to 120 minutes." in hover["contents"]["value"]


def test_the_editor_marks_a_misspelt_key_where_validate_does(tmp_path):
    path, _ = starter_with(tmp_path, "title: A new scenario", "titel: A new scenario")
    [[problems]] = ask_editor([{"file": str(path), "asks": [["problems"]]}])
    lines = {problem["range"]["start"]["line"] for problem in problems}
    assert 5 in lines  # line 6 of the file, where 'titel' is, and where validate reports it


def test_the_editor_finds_nothing_wrong_in_any_shipped_scenario():
    requests = [{"file": str(path), "asks": [["problems"]]} for path in SHIPPED]
    answers = ask_editor(requests)
    wrong = {path.name: [p["message"] for p in problems] for path, [problems] in zip(SHIPPED, answers, strict=True)
             if problems}
    assert wrong == {}


def test_the_editor_offers_the_rungs_of_the_ladder_for_who_has_the_buyer(tmp_path):
    path, lines = starter_with(tmp_path, "    who: boss\n", "    who: \n")
    row = lines.index("    who: ")
    [[items]] = ask_editor([{"file": str(path), "asks": [["complete", row, 9]]}])
    assert {"partner", "family", "boss", "customer", "supplier"} <= {item["label"] for item in items}
    assert "prospect" not in {item["label"] for item in items}

"""docs/writing-scenarios.md: every example is a file that loads, and what the guide shows is true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main
from game.playtest import run_file
from game.scenario.load import check

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "writing-scenarios.md").read_text(encoding="utf-8")
EXAMPLES = ROOT / "docs" / "examples"
BLOCK = re.compile(r"(<!-- example: (\S+) -->\n)?```yaml\n(.*?)```", re.DOTALL)
SCENARIOS = sorted(EXAMPLES.glob("*.yaml"))


def test_every_yaml_block_in_the_guide_is_an_example_file_word_for_word():
    blocks = BLOCK.findall(GUIDE)
    assert blocks and all(marker for marker, _, _ in blocks), "a yaml block without '<!-- example: FILE -->'"
    for _, name, text in blocks:
        assert (ROOT / name).read_text(encoding="utf-8") == text, f"{name} differs from the guide"


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_every_example_scenario_loads(path):
    assert check(path) == []


@pytest.mark.parametrize("path", sorted((EXAMPLES / "playtests").glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_playtest_passes(path):
    assert run_file(path).passed


@pytest.mark.parametrize("block", re.findall(r"```text\n(docs/examples/.*?)```", GUIDE, re.DOTALL))
def test_the_lint_output_the_guide_shows_is_what_lint_prints(block, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    main(["lint", block.split(":")[0]])
    printed = capsys.readouterr().out
    for line in block.strip().splitlines():
        assert line in printed

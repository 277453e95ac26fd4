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


OUTPUT = re.compile(r"(?:<!-- command: (\w+) -->\n)?```text\n(docs/examples/.*?)```", re.DOTALL)


@pytest.mark.parametrize("command, block", OUTPUT.findall(GUIDE))
def test_the_output_the_guide_shows_is_what_the_command_prints(command, block, capsys, monkeypatch):
    """A text block that starts with an example's name is what `lint` (or the command named above it) prints."""
    monkeypatch.chdir(ROOT)
    main([command or "lint", block.split(":")[0]])
    printed = capsys.readouterr().out
    for line in block.strip().splitlines():
        assert line in printed


def test_the_example_with_deliberate_mistakes_gets_exactly_the_problems_the_guide_shows():
    block = dict((command, text) for command, text in OUTPUT.findall(GUIDE))["validate"]
    shown = [line for line in block.splitlines() if not line.startswith(" ")]
    problems = check(ROOT / shown[0].split(":")[0])
    assert len(problems) == len(shown) - 1 == 5


@pytest.mark.parametrize("path", [EXAMPLES / "printer.yaml", EXAMPLES / "appointments.yaml",
                                  EXAMPLES / "starter.en.yaml", EXAMPLES / "starter.nl.yaml"], ids=lambda p: p.name)
def test_the_finished_examples_pass_strict_lint(path):
    assert main(["lint", "--strict", str(path)]) == 0

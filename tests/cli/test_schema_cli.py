"""`schema`: the schema and the guide's reference written from the declaration; `--check` says when they are stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.cli import schema as command

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    """A copy of the two files the command writes, with the command pointed at it."""
    for path in (command.SCHEMA_FILE, command.GUIDE_FILE):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / path, tmp_path / path)
    monkeypatch.setattr(command, "ROOT", tmp_path)
    return tmp_path


def test_check_passes_on_the_committed_files(checkout, capsys):
    assert main(["schema", "--check"]) == 0
    assert "follow the format's declaration" in capsys.readouterr().out


def test_check_names_a_stale_schema_and_exits_1(checkout, capsys):
    (checkout / command.SCHEMA_FILE).write_text("{}\n", encoding="utf-8")
    assert main(["schema", "--check"]) == 1
    assert "scenarios/scenario.schema.json: not what the format's declaration makes" in capsys.readouterr().out


def test_the_command_writes_the_stale_file_and_then_check_passes(checkout, capsys):
    (checkout / command.SCHEMA_FILE).write_text("{}\n", encoding="utf-8")
    assert main(["schema"]) == 0
    assert "scenarios/scenario.schema.json: written" in capsys.readouterr().out
    assert (checkout / command.SCHEMA_FILE).read_bytes() == (ROOT / command.SCHEMA_FILE).read_bytes()
    assert main(["schema", "--check"]) == 0

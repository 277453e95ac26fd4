"""A hostile or broken file gets a clear message, and nothing else happens: no code runs,
no other file is opened, memory and time stay small, and `validate` exits 1 without a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.hostile import MARKER, Hostile, cases
from game.scenario.load import load_bytes
from game.scenario.problem import ScenarioError

ROOT = Path(__file__).resolve().parents[2]
CASES = cases()


def refusal(case: Hostile) -> ScenarioError:
    with pytest.raises(ScenarioError) as refused:
        load_bytes(case.data, f"{case.name}.yaml")
    return refused.value


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_hostile_file_is_refused_with_a_message_that_names_the_problem(case):
    text = str(refusal(case))
    assert all(word in text for word in case.expected), text[:500]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_hostile_file_is_refused_at_a_place_in_the_file(case):
    problems = refusal(case).problems
    assert problems and all(p.line >= 1 and p.column >= 1 and p.message for p in problems)


def test_a_tag_that_runs_a_command_runs_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    refusal(CASES[0])
    assert not (tmp_path / MARKER).exists()


def test_an_include_outside_the_scenario_folder_opens_no_file():
    opened: list[str] = []

    def watch(event: str, args: tuple) -> None:
        if event == "open" and watching:
            opened.append(str(args[0]))

    watching = False
    sys.addaudithook(watch)  # hooks cannot be removed; this one only listens while `watching`
    load_bytes(ROOT.joinpath("scenarios", "quiet-week.en.yaml").read_bytes(), "warm-up.yaml")  # caches rules, texts
    watching = True
    try:
        refusal(next(c for c in CASES if "include" in c.name))
    finally:
        watching = False
    assert opened == []


def test_validate_exits_1_on_every_hostile_file_without_a_traceback(tmp_path):
    paths = []
    for number, case in enumerate(CASES, start=1):
        path = tmp_path / f"hostile-{number:02d}.yaml"
        path.write_bytes(case.data)
        paths.append(path)
    done = subprocess.run([sys.executable, "main.py", "validate", *map(str, paths)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    output = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in output
    assert all(f"{path}: " in done.stdout and f"{path}: ok" not in done.stdout for path in paths)
    assert not (tmp_path / MARKER).exists() and not (ROOT / MARKER).exists()


def test_validate_says_a_folder_or_a_missing_file_cannot_be_read(tmp_path):
    folder, missing = tmp_path / "folder.yaml", tmp_path / "missing.yaml"
    folder.mkdir()
    done = subprocess.run([sys.executable, "main.py", "validate", str(folder), str(missing)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert done.stdout.count("cannot read the file") == 2

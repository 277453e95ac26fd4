"""`test FILE...`: run playtests; FILE is a playtest, or a scenario with one in scenarios/playtests/."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.playtest import FileResult, run_file
from game.scenario.problem import ScenarioError
from game.scenario.source import read_file


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("test", help="run the playtests of scenarios (scripted choices and what must follow)")
    command.add_argument("files", nargs="+", metavar="FILE", help="a playtest file, or a scenario file")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    passed, failed = 0, 0
    for path in args.files:
        playtest = playtest_for(path)
        if playtest is None:
            print(f"{path}: no playtests; write them in {Path(path).parent / 'playtests' / Path(path).name}")
            failed += 1
            continue
        result = run_file(playtest)
        _print(result)
        passed += sum(r.passed for r in result.results)
        failed += sum(not r.passed for r in result.results) + bool(result.problems)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def playtest_for(path: str) -> Path | None:
    """The playtest file itself, or the one beside a scenario in playtests/<same name>."""
    try:
        root = read_file(path)
    except ScenarioError:
        return Path(path)  # run_file reports what is wrong with it
    if root.is_map and "tests" in root.value:
        return Path(path)
    beside = Path(path).parent / "playtests" / Path(path).name
    return beside if beside.is_file() else None


def _print(result: FileResult) -> None:
    for problem in result.problems:
        print(f"{problem.file}:{problem.line}:{problem.column}: error: {problem.message}")
        if problem.hint:
            print(f"    hint: {problem.hint}")
    for test in result.results:
        print(f"{'PASS' if test.passed else 'FAIL'}  {test.name}")
        for failure in test.failures:
            print(f"    {failure.file}:{failure.line}:{failure.column}: {failure.message}")

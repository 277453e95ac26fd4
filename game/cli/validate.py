"""`validate FILE...`: exit 0 when every file is a valid scenario, 1 with located messages."""

from __future__ import annotations

import argparse

from game.model.scenario import Scenario
from game.scenario.load import load_scenario
from game.scenario.problem import Problem, ScenarioError


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("validate", help="check scenario files and say where they are wrong")
    command.add_argument("files", nargs="+", metavar="FILE")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.files:
        problems = problems_in(path)
        for problem in problems:
            print(problem)
        if problems:
            failed += 1
            print(f"{path}: {len(problems)} problem{'s' * (len(problems) != 1)}")
        else:
            print(f"{path}: ok")
    return 1 if failed else 0


def loaded_or_told(path: str) -> Scenario | None:
    """The scenario, for commands that use one; None after printing every problem in it."""
    problems = problems_in(path)
    for problem in problems:
        print(problem)
    return None if problems else load_scenario(path)


def problems_in(path: str) -> list[Problem]:
    try:
        load_scenario(path)
    except ScenarioError as error:
        return error.problems
    except Exception as error:
        return [Problem(path, 1, 1, f"could not be read ({type(error).__name__}: {error})",
                        "this is a bug in Vooruitgang; please send the file to the developers")]
    return []

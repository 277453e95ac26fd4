"""Lint time, in a fresh process each (`python -m bench.linting FILE`): the largest shipped scenario, and a
generated file of 1,000 decision points. Figures without a target: lint is run by a trainer now and then."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from bench.fresh import run_module
from bench.generated import write_scenario
from bench.loading import POINTS, largest_shipped

RUNS = 3


def lint_seconds(folder: Path, runs: int = RUNS) -> dict[str, float]:
    files = {"shipped": largest_shipped(), str(POINTS): write_scenario(folder / f"generated-{POINTS}.en.yaml", POINTS)}
    return {name: round(statistics.median(run_module("bench.linting", str(path))["seconds"] for _ in range(runs)), 3)
            for name, path in files.items()}


def lint_once(path: str) -> dict[str, float]:
    from game.lint import lint_file
    from game.scenario.load import default_rules

    default_rules()
    start = time.perf_counter()
    findings = lint_file(path)
    seconds = time.perf_counter() - start
    if findings.errors:
        raise SystemExit(f"{path} has lint errors: {findings.errors[0]}")
    return {"seconds": seconds}


if __name__ == "__main__":
    print(json.dumps(lint_once(sys.argv[1])))

"""Lint time for a generated scenario of 1,000 decision points, in a fresh process (`python -m bench.linting FILE`)."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from bench.fresh import run_module
from bench.generated import write_scenario

POINTS = 1_000
RUNS = 3


def lint_seconds(folder: Path, points: int = POINTS, runs: int = RUNS) -> float:
    path = write_scenario(folder / f"generated-{points}.en.yaml", points)
    return statistics.median(run_module("bench.linting", str(path))["seconds"] for _ in range(runs))


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

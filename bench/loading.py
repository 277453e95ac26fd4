"""Load plus validation time: the largest shipped scenario, and a generated file of 1,000 decision points.

Each load runs in a fresh process (`python -m bench.loading FILE [--memory]`), because that
is what a trainee's game does: read one scenario once, with a cold heap. Time and memory
come from separate runs, as tracing every allocation slows the load down.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from bench.fresh import run_module
from bench.generated import write_scenario

POINTS = 1_000
RUNS = 3


def largest_shipped() -> Path:
    from game.installation import shipped_scenarios

    return max(shipped_scenarios().glob("*.yaml"), key=lambda path: path.stat().st_size)


def measure(folder: Path, runs: int = RUNS) -> dict[str, dict[str, float]]:
    """Per file ("shipped", "1000"): the median seconds ("load_s") and the most memory held at once ("load_peak_mb")."""
    files = {"shipped": largest_shipped(), str(POINTS): write_scenario(folder / f"generated-{POINTS}.en.yaml", POINTS)}
    figures: dict[str, dict[str, float]] = {"load_s": {}, "load_peak_mb": {}}
    for name, path in files.items():
        seconds = [run_module("bench.loading", str(path))["seconds"] for _ in range(runs)]
        figures["load_s"][name] = round(statistics.median(seconds), 4)
        figures["load_peak_mb"][name] = run_module("bench.loading", str(path), "--memory")["peak_mb"]
    return figures


def load_once(path: str, memory: bool) -> dict[str, float]:
    from game.scenario.load import default_rules, load_scenario

    default_rules()  # read once at start-up in the game as well; not part of loading a scenario
    if memory:
        tracemalloc.start()
    start = time.perf_counter()
    scenario = load_scenario(path)
    seconds = time.perf_counter() - start
    if not scenario.decision_points:
        raise SystemExit(f"{path} loaded without decision points")
    if not memory:
        return {"seconds": seconds}
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"peak_mb": round(peak / (1024 * 1024), 1)}


if __name__ == "__main__":
    print(json.dumps(load_once(sys.argv[1], memory="--memory" in sys.argv[2:])))

"""Load plus validation time and peak memory for generated scenarios of growing size.

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

SIZES = (100, 1_000, 10_000)
RUNS = 3


def measure(folder: Path, sizes: tuple[int, ...] = SIZES, runs: int = RUNS) -> dict[str, dict[str, float]]:
    """Per size: the median seconds ("load_s") and the most memory the load held at once, in MB ("load_peak_mb")."""
    figures: dict[str, dict[str, float]] = {"load_s": {}, "load_peak_mb": {}}
    for size in sizes:
        path = str(write_scenario(folder / f"generated-{size}.en.yaml", size))
        seconds = [run_module("bench.loading", path)["seconds"] for _ in range(runs)]
        figures["load_s"][str(size)] = round(statistics.median(seconds), 4)
        figures["load_peak_mb"][str(size)] = run_module("bench.loading", path, "--memory")["peak_mb"]
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

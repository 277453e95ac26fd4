"""How long the trainer's report takes on a big workshop: 30 trainees x 7 scenarios x 3 replays.

    .venv/bin/python bench/report_bench.py

Bots play the shipped scenarios (cycled into seven when fewer are shipped) into a fresh
results file; then the report is made as terminal text, CSV and HTML. Prints seconds.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.installation import shipped_scenarios  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from game.workshop import page, sheet, table  # noqa: E402
from game.workshop.group import gather  # noqa: E402
from game.workshop.journal import Journal  # noqa: E402
from game.workshop.rehearsal import as_many, rehearse  # noqa: E402
from game.workshop.words import Words  # noqa: E402

TRAINEES, SCENARIOS, REPLAYS = 30, 7, 3


def measure(trainees: int = TRAINEES, scenarios: int = SCENARIOS, replays: int = REPLAYS) -> dict[str, float]:
    """Seconds to fill a results file with bot runs, and to make the report from it in all three forms."""
    shipped = [load_scenario(path) for path in sorted(shipped_scenarios().glob("*.yaml"))]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "results.sqlite"
        started = time.perf_counter()
        with Journal.open(path) as journal:
            plays = rehearse(journal, as_many(shipped, scenarios), trainees, scenarios, replays, "BENCH")
        filled = time.perf_counter() - started
        words = Words("nl")
        started = time.perf_counter()
        with Journal.open(path) as journal:
            group = gather(journal.records("BENCH"), "BENCH")
        table.render(group, words)
        sheet.render(group, words)
        page.render(group, words)
        return {"plays": plays, "fill_seconds": filled, "report_seconds": time.perf_counter() - started}


def main() -> None:
    figures = measure()
    print(f"filled: {figures['plays']} playthroughs in {figures['fill_seconds']:.2f} s")
    print(f"report (terminal, CSV and HTML): {figures['report_seconds']:.3f} s")


if __name__ == "__main__":
    main()

"""Headless playthroughs per second with the random bot: a generated scenario of ten decision
points, and every shipped scenario. Pure model code, so measured in this process."""

from __future__ import annotations

import time
from pathlib import Path

from bench.fresh import ROOT
from bench.generated import write_scenario

POINTS = 10
SECONDS = 2.0


def playthroughs_per_second(path: Path, seconds: float = SECONDS) -> float:
    """Random-bot games played back to back for about `seconds`, a new seed each game."""
    from game.bots.strategy import Strategy, bot_rng, play_out
    from game.model.playthrough import Playthrough
    from game.scenario.load import load_scenario

    scenario = load_scenario(path)
    played, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for seed in range(played, played + 100):
            play_out(Playthrough.start(scenario, seed, clock=lambda: 0.0), Strategy("random", bot_rng(seed)))
        played += 100
    return played / elapsed


def measure(folder: Path, seconds: float = SECONDS) -> dict[str, float]:
    """{"generated-10": rate, "<shipped file name>": rate, ...}."""
    generated = write_scenario(folder / f"generated-{POINTS}.en.yaml", POINTS)
    rates = {f"generated-{POINTS}": playthroughs_per_second(generated, seconds)}
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        rates[path.name] = playthroughs_per_second(path, seconds)
    return {name: round(rate) for name, rate in rates.items()}

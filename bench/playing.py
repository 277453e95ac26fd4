"""Headless playthroughs per second with the random bot, on every shipped scenario.

Pure model code, so measured in this process, in CPU time: on a machine shared with other work the
wall clock also counts the others' turns, and this figure is what our code costs.
"""

from __future__ import annotations

import time
from pathlib import Path

SECONDS = 1.0


def playthroughs_per_second(path: Path, seconds: float = SECONDS) -> float:
    """Random-bot games played back to back for about `seconds` of CPU time, a new seed each game."""
    from game.bots.strategy import Strategy, bot_rng, play_out
    from game.model.playthrough import Playthrough
    from game.scenario.load import load_scenario

    scenario = load_scenario(path)
    played, start = 0, time.process_time()
    while (elapsed := time.process_time() - start) < seconds:
        for seed in range(played, played + 50):
            play_out(Playthrough.start(scenario, seed, clock=lambda: 0.0), Strategy("random", bot_rng(seed)))
        played += 50
    return played / elapsed


def measure(seconds: float = SECONDS) -> dict[str, float]:
    """{"<shipped file name>": rate, ...}."""
    from game.installation import shipped_scenarios

    return {path.name: round(playthroughs_per_second(path, seconds))
            for path in sorted(shipped_scenarios().glob("*.yaml"))}

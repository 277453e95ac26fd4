"""Where a headless playthrough's time goes: `python -m bench.floor [SCENARIO]`.

Each game builds three `transitions` machines (the deal, the buyer, the game's phase) and fires
their triggers; the rest is the rules of the game, the two seeded random sources and the bot.
Measured in CPU time, so other work on the machine counts less.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

GAMES = 500


def breakdown(path: Path, games: int = GAMES) -> dict[str, float]:
    from transitions import core

    from game.bots.strategy import Strategy, bot_rng, play_out
    from game.model.buyer import Buyer
    from game.model.deal import Deal
    from game.model.playthrough import Playthrough
    from game.scenario.load import load_scenario

    scenario = load_scenario(path)
    start = time.process_time()
    for seed in range(games):
        play_out(Playthrough.start(scenario, seed, clock=lambda: 0.0), Strategy("random", bot_rng(seed)))
    per_game = (time.process_time() - start) / games
    start = time.process_time()
    for seed in range(games):
        Playthrough.start(scenario, seed, clock=lambda: 0.0)
    per_start = (time.process_time() - start) / games
    start = time.process_time()
    for _ in range(games):
        Deal(), Buyer(scenario.buyer.ladder)
    per_deal_and_buyer = (time.process_time() - start) / games
    fired: Counter = Counter()
    trigger = core.Event.trigger

    def counting(event: core.Event, model: object, *args: object, **kwargs: object) -> bool:
        fired[type(model).__name__] += 1
        return trigger(event, model, *args, **kwargs)

    core.Event.trigger = counting
    try:
        for seed in range(games):
            play_out(Playthrough.start(scenario, seed, clock=lambda: 0.0), Strategy("random", bot_rng(seed)))
    finally:
        core.Event.trigger = trigger
    return {"game_us": per_game * 1e6, "start_us": per_start * 1e6, "deal_and_buyer_us": per_deal_and_buyer * 1e6,
            **{f"triggers_{name}": count / games for name, count in fired.items()}}


def main() -> None:
    from game.installation import shipped_scenarios

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else shipped_scenarios() / "solar-roof.nl.yaml"
    found = breakdown(path)
    triggers = {name.removeprefix("triggers_"): count for name, count in found.items() if name.startswith("triggers_")}
    print(f"{path.name}: {found['game_us']:.0f} us a game ({1e6 / found['game_us']:,.0f}/s of CPU time); "
          f"starting one {found['start_us']:.0f} us, of which a deal and a buyer with their machines "
          f"{found['deal_and_buyer_us']:.0f} us")
    print("triggers a game: " + ", ".join(f"{name} {count:.1f}" for name, count in sorted(triggers.items())))


if __name__ == "__main__":
    main()

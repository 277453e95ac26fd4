"""Where the time of the two missed targets goes: `python -m bench.floor`.

- loading: the C parser's events alone, then what building the located tree adds, then reading the fields;
- playing: how many `transitions` triggers a random game makes, and what one costs.
"""

from __future__ import annotations

import gc
import tempfile
import time
from pathlib import Path

from bench.generated import write_scenario
from bench.playing import POINTS

TRIGGER_RUNS = 20_000


def loading_breakdown(path: Path) -> dict[str, float]:
    from game.scenario.fields import Report
    from game.scenario.load import default_rules, read_scenario
    from game.scenario.source import Parser, decode, read_text

    rules = default_rules()
    text = decode(path.read_bytes(), str(path))
    gc.disable()  # as while loading
    start = time.perf_counter()
    next_event, events = Parser(text).get_event, 0
    while next_event() is not None:
        events += 1
    parsed = time.perf_counter()
    root = read_text(text, str(path))
    built = time.perf_counter()
    read_scenario(root, Report(str(path)), rules)
    done = time.perf_counter()
    gc.enable()
    parser = parsed - start
    return {"events": events, "parser_events_s": parser, "located_tree_s": built - parsed - parser,
            "fields_s": done - built}


def transitions_cost(path: Path, games: int = 300) -> dict[str, float]:
    from transitions import core

    from game.bots.strategy import Strategy, bot_rng, play_out
    from game.model.deal import Deal, Move, Stage
    from game.model.playthrough import Playthrough
    from game.scenario.load import load_scenario

    scenario = load_scenario(path)
    counted = [0]
    trigger = core.Event.trigger

    def counting(event: core.Event, model: object, *args: object, **kwargs: object) -> bool:
        counted[0] += 1
        return trigger(event, model, *args, **kwargs)

    core.Event.trigger = counting
    try:
        for seed in range(games):
            play_out(Playthrough.start(scenario, seed, clock=lambda: 0.0), Strategy("random", bot_rng(seed)))
    finally:
        core.Event.trigger = trigger
    start = time.perf_counter()
    for _ in range(TRIGGER_RUNS):
        Deal(Stage.REACHED).make(Move.REVEAL)
    per_trigger = (time.perf_counter() - start) / TRIGGER_RUNS
    return {"triggers_per_game": counted[0] / games, "seconds_per_trigger": per_trigger}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for size in (1_000, 10_000):
            found = loading_breakdown(write_scenario(Path(folder) / f"generated-{size}.en.yaml", size))
            print(f"load {size:,} points: {found['events']:,} events; parser alone {found['parser_events_s']:.3f} s, "
                  f"located tree {found['located_tree_s']:.3f} s more, fields {found['fields_s']:.3f} s more")
        cost = transitions_cost(write_scenario(Path(folder) / f"generated-{POINTS}.en.yaml", POINTS))
        per_game = cost["triggers_per_game"] * cost["seconds_per_trigger"]
        print(f"play: {cost['triggers_per_game']:.1f} transitions triggers per random game, "
              f"{cost['seconds_per_trigger'] * 1e6:.1f} us each: {per_game * 1e6:.0f} us a game, "
              f"at most {1 / per_game:,.0f} games/s from transitions alone")


if __name__ == "__main__":
    main()

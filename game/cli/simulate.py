"""`simulate FILE --strategy advance|prolong|random`: play headless with a bot and print the outcome."""

from __future__ import annotations

import argparse
import json
import statistics
from collections import Counter

from game.bots.strategy import STRATEGIES, Strategy, bot_rng, play_out
from game.cli.validate import problems_in
from game.model.playthrough import Playthrough
from game.scenario.load import load_scenario
from game.scenario.scenario import Scenario


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("simulate", help="let a bot play a scenario and print outcome and score")
    command.add_argument("file", metavar="FILE")
    command.add_argument("--strategy", choices=STRATEGIES, default="advance")
    command.add_argument("--seed", type=int, default=0, help="the first seed (default 0)")
    command.add_argument("--runs", type=int, default=1, help="how many seeds to play, from --seed on")
    command.add_argument("--json", action="store_true", help="one JSON object per run, one per line")
    command.set_defaults(run=run)


def simulate(scenario: Scenario, strategy: str, seed: int) -> Playthrough:
    """One headless game: the same scenario, strategy and seed always give the same game."""
    play = Playthrough.start(scenario, seed, clock=lambda: 0.0)
    return play_out(play, Strategy(strategy, bot_rng(seed)))


def as_record(play: Playthrough, strategy: str, seed: int) -> dict:
    return {
        "scenario": play.scenario.path,
        "strategy": strategy,
        "seed": seed,
        "motive": play.motive,
        "outcome": play.ending,
        "stage": play.deal.stage,
        "score": play.score.total,
        "contacts": play.contacts_used,
        "turns": [
            {"number": t.number, "kind": t.kind, "day": t.moment.day, "time": t.moment.clock,
             "outcome": t.outcome, "say": t.say, "aim": t.aim, "verdict": t.verdict,
             "points": round(t.points, 2), "reasons": list(t.judgement.reasons),
             "stage": t.change.stage_after}
            for t in play.turns
        ],
    }


def run(args: argparse.Namespace) -> int:
    problems = problems_in(args.file)
    if problems:
        for problem in problems:
            print(problem)
        return 1
    scenario = load_scenario(args.file)
    plays = [simulate(scenario, args.strategy, seed) for seed in range(args.seed, args.seed + args.runs)]
    for seed, play in enumerate(plays, start=args.seed):
        if args.json:
            print(json.dumps(as_record(play, args.strategy, seed), ensure_ascii=False))
        else:
            print(_summary_line(play, seed))
    if not args.json and len(plays) > 1:
        scores = [p.score.total for p in plays]
        outcomes = Counter(p.ending for p in plays)
        print(f"{args.strategy}: median score {statistics.median(scores):g} over {len(plays)} runs; "
              + ", ".join(f"{name} {count}" for name, count in outcomes.most_common()))
    return 0


def _summary_line(play: Playthrough, seed: int) -> str:
    verdicts = Counter(t.verdict for t in play.turns)
    counted = ", ".join(f"{count} {name}" for name, count in verdicts.most_common())
    return (f"seed {seed}: {play.ending}, score {play.score.total}, {len(play.turns)} turns ({counted}), "
            f"motive {play.motive}")

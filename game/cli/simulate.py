"""`simulate FILE --strategy advance|prolong|random`: play headless with a bot and print the outcome.

`--record --trainee NAME --workshop CODE [--db PATH]` keeps the runs in the results file,
turn by turn as the game does, so the trainer's report can be tried without playing by hand.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter

from game.bots.strategy import STRATEGIES, Strategy, bot_rng, play_out
from game.cli.validate import loaded_or_told
from game.model.playthrough import Playthrough
from game.scenario.scenario import Scenario
from game.workshop.journal import Journal
from game.workshop.opening import open_for_command
from game.workshop.words import Words


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("simulate", help="let a bot play a scenario and print outcome and score")
    command.add_argument("file", metavar="FILE")
    command.add_argument("--strategy", choices=STRATEGIES, default="advance")
    command.add_argument("--seed", type=int, default=0, help="the first seed (default 0)")
    command.add_argument("--runs", type=int, default=1, help="how many seeds to play, from --seed on")
    command.add_argument("--json", action="store_true", help="one JSON object per run, one per line")
    command.add_argument("--record", action="store_true", help="keep the runs in the results file")
    command.add_argument("--trainee", metavar="NAME", default="bot", help="with --record: who played")
    command.add_argument("--workshop", metavar="CODE", default="", help="with --record: the workshop code")
    command.add_argument("--db", metavar="PATH", help="with --record: the results file (default: this computer's)")
    command.set_defaults(run=run)


def simulate(scenario: Scenario, strategy: str, seed: int, journal: Journal | None = None, trainee: str = "",
             workshop: str = "") -> Playthrough:
    """One headless game: the same scenario, strategy and seed always give the same game.

    With a journal, every turn is committed as it is made, at the real time, as in the game.
    """
    play = Playthrough.start(scenario, seed, clock=time.time if journal else lambda: 0.0)
    if journal is None:
        return play_out(play, Strategy(strategy, bot_rng(seed)))
    play_id = journal.begin(play, trainee, workshop, seed)
    play_out(play, Strategy(strategy, bot_rng(seed)))
    journal.finish(play_id, play)
    return play


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
             "points": t.points, "reasons": list(t.judgement.reasons),
             "stage": t.change.stage_after}
            for t in play.turns
        ],
    }


def run(args: argparse.Namespace) -> int:
    scenario = loaded_or_told(args.file)
    if scenario is None:
        return 1
    journal = open_for_command(args.db, Words(scenario.language)) if args.record else None
    if args.record and journal is None:
        return 2
    plays = [simulate(scenario, args.strategy, seed, journal, args.trainee, args.workshop)
             for seed in range(args.seed, args.seed + args.runs)]
    if journal:
        print(Words(scenario.language)("recorded", file=journal.path), file=sys.stderr)
        journal.close()
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

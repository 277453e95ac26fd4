"""`bench [--json] [--quick]`: how fast the game starts, draws, idles, loads, lints and plays on this machine."""

from __future__ import annotations

import argparse
import json
import sys


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("bench", help="measure start-up, frame times, loading, lint and headless play")
    command.add_argument("--json", action="store_true", help="end with one line of JSON holding every figure")
    command.add_argument("--quick", action="store_true", help="fewer repetitions: rougher figures, sooner")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.installation import frozen

    if frozen():  # the benchmarks start `python main.py` and live beside the game, not in the app
        print("bench measures a source checkout: run  python main.py bench  there (docs/performance.md)")
        return 2
    from bench.suite import lines, measure_all

    results = measure_all(quick=args.quick, say=lambda text: print(text, file=sys.stderr if args.json else sys.stdout))
    for line in lines(results):
        print(line)
    if args.json:
        print(json.dumps(results))
    return 0

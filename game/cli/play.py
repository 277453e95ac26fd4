"""`play --text FILE [--seed N]`: play a scenario in the terminal, with the same model as the window."""

from __future__ import annotations

import argparse
import random
import sys

from game.cli.validate import loaded_or_told
from game.model.playthrough import Playthrough
from game.terminal import TerminalGame


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("play", help="play a scenario; --text plays it in the terminal")
    command.add_argument("--text", required=True, metavar="FILE", help="the scenario to play in the terminal")
    command.add_argument("--seed", type=int, help="the same seed gives the same week and buyer (default: random)")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    scenario = loaded_or_told(args.text)
    if scenario is None:
        return 1
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    play = Playthrough.start(scenario, seed)
    return TerminalGame(play, read=_read).run()


def _read(prompt: str) -> str:
    """input(), showing what was typed when it comes from a pipe, so a transcript reads well."""
    typed = input(prompt)
    if not sys.stdin.isatty():
        print(typed)
    return typed

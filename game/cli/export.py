"""`export --out FILE [--db PATH] [--workshop CODE]`: one laptop's results in one file, to merge elsewhere."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.text import LANGUAGES
from game.workshop.opening import open_for_command
from game.workshop.transfer import export
from game.workshop.words import Words


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("export", help="write this computer's results to one file for the trainer")
    command.add_argument("--out", metavar="FILE", required=True, help="the file to write (JSON)")
    command.add_argument("--db", metavar="PATH", help="the results file (default: this computer's)")
    command.add_argument("--workshop", metavar="CODE", help="only this workshop")
    command.add_argument("--lang", choices=LANGUAGES, default="nl")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    words = Words(args.lang)
    journal = open_for_command(args.db, words, must_exist=True)
    if journal is None:
        return 2
    with journal:
        count = export(journal, Path(args.out), args.workshop)
    print(words("export.written", count=count, file=args.out))
    return 0

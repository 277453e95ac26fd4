"""`export --out FILE [--db PATH] [--workshop CODE]`: one laptop's results in one file, to merge elsewhere.

`export --xapi FILE.jsonl` writes them as xAPI statements instead, one per line (see `sync`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.sync import add_statement_options, export_statements
from game.workshop.opening import open_for_command
from game.workshop.transfer import export
from game.workshop.words import Words


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("export", help="write this computer's results to one file for the trainer")
    written = command.add_mutually_exclusive_group(required=True)
    written.add_argument("--out", metavar="FILE", help="the file to write (JSON)")
    written.add_argument("--xapi", metavar="FILE", help="write xAPI statements instead, one per line (JSON Lines)")
    add_statement_options(command, only="with --xapi: ")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.xapi:
        return export_statements(args)
    words = Words(args.lang)
    journal = open_for_command(args.db, words, must_exist=True)
    if journal is None:
        return 2
    with journal:
        count = export(journal, Path(args.out), args.workshop)
    print(words("export.written", count=count, file=args.out))
    return 0

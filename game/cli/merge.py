"""`merge FILE... [--db PATH]`: bring exports (or results files) from several laptops into one results file.

Merging the same file twice adds nothing; each file is merged whole or not at all.
"""

from __future__ import annotations

import argparse
import sys

from game.text import LANGUAGES
from game.workshop.journal import JournalError
from game.workshop.opening import open_for_command
from game.workshop.transfer import ExportError, merge_file
from game.workshop.words import Words


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("merge", help="add the results from other laptops' exports to this results file")
    command.add_argument("files", nargs="+", metavar="FILE", help="exports (.json) or results files (.sqlite)")
    command.add_argument("--db", metavar="PATH", help="the results file to add to (default: this computer's)")
    command.add_argument("--lang", choices=LANGUAGES, default="nl")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    words = Words(args.lang)
    journal = open_for_command(args.db, words)
    if journal is None:
        return 2
    failed = 0
    with journal:
        for file in args.files:
            try:
                added = merge_file(journal, file)
            except (ExportError, JournalError) as error:
                print(words(error.key.removeprefix("report."), **error.params), file=sys.stderr)
                failed += 1
                continue
            except OSError as error:
                print(f"{file}: {error.strerror}", file=sys.stderr)
                failed += 1
                continue
            if added.plays or added.turns or added.notes or added.finished:
                print(words("merge.added", file=file, plays=added.plays, turns=added.turns, notes=added.notes))
            else:
                print(words("merge.nothing", file=file))
    return 1 if failed else 0

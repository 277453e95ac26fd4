"""`merge FILE... [--db PATH]`: bring exports (or results files) from several laptops into one results file.

Merging the same file twice adds nothing; each file is merged whole or not at all, after every
field in it is checked. A results file copied without its -wal file while the game was open says
so, loudly, with the moment up to which it is complete.
"""

from __future__ import annotations

import argparse
import datetime
import sys

from game.text import LANGUAGES
from game.workshop.incoming import Refused
from game.workshop.journal import JournalError
from game.workshop.opening import open_for_command
from game.workshop.sheet import SHORT_ID
from game.workshop.transfer import Arrived, Merged, merge_file
from game.workshop.words import Words


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("merge", help="add the results from other laptops' exports to this results file")
    command.add_argument("files", nargs="+", metavar="FILE", help="exports (.json) or results files (.sqlite)")
    command.add_argument("--db", metavar="PATH", help="the results file to add to (default: this computer's)")
    command.add_argument("--lang", choices=LANGUAGES, default="nl")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    words = Words(args.lang)
    journal = open_for_command(args.db, words, writing=True)
    if journal is None:
        return 2
    failed = 0
    with journal:
        for file in args.files:
            try:
                added, arrived = merge_file(journal, file)
            except Refused as refused:
                print(words("merge.refused", file=file), file=sys.stderr)
                for problem in refused.problems:
                    print(f"  {problem}", file=sys.stderr)
                failed += 1
                continue
            except JournalError as error:
                print(words(error.key.removeprefix("report."), **error.params), file=sys.stderr)
                failed += 1
                continue
            except OSError as error:
                print(f"{file}: {error.strerror or error}", file=sys.stderr)
                failed += 1
                continue
            failed += _tell(file, added, arrived, words)
    return 1 if failed else 0


def _tell(file: str, added: Merged, arrived: Arrived, words: Words) -> int:
    """Say what the file brought, loudly what it cannot vouch for; 1 when the trainer must act."""
    if added.anything:
        print(words("merge.added", file=file, plays=added.plays, turns=added.turns, notes=added.notes))
    else:
        print(words("merge.nothing", file=file))
    if added.removed:
        print(words("merge.removed", file=file, count=added.removed))
    for original, kept_as in added.conflicts:
        print(words("merge.conflict", file=file, id=original[:SHORT_ID], kept=kept_as[:SHORT_ID]), file=sys.stderr)
    if arrived.vouched is None:
        return 0
    when = datetime.datetime.fromtimestamp(arrived.vouched).strftime("%Y-%m-%d %H:%M")
    print(words("merge.unvouched", file=file, when=when), file=sys.stderr)
    return 1

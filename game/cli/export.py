"""`export --out FILE [--db PATH] [--workshop CODE] [--salvage]`: one laptop's results in one file, to merge elsewhere.

`--salvage` reads a damaged results file (left untouched) and brings out every playthrough still readable.
`export --xapi FILE.jsonl` writes the results as xAPI statements instead, one per line (see `sync`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from game.cli.sync import add_statement_options, export_statements
from game.workshop.incoming import FORMAT, FORMAT_VERSION
from game.workshop.journal import in_use
from game.workshop.opening import open_for_command, refused_as_output
from game.workshop.salvage import salvage
from game.workshop.transfer import export, write_whole
from game.workshop.words import Words


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("export", help="write this computer's results to one file for the trainer")
    written = command.add_mutually_exclusive_group(required=True)
    written.add_argument("--out", metavar="FILE", help="the file to write (JSON)")
    written.add_argument("--xapi", metavar="FILE", help="write xAPI statements instead, one per line (JSON Lines)")
    command.add_argument("--salvage", action="store_true",
                         help="bring out every playthrough still readable from a damaged results file")
    add_statement_options(command, only="with --xapi: ")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.xapi:
        return export_statements(args)
    words = Words(args.lang)
    if args.salvage:
        return _salvage(args, words)
    journal = open_for_command(args.db, words, must_exist=True)
    if journal is None:
        return 2
    with journal:
        if refused_as_output(args.out, journal, words):
            return 2
        try:
            count = export(journal, Path(args.out), args.workshop)
        except OSError as error:
            print(words("output.cannot_write", file=args.out, reason=error.strerror or error), file=sys.stderr)
            return 1
    print(words("export.written", count=count, file=args.out))
    return 0


def _salvage(args: argparse.Namespace, words: Words) -> int:
    db = Path(args.db) if args.db else in_use()
    if not db.is_file():
        print(words("missing", path=db), file=sys.stderr)
        return 2
    if refused_as_output(args.out, None, words) or Path(args.out).resolve() == db.resolve():
        return 2
    try:
        found = salvage(db)
    except OSError as error:
        print(f"{db}: {error.strerror or error}", file=sys.stderr)
        return 1
    plays = [play for play in found.plays if not args.workshop or play["workshop"] == args.workshop]
    if not plays:
        print(words("salvage.nothing", db=db), file=sys.stderr)
        return 1
    document = {"format": FORMAT, "version": FORMAT_VERSION, "exported": time.time(), "salvaged_from": str(db),
                "plays": plays}
    try:
        write_whole(Path(args.out), json.dumps(document, ensure_ascii=False))
    except OSError as error:
        print(words("output.cannot_write", file=args.out, reason=error.strerror or error), file=sys.stderr)
        return 1
    print(words("salvage.done", count=len(plays), turns=sum(len(p["turns"]) for p in plays), db=db, file=args.out,
                lost=found.lost))
    return 0

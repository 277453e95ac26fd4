"""`report [--db PATH] [--workshop CODE] [--csv FILE] [--html FILE]`: the trainer's view of the group's results.

Prints the agenda for the discussion, the trends over replays, how the group chose per
decision point and the results per trainee; writes the same as CSV and as one HTML file.
`--note ID TEXT [--override N]` keeps a trainer's note and own score beside a playthrough's.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.text import LANGUAGES
from game.workshop import page, sheet, table
from game.workshop.group import gather
from game.workshop.journal import Journal
from game.workshop.opening import open_for_command
from game.workshop.words import Words


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("report", help="the trainer's report on a workshop's results")
    command.add_argument("--db", metavar="PATH", help="the results file (default: this computer's)")
    command.add_argument("--workshop", metavar="CODE", help="only this workshop")
    command.add_argument("--csv", metavar="FILE", help="also write one row per playthrough to FILE")
    command.add_argument("--html", metavar="FILE", help="also write the report as one HTML file, for a projector")
    command.add_argument("--anonymous", action="store_true", help="trainees as Trainee 1, 2, ...; notes left out")
    command.add_argument("--lang", choices=LANGUAGES, default="nl", help="the workshop's language (default nl)")
    command.add_argument("--note", nargs=2, metavar=("ID", "TEXT"),
                         help="keep a note on the playthrough whose id starts with ID (see the CSV)")
    command.add_argument("--override", type=int, metavar="SCORE", help="with --note: the trainer's own score")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    words = Words(args.lang)
    journal = open_for_command(args.db, words, must_exist=True)
    if journal is None:
        return 2
    with journal:
        if args.note:
            return _annotate(journal, args, words)
        group = gather(journal.records(args.workshop), args.workshop or "", args.anonymous,
                       trainee_word=words("anonymous"))
    print(table.render(group, words), end="")
    if args.csv:
        Path(args.csv).write_text(sheet.render(group, words, args.anonymous), encoding="utf-8-sig", newline="")
        print(words("written", file=args.csv))
    if args.html:
        Path(args.html).write_text(page.render(group, words, args.anonymous), encoding="utf-8")
        print(words("written", file=args.html))
    return 0


def _annotate(journal: Journal, args: argparse.Namespace, words: Words) -> int:
    short_id, text = args.note
    play_id = journal.find(short_id)
    if play_id is None:
        print(words("note.not_found", id=short_id))
        return 1
    journal.annotate(play_id, text, args.override)
    print(words("note.saved", id=short_id))
    return 0

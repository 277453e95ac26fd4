"""`report [--db PATH] [--workshop CODE] [--csv FILE] [--choices-csv FILE] [--html FILE]`: the trainer's view of
the group's results.

Prints the agenda for the discussion, the trends over replays, how the group chose per
decision point and what its prolonging phrasings cost (each game's week replayed with the
stronger phrasing; `--scenarios FOLDER` where the trainer's own scenario files are), and the
results per trainee; writes the same as one HTML file, the playthroughs as CSV and how the group chose per
decision point as another CSV.
`--note ID TEXT [--override N]` keeps a trainer's note and own score beside a playthrough's;
`--remove ID` removes a playthrough (a test run, one with damaged fields).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.text import LANGUAGES
from game.workshop import page, sheet, table
from game.workshop.costs import room_costs
from game.workshop.group import gather, sound
from game.workshop.journal import Journal
from game.workshop.opening import open_for_command, refused_as_output
from game.workshop.transfer import write_whole
from game.workshop.words import Words
from game.xapi.scenarios import ScenarioShelf


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("report", help="the trainer's report on a workshop's results")
    command.add_argument("--db", metavar="PATH", help="the results file (default: this computer's)")
    command.add_argument("--workshop", metavar="CODE", help="only this workshop")
    command.add_argument("--csv", metavar="FILE", help="also write one row per playthrough to FILE")
    command.add_argument("--choices-csv", metavar="FILE",
                         help="also write one row per phrasing said at each decision point to FILE")
    command.add_argument("--html", metavar="FILE", help="also write the report as one HTML file, for a projector")
    command.add_argument("--anonymous", action="store_true", help="trainees as Trainee 1, 2, ...; notes left out")
    command.add_argument("--lang", choices=LANGUAGES, default="nl", help="the workshop's language (default nl)")
    command.add_argument("--scenarios", metavar="FOLDER", action="append", default=[],
                         help="a folder with the scenario files played, to replay their weeks (the shipped ones are "
                              "found anyway); may be given more than once")
    command.add_argument("--note", nargs=2, metavar=("ID", "TEXT"),
                         help="keep a note on the playthrough whose id starts with ID (see the CSV)")
    command.add_argument("--override", type=int, metavar="SCORE", help="with --note: the trainer's own score")
    command.add_argument("--remove", metavar="ID",
                         help="remove the playthrough whose id starts with ID (a later merge will not bring it back)")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    words = Words(args.lang)
    writing = bool(args.note or args.remove)
    journal = open_for_command(args.db, words, must_exist=True, writing=writing)
    if journal is None:
        return 2
    with journal:
        if args.note:
            return _annotate(journal, args, words)
        if args.remove:
            return _remove(journal, args.remove, words)
        if any(refused_as_output(out, journal, words) for out in (args.csv, args.choices_csv, args.html) if out):
            return 2
        records, unsound = sound(journal.records(args.workshop))
        practice = journal.practice(workshop=args.workshop)
        workshops = journal.workshops()
    if args.workshop and not records and workshops:
        found = ", ".join(words("workshop_plays", code=code or "—", count=count) for code, count in workshops)
        print(words("no_such_workshop", code=args.workshop, found=found))
        return 1
    shelf = ScenarioShelf(args.scenarios)
    costs = room_costs(records, lambda record: shelf.scenario(record.scenario_path, record.scenario_version))
    group = gather(records, args.workshop or "", args.anonymous, trainee_word=words("anonymous"), costs=costs,
                   practice=practice, scenarios=lambda record: shelf.scenario(record.scenario_path,
                                                                              record.scenario_version))
    for record in unsound:
        print(words("unsound", id=record.uuid[:sheet.SHORT_ID]), file=sys.stderr)
    print(table.render(group, words), end="")
    failed = False
    if args.csv:
        failed |= not _write(args.csv, sheet.render(group, words, args.anonymous), words, encoding="utf-8-sig",
                             newline="")
    if args.choices_csv:
        failed |= not _write(args.choices_csv, sheet.render_choices(group, words), words, encoding="utf-8-sig",
                             newline="")
    if args.html:
        failed |= not _write(args.html, page.render(group, words, args.anonymous), words)
    return 1 if failed else 0


def _write(out: str, text: str, words: Words, encoding: str = "utf-8", newline: str | None = None) -> bool:
    try:
        write_whole(Path(out), text, encoding, newline)
    except OSError as error:
        print(words("output.cannot_write", file=out, reason=error.strerror or error), file=sys.stderr)
        return False
    print(words("written", file=out))
    return True


def _remove(journal: Journal, short_id: str, words: Words) -> int:
    play_id = journal.find(short_id)
    if play_id is None:
        print(words("note.not_found", id=short_id))
        return 1
    journal.remove(play_id)
    print(words("remove.done", id=short_id))
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

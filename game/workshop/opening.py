"""Opening the results file for a command: a clear message instead of a traceback when it cannot be used."""

from __future__ import annotations

import sys
from pathlib import Path

from game.workshop.journal import SQLITE_HEADER, DamagedJournal, Journal, JournalError, default_path, in_use
from game.workshop.words import Words

COMPANIONS = ("", "-wal", "-shm", "-journal")  # the results file and the files SQLite keeps beside it


def open_for_command(db: str | None, words: Words, must_exist: bool = False, writing: bool = False) -> Journal | None:
    """The journal at `db` (or the one in use on this computer), or None after saying on stderr why not.

    A file in a folder that cannot be written is read from a snapshot, unless the command writes.
    """
    path = Path(db) if db else in_use()
    if must_exist and not path.exists():
        print(words("missing", path=path), file=sys.stderr)
        return None
    if not db and path != default_path():
        print(words("journal.going_on", path=path, damaged=default_path()), file=sys.stderr)
    try:
        return Journal.open(path)
    except JournalError as error:
        if type(error) is JournalError and not writing and path.is_file():
            try:
                return Journal.snapshot(path)
            except (JournalError, OSError):
                pass
        print(words(error.key.removeprefix("report."), **error.params), file=sys.stderr)
        if isinstance(error, DamagedJournal):
            print(words("journal.salvage_hint", path=path), file=sys.stderr)
        return None


def refused_as_output(out: str | Path, journal: Journal | None, words: Words) -> bool:
    """Whether `out` must not be written over: the results file itself (or what SQLite keeps beside it),
    or any other SQLite database. Says why on stderr."""
    out = Path(out)
    if journal is not None and any(_same(out, Path(f"{journal.path}{end}")) for end in COMPANIONS):
        print(words("output.is_results", file=out), file=sys.stderr)
        return True
    try:
        with open(out, "rb") as handle:
            is_database = handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
    if is_database:
        print(words("output.is_database", file=out), file=sys.stderr)
    return is_database


def _same(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return one.resolve() == other.resolve()

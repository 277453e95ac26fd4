"""Opening the results file for a command: a clear message instead of a traceback when it cannot be used."""

from __future__ import annotations

import sys
from pathlib import Path

from game.workshop.journal import Journal, JournalError, in_use
from game.workshop.words import Words


def open_for_command(db: str | None, words: Words, must_exist: bool = False) -> Journal | None:
    """The journal at `db` (or the default one), or None after saying on stderr why not."""
    path = Path(db) if db else in_use()
    if must_exist and not path.exists():
        print(words("missing", path=path), file=sys.stderr)
        return None
    try:
        return Journal.open(path)
    except JournalError as error:
        print(words(error.key.removeprefix("report."), **error.params), file=sys.stderr)
        return None

"""Bringing laptops together: export a journal to one file, merge such files into another journal.

A playthrough is known everywhere by its uuid, a turn by its playthrough and number,
a note by its own uuid; so merging the same file twice adds nothing, and merging
exports of several laptops gives their union. A results file (.sqlite) copied from a
laptop can be merged directly too.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from game.workshop.journal import (
    FINISH_COLUMNS,
    NOTE_COLUMNS,
    PLAY_COLUMNS,
    SQLITE_HEADER,
    TURN_COLUMNS,
    Journal,
    JournalError,
    inspect,
)

FORMAT = "vooruitgang-results"
FORMAT_VERSION = 1


class ExportError(Exception):
    """A file to merge that is no export of this game; `key` and `params` give the text (report.yaml)."""

    key = "report.merge.not_an_export"

    def __init__(self, path: Path, detail: str = ""):
        self.path = Path(path)
        self.params = {"path": str(path)}
        super().__init__(f"{path}: not a results export of this game" + (f" ({detail})" if detail else ""))


@dataclass(frozen=True)
class Merged:
    plays: int = 0
    turns: int = 0
    notes: int = 0
    finished: int = 0


def export(journal: Journal, out: Path, workshop: str | None = None) -> int:
    """Write every playthrough (of one workshop) with its turns and notes to `out`; returns how many."""
    document = {"format": FORMAT, "version": FORMAT_VERSION, "exported": time.time(), "plays": dump(journal, workshop)}
    written = Path(f"{out}.part")
    written.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    written.replace(out)  # a half-written export never looks like a whole one
    return len(document["plays"])


def dump(journal: Journal, workshop: str | None = None) -> list[dict]:
    """Every playthrough as plain data, read in one snapshot while windows may go on writing."""
    db = journal.connection
    db.execute("BEGIN")
    try:
        return _dump(db, workshop)
    finally:
        db.execute("COMMIT")


def _dump(db: sqlite3.Connection, workshop: str | None) -> list[dict]:
    where, params = ("WHERE workshop = ?", (workshop,)) if workshop else ("", ())
    plays = []
    for row in db.execute(f"SELECT id, {', '.join(PLAY_COLUMNS)} FROM plays {where} ORDER BY id", params).fetchall():
        play = dict(zip(PLAY_COLUMNS, row[1:], strict=True))
        play["turns"] = [dict(zip(TURN_COLUMNS, turn, strict=True)) for turn in db.execute(
            f"SELECT {', '.join(TURN_COLUMNS)} FROM turns WHERE play_id = ? ORDER BY number", (row[0],))]
        play["notes"] = [dict(zip(NOTE_COLUMNS, note, strict=True)) for note in db.execute(
            f"SELECT {', '.join(NOTE_COLUMNS)} FROM notes WHERE play_uuid = ? ORDER BY written", (play["uuid"],))]
        plays.append(play)
    return plays


def read(path: Path) -> list[dict]:
    """The playthroughs in an export, or in a results file copied from a laptop (opened read-only)."""
    path = Path(path)
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        return _read_journal(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportError(path, str(error)) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ExportError(path)
    if document.get("version", 0) > FORMAT_VERSION:
        raise ExportError(path, "written by a newer version of the game")
    return document["plays"]


def merge_file(journal: Journal, path: Path | str) -> Merged:
    """Merge one export or results file, whole or not at all."""
    plays = read(Path(path))
    try:
        return merge(journal, plays)
    except (KeyError, TypeError, AttributeError, sqlite3.IntegrityError) as error:
        raise ExportError(Path(path), f"incomplete: {error}") from error


def _read_journal(path: Path) -> list[dict]:
    inspect(path)
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        return dump(Journal(connection, path))
    except sqlite3.DatabaseError as error:
        raise JournalError(path, str(error)) from error
    finally:
        connection.close()


def merge(journal: Journal, plays: list[dict]) -> Merged:
    """Add what `journal` does not have yet, in one transaction: all of a file or nothing."""
    added = Merged()
    with journal.transaction() as db:
        for play in plays:
            added = _merge_play(db, play, added)
    return added


def _merge_play(db: sqlite3.Connection, play: dict, added: Merged) -> Merged:
    row = db.execute("SELECT id, finished FROM plays WHERE uuid = ?", (play["uuid"],)).fetchone()
    plays, finished = added.plays, added.finished
    if row is None:
        columns = [name for name in PLAY_COLUMNS if name in play]
        cursor = db.execute(f"INSERT INTO plays ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            [play[name] for name in columns])
        play_id, plays = cursor.lastrowid, plays + 1
    else:
        play_id = row[0]
        if row[1] is None and play.get("finished") is not None:  # exported mid-game here, finished there
            db.execute(f"UPDATE plays SET {', '.join(f'{name} = ?' for name in FINISH_COLUMNS)} WHERE id = ?",
                       [play[name] for name in FINISH_COLUMNS] + [play_id])
            finished += 1
    turns = added.turns + _insert_many(db, "turns", TURN_COLUMNS, play.get("turns", []), play_id=play_id)
    notes = added.notes + _insert_many(db, "notes", NOTE_COLUMNS, play.get("notes", []))
    return Merged(plays, turns, notes, finished)


def _insert_many(db: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list[dict],
                 **fixed: object) -> int:
    names = [*fixed, *columns]
    before = db.total_changes
    db.executemany(f"INSERT OR IGNORE INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                   [[*fixed.values(), *(row[name] for name in columns)] for row in rows])
    return db.total_changes - before

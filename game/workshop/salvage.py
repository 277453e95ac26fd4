"""Bringing out of a damaged results file every playthrough that can still be read (`export --salvage`).

The file itself is only read: a copy is opened in a folder of its own. A damaged page makes
a whole-table read fail, so each play is looked up on its own by id, and each of its turns by
number; what one damaged page hides is lost, the rest comes out. Every play that comes out is
checked as a merged one would be, so the export merges like any other.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from game.workshop.incoming import MOST_TURNS, Refused, check_play
from game.workshop.journal import NOTE_COLUMNS, PLAY_COLUMNS, TURN_COLUMNS, copy_with_wal

GIVE_UP_AFTER = 2000  # ids in a row that cannot be found: the end of the table


@dataclass(frozen=True)
class Salvaged:
    plays: list[dict]
    lost: int  # plays found but not readable whole

    @property
    def turns(self) -> int:
        return sum(len(play["turns"]) for play in self.plays)


def salvage(path: Path) -> Salvaged:
    folder = Path(tempfile.mkdtemp(prefix="vooruitgang-salvage-"))
    try:
        copy = copy_with_wal(path, folder)
        connection = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True, isolation_level=None)
        try:
            return _salvage(connection, str(path))
        finally:
            connection.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _salvage(db: sqlite3.Connection, source: str) -> Salvaged:
    plays, lost = [], 0
    for play_id in _ids(db):
        try:
            row = db.execute(f"SELECT {', '.join(PLAY_COLUMNS)} FROM plays WHERE id = ?", (play_id,)).fetchone()
        except sqlite3.DatabaseError:
            lost += 1
            continue
        if row is None:
            continue
        play = dict(zip(PLAY_COLUMNS, row, strict=True))
        play["turns"] = _turns(db, play_id)
        play["notes"] = _notes(db, play["uuid"])
        try:
            plays.append(check_play(play, source))
        except Refused:
            lost += 1
    return Salvaged(plays, lost)


def _ids(db: sqlite3.Connection):
    """Every play id there may be: up to the highest when that can be read, else until a long gap."""
    try:
        highest = db.execute("SELECT max(id) FROM plays").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        highest = None
    play_id, missing = 0, 0
    while highest is None or play_id < highest:
        play_id += 1
        yield play_id
        if highest is None:
            try:
                found = db.execute("SELECT 1 FROM plays WHERE id = ?", (play_id,)).fetchone()
            except sqlite3.DatabaseError:
                found = None
            missing = 0 if found else missing + 1
            if missing > GIVE_UP_AFTER:
                return


def _turns(db: sqlite3.Connection, play_id: int) -> list[dict]:
    select = f"SELECT {', '.join(TURN_COLUMNS)} FROM turns WHERE play_id = ?"
    try:
        return [dict(zip(TURN_COLUMNS, row, strict=True)) for row in db.execute(select + " ORDER BY number",
                                                                                 (play_id,))]
    except sqlite3.DatabaseError:
        pass
    turns = []  # one damaged page: read the turns one by one, as far as they go on
    for number in range(1, MOST_TURNS + 1):
        try:
            row = db.execute(select + " AND number = ?", (play_id, number)).fetchone()
        except sqlite3.DatabaseError:
            break
        if row is None:
            break
        turns.append(dict(zip(TURN_COLUMNS, row, strict=True)))
    return turns


def _notes(db: sqlite3.Connection, play_uuid: str) -> list[dict]:
    try:
        return [dict(zip(NOTE_COLUMNS, row, strict=True)) for row in db.execute(
            f"SELECT {', '.join(NOTE_COLUMNS)} FROM notes WHERE play_uuid = ?", (play_uuid,))]
    except sqlite3.DatabaseError:
        return []

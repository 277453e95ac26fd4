"""Bringing laptops together: export a journal to one file, merge such files into another journal.

A playthrough is known everywhere by its uuid, a turn by its playthrough and number,
a note by its own uuid; so merging the same file twice adds nothing, and merging
exports of several laptops gives their union. A results file (.sqlite) copied from a
laptop can be merged directly too: with its -wal file beside it, everything comes along;
without, the file itself says whether it may miss turns (see `Journal.enlist`).
Everything that arrives is checked first (`game.workshop.incoming`), and a play that
arrives with the id of a different play already here is kept beside it, not mixed in.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from game.workshop.incoming import FORMAT, FORMAT_VERSION, FieldProblem, Refused, check_plays, parse
from game.workshop.journal import (
    FINISH_COLUMNS,
    NOTE_COLUMNS,
    PLAY_COLUMNS,
    PRACTICE_COLUMNS,
    READING_COLUMNS,
    SQLITE_HEADER,
    TURN_COLUMNS,
    Journal,
    same_workshop,
)

IDENTITY = ("trainee", "workshop", "scenario_key", "seed", "motive", "started")  # what makes a play that play
CONFLICT = uuid.UUID("5d0f6f1e-2a43-4c41-9b8e-76f0a1c3e0b1")  # names the copy of a play whose id clashed


@dataclass(frozen=True)
class Arrived:
    """The plays in a file to merge, and what the file cannot vouch for."""

    plays: list[dict]
    vouched: float | None = None  # a bare copy taken while the game was open: complete up to this time only


@dataclass
class Merged:
    plays: int = 0
    turns: int = 0
    notes: int = 0
    readings: int = 0
    practice: int = 0
    finished: int = 0
    removed: int = 0  # plays the trainer removed earlier, left out again
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (id in the file, id it is kept under)

    @property
    def anything(self) -> bool:
        return bool(self.plays or self.turns or self.notes or self.readings or self.practice or self.finished
                    or self.conflicts)


def export(journal: Journal, out: Path, workshop: str | None = None) -> int:
    """Write every playthrough (of one workshop) with its turns and notes to `out`; returns how many.
    Nothing is left behind when it cannot be written (a missing folder, a full disk)."""
    document = {"format": FORMAT, "version": FORMAT_VERSION, "exported": time.time(), "plays": dump(journal, workshop)}
    write_whole(out, json.dumps(document, ensure_ascii=False))
    return len(document["plays"])


def write_whole(out: Path, text: str, encoding: str = "utf-8", newline: str | None = None) -> None:
    """Write `text` to `out` so that a half-written file never looks like a whole one, nor stays behind."""
    part = Path(f"{out}.part")
    try:
        with open(part, "w", encoding=encoding, newline=newline) as handle:
            handle.write(text)
        part.replace(out)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def dump(journal: Journal, workshop: str | None = None) -> list[dict]:
    """Every playthrough as plain data, read in one snapshot while windows may go on writing."""
    db = journal.connection
    db.execute("BEGIN")
    try:
        return _dump(db, workshop)
    finally:
        db.execute("COMMIT")


def _dump(db: sqlite3.Connection, workshop: str | None) -> list[dict]:
    where, params = (f"AND {same_workshop()}", (workshop,)) if workshop else ("", ())
    plays = []
    rows = db.execute(f"SELECT id, {', '.join(PLAY_COLUMNS)} FROM plays WHERE uuid NOT IN "
                      f"(SELECT play_uuid FROM removed) {where} ORDER BY id", params).fetchall()
    for row in rows:
        play = dict(zip(PLAY_COLUMNS, row[1:], strict=True))
        play["turns"] = [dict(zip(TURN_COLUMNS, turn, strict=True)) for turn in db.execute(
            f"SELECT {', '.join(TURN_COLUMNS)} FROM turns WHERE play_id = ? ORDER BY number", (row[0],))]
        play["notes"] = [dict(zip(NOTE_COLUMNS, note, strict=True)) for note in db.execute(
            f"SELECT {', '.join(NOTE_COLUMNS)} FROM notes WHERE play_uuid = ? ORDER BY written", (play["uuid"],))]
        reading = db.execute(f"SELECT {', '.join(READING_COLUMNS)} FROM readings WHERE play_uuid = ?",
                             (play["uuid"],)).fetchone()
        play["reading"] = dict(zip(READING_COLUMNS, reading, strict=True)) if reading else None
        play["practice"] = [dict(zip(PRACTICE_COLUMNS, answer, strict=True)) for answer in db.execute(
            f"SELECT {', '.join(PRACTICE_COLUMNS)} FROM practice WHERE play_uuid = ? ORDER BY wall_time, uuid",
            (play["uuid"],))]
        plays.append(play)
    return plays


def read(path: Path | str) -> Arrived:
    """The playthroughs in an export, or in a results file copied from a laptop; checked, or `Refused`."""
    path = Path(path)
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        return _read_journal(path)
    document = parse(path.read_bytes(), str(path))
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise Refused(str(path), [FieldProblem("", "not a results export of this game")])
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise Refused(str(path), [FieldProblem("version", f"{version!r} is not a version number")])
    if version > FORMAT_VERSION:
        raise Refused(str(path), [FieldProblem("", "written by a newer version of the game; update this one")])
    return Arrived(check_plays(document.get("plays"), str(path)))


def _read_journal(path: Path) -> Arrived:
    """A copied results file, read from a snapshot of it (with its -wal when there is one), never written."""
    with Journal.snapshot(path) as journal:
        plays = dump(journal)
        writers = journal.connection.execute("SELECT count(*), max(vouched) FROM writers").fetchone()
    vouched = writers[1] if writers[0] and not Path(f"{path}-wal").exists() else None
    return Arrived(check_plays(plays, str(path)), vouched)


def merge_file(journal: Journal, path: Path | str) -> tuple[Merged, Arrived]:
    """Merge one export or results file, whole or not at all."""
    arrived = read(Path(path))
    return merge(journal, arrived.plays), arrived


def merge(journal: Journal, plays: list[dict]) -> Merged:
    """Add what `journal` does not have yet, in one transaction: all of a file or nothing."""
    added = Merged()
    with journal.transaction() as db:
        removed = {uuid for (uuid,) in db.execute("SELECT play_uuid FROM removed")}
        for play in plays:
            if play["uuid"] in removed:
                added.removed += 1
                continue
            _merge_play(db, play, added)
    return added


def _merge_play(db: sqlite3.Connection, play: dict, added: Merged) -> None:
    row = db.execute("SELECT id FROM plays WHERE uuid = ?", (play["uuid"],)).fetchone()
    if row is not None and _differs(db, row[0], play):
        kept_as = str(uuid.uuid5(CONFLICT, play["uuid"] + json.dumps(play, sort_keys=True)))
        added.conflicts.append((play["uuid"], kept_as))
        notes = [{**note, "uuid": str(uuid.uuid5(CONFLICT, note["uuid"] + kept_as)), "play_uuid": kept_as}
                 for note in play.get("notes", [])]
        practice = [{**answer, "uuid": str(uuid.uuid5(CONFLICT, answer["uuid"] + kept_as)), "play_uuid": kept_as}
                    for answer in play.get("practice", [])]
        reading = {**play["reading"], "play_uuid": kept_as} if play.get("reading") else None
        play = {**play, "uuid": kept_as, "notes": notes, "practice": practice, "reading": reading}
        row = db.execute("SELECT id FROM plays WHERE uuid = ?", (kept_as,)).fetchone()
    if row is None:
        marks = ", ".join("?" * len(PLAY_COLUMNS))
        cursor = db.execute(f"INSERT INTO plays ({', '.join(PLAY_COLUMNS)}) VALUES ({marks})",
                            [play[name] for name in PLAY_COLUMNS])
        play_id = cursor.lastrowid
        added.plays += 1
    else:
        play_id = row[0]
        unfinished = db.execute("SELECT finished IS NULL FROM plays WHERE id = ?", (play_id,)).fetchone()[0]
        if unfinished and play["finished"] is not None:  # exported mid-game here, finished there
            db.execute(f"UPDATE plays SET {', '.join(f'{name} = ?' for name in FINISH_COLUMNS)} WHERE id = ?",
                       [play[name] for name in FINISH_COLUMNS] + [play_id])
            added.finished += 1
    added.turns += _insert_many(db, "turns", TURN_COLUMNS, play["turns"], play_id=play_id)
    added.notes += _insert_many(db, "notes", NOTE_COLUMNS, play.get("notes", []))
    added.readings += _insert_many(db, "readings", READING_COLUMNS, [play["reading"]] if play.get("reading") else [])
    added.practice += _insert_many(db, "practice", PRACTICE_COLUMNS, play.get("practice", []))


def _differs(db: sqlite3.Connection, play_id: int, play: dict) -> bool:
    """Whether `play` is another game than the one kept under its id: a play exported halfway and
    later whole is the same game (more turns, an ending); a different trainee, seed or turn is not."""
    names = (*IDENTITY, *FINISH_COLUMNS)
    kept = dict(zip(names, db.execute(f"SELECT {', '.join(names)} FROM plays WHERE id = ?", (play_id,)).fetchone(),
                    strict=True))
    if any(kept[name] != play[name] for name in IDENTITY):
        return True
    if kept["finished"] is not None and play["finished"] is not None and \
            any(kept[name] != play[name] for name in FINISH_COLUMNS):
        return True
    turns = {row[0]: dict(zip(TURN_COLUMNS, row, strict=True)) for row in db.execute(
        f"SELECT {', '.join(TURN_COLUMNS)} FROM turns WHERE play_id = ?", (play_id,))}
    return any(turn["number"] in turns and turns[turn["number"]] != turn for turn in play["turns"])


def _insert_many(db: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list[dict],
                 **fixed: object) -> int:
    names = [*fixed, *columns]
    before = db.total_changes
    db.executemany(f"INSERT OR IGNORE INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                   [[*fixed.values(), *(row[name] for name in columns)] for row in rows])
    return db.total_changes - before

"""The journal: every playthrough of a workshop, kept turn by turn in one SQLite file.

A turn is committed the moment it is made, so a crash, a closed lid or a pulled
plug loses at most the decision in progress. The file is in WAL mode with a busy
timeout, so two game windows can write to it at once. A file that is damaged or
not ours is never written to: `JournalError` says why, and `beside()` names a
fresh file next to it.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath

from game.model.moment import Moment
from game.model.playthrough import Action, Playthrough
from game.model.turn import CLOSING, CONTACT, Turn
from game.userdata import user_data_dir
from game.workshop import schema

FILE_NAME = "results.sqlite"
BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"

PLAY_COLUMNS = ("uuid", "trainee", "workshop", "scenario_path", "scenario_key", "scenario_title",
                "scenario_version", "language", "seed", "motive", "started", "finished", "outcome",
                "stage", "score", "parts")
FINISH_COLUMNS = ("finished", "outcome", "stage", "score", "parts")
TURN_COLUMNS = ("number", "wall_time", "kind", "outcome", "day", "minute", "channel", "call_id", "point_id",
                "choice", "say", "aim", "reply", "verdict", "points", "reasons", "stage_before", "stage_after")
NOTE_COLUMNS = ("uuid", "play_uuid", "note", "override", "written")
_REPLACE_TURN = (f"INSERT OR REPLACE INTO turns (play_id, {', '.join(TURN_COLUMNS)}) "
                 f"VALUES (:play_id, {', '.join(':' + name for name in TURN_COLUMNS)})")


class JournalError(Exception):
    """The results file cannot be used. `key` and `params` give the text to show (report.yaml)."""

    key = "report.journal.unreadable"

    def __init__(self, path: Path, detail: str = ""):
        self.path = Path(path)
        self.detail = detail
        self.params = {"path": str(path), "fresh": str(beside(path))}
        super().__init__(f"{path}: {self.reason}" + (f" ({detail})" if detail else ""))

    @property
    def reason(self) -> str:
        return "the results file cannot be opened"


class DamagedJournal(JournalError):
    key = "report.journal.damaged"

    @property
    def reason(self) -> str:
        return "the results file is damaged; it was left as it is"


class ForeignJournal(JournalError):
    key = "report.journal.foreign"

    @property
    def reason(self) -> str:
        return "this is a database of another program, not a results file; it was left as it is"


class NewerJournal(JournalError):
    key = "report.journal.newer"

    @property
    def reason(self) -> str:
        return "the results file was written by a newer version of the game; it was left as it is"


@dataclass(frozen=True)
class Result:
    """One finished playthrough as the trainee sees it; `override` is the trainer's, beside the score."""

    score: int
    outcome: str
    when: float
    scenario_path: str = ""
    override: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Unfinished:
    """A game left halfway (a crash, a closed lid): enough to play it on from where it stopped."""

    play_id: int
    scenario_path: str
    scenario_version: str
    seed: int
    motive: str
    actions: tuple[Action, ...]
    started: float


@dataclass(frozen=True)
class TurnRecord:
    number: int
    kind: str
    call_id: str
    point_id: str
    choice: int
    say: str
    aim: str
    verdict: str
    points: float


@dataclass(frozen=True)
class PlayRecord:
    """A playthrough as the report reads it, with its turns in order."""

    id: int
    uuid: str
    trainee: str
    workshop: str
    scenario_key: str
    scenario_title: str
    scenario_version: str
    language: str
    seed: int | None
    motive: str
    started: float
    finished: float | None
    outcome: str | None
    score: int | None
    override: int | None
    note: str
    turns: tuple[TurnRecord, ...]

    @property
    def is_finished(self) -> bool:
        return self.finished is not None


def default_path() -> Path:
    return user_data_dir() / FILE_NAME


def beside(path: Path | str) -> Path:
    """The first free name next to `path`: results.sqlite -> results-2.sqlite, results-3.sqlite, ..."""
    path = Path(path)
    number = 2
    while True:
        fresh = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not fresh.exists():
            return fresh
        number += 1


def scenario_key(path: str) -> str:
    """A scenario's name across laptops: its file name, wherever the folder is."""
    return PurePath(path.replace("\\", "/")).name


def inspect(path: Path) -> None:
    """Raise a `JournalError` unless `path` is missing, empty, or one of our results files; read-only."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise JournalError(path, error.strerror or str(error)) from error
    if head != SQLITE_HEADER:
        raise DamagedJournal(path, "not an SQLite file")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.OperationalError as error:
        if "malformed" in str(error) or "not a database" in str(error):
            raise DamagedJournal(path, str(error)) from error
        raise JournalError(path, str(error)) from error
    except sqlite3.DatabaseError as error:
        raise DamagedJournal(path, str(error)) from error
    if check != "ok":
        raise DamagedJournal(path, check)
    if application_id != schema.APPLICATION_ID and (application_id or tables):
        raise ForeignJournal(path)
    if version > schema.LATEST:
        raise NewerJournal(path, f"version {version}, this game knows up to {schema.LATEST}")


def _write_ahead(connection: sqlite3.Connection) -> None:
    """Switch a new file to WAL. Two windows creating it at once may both try: the switch does not
    wait for a busy file the way other statements do, so it is tried again for a while."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class Journal:
    """Open with `Journal.open(path)`; every method commits before it returns."""

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self.connection = connection
        self.path = path
        self.failure: sqlite3.Error | None = None  # the last write that failed, until one succeeds

    @classmethod
    def open(cls, path: Path | str | None = None) -> Journal:
        path = Path(path) if path else default_path()
        inspect(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                         check_same_thread=False)
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _write_ahead(connection)
            # FULL: a commit that returned survives a power cut, not only a crash.
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA fullfsync = ON")  # macOS: past the disk's own cache too
            connection.execute("PRAGMA foreign_keys = ON")
            schema.migrate(connection)
        except sqlite3.DatabaseError as error:
            raise JournalError(path, str(error)) from error
        return cls(connection, path)

    @classmethod
    def open_beside(cls, path: Path | str | None = None) -> Journal:
        """A fresh results file next to one that cannot be used."""
        return cls.open(beside(Path(path) if path else default_path()))

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing; IMMEDIATE takes the write lock first, so two windows never deadlock.
        Inside another transaction it joins that one."""
        if self.connection.in_transaction:
            yield self.connection
            return
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    # --- recording a game ---------------------------------------------------------------

    def begin(self, play: Playthrough, trainee: str, workshop: str, seed: int | None = None) -> int:
        """Start keeping `play`: from now on each turn is committed as it is made. Returns the play id.

        Pass the seed: with it and the turns, a trainer can replay the game exactly.
        """
        scenario = play.scenario
        row = {
            "uuid": str(uuid.uuid4()), "trainee": trainee.strip(), "workshop": workshop.strip(),
            "scenario_path": scenario.path, "scenario_key": scenario_key(scenario.path),
            "scenario_title": scenario.title, "scenario_version": scenario.version, "language": scenario.language,
            "seed": seed, "motive": play.motive, "started": play.clock(),
        }
        play_id = self._insert("plays", row)
        self._keep(play_id, play, committed=0)
        return play_id

    def _keep(self, play_id: int, play: Playthrough, committed: int) -> None:
        """Commit the turns made so far, then every turn as it is made.

        A turn that cannot be written (a full disk, a file held too long) is written with the next
        one; meanwhile `failure` holds the error for the window to show. After a reload (F5) the game
        may go on from an earlier turn: the turn made last is the truth, and the turns after it
        belonged to the game before the reload.
        """
        kept = [committed]

        def write(current: Playthrough, turn: Turn | None) -> None:
            start = min(kept[0], turn.number - 1) if turn else kept[0]
            try:
                with self.transaction() as db:
                    db.execute("DELETE FROM turns WHERE play_id = ? AND number > ?", (play_id, start))
                    for made in current.turns[start:]:
                        self._insert("turns", turn_row(play_id, made))
            except sqlite3.Error as error:
                self.failure = error
                return
            self.failure = None
            kept[0] = len(current.turns)

        write(play, None)
        play.listeners.append(write)

    def unfinished(self, trainee: str) -> list[Unfinished]:
        """This trainee's games that were left halfway and can be played on, latest first."""
        rows = self.connection.execute(
            """SELECT id, scenario_path, scenario_version, seed, motive, started FROM plays
               WHERE trainee = ? AND finished IS NULL AND seed IS NOT NULL ORDER BY started DESC, id DESC""",
            (trainee.strip(),)).fetchall()
        return [Unfinished(play_id, path, version, seed, motive, self._actions(play_id), started)
                for play_id, path, version, seed, motive, started in rows]

    def _actions(self, play_id: int) -> tuple[Action, ...]:
        """Each turn came from one action: a contact at a moment, or a phrasing chosen (a closing turn from none)."""
        rows = self.connection.execute(
            "SELECT kind, day, minute, channel, choice FROM turns WHERE play_id = ? AND kind != ? ORDER BY number",
            (play_id, CLOSING))
        return tuple(Action(moment=Moment(day, minute), channel=channel) if kind == CONTACT else Action(choice=choice)
                     for kind, day, minute, channel, choice in rows)

    def resume(self, play_id: int, play: Playthrough) -> None:
        """Go on keeping a game replayed from `unfinished()`: `Playthrough.replay(scenario, seed, actions, motive)`."""
        self._keep(play_id, play, committed=len(self._actions(play_id)))

    def finish(self, play_id: int, play: Playthrough) -> None:
        """The outcome and the score with its parts, once the game is over; with any turn not written yet."""
        score = play.score
        with self.transaction() as db:
            db.execute("DELETE FROM turns WHERE play_id = ? AND number > ?", (play_id, len(play.turns)))
            db.executemany(_REPLACE_TURN, [turn_row(play_id, turn) for turn in play.turns])
            db.execute("UPDATE plays SET finished = ?, outcome = ?, stage = ?, score = ?, parts = ? WHERE id = ?",
                       (play.clock(), play.ending, play.deal.stage, score.total, json.dumps(score.parts), play_id))
        self.failure = None

    def annotate(self, play_id: int, note: str, override: int | None = None) -> None:
        """The trainer's note and own score, kept beside the computed one; the latest note counts."""
        play_uuid = self._uuid_of(play_id)
        self._insert("notes", {"uuid": str(uuid.uuid4()), "play_uuid": play_uuid, "note": note,
                               "override": override, "written": time.time()})

    def find(self, uuid_prefix: str) -> int | None:
        """The play id whose uuid starts with `uuid_prefix`, when exactly one does."""
        rows = self.connection.execute("SELECT id FROM plays WHERE uuid LIKE ? LIMIT 2",
                                       (uuid_prefix.replace("%", "") + "%",)).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def _uuid_of(self, play_id: int) -> str:
        row = self.connection.execute("SELECT uuid FROM plays WHERE id = ?", (play_id,)).fetchone()
        if row is None:
            raise KeyError(f"no playthrough {play_id}")
        return row[0]

    def _insert(self, table: str, row: dict, conflict: str = "") -> int:
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self.connection.execute(f"INSERT {conflict} INTO {table} ({names}) VALUES ({marks})",
                                         tuple(row.values()))
        return cursor.lastrowid

    # --- reading ------------------------------------------------------------------------

    def last_results(self, trainee: str) -> dict[str, Result]:
        """The latest finished result per scenario, keyed by the scenario's path as it was played."""
        results: dict[str, Result] = {}
        keys: dict[str, str] = {}
        for result, key in self._results("trainee = ?", (trainee.strip(),)):
            if key in keys:
                del results[keys[key]]
            keys[key] = result.scenario_path
            results[result.scenario_path] = result
        return results

    def history(self, trainee: str, scenario_path: str) -> list[Result]:
        """Every finished result of this trainee on this scenario, oldest first."""
        found = self._results("trainee = ? AND scenario_key = ?", (trainee.strip(), scenario_key(scenario_path)))
        return [result for result, _ in found]

    def _results(self, where: str, params: tuple) -> list[tuple[Result, str]]:
        rows = self.connection.execute(
            f"""SELECT p.score, p.outcome, p.finished, p.scenario_path, p.scenario_key, n.override, n.note
                FROM plays p LEFT JOIN ({_LATEST_NOTES}) n ON n.play_uuid = p.uuid
                WHERE p.finished IS NOT NULL AND {where} ORDER BY p.finished, p.id""", params).fetchall()
        return [(Result(score, outcome, when, path, override, note or ""), key)
                for score, outcome, when, path, key, override, note in rows]

    def records(self, workshop: str | None = None) -> list[PlayRecord]:
        """Every playthrough (of one workshop, when given) with its turns, oldest first."""
        where, params = ("WHERE p.workshop = ?", (workshop,)) if workshop else ("", ())
        plays = self.connection.execute(
            f"""SELECT p.id, p.uuid, p.trainee, p.workshop, p.scenario_key, p.scenario_title, p.scenario_version,
                       p.language, p.seed, p.motive, p.started, p.finished, p.outcome, p.score,
                       n.override, coalesce(n.note, '')
                FROM plays p LEFT JOIN ({_LATEST_NOTES}) n ON n.play_uuid = p.uuid {where}
                ORDER BY p.started, p.id""", params).fetchall()
        turns: dict[int, list[TurnRecord]] = {row[0]: [] for row in plays}
        turn_rows = self.connection.execute(
            f"""SELECT t.play_id, t.number, t.kind, t.call_id, t.point_id, t.choice, t.say, t.aim, t.verdict, t.points
                FROM turns t JOIN plays p ON p.id = t.play_id {where} ORDER BY t.play_id, t.number""", params)
        for play_id, *fields in turn_rows:
            turns[play_id].append(TurnRecord(*fields))
        return [PlayRecord(*row, turns=tuple(turns[row[0]])) for row in plays]

    def turn_numbers(self, play_uuid: str) -> set[int]:
        rows = self.connection.execute(
            "SELECT t.number FROM turns t JOIN plays p ON p.id = t.play_id WHERE p.uuid = ?", (play_uuid,))
        return {number for (number,) in rows}


_LATEST_NOTES = """SELECT play_uuid, override, note FROM notes AS outer_note
                   WHERE written = (SELECT max(written) FROM notes WHERE play_uuid = outer_note.play_uuid)"""


def turn_row(play_id: int, turn: Turn) -> dict:
    return {
        "play_id": play_id, "number": turn.number, "wall_time": turn.wall_time, "kind": turn.kind,
        "outcome": turn.outcome, "day": turn.moment.day, "minute": turn.moment.minute, "channel": turn.channel,
        "call_id": turn.call_id, "point_id": turn.point_id, "choice": turn.choice, "say": turn.say,
        "aim": turn.aim, "reply": turn.reply, "verdict": turn.verdict, "points": turn.points,
        "reasons": json.dumps(list(turn.judgement.reasons)), "stage_before": turn.change.stage_before,
        "stage_after": turn.change.stage_after,
    }

"""The journal: every playthrough of a workshop, kept turn by turn in one SQLite file.

A turn is committed the moment it is made, so a crash, a closed lid or a pulled
plug loses at most the decision in progress. The file is in WAL mode with a busy
timeout, so two game windows can write to it at once. A file that is damaged or
not ours is never written to: `JournalError` says why, and `beside()` names a
fresh file next to it.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path

from game.model.moment import Moment
from game.model.playthrough import Action, Playthrough
from game.model.reading import Reading
from game.model.turn import Turn, TurnKind
from game.practice import Said
from game.userdata import user_data_dir
from game.workshop import schema
from game.workshop.entries import (
    Begun,
    Entry,
    Practised,
    Read,
    SetAside,
    Turned,
    begun,
    ended,
    scenario_key,
    turned,
)

FILE_NAME = "results.sqlite"
BUSY_TIMEOUT_MS = 10_000
READ_WAIT_MS = 250
SQLITE_HEADER = b"SQLite format 3\x00"

PLAY_COLUMNS = ("uuid", "trainee", "workshop", "scenario_path", "scenario_key", "scenario_title",
                "scenario_version", "language", "seed", "motive", "started", "finished", "outcome",
                "stage", "score", "parts")
FINISH_COLUMNS = ("finished", "outcome", "stage", "score", "parts")
TURN_COLUMNS = ("number", "wall_time", "kind", "outcome", "day", "minute", "channel", "call_id", "point_id",
                "choice", "say", "aim", "reply", "verdict", "points", "reasons", "stage_before", "stage_after")
NOTE_COLUMNS = ("uuid", "play_uuid", "note", "override", "written")
READING_COLUMNS = ("play_uuid", "motive", "confidence", "after_turn", "wall_time")
PRACTICE_COLUMNS = ("uuid", "trainee", "scenario_key", "call_id", "point_id", "play_uuid", "number", "choice", "say",
                    "verdict", "points", "good", "wall_time")
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
class PlayResult:
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
    play_uuid: str = ""
    scenario_title: str = ""
    reading: Reading | None = None  # made before the game was left: not asked again


@dataclass(frozen=True)
class PracticeAnswer:
    """An answer given in practice (table `practice`)."""

    uuid: str
    trainee: str
    scenario_key: str
    call_id: str
    point_id: str
    play_uuid: str
    number: int
    choice: int
    say: str
    verdict: str
    points: int
    good: bool
    wall_time: float


@dataclass(frozen=True)
class ReadingRecord:
    """A reading of the buyer beside the motive it was: what the history's calibration line is made of."""

    scenario_key: str
    guessed: str
    confidence: str
    actual: str


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
    day: int = 0       # when (a contact's moment: with the channel, what rebuilds the game)
    minute: int = 0
    channel: str = ""


TURN_RECORD = tuple(field.name for field in fields(TurnRecord))  # the turns' columns the report reads


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
    scenario_path: str = ""  # where the scenario file was played (on the laptop that played it)
    guessed: str = ""  # the trainee's reading of the buyer's motive, if made
    confidence: str = ""

    @property
    def is_finished(self) -> bool:
        return self.finished is not None

    @property
    def actions(self) -> tuple[Action, ...]:
        """What the trainee did, turn by turn: with the seed, what replays the game."""
        return tuple(action for turn in self.turns
                     if (action := action_of(turn.kind, turn.day, turn.minute, turn.channel, turn.choice)))


def action_of(kind: str, day: int, minute: int, channel: str, choice: int) -> Action | None:
    """The action a recorded turn came from: a contact at a moment, or a phrasing chosen; a closing turn came from
    none. A channel is checked by the replay, which stops at the first action that does not fit."""
    if kind == TurnKind.CLOSING:
        return None
    return Action(moment=Moment(day, minute), channel=channel) if kind == TurnKind.CONTACT else Action(choice=choice)


def default_path() -> Path:
    return user_data_dir() / FILE_NAME


def in_use(path: Path | str | None = None) -> Path:
    """The results file to use: results.sqlite, or, once a damaged one had a new file started beside it,
    the latest of results-2.sqlite, results-3.sqlite, ... So the game, `report` and `export` all find
    the file the game went on in, and no launch starts yet another one."""
    path = Path(path) if path else default_path()
    latest, number = path, 2
    while (following := path.with_name(f"{path.stem}-{number}{path.suffix}")).exists():
        latest, number = following, number + 1
    return latest


def beside(path: Path | str) -> Path:
    """The first free name next to `path`: results.sqlite -> results-2.sqlite, results-3.sqlite, ..."""
    path = Path(path)
    number = 2
    while True:
        fresh = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not fresh.exists():
            return fresh
        number += 1


def copy_with_wal(path: Path, folder: Path) -> Path:
    """Copy a results file into `folder` with its -wal file (the turns not yet in the main file), if any."""
    copy = folder / "results.sqlite"
    shutil.copyfile(path, copy)
    if Path(f"{path}-wal").is_file():
        shutil.copyfile(f"{path}-wal", f"{copy}-wal")
    return copy


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (when unsure: yes)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0 asks, and sends nothing
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _windows_process_alive(pid: int) -> bool:
    import ctypes  # os.kill(pid, 0) would end the process on Windows

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # access denied: it exists
    code = ctypes.c_ulong()
    try:
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    finally:
        kernel32.CloseHandle(handle)
    return code.value == 259  # STILL_ACTIVE


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
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                     isolation_level=None)
        try:
            # One read transaction: another window may be creating the file right now, and its tables and its id
            # arrive in one commit; read apart, the tables could be seen without the id, as a foreign database.
            connection.execute("BEGIN")
            application_id, version, tables = connection.execute(
                "SELECT (SELECT application_id FROM pragma_application_id), "
                "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)").fetchone()
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
            connection.execute("COMMIT")
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
        self._folder: Path | None = None  # where a snapshot lives

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
    def reading(cls, path: Path | str) -> Journal:
        """The file opened only to read, waiting briefly at most (the window reads on its drawing thread).
        Raises sqlite3.Error when it cannot be read now (missing, held, older layout)."""
        path = Path(path)
        if not path.is_file():
            raise sqlite3.OperationalError(f"{path}: no results file yet")
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=READ_WAIT_MS / 1000,
                                     isolation_level=None)
        return cls(connection, path)

    @classmethod
    def snapshot(cls, path: Path | str) -> Journal:
        """A copy of the file (and its -wal, when there is one) in a folder of its own, opened there: for a
        file in a folder that cannot be written (SQLite wants to make a -shm beside it) or a file copied
        from a laptop. The original is only read; the copy goes when the journal closes."""
        path = Path(path)
        folder = Path(tempfile.mkdtemp(prefix="vooruitgang-"))
        try:
            copy = copy_with_wal(path, folder)
            try:
                inspect(copy)
            except JournalError as error:
                raise type(error)(path, error.detail) from error
            journal = cls.open(copy)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        journal.path = path
        journal._folder = folder
        return journal

    @classmethod
    def open_beside(cls, path: Path | str | None = None) -> Journal:
        """A fresh results file next to one that cannot be used."""
        return cls.open(beside(Path(path) if path else default_path()))

    def close(self) -> None:
        self.connection.close()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)

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
            if self.connection.in_transaction:  # a full disk may have rolled it back already
                self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    # --- recording a game ---------------------------------------------------------------

    def write(self, entries: Sequence[Entry]) -> None:
        """Write what happened, in order, in one transaction: all of it or nothing. Writing an entry
        twice changes nothing, so after a failure the same entries can simply be written again."""
        with self.transaction() as db:
            for entry in entries:
                if isinstance(entry, Begun):
                    self._insert("plays", entry.play, conflict="OR IGNORE")
                    continue
                if isinstance(entry, SetAside):
                    db.execute("INSERT OR IGNORE INTO set_aside (play_uuid, set_aside) VALUES (?, ?)",
                               (entry.play_uuid, time.time()))
                    continue
                if isinstance(entry, Read):
                    self._insert("readings", entry.reading, conflict="OR IGNORE")
                    continue
                if isinstance(entry, Practised):
                    self._insert("practice", entry.answer, conflict="OR IGNORE")
                    continue
                play_id = self._id_of(entry.play_uuid)
                if isinstance(entry, Turned):
                    db.execute("DELETE FROM turns WHERE play_id = ? AND number >= ?", (play_id, entry.turn["number"]))
                    db.execute(_REPLACE_TURN, {"play_id": play_id, **entry.turn})
                else:
                    db.execute("DELETE FROM turns WHERE play_id = ? AND number > ?", (play_id, len(entry.turns)))
                    db.executemany(_REPLACE_TURN, [{"play_id": play_id, **turn} for turn in entry.turns])
                    db.execute(f"UPDATE plays SET {', '.join(f'{name} = :{name}' for name in FINISH_COLUMNS)} "
                               "WHERE id = :id", {**entry.ending, "id": play_id})

    def begin(self, play: Playthrough, trainee: str, workshop: str, seed: int | None = None) -> int:
        """Start keeping `play`: from now on each turn is committed as it is made. Returns the play id.

        Pass the seed: with it and the turns, a trainer can replay the game exactly. (The window and
        `simulate --record` write through a `Writer`, off their own thread; this is the direct way.)
        """
        entry = begun(play, trainee, workshop, seed)
        self.write([entry])
        play_id = self._id_of(entry.play_uuid)
        self._keep(entry.play_uuid, play, committed=0)
        return play_id

    def _keep(self, play_uuid: str, play: Playthrough, committed: int) -> None:
        """Commit the turns made so far, then every turn as it is made.

        A turn that cannot be written (a full disk, a file held too long) is written with the next
        one; meanwhile `failure` holds the error.
        """
        kept = [committed]

        def write(current: Playthrough, turn: Turn | None) -> None:
            start = min(kept[0], turn.number - 1) if turn else kept[0]
            try:
                self.write([turned(play_uuid, made, current.scenario.language) for made in current.turns[start:]])
            except sqlite3.Error as error:
                self.failure = error
                return
            self.failure = None
            kept[0] = len(current.turns)

        write(play, None)
        play.listeners.append(write)

    # --- the file's own state -----------------------------------------------------------

    def enlist(self) -> str:
        """Say in the main file that this process writes to it (see schema step 'writers'); returns a token.

        A writer that stopped without closing (a crash) left its row: once its turns are safely in
        the main file, the row of a process no longer running on this computer is cleared.
        """
        token = str(uuid.uuid4())
        now = time.time()
        if self.checkpoint():
            host = socket.gethostname()
            with self.transaction() as db:
                for old, pid in db.execute("SELECT token, pid FROM writers WHERE host = ?", (host,)).fetchall():
                    if not process_alive(pid):
                        db.execute("DELETE FROM writers WHERE token = ?", (old,))
        self._insert("writers", {"token": token, "host": socket.gethostname(), "pid": os.getpid(), "opened": now,
                                 "vouched": now})
        self.checkpoint()
        return token

    def vouch(self, token: str) -> None:
        """Everything written until now goes into the main file, which says so (a game ended)."""
        self.connection.execute("UPDATE writers SET vouched = ? WHERE token = ?", (time.time(), token))
        self.checkpoint()

    def discharge(self, token: str) -> None:
        """This writer is done: the main file holds everything, and says no writer of ours is open."""
        self.connection.execute("DELETE FROM writers WHERE token = ?", (token,))
        self.checkpoint()

    def file_id(self) -> str:
        """This results file's own id (schema step 'file_id'): a live host names its file by it."""
        return self.connection.execute("SELECT id FROM file_id").fetchone()[0]

    def checkpoint(self) -> bool:
        """Move what the -wal file holds into the main file; whether all of it went (readers may hold some back)."""
        try:
            busy, logged, moved = self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error:
            return False
        return busy == 0 and logged in (moved, 0, -1)

    def unfinished(self, trainee: str) -> list[Unfinished]:
        """This trainee's games that were left halfway and can be played on, latest first."""
        rows = self.connection.execute(
            f"""SELECT id, scenario_path, scenario_version, seed, motive, started, uuid, scenario_title FROM plays
               WHERE trainee = ? AND finished IS NULL AND seed IS NOT NULL AND {_KEPT}
               AND uuid NOT IN (SELECT play_uuid FROM set_aside) ORDER BY started DESC, id DESC""",
            (trainee.strip(),)).fetchall()
        return [Unfinished(play_id, path, version, seed, motive, self._actions(play_id), started, play_uuid, title,
                           self.reading_of(play_uuid))
                for play_id, path, version, seed, motive, started, play_uuid, title in rows]

    def reading_of(self, play_uuid: str) -> Reading | None:
        """The trainee's reading of the buyer in this play, if made."""
        row = self.connection.execute("SELECT motive, confidence, after_turn, wall_time FROM readings "
                                      "WHERE play_uuid = ?", (play_uuid,)).fetchone()
        return Reading(*row) if row else None

    def actions_of(self, play_uuid: str) -> tuple[Action, ...]:
        """What the trainee did in this play, in order: replayed, they set the game again as it was."""
        return self._actions(self._id_of(play_uuid))

    def _actions(self, play_id: int) -> tuple[Action, ...]:
        """Each turn came from one action: a contact at a moment, or a phrasing chosen (a closing turn from none)."""
        rows = self.connection.execute(
            "SELECT kind, day, minute, channel, choice FROM turns WHERE play_id = ? AND kind != ? ORDER BY number",
            (play_id, TurnKind.CLOSING))
        return tuple(action_of(*row) for row in rows)

    def resume(self, play_id: int, play: Playthrough) -> None:
        """Go on keeping a game replayed from `unfinished()`: `Playthrough.replay(scenario, seed, actions, motive)`."""
        self._keep(self._uuid_of(play_id), play, committed=len(self._actions(play_id)))

    def finish(self, play_id: int, play: Playthrough) -> None:
        """The outcome and the score with its parts, once the game is over; with any turn not written yet."""
        self.write([ended(self._uuid_of(play_id), play)])
        self.failure = None

    def annotate(self, play_id: int, note: str, override: int | None = None) -> None:
        """The trainer's note and own score, kept beside the computed one; the latest note counts."""
        play_uuid = self._uuid_of(play_id)
        self._insert("notes", {"uuid": str(uuid.uuid4()), "play_uuid": play_uuid, "note": note,
                               "override": override, "written": time.time()})

    def remove(self, play_id: int) -> None:
        """A trainer removes a playthrough (a test run, a broken export): its turns and notes go, and a
        later merge of a file that still holds it leaves it out."""
        play_uuid = self._uuid_of(play_id)
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO removed (play_uuid, removed) VALUES (?, ?)", (play_uuid, time.time()))
            db.execute("DELETE FROM turns WHERE play_id = ?", (play_id,))
            db.execute("DELETE FROM notes WHERE play_uuid = ?", (play_uuid,))
            db.execute("DELETE FROM readings WHERE play_uuid = ?", (play_uuid,))
            db.execute("DELETE FROM practice WHERE play_uuid = ?", (play_uuid,))
            db.execute("DELETE FROM plays WHERE id = ?", (play_id,))

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

    def _id_of(self, play_uuid: str) -> int:
        row = self.connection.execute("SELECT id FROM plays WHERE uuid = ?", (play_uuid,)).fetchone()
        if row is None:
            raise KeyError(f"no playthrough {play_uuid}")
        return row[0]

    def _insert(self, table: str, row: dict, conflict: str = "") -> int:
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self.connection.execute(f"INSERT {conflict} INTO {table} ({names}) VALUES ({marks})",
                                         tuple(row.values()))
        return cursor.lastrowid

    # --- reading ------------------------------------------------------------------------

    def last_results(self, trainee: str) -> dict[str, PlayResult]:
        """The latest finished result per scenario, keyed by the scenario's path as it was played."""
        results: dict[str, PlayResult] = {}
        keys: dict[str, str] = {}
        for result, key in self._results("trainee = ?", (trainee.strip(),)):
            if key in keys:
                del results[keys[key]]
            keys[key] = result.scenario_path
            results[result.scenario_path] = result
        return results

    def history(self, trainee: str, scenario_path: str) -> list[PlayResult]:
        """Every finished result of this trainee on this scenario, oldest first."""
        found = self._results("trainee = ? AND scenario_key = ?", (trainee.strip(), scenario_key(scenario_path)))
        return [result for result, _ in found]

    def readings(self, trainee: str) -> list[ReadingRecord]:
        """Every reading of the buyer this trainee made, over all scenarios, with the motive it was; oldest first."""
        rows = self.connection.execute(
            f"""SELECT p.scenario_key, r.motive, r.confidence, p.motive FROM readings r
                JOIN plays p ON p.uuid = r.play_uuid WHERE p.trainee = ? AND p.{_KEPT}
                ORDER BY r.wall_time, p.id""", (trainee.strip(),)).fetchall()
        return [ReadingRecord(*row) for row in rows]

    def said(self, trainee: str) -> list[Said]:
        """Every phrasing this trainee said in a recorded play, oldest first: what practice is made of."""
        rows = self.connection.execute(
            f"""SELECT p.uuid, p.scenario_key, p.seed, p.motive, t.number, t.call_id, t.point_id,
                       t.choice, t.verdict, t.stage_before, t.wall_time
                FROM turns t JOIN plays p ON p.id = t.play_id
                WHERE p.trainee = ? AND t.kind = ? AND p.{_KEPT} ORDER BY t.wall_time, p.id, t.number""",
            (trainee.strip(), TurnKind.PHRASING)).fetchall()
        return [Said(*row) for row in rows]

    def practice(self, trainee: str | None = None, workshop: str | None = None) -> list[PracticeAnswer]:
        """The answers given in practice (by one trainee; at moments of one workshop's plays), oldest first."""
        where, params = [], []
        if trainee is not None:
            where.append("a.trainee = ?")
            params.append(trainee.strip())
        if workshop:
            where.append(f"a.play_uuid IN (SELECT uuid FROM plays WHERE {same_workshop()})")
            params.append(workshop)
        rows = self.connection.execute(
            f"SELECT {', '.join('a.' + name for name in PRACTICE_COLUMNS)} FROM practice a "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY a.wall_time, a.uuid", params).fetchall()
        return [PracticeAnswer(*row[:11], bool(row[11]), row[12]) for row in rows]

    def _results(self, where: str, params: tuple) -> list[tuple[PlayResult, str]]:
        rows = self.connection.execute(
            f"""SELECT p.score, p.outcome, p.finished, p.scenario_path, p.scenario_key, n.override, n.note
                FROM plays p LEFT JOIN ({_LATEST_NOTES}) n ON n.play_uuid = p.uuid
                WHERE p.finished IS NOT NULL AND p.{_KEPT} AND {where} ORDER BY p.finished, p.id""", params).fetchall()
        return [(PlayResult(score, outcome, when, path, override, note or ""), key)
                for score, outcome, when, path, key, override, note in rows]

    def workshops(self) -> list[tuple[str, int]]:
        """Each workshop code in the file (as most often typed) with its number of playthroughs, most first."""
        rows = self.connection.execute(
            f"""SELECT workshop, count(*) FROM plays WHERE {_KEPT} GROUP BY workshop""").fetchall()
        spellings: dict[str, Counter] = {}
        for code, count in rows:
            spellings.setdefault(code.strip().casefold(), Counter())[code.strip()] += count
        found = [(typed.most_common(1)[0][0], typed.total()) for typed in spellings.values()]
        return sorted(found, key=lambda item: (-item[1], item[0]))

    def records(self, workshop: str | None = None) -> list[PlayRecord]:
        """Every playthrough (of one workshop, when given) with its turns, oldest first."""
        where, params = ((f"WHERE p.{_KEPT} AND {same_workshop('p.workshop')}", (workshop,)) if workshop
                         else (f"WHERE p.{_KEPT}", ()))
        plays = self.connection.execute(
            f"""SELECT p.id, p.uuid, p.trainee, p.workshop, p.scenario_key, p.scenario_title, p.scenario_version,
                       p.language, p.seed, p.motive, p.started, p.finished, p.outcome, p.score,
                       n.override, coalesce(n.note, ''), p.scenario_path, coalesce(r.motive, ''),
                       coalesce(r.confidence, '')
                FROM plays p LEFT JOIN ({_LATEST_NOTES}) n ON n.play_uuid = p.uuid
                LEFT JOIN readings r ON r.play_uuid = p.uuid {where}
                ORDER BY p.started, p.id""", params).fetchall()
        turns: dict[int, list[TurnRecord]] = {row[0]: [] for row in plays}
        turn_rows = self.connection.execute(
            f"""SELECT t.play_id, {', '.join(f't.{name}' for name in TURN_RECORD)}
                FROM turns t JOIN plays p ON p.id = t.play_id {where} ORDER BY t.play_id, t.number""", params)
        for play_id, *values in turn_rows:
            turns[play_id].append(TurnRecord(*values))
        return [PlayRecord(*row[:-3], turns=tuple(turns[row[0]]), scenario_path=row[-3], guessed=row[-2],
                           confidence=row[-1]) for row in plays]


_KEPT = "uuid NOT IN (SELECT play_uuid FROM removed)"


def same_workshop(column: str = "workshop") -> str:
    """SQL: `column` is the workshop code given as the parameter, however it was typed on each laptop
    ('acme-3 ' on one, 'ACME-3' on another), as the live host takes codes too."""
    return f"lower(trim({column})) = lower(trim(?))"  # a play the trainer removed is gone everywhere
_LATEST_NOTES = """SELECT play_uuid, override, note FROM notes AS outer_note
                   WHERE written = (SELECT max(written) FROM notes WHERE play_uuid = outer_note.play_uuid)"""

"""The one thread that writes the host's journal: the room goes on answering while the disk works.

Posts that arrive while a write is under way are written together in the next transaction (one
commit, one wait for the disk, for all of them). A post is acknowledged only after its commit
returned, so whatever a game was told the host holds survives a kill -9 or a power cut.

A posted play is kept as the game's own results file keeps it: its row once, its ending once, and its
turns by the game's rule, the turn made last is the truth (`protocol.taken`). That differs from `merge`,
which keeps the first version of a turn and a different game under the same id beside it: a post is the
game's own latest word about its play, a merged file is one more copy of results from elsewhere.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from game.room.protocol import taken
from game.workshop.journal import FINISH_COLUMNS, PLAY_COLUMNS, READING_COLUMNS, TURN_COLUMNS, Journal
from game.workshop.transfer import dump

MOST_AT_ONCE = 200


class PlayIdTaken(Exception):
    """A play id the journal already holds for another trainee or workshop."""


class Removed(Exception):
    """A play the trainer removed from the results (`report --remove`): it is not taken again."""


@dataclass
class _Job:
    play: dict
    done: Future


class JournalWriter:
    def __init__(self, path: Path | str):
        self.journal = Journal.open(path)  # raises JournalError before any thread starts
        self.path = self.journal.path
        self.file_id = self.journal.file_id()
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="journal-writer", daemon=True)
        self.commits = 0

    def start(self) -> JournalWriter:
        self._thread.start()
        return self

    def held(self, workshop: str) -> list[dict]:
        """Everything the journal holds of `workshop`; before `start`, or the writer's own snapshot."""
        return dump(self.journal, workshop)

    def submit(self, play: dict) -> Future:
        done: Future = Future()
        self._jobs.put(_Job(play, done))
        return done

    def stop(self) -> None:
        self._jobs.put(None)
        self._thread.join(timeout=30)
        self.journal.close()

    def _run(self) -> None:
        while True:
            first = self._jobs.get()
            if first is None:
                return
            jobs = [first]
            while len(jobs) < MOST_AT_ONCE:
                try:
                    job = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    self._jobs.put(None)  # stop after this batch
                    break
                jobs.append(job)
            self._write(jobs)

    def _write(self, jobs: list[_Job]) -> None:
        try:
            with self.journal.transaction() as db:
                accepted, refused = self._sort(db, jobs)
                removed = {uuid for (uuid,) in db.execute("SELECT play_uuid FROM removed")}
                for job in accepted:
                    if job.play["uuid"] not in removed:
                        _take(db, job.play)
        except (sqlite3.Error, OSError) as error:
            for job in jobs:
                job.done.set_exception(error)
            return
        self.commits += 1
        for job in accepted:
            if job.play["uuid"] in removed:
                job.done.set_exception(Removed(job.play["uuid"]))
            else:
                job.done.set_result(True)
        for job in refused:
            job.done.set_exception(PlayIdTaken(job.play["uuid"]))

    @staticmethod
    def _sort(db: sqlite3.Connection, jobs: list[_Job]) -> tuple[list[_Job], list[_Job]]:
        """A play id keeps the trainee and workshop it was first posted with."""
        owners: dict[str, tuple[str, str]] = {}
        accepted, refused = [], []
        for job in jobs:
            play = job.play
            owner = owners.get(play["uuid"])
            if owner is None:
                row = db.execute("SELECT trainee, workshop FROM plays WHERE uuid = ?", (play["uuid"],)).fetchone()
                owner = owners[play["uuid"]] = tuple(row) if row else (play["trainee"], play["workshop"])
            (accepted if owner == (play["trainee"], play["workshop"]) else refused).append(job)
        return accepted, refused


_INSERT_PLAY = f"INSERT INTO plays ({', '.join(PLAY_COLUMNS)}) VALUES ({', '.join('?' * len(PLAY_COLUMNS))})"
_FINISH = f"UPDATE plays SET {', '.join(f'{name} = ?' for name in FINISH_COLUMNS)} WHERE id = ? AND finished IS NULL"
_KEEP_READING = (f"INSERT OR IGNORE INTO readings ({', '.join(READING_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(READING_COLUMNS))})")
_REPLACE_TURN = (f"INSERT OR REPLACE INTO turns (play_id, {', '.join(TURN_COLUMNS)}) "
                 f"VALUES (?, {', '.join('?' * len(TURN_COLUMNS))})")


def _take(db: sqlite3.Connection, play: dict) -> None:
    """Keep a posted play as the game holds it (see the module's doc)."""
    row = db.execute("SELECT id FROM plays WHERE uuid = ?", (play["uuid"],)).fetchone()
    if row is None:
        play_id = db.execute(_INSERT_PLAY, [play[name] for name in PLAY_COLUMNS]).lastrowid
    else:
        play_id = row[0]
        if play["finished"] is not None:
            db.execute(_FINISH, [*(play[name] for name in FINISH_COLUMNS), play_id])
    held = dict(db.execute("SELECT number, wall_time FROM turns WHERE play_id = ?", (play_id,)).fetchall())
    kept, replaced = taken(held, play["turns"])
    db.executemany("DELETE FROM turns WHERE play_id = ? AND number = ?", [(play_id, n) for n in replaced])
    db.executemany(_REPLACE_TURN, [(play_id, *(turn[name] for name in TURN_COLUMNS)) for turn in kept])
    if play.get("reading"):  # the trainee's reading of the buyer: the first one posted counts, as in the game's file
        db.execute(_KEEP_READING, [play["reading"][name] for name in READING_COLUMNS])

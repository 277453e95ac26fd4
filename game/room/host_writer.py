"""The one thread that writes the host's journal: the room goes on answering while the disk works.

Posts that arrive while a write is under way are written together in the next transaction (one
commit, one wait for the disk, for all of them). A post is acknowledged only after its commit
returned, so whatever a game was told the host holds survives a kill -9 or a power cut.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from game.workshop.journal import Journal
from game.workshop.transfer import dump, merge

MOST_AT_ONCE = 200


class PlayIdTaken(Exception):
    """A play id the journal already holds for another trainee or workshop."""


@dataclass
class _Job:
    play: dict
    done: Future


class JournalWriter:
    def __init__(self, path: Path | str):
        self.journal = Journal.open(path)  # raises JournalError before any thread starts
        self.path = self.journal.path
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
                merge(self.journal, [job.play for job in accepted])
        except (sqlite3.Error, OSError) as error:
            for job in jobs:
                job.done.set_exception(error)
            return
        self.commits += 1
        for job in accepted:
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

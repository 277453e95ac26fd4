"""The host forwards the room's results to the organisation's learning record store as they come in
(`host --lrs URL`), on a thread of its own: a post is answered as soon as it is committed, never after the LRS.

After each commit the host names the plays it took (`arrived`); the thread sends what those plays have given
so far and the store lacks, with issue 16's `forward` (statements marked sent only once the store said it holds
them, with fixed ids, so nothing is lost or stored twice). A store that is down or refuses is tried again with
backoff; the plays wait meanwhile, and a host started again begins by forwarding the whole workshop, which
sends only what the store does not have yet.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from game.room.client import Backoff
from game.workshop.journal import Journal
from game.xapi.delivery import Delivered, forward
from game.xapi.lrs import LRS, LRSError
from game.xapi.scenarios import ScenarioShelf
from game.xapi.trainees import Trainees


class Forwarder:
    def __init__(self, journal: Path, workshop: str, lrs: LRS, shelf: ScenarioShelf, trainees: Trainees,
                 say: Callable[[LRSError | None], None] = lambda problem: None, backoff: Backoff | None = None):
        self.path = journal
        self.workshop = workshop
        self.lrs = lrs
        self.shelf = shelf
        self.trainees = trainees
        self.say = say  # tells the trainer when the store stops taking statements (why), and when it takes them again
        self.backoff = backoff or Backoff(first=2.0, longest=60.0)
        self.stored = 0  # statements the store took from this host (`Delivered.stored`), for the closing line
        self.failing: LRSError | None = None
        self._pending: set[str] = set()
        self._everything = True  # at start: the whole workshop, in case a host before this one left some
        self._lock = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="lrs-forwarder", daemon=True)

    def start(self) -> Forwarder:
        self._thread.start()
        return self

    def arrived(self, plays: Iterable[str]) -> None:
        """These plays (uuids) have new turns or an ending in the journal: forward them soon."""
        with self._lock:
            self._pending.update(plays)
            self._lock.notify_all()

    def stop(self, timeout: float = 10.0) -> None:
        """Forward what waits (for up to `timeout` seconds), then stop."""
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        self._thread.join(timeout)

    @property
    def waiting(self) -> bool:
        with self._lock:
            return bool(self._pending) or self._everything

    def _run(self) -> None:
        with Journal.open(self.path) as journal:
            backing_off: float | None = None
            while True:
                with self._lock:
                    if backing_off is None:
                        self._lock.wait_for(lambda: self._stopping or self.waiting)
                    else:  # after a failure: new arrivals wait with the rest until the store may be back
                        self._lock.wait_for(lambda: self._stopping, backing_off)
                    if self._stopping and (not self.waiting or self.failing):
                        return
                    plays, everything = set(self._pending), self._everything
                    self._pending.clear()
                    self._everything = False
                backing_off = self._forward(journal, plays, everything)

    def _forward(self, journal: Journal, plays: set[str], everything: bool) -> float | None:
        """One delivery; None when done, else the seconds to wait before the next try (the plays wait again)."""
        try:
            if everything:
                plays = {uuid for (uuid,) in journal.connection.execute(
                    "SELECT uuid FROM plays WHERE workshop = ?", (self.workshop,))}
            done: Delivered = forward(journal, self.lrs, plays, self.shelf, self.trainees)
            problem = done.stopped
        except sqlite3.Error as error:  # the journal is busy: the plays wait
            done, problem = None, error
        if problem is None:
            self.stored += done.stored
            if self.failing is not None:
                self.failing = None
                self.say(None)
            self.backoff.succeeded()
            return None
        with self._lock:
            self._pending.update(plays)
            self._everything = self._everything or everything
        if isinstance(problem, LRSError) and self.failing is None:
            self.failing = problem
            self.say(problem)
        return self.backoff.failed()

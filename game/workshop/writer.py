"""The journal's writer: a thread of its own writes what happened, so the window never waits for the disk.

What cannot be written yet (another program holds the file, the disk is full) stays in memory,
in order, and is tried again: soon at first, then every few seconds, until it is written.
`waiting` says why, for the one calm line the window shows meanwhile. Entries are idempotent,
so an attempt that failed halfway is simply made again.

After a game ends its turns are moved from the -wal file into the main file (a checkpoint),
and again when the writer closes; the main file records who writes to it (see `Journal.enlist`),
so a copy of it alone can say whether it is whole.

For a live workshop host later: a sender thread would open its own connection (the file is in
WAL mode, so it reads while this thread writes), send the turns the host has not acknowledged
in order of play and number, and mark them sent. Plays and turns are known by uuid and number
everywhere, and writing twice changes nothing, so neither side needs to know about the other.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import threading
from collections.abc import Callable
from enum import StrEnum

from game.workshop.entries import Ended, Entry
from game.workshop.journal import Journal, JournalError

RETRY_SECONDS = (0.1, 0.25, 0.5, 1.0, 2.0)  # then every 2 s
BUSY_MS = 1000  # one attempt waits this long for a file another program holds, then says so
MOST_AT_ONCE = 500  # entries per transaction after a long wait


class Waiting(StrEnum):
    """Why entries wait in memory (ui.journal.waiting.<reason>)."""

    LOCKED = "locked"
    FULL = "full"
    UNWRITABLE = "unwritable"


def reason_of(error: BaseException) -> Waiting:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return Waiting.LOCKED
    if "full" in text or getattr(error, "errno", None) == errno.ENOSPC:
        return Waiting.FULL
    return Waiting.UNWRITABLE


class Writer:
    """Give it entries with `put`; it writes them in order. `close` waits for what is left (up to a timeout)."""

    def __init__(self, opener: Callable[[], Journal], on_change: Callable[[], None] = lambda: None):
        self._opener = opener
        self._on_change = on_change
        self._queue: list[Entry] = []
        self._changed = threading.Condition()
        self._closing = False
        self.waiting: Waiting | None = None
        self.written = 0  # entries written since the writer started
        self._thread = threading.Thread(target=self._run, name="journal-writer", daemon=True)
        self._thread.start()

    def put(self, entry: Entry) -> None:
        with self._changed:
            self._queue.append(entry)
            self._changed.notify_all()

    @property
    def pending(self) -> int:
        """Entries not written yet."""
        with self._changed:
            return len(self._queue)

    def unwritten(self) -> list[Entry]:
        with self._changed:
            return list(self._queue)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything given so far is written (or `timeout` seconds); whether it is."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._queue, timeout)

    def close(self, timeout: float | None = None) -> bool:
        """Write what is left (waiting up to `timeout` seconds), then let go of the file; whether all was written."""
        written = self.flush(timeout)
        with self._changed:
            self._closing = True
            self._changed.notify_all()
        self._thread.join()
        return written

    # --- the thread ---------------------------------------------------------------------

    def _run(self) -> None:
        journal: Journal | None = None
        token: str | None = None
        attempt = 0
        try:
            while True:
                with self._changed:
                    opened = token is not None  # open the file at once (so it exists), then wait for work
                    self._changed.wait_for(lambda: self._queue or self._closing or not opened)  # noqa: B023
                    if self._closing and (not self._queue or self.waiting):
                        return
                    batch = self._queue[:MOST_AT_ONCE]
                try:
                    if journal is None:
                        journal = self._opener()
                        journal.connection.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
                    if token is None:
                        token = journal.enlist()
                    if not batch:
                        continue
                    journal.write(batch)
                except (sqlite3.Error, OSError, JournalError) as error:
                    self._wait(reason_of(error), attempt)
                    attempt += 1
                    continue
                attempt = 0
                if any(isinstance(entry, Ended) for entry in batch):
                    with contextlib.suppress(sqlite3.Error, OSError):  # the turns are written; tidying may wait
                        journal.vouch(token)
                with self._changed:
                    del self._queue[:len(batch)]
                    self.written += len(batch)
                    self.waiting = None
                    self._changed.notify_all()
                self._on_change()
        finally:
            if journal is not None:
                with contextlib.suppress(sqlite3.Error, OSError):
                    if token is not None:
                        journal.discharge(token)
                journal.close()

    def _wait(self, reason: Waiting, attempt: int) -> None:
        with self._changed:
            changed = self.waiting != reason
            self.waiting = reason
            self._changed.notify_all()
        if changed:
            self._on_change()
        with self._changed:
            self._changed.wait_for(lambda: self._closing, RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)])

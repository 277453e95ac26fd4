"""The game's link to the live workshop room: it finds the host, sends what the results file holds, and says how
that goes, in one calm status the window shows.

The window owns one `Link` (game/app.py) and tells it the workshop code at sign-in (`join`) and when a turn
was written (`nudge`). Everything slow happens on the link's own thread: looking the host up on the LAN by its
code (zeroconf, `lan.find`), or checking the address typed in Settings, and posting through an `Outbox`, the
one way turns reach a host. The window never waits on any of it; it reads `status`, and `on_change` (called
from the link's thread) wakes it when the status changed.

A host that stops answering is tried again with backoff; after a few failures in a row the link looks the
code up again (a restarted host may have another address), while the turns wait in the results file.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from game.room.client import Backoff, NotTheHost, RoomClient
from game.room.outbox import Outbox
from game.room.protocol import address_of
from game.workshop.journal import Journal, JournalError

if TYPE_CHECKING:
    from game.room.lan import Found

LOOK_AGAIN_AFTER = 3  # failures in a row before a host found by its code is looked up again
CHECK_EVERY = 10.0  # seconds: while nothing waits, whether the host still answers
TIMEOUT = 5.0  # seconds a post may take before it counts as not answered
FIND_SECONDS = 3.0
RETRY_SECONDS = 2.0  # after the results file could not be read


class Connection(StrEnum):
    """How the game and the room are doing (ui.room.<connection>)."""

    OFF = "off"  # no workshop code (or no results file): nothing to send
    LOOKING = "looking"  # looking for the host: on the network by the code, or at the typed address
    CONNECTED = "connected"  # the host answers
    UNREACHABLE = "unreachable"  # the host was found but does not answer now (the Wi-Fi, a restart)
    WRONG_HOST = "wrong_host"  # the address in Settings answers, but is not this workshop's host


@dataclass(frozen=True)
class Status:
    connection: Connection = Connection.OFF
    code: str = ""
    waiting: int = 0  # turns (and endings) in the results file the host has not acknowledged


@dataclass(frozen=True)
class Wanted:
    code: str = ""
    address: str = ""  # as typed in Settings; empty: look the code up on the network


class Link:
    def __init__(self, journal_path: Callable[[], Path | None], on_change: Callable[[], None] = lambda: None,
                 find: Callable[[str, float], Found | None] | None = None,
                 client_id: str | None = None):
        self._journal_path = journal_path
        self.on_change = on_change
        self._find = find or _find_on_the_network
        self._client_id = client_id
        self._status = Status()
        self._wanted = Wanted()
        self._lock = threading.Condition()
        self._nudged = False
        self._nudges = 0  # nudges so far; `settled` once a round began after the last
        self._rounds_after = 0
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="room-link", daemon=True)
        self._thread.start()

    # --- from the window ---------------------------------------------------------------------

    @property
    def status(self) -> Status:
        return self._status

    def join(self, code: str, address: str = "") -> None:
        """Send this workshop's plays to its host: found by `code`, or at `address` (Settings) when typed."""
        with self._lock:
            self._wanted = Wanted(code.strip(), address.strip())
            self._lock.notify_all()

    def nudge(self) -> None:
        """A turn was written: send soon (from any thread)."""
        with self._lock:
            self._nudged = True
            self._nudges += 1
            self._lock.notify_all()

    @property
    def settled(self) -> bool:
        """Whether `status` tells of everything written before the last `nudge` (a round has run since)."""
        with self._lock:
            return self._rounds_after == self._nudges

    def close(self, timeout: float = 0.5) -> None:
        """Stop; a post under way is left to its thread, which ends with the program (the turns stay marked
        unsent in the results file and go at the next start)."""
        with self._lock:
            self._closing = True
            self._lock.notify_all()
        self._thread.join(timeout)

    # --- the link's thread -----------------------------------------------------------------------

    def _run(self) -> None:
        state = _State()
        try:
            while True:
                with self._lock:
                    self._lock.wait_for(lambda: self._closing or self._nudged or self._wanted != state.wanted,
                                        state.sleep)
                    if self._closing:
                        return
                    self._nudged = False
                    wanted = self._wanted
                    nudges = self._nudges
                try:
                    state.sleep = self._step(state, wanted)
                except (sqlite3.Error, OSError):  # the results file held or full for now: the turns wait there
                    state.sleep = RETRY_SECONDS
                with self._lock:
                    self._rounds_after = nudges
        finally:
            state.close()

    def _step(self, state: _State, wanted: Wanted) -> float | None:
        """One round: find the host when needed, send what waits; the seconds until the next round."""
        if wanted != state.wanted:
            state.forget_host()
            state.wanted = wanted
        address = address_of(wanted.address)
        code = wanted.code or (address.code if address else "")
        outbox = self._outbox(state, code)
        if outbox is None:
            self._show(Status(Connection.OFF, code))
            return None
        if outbox.client is None:
            url = address.url if address else self._found(code)
            if url is None:
                self._show(Status(Connection.LOOKING, outbox.host_code or code, _waiting(outbox)))
                return state.looking.failed()
            state.looking.succeeded()
            outbox.client = RoomClient(url, code, timeout=TIMEOUT, client_id=self._client_id)
            state.by_code = address is None
        if time.monotonic() - state.last_contact > CHECK_EVERY:
            outbox.host_file = None  # ask the host again whether it is there (and which results file it has)
        done = outbox.send()
        if outbox.problem is None:
            state.last_contact = time.monotonic()
            connection = Connection.CONNECTED
        else:
            connection = Connection.WRONG_HOST if isinstance(outbox.problem, NotTheHost) else Connection.UNREACHABLE
            if state.by_code and outbox.backoff.failures >= LOOK_AGAIN_AFTER:
                state.forget_host()  # a restarted host may listen elsewhere: look the code up again
        self._show(Status(connection, outbox.host_code or code, _waiting(outbox)))
        if done:
            return CHECK_EVERY
        return max(0.05, outbox.next_try - time.monotonic())

    def _outbox(self, state: _State, code: str) -> Outbox | None:
        """The outbox of `code` on this game's results file; None while there is nothing to send from."""
        path = self._journal_path()
        if not code or path is None:
            state.close()
            return None
        if state.outbox is None or state.path != path or state.outbox.workshop != code:
            state.close()
            try:
                journal = Journal.open(path)
            except (JournalError, sqlite3.Error, OSError):
                return None  # the window says so already; the turns cannot be read to send them
            state.path, state.outbox = path, Outbox(journal, None, workshop=code)
        return state.outbox

    def _found(self, code: str) -> str | None:
        try:
            found = self._find(code, FIND_SECONDS)
        except Exception:  # zeroconf on a network without multicast, an interface going away: not found this time
            return None
        return found.url if found else None

    def _show(self, status: Status) -> None:
        if status != self._status:
            self._status = status
            self.on_change()


class _State:
    """What the link's thread keeps between rounds."""

    def __init__(self) -> None:
        self.wanted = Wanted()
        self.sleep: float | None = None
        self.outbox: Outbox | None = None
        self.path: Path | None = None
        self.by_code = False
        self.looking = Backoff(first=2.0, longest=15.0)
        self.last_contact = 0.0

    def forget_host(self) -> None:
        if self.outbox is not None and self.outbox.client is not None:
            self.outbox.client.close()
            self.outbox.client = None
            self.outbox.host_file = None
        self.last_contact = 0.0

    def close(self) -> None:
        self.forget_host()
        if self.outbox is not None:
            with contextlib.suppress(sqlite3.Error):
                self.outbox.journal.close()
        self.outbox = None
        self.path = None


def _find_on_the_network(code: str, seconds: float) -> Found | None:
    from game.room.lan import find  # zeroconf loads when a game first looks for its host, not at start

    return find(code, seconds)


def _waiting(outbox: Outbox) -> int:
    try:
        return outbox.waiting()
    except sqlite3.Error:
        return 0

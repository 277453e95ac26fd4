"""The results file is the outbox: what a game (or a bot) committed there is sent to the workshop's host, and
what the host acknowledged is marked in the same file.

This is the one way turns reach a host: the game's sender thread (`game.room.link`) and `simulate --host`'s
bots both send through an `Outbox`. It sends the plays of the host's workshop in the order they were started,
one post per play with every turn the host has not acknowledged, and stops at the first that does not get
through: the next `send` starts there again. Nothing here sleeps; a failed post only sets when to try again.

The marks (table `room_sent`) are per results file of the host, whose id the host names in its answers: a
host started again on the same file holds what it acknowledged before, a host on another file holds nothing,
and gets everything. Each mark keeps a digest of the turns it covers as they were when acknowledged; when the
game has since written over one of them (a reload, F5, goes on from an earlier turn), the whole play is sent
again and the host keeps the turns made last (`protocol.taken`), as the game's own file does.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass

from game.room.client import Backoff, Busy, NotTheHost, Refused, RoomClient, Unreachable
from game.room.protocol import Ack
from game.workshop.journal import PLAY_COLUMNS, READING_COLUMNS, TURN_COLUMNS, Journal


def post_of(db: sqlite3.Connection, play_id: int, after: int) -> dict:
    """The post for one play: its fields, its reading of the buyer once made, and the turns after number `after`,
    as `export` writes them."""
    row = db.execute(f"SELECT {', '.join(PLAY_COLUMNS)} FROM plays WHERE id = ?", (play_id,)).fetchone()
    play = dict(zip(PLAY_COLUMNS, row, strict=True))
    reading = db.execute(f"SELECT {', '.join(READING_COLUMNS)} FROM readings WHERE play_uuid = ?",
                         (play["uuid"],)).fetchone()
    if reading:
        play["reading"] = dict(zip(READING_COLUMNS, reading, strict=True))
    play["turns"] = [dict(zip(TURN_COLUMNS, turn, strict=True)) for turn in db.execute(
        f"SELECT {', '.join(TURN_COLUMNS)} FROM turns WHERE play_id = ? AND number > ? ORDER BY number",
        (play_id, after))]
    return play


def digest(turns: list[dict]) -> str:
    """The turns as they are, in a few characters: a mark remembers what it acknowledged."""
    if not turns:
        return ""
    return hashlib.sha256(json.dumps(turns, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Mark:
    through: int = 0  # the host holds turns 1..through of the play
    finished: bool = False  # and its ending
    digest: str = ""  # of turns 1..through as they were when acknowledged


class Outbox:
    """Sends `journal`'s plays of `client.code` (of `trainee` only, when given) to the host behind `client`.

    Use it from one thread: the journal's connection is its own (SQLite in WAL mode lets the game's writer
    write meanwhile). `client` may be given later (once the host is found), or changed (another address).
    """

    def __init__(self, journal: Journal, client: RoomClient | None, trainee: str | None = None,
                 backoff: Backoff | None = None, clock: Callable[[], float] = time.monotonic,
                 workshop: str | None = None):
        self.journal = journal
        self.client = client
        self.workshop = workshop if workshop is not None else client.code
        self.trainee = trainee.strip() if trainee is not None else None
        self.backoff = backoff or Backoff()
        self.clock = clock
        self.host_file: str | None = None  # the host's results file, once it said which; asked after a failure
        self.host_code = ""  # the workshop code as the host spells it, once it answered
        self.refused: dict[str, str] = {}  # play uuid -> why the host will never take it as it is
        self.posts = 0
        self.failures = 0
        self.latencies: list[tuple[float, float]] = []  # (as seen, as the host timed it), per post
        self.problem: Exception | None = None  # what went wrong last; None after a post got through
        self._next_try = 0.0

    # --- what waits -----------------------------------------------------------------------

    def waiting(self) -> int:
        """Turns (and endings) committed here that the host has not acknowledged."""
        count = 0
        for play_id, uuid, finished in self._plays():
            if uuid in self.refused:
                continue
            mark = self._mark(uuid)
            count += self.journal.connection.execute(
                "SELECT count(*) FROM turns WHERE play_id = ? AND number > ?", (play_id, mark.through)).fetchone()[0]
            count += finished and not mark.finished
        return count

    def _plays(self) -> list[tuple[int, str, bool]]:
        """(id, uuid, finished) of the plays this outbox sends that may still wait, oldest first."""
        trainee = "AND p.trainee = :trainee" if self.trainee is not None else ""
        return [(play_id, uuid, bool(finished)) for play_id, uuid, finished in self.journal.connection.execute(
            f"""SELECT p.id, p.uuid, p.finished IS NOT NULL FROM plays p
                LEFT JOIN room_sent s ON s.host_file = :file AND s.play_uuid = p.uuid
                WHERE lower(p.workshop) = lower(:workshop) {trainee}
                AND p.uuid NOT IN (SELECT play_uuid FROM removed)
                AND NOT (coalesce(s.finished, 0) AND p.finished IS NOT NULL
                         AND s.through >= (SELECT count(*) FROM turns t WHERE t.play_id = p.id))
                ORDER BY p.started, p.id""",
            {"file": self._file(), "workshop": self.workshop.strip(), "trainee": self.trainee})]

    def _mark(self, uuid: str) -> Mark:
        row = self.journal.connection.execute(
            "SELECT through, finished, digest FROM room_sent WHERE host_file = ? AND play_uuid = ?",
            (self._file(), uuid)).fetchone()
        return Mark(row[0], bool(row[1]), row[2]) if row else Mark()

    def _file(self) -> str:
        """The host's results file the marks are read for: the one the host named, or before it answered,
        the one that acknowledged a play of this workshop last (most likely the same host again)."""
        if self.host_file is not None:
            return self.host_file
        row = self.journal.connection.execute(
            """SELECT s.host_file FROM room_sent s JOIN plays p ON p.uuid = s.play_uuid
               WHERE lower(p.workshop) = lower(?) ORDER BY s.acknowledged DESC LIMIT 1""",
            (self.workshop.strip(),)).fetchone()
        return row[0] if row else ""

    # --- sending ---------------------------------------------------------------------------

    def send(self) -> bool:
        """Send what waits, if it is time to try; True when nothing waits any more. Never sleeps."""
        if self.client is None or self.clock() < self._next_try:
            return False
        try:
            if self.host_file is None:
                hello = self.client.hello()
                self.host_file, self.host_code = hello.file, hello.code
            for play_id, uuid, _ in self._plays():
                if uuid not in self.refused:
                    self._send_play(play_id, uuid)
        except (Unreachable, Busy, NotTheHost) as problem:
            self._failed(problem)
            return False
        self.problem = None
        return True

    def _send_play(self, play_id: int, uuid: str) -> None:
        """Post what the host lacks of one play. Raises Unreachable or Busy when it did not get through."""
        mark = self._mark(uuid)
        whole = post_of(self.journal.connection, play_id, 0)
        turns = whole["turns"]
        start = mark.through if digest(turns[:mark.through]) == mark.digest else 0  # rewritten since: all again
        if start >= len(turns) and (mark.finished or whole["finished"] is None):
            return
        self.posts += 1
        try:
            ack = self.client.post({**whole, "turns": turns[start:]})
        except Refused as refused:
            self.refused[uuid] = str(refused)
            return
        self.backoff.succeeded()
        self.latencies.append((self.client.timing.seen, self.client.timing.host))
        self._remember(uuid, ack, turns)

    def _remember(self, uuid: str, ack: Ack, turns: list[dict]) -> None:
        if ack.file and ack.file != self.host_file:
            self.host_file = ack.file  # another host's file answered: its marks from now on
        with self.journal.transaction() as db:
            db.execute("INSERT OR REPLACE INTO room_sent (host_file, play_uuid, through, finished, digest, "
                       "acknowledged) VALUES (?, ?, ?, ?, ?, ?)",
                       (self._file(), uuid, ack.through, ack.finished, digest(turns[:ack.through]),
                        time.time()))

    def _failed(self, problem: Exception) -> None:
        self.failures += 1
        self.problem = problem
        if not isinstance(problem, Busy):
            self.host_file = None  # the host may come back on another results file, or another host: ask again
        wait = self.backoff.failed(problem.seconds if isinstance(problem, Busy) else 0.0)
        self._next_try = self.clock() + wait

    @property
    def next_try(self) -> float:
        """When `send` tries again after a failure (on `clock`)."""
        return self._next_try

    def drain(self, patience: float) -> bool:
        """Keep trying for up to `patience` seconds; True when everything arrived."""
        deadline = self.clock() + patience
        while True:
            if self.send() and not self.waiting():
                return True
            if self.clock() >= deadline:
                return False
            time.sleep(max(0.05, min(self._next_try - self.clock(), deadline - self.clock(), 1.0)))


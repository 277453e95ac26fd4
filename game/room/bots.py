"""Bot trainees in a live workshop (`simulate --host`): each plays as a game does and reports as a game will.

Every turn is committed to the bot's own journal first; that journal is the outbox. After each turn the
bot sends what the host has not acknowledged (`Outbox.send`), without ever waiting for the network to
play on: a failed send only sets when to try again. A cut connection, a host restart or a lost answer
loses nothing and, since the host keeps each turn once, duplicates nothing.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.playthrough import Phase, Playthrough
from game.model.scenario import Scenario
from game.room.client import Backoff, Busy, Refused, RoomClient, Unreachable
from game.workshop.journal import PLAY_COLUMNS, TURN_COLUMNS, Journal


def post_of(db: sqlite3.Connection, play_id: int, after: int) -> dict:
    """The post for one play: its fields and the turns after number `after`, as `export` writes them."""
    row = db.execute(f"SELECT {', '.join(PLAY_COLUMNS)} FROM plays WHERE id = ?", (play_id,)).fetchone()
    play = dict(zip(PLAY_COLUMNS, row, strict=True))
    play["turns"] = [dict(zip(TURN_COLUMNS, turn, strict=True)) for turn in db.execute(
        f"SELECT {', '.join(TURN_COLUMNS)} FROM turns WHERE play_id = ? AND number > ? ORDER BY number",
        (play_id, after))]
    return play


@dataclass
class Sent:
    through: int = 0  # the host holds turns 1..through
    finished: bool = False


@dataclass
class Outbox:
    """What of a journal's plays the host has acknowledged; the marks live here, the turns in the journal."""

    journal: Journal
    client: RoomClient
    backoff: Backoff = field(default_factory=Backoff)
    clock: Callable[[], float] = time.monotonic
    sent: dict[int, Sent] = field(default_factory=dict)
    refused: dict[int, str] = field(default_factory=dict)  # play id -> why the host will not take it
    posts: int = 0
    failures: int = 0
    latencies: list[tuple[float, float]] = field(default_factory=list)  # (as seen, as the host timed it)
    _next_try: float = 0.0

    def keep(self, play_id: int) -> None:
        self.sent.setdefault(play_id, Sent())

    def waiting(self) -> int:
        """Turns (and endings) committed here that the host has not acknowledged."""
        db = self.journal.connection
        count = 0
        for play_id, sent in self.sent.items():
            if play_id in self.refused:
                continue
            count += db.execute("SELECT count(*) FROM turns WHERE play_id = ? AND number > ?",
                                (play_id, sent.through)).fetchone()[0]
            finished = db.execute("SELECT finished IS NOT NULL FROM plays WHERE id = ?", (play_id,)).fetchone()[0]
            count += bool(finished) and not sent.finished
        return count

    def send(self) -> bool:
        """Send what waits, if it is time to try; True when nothing waits any more. Never sleeps."""
        if self.clock() < self._next_try:
            return False
        for play_id, sent in self.sent.items():
            if play_id in self.refused:
                continue
            post = post_of(self.journal.connection, play_id, sent.through)
            if not post["turns"] and (sent.finished or post["finished"] is None):
                continue
            if not self._post(play_id, post):
                return False
        return True

    def _post(self, play_id: int, post: dict) -> bool:
        self.posts += 1
        try:
            ack = self.client.post(post)
        except (Unreachable, Busy) as problem:
            self.failures += 1
            wait = self.backoff.failed(problem.seconds if isinstance(problem, Busy) else 0.0)
            self._next_try = self.clock() + wait
            return False
        except Refused as refused:
            self.refused[play_id] = str(refused)
            return True
        self.backoff.succeeded()
        self.latencies.append((self.client.timing.seen, self.client.timing.host))
        sent = self.sent[play_id]
        sent.through = max(sent.through, ack.through)
        sent.finished = sent.finished or ack.finished
        return True

    def drain(self, patience: float) -> bool:
        """Keep trying for up to `patience` seconds; True when everything arrived."""
        deadline = self.clock() + patience
        while True:
            if self.send() and not self.waiting():
                return True
            if self.clock() >= deadline:
                return False
            time.sleep(max(0.05, min(self._next_try - self.clock(), deadline - self.clock(), 1.0)))


def play_live(scenario: Scenario, strategy: str, seed: int, journal: Journal, outbox: Outbox, trainee: str,
              workshop: str, pace: Callable[[], float] = lambda: 0.0,
              stop: threading.Event | None = None) -> Playthrough:
    """One game, turn by turn: commit the turn, offer what waits to the host, wait `pace()` seconds."""
    play = Playthrough.start(scenario, seed)
    play_id = journal.begin(play, trainee, workshop, seed)
    outbox.keep(play_id)
    strategy_ = Strategy(strategy, bot_rng(seed))
    while play.phase != Phase.ENDED and not (stop and stop.is_set()):
        play_out(play, strategy_, max_actions=1)  # one action: one turn, committed by the journal as it is made
        if play.phase == Phase.ENDED:
            journal.finish(play_id, play)
        outbox.send()
        delay = pace()
        if delay and (stop.wait(delay) if stop else time.sleep(delay)):
            break
    return play

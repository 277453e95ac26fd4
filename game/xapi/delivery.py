"""Sending statements to a store in batches, and remembering per store what it holds.

A batch is marked sent (table `xapi_sent`) only once the store has answered that it holds it, so a store
that goes down, refuses or answers too slowly leaves nothing marked that it did not store; the next delivery
sends what is left. Ids are fixed per playthrough and turn, so sending again is harmless: a store that
already holds an id answers so (Ralph: 204, others: 409), and that counts as held.

The live workshop host (not built yet) calls `forward` with the playthroughs whose turns just came in.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from game.workshop.journal import Journal
from game.xapi.lrs import LRS, Conflict, LRSError
from game.xapi.outbox import collect
from game.xapi.scenarios import ScenarioShelf
from game.xapi.trainees import Trainees

BATCH = 50


@dataclass(frozen=True)
class Delivered:
    stored: int  # stored by the store in this delivery
    already: int  # the store held these ids before (sent from another results file, or a lost answer)
    before: int  # marked sent to this store in an earlier delivery, not sent again
    left: int  # not sent because the delivery stopped
    stopped: LRSError | None = None

    @property
    def total(self) -> int:
        return self.stored + self.already + self.before + self.left


def deliver(journal: Journal, lrs: LRS, statements: Iterable[dict], batch: int = BATCH) -> Delivered:
    """Send the statements `lrs` does not hold yet according to this results file, `batch` at a time."""
    statements = list(statements)
    sent = sent_to(journal, lrs.endpoint)
    waiting = [statement for statement in statements if statement["id"] not in sent]
    stored = already = 0
    for start in range(0, len(waiting), max(1, batch)):
        chunk = waiting[start:start + max(1, batch)]
        try:
            new, held = _send(lrs, chunk)
        except LRSError as error:
            return Delivered(stored, already, len(statements) - len(waiting), len(waiting) - start, error)
        _mark(journal, lrs.endpoint, chunk)
        stored, already = stored + new, already + held
    return Delivered(stored, already, len(statements) - len(waiting), 0)


def forward(journal: Journal, lrs: LRS, plays: Collection[str], shelf: ScenarioShelf, trainees: Trainees,
            batch: int = BATCH) -> Delivered:
    """Send what these playthroughs (uuids) have given so far and the store lacks: for a host, as turns arrive.

    Each call sends only the new decisions, and the completion once a playthrough is finished; after a failed
    call the next one sends what was left. Keep one `ScenarioShelf` for the day, so each file is read once.
    """
    return deliver(journal, lrs, collect(journal, shelf, trainees, plays=plays).statements, batch)


def sent_to(journal: Journal, endpoint: str) -> set[str]:
    rows = journal.connection.execute("SELECT statement FROM xapi_sent WHERE lrs = ?", (endpoint,))
    return {statement for (statement,) in rows}


def _send(lrs: LRS, chunk: list[dict]) -> tuple[int, int]:
    """(stored now, held before). A 409 on the batch: one by one, so the ids the store lacks are stored."""
    try:
        stored = lrs.post(chunk)
        return stored, len(chunk) - stored
    except Conflict:
        stored = sum(lrs.put(statement) for statement in chunk)
        return stored, len(chunk) - stored


def _mark(journal: Journal, endpoint: str, chunk: list[dict]) -> None:
    now = time.time()
    with journal.transaction() as db:
        db.executemany("INSERT OR IGNORE INTO xapi_sent (lrs, statement, play_uuid, sent) VALUES (?, ?, ?, ?)",
                       [(endpoint, statement["id"], statement["context"]["registration"], now) for statement in chunk])

"""Who a statement is about: an xAPI account, never a made-up e-mail address.

The account's name is the trainee's name as typed, or with `--anonymous` a pseudonym such as
`trainee-4f9c2a7d1e08`. A pseudonym is drawn at random the first time a trainee is sent and kept in the
results file, so the same trainee has the same pseudonym in every sync and export from that file, and
nobody can work the name back from it without the file.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass

from game.xapi.vocabulary import TRAINEES_HOME


@dataclass(frozen=True)
class Trainees:
    home_page: str = TRAINEES_HOME
    anonymous: bool = False

    def actor(self, db: sqlite3.Connection, trainee: str) -> dict:
        if self.anonymous:
            return {"objectType": "Agent", "account": {"homePage": self.home_page, "name": pseudonym(db, trainee)}}
        name = trainee.strip() or "?"
        return {"objectType": "Agent", "name": name, "account": {"homePage": self.home_page, "name": name}}


def pseudonym(db: sqlite3.Connection, trainee: str) -> str:
    """The trainee's pseudonym in this results file; 'Anouk' and 'anouk ' are one trainee, as in the report."""
    key = trainee.strip().casefold()
    row = db.execute("SELECT pseudonym FROM xapi_pseudonyms WHERE trainee = ?", (key,)).fetchone()
    if row:
        return row[0]
    # INSERT OR IGNORE then SELECT: two commands drawing at once agree on the first one kept.
    db.execute("INSERT OR IGNORE INTO xapi_pseudonyms (trainee, pseudonym) VALUES (?, ?)",
               (key, f"trainee-{uuid.uuid4().hex[:12]}"))
    return db.execute("SELECT pseudonym FROM xapi_pseudonyms WHERE trainee = ?", (key,)).fetchone()[0]

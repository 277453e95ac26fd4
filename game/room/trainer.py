"""The trainer's side of the host: the token that opens the trainer's page, and the choices made there
(names on the projector, what the projector shows), kept beside the results file so a restarted host
keeps them and the trainer's open page keeps working.
"""

from __future__ import annotations

import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

FOCUSES = ("room", "agenda")


@dataclass
class TrainerChoices:
    token: str
    names: bool = False  # anonymous unless the trainer says otherwise
    focus: str = "room"

    def opens(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(token.encode(), self.token.encode())


def choices_path(journal: Path, code: str) -> Path:
    return journal.with_name(f"{journal.stem}.host-{code}.json")


def load(path: Path) -> TrainerChoices:
    """The saved choices, or new ones with a fresh token (saved at once, readable by the trainer only)."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        choices = TrainerChoices(str(saved["token"]), saved.get("names") is True,
                                 saved.get("focus") if saved.get("focus") in FOCUSES else "room")
        if len(choices.token) >= 16:
            return choices
    except (OSError, ValueError, KeyError, TypeError):
        pass
    choices = TrainerChoices(secrets.token_urlsafe(18))
    save(path, choices)
    return choices


def save(path: Path, choices: TrainerChoices) -> None:
    part = path.with_name(path.name + ".part")
    descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(asdict(choices), handle)
    part.replace(path)

"""What the trainee typed at the prompt: a moment and channel, a phrasing number, or stop."""

from __future__ import annotations

from dataclasses import dataclass

from game.model.moment import Moment, next_day, parse_clock
from game.model.turn import Channel
from game.text import LANGUAGES, day_name, lookup

STOP = "stop"


@dataclass(frozen=True)
class Contact:
    moment: Moment
    channel: str


def words(lang: str, key: str) -> list[str]:
    return [str(w).lower() for w in lookup(lang, f"terminal.{key}")]


def is_stop(lang: str, text: str) -> bool:
    return text.strip().lower() in words(lang, "stop_words")


def read_contact(lang: str, text: str, today: int) -> Contact | None:
    """'tue 11:00', 'email dinsdag 9:30', '3 14:00' or just '14:00' (today); None when it is none of those.

    A day's name means the first such day from today on: 'mon' on a Friday is the Monday after.
    """
    parts = text.lower().replace(",", " ").split()
    channel = Channel.CALL
    if parts and parts[0] in words(lang, "email_words"):
        channel, parts = Channel.EMAIL, parts[1:]
    elif parts and parts[0] in words(lang, "call_words"):
        parts = parts[1:]
    if len(parts) == 1:
        parts = [str(today), parts[0]]
    if len(parts) != 2:
        return None
    day, minute = day_number(parts[0]), parse_clock(parts[1])
    if day is None or minute is None:
        return None
    if not parts[0].isdigit():
        day = next_day(day, today)
    return Contact(Moment(day, minute), channel)


def day_number(word: str) -> int | None:
    """A day by number (1 is the first Monday, 8 the Monday after), by name in either language (1 to 7),
    or by the first two or more letters of its name."""
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 21 else None
    if len(word) < 2:
        return None
    found = {number for lang in LANGUAGES for number in range(1, 8)
             if day_name(lang, number).lower().startswith(word)}
    return found.pop() if len(found) == 1 else None


def read_choice(text: str, count: int) -> int | None:
    """The 0-based index of the phrasing numbered in `text`, or None."""
    text = text.strip().rstrip(".")
    if not text.isdigit() or not 1 <= int(text) <= count:
        return None
    return int(text) - 1

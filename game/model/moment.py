"""A moment in the simulated week: a day number and minutes since midnight."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


@dataclass(frozen=True, order=True, slots=True)
class Moment:
    day: int
    minute: int

    def later(self, minutes: int) -> Moment:
        return Moment(self.day, self.minute + minutes)

    @property
    def clock(self) -> str:
        return clock_text(self.minute)


def is_workday(day: int) -> bool:
    """Day 1 is a Monday; days 6 and 7 (and 13, 14) are the weekend."""
    return weekday(day) <= 5


def weekday(day: int) -> int:
    """1 for Monday to 7 for Sunday: day 8 is a Monday again."""
    return (day - 1) % 7 + 1


def next_day(day_of_week: int, today: int) -> int:
    """The first day from `today` on that falls on `day_of_week` (1 Monday ... 7 Sunday)."""
    return today + (day_of_week - weekday(today)) % 7


def workdays_later(day: int, count: int) -> int:
    """The day `count` working days after `day`; 0 keeps the same day."""
    while count > 0:
        day += 1
        count -= is_workday(day)
    return day


def parse_clock(text: str) -> int | None:
    """Minutes since midnight for '9:30', '09:30' or '9.30'; None when it is no time."""
    match = _CLOCK.match(text.strip())
    if not match:
        return None
    return int(match.group(1)) * 60 + int(match.group(2))


def clock_text(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"

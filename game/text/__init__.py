"""Every word the game shows, per language, read from the files in assets/text/<lang>/.

Each file there holds its own top-level keys (deal.yaml the deal's words, ui.yaml the
window's); together they form one catalogue per language.

A scenario's own texts are the trainer's words, in the scenario's language; the model keeps
them as written, with the moment they name beside them. `with_moment` puts that moment into
words where a text says {appointment}, for every view alike (the call, the terminal, the
debrief, the journal).
"""

from __future__ import annotations

import functools
from typing import Any

from game.assets import ASSETS, read_yaml
from game.model.moment import Moment, clock_text
from game.model.scenario import Appointment
from game.model.turn import Turn

LANGUAGES = ("nl", "en")  # every language the game speaks: assets/text/<lang>/ and a scenario's `language`
APPOINTMENT_PLACEHOLDER = "{appointment}"  # in a scenario's text: the moment proposed or agreed


def shortened(text: str, most: int) -> str:
    """`text` on one line, at most `most` characters: cut at the end, with an ellipsis, when it is longer."""
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


@functools.cache
def catalog(lang: str) -> dict[str, Any]:
    """All texts of one language as a nested mapping (read once)."""
    merged: dict[str, Any] = {}
    for path in sorted((ASSETS / "text" / lang).glob("*.yaml")):
        merged.update(read_yaml(path))
    return merged


def lookup(lang: str, key: str) -> Any:
    """The entry at a dotted key, e.g. 'stage.order'; the English one when missing."""
    for language in (lang, "en"):
        value: Any = catalog(language)
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is not None:
            return value
    return key


def say(lang: str, key: str, **params: Any) -> str:
    """The text at `key` in `lang`, with {placeholders} filled in."""
    template = lookup(lang, key)
    return str(template).format(**params) if params else str(template)


def day_name(lang: str, day: int) -> str:
    """'Monday' or 'maandag' for day 1 of the simulated week (and day 8, the Monday after)."""
    return say(lang, f"weekday.{(day - 1) % 7 + 1}")


def day_label(lang: str, day: int) -> str:
    """A day of the game's week as the trainee reads it: 'Monday', and 'next Monday' for day 8."""
    name = day_name(lang, day)
    return say(lang, "later_weekday", day=name) if day > 7 else name


def moment_text(lang: str, moment: Moment) -> str:
    """A moment as the trainee reads it: 'Wednesday 10:30', 'next Monday 10:00'."""
    return f"{day_label(lang, moment.day)} {moment.clock}"


def spoken_moment(lang: str, moment: Moment) -> str:
    """A moment as someone says it: 'Wednesday at 10:30', 'woensdag om 10:30'."""
    return say(lang, "spoken_moment", day=day_name(lang, moment.day), time=moment.clock)


def with_moment(lang: str, text: str, moment: Moment | None) -> str:
    """`text` with {appointment} naming `moment` as someone says it in `lang`."""
    if moment is None:
        return text
    return _filled(text, spoken_moment(lang, moment))


def with_appointment(lang: str, text: str, appointment: Appointment | None) -> str:
    """`text` with {appointment} naming `appointment` ahead of any particular call: 'tomorrow at 10:00'.

    For a view of a phrasing apart from a played week, such as the choices of an xAPI activity.
    """
    if appointment is None:
        return text
    ahead = {0: "today", 1: "tomorrow"}.get(appointment.days_later, "later")
    return _filled(text, say(lang, f"appointment_ahead.{ahead}", days=appointment.days_later,
                             time=clock_text(appointment.minute)))


def _filled(text: str, spoken: str) -> str:
    """`text` with each {appointment} replaced by `spoken`; where a sentence begins with it, with a capital.

    "{appointment}. Fine." then works in Dutch too.
    """
    parts = text.split(APPOINTMENT_PLACEHOLDER)
    for index, before in enumerate(parts[:-1]):
        opening = before.rstrip().rstrip("\"'“")  # a quote may open the sentence
        starts = not opening or opening[-1] in ".!?"
        parts[index] = before + (spoken[:1].upper() + spoken[1:] if starts else spoken)
    return "".join(parts)


def said(lang: str, turn: Turn) -> str:
    """What the trainee said in `turn`, the moment the line proposes filled in ('' for a contact)."""
    return with_moment(lang, turn.say, turn.proposed)


def replied(lang: str, turn: Turn) -> str:
    """What the buyer answered in `turn`, the moment he agreed filled in."""
    return with_moment(lang, turn.reply, turn.offered)

"""A posted play is checked here, field by field, before anything of it is stored.

A play arrives as one entry of `export`'s "plays" list: the play's fields, its turns so far, and no
notes (those are the trainer's). Its fields are declared once, for every way results come in, in
game/workshop/incoming.py; a post is held to that declaration made tighter, since anyone on the room's
network can post: every text printable and the names not empty, the language and the motive ones the
game knows. What a schema cannot say follows in `_check_rest`. A play with any problem is refused with
messages naming the place; nothing of it is stored then.
"""

from __future__ import annotations

import math
from typing import Any

from game.model.motive import MOTIVES
from game.scenario.scenario import LANGUAGES
from game.workshop.incoming import (
    MOST_PROBLEMS,
    PLAY,
    FieldProblem,
    Refused,
    Validator,
    one_of,
    parse,
    repeated_turns,
    shape_problems,
    shown,
    text,
)
from game.workshop.journal import FINISH_COLUMNS, scenario_key

__all__ = ["Refused", "check_play", "parse"]


def _printable(schema: Any) -> Any:
    """`schema` with every text in it (at any depth) asked to be printable."""
    if isinstance(schema, list):
        return [_printable(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    tighter = {key: _printable(value) for key, value in schema.items()}
    kinds = schema.get("type")
    if kinds == "string" or (isinstance(kinds, list) and "string" in kinds):
        tighter["printable"] = True
    return tighter


POSTED_PLAY = _printable({
    **PLAY,
    "properties": {
        **PLAY["properties"],
        "trainee": text(200, 1),
        "workshop": text(32, 1),
        "scenario_path": text(2000, 1),
        "scenario_key": text(500, 1),
        "language": one_of(LANGUAGES),
        "motive": one_of(MOTIVES),
        "notes": {},  # refused below, in words a trainer understands
    },
})
_POSTED = Validator(POSTED_PLAY)


def check_play(play: Any, source: str, workshop: str | None = None) -> dict:
    """`play` when it is a whole, sound play (of `workshop`, when given); else `Refused` naming `source`."""
    problems = shape_problems(_POSTED, play) or _check_rest(play, workshop)
    if problems:
        raise Refused(source, problems[:MOST_PROBLEMS])
    return play


def _check_rest(play: dict, workshop: str | None) -> list[FieldProblem]:
    """What the field types cannot say on their own."""
    problems = [FieldProblem("turns", f"turn {number} appears twice") for number in repeated_turns(play)]
    problems += [FieldProblem(f"turn {index}, reasons", "is not a list of texts in JSON")
                 for index, turn in enumerate(play["turns"], start=1) if not _is_list_of_texts(turn["reasons"])]
    if play["scenario_key"] != scenario_key(play["scenario_path"]) or not play["scenario_key"].endswith(".yaml"):
        problems.append(FieldProblem("scenario_key", "is not the file name of scenario_path"))
    if workshop is not None and play["workshop"].strip().casefold() != workshop.strip().casefold():
        problems.append(FieldProblem("workshop", f"{shown(play['workshop'])} is not this workshop's code"))
    if play.get("notes") not in (None, []):
        problems.append(FieldProblem("notes", "a trainer's notes are not posted by a game"))
    if play["finished"] is None:
        problems += [FieldProblem(name, "belongs to a finished play, and this one is not")
                     for name in FINISH_COLUMNS[1:] if play[name] is not None]
    elif play["parts"] is None:
        problems.append(FieldProblem("parts", "is missing from a finished play"))
    elif not _is_parts(play["parts"]):
        problems.append(FieldProblem("parts", "is not the score's parts in JSON"))
    return problems


def _is_list_of_texts(text: str) -> bool:
    value = _json(text)
    return isinstance(value, list) and all(isinstance(item, str) and len(item) <= 200 for item in value)


def _is_parts(text: str) -> bool:
    value = _json(text)
    return isinstance(value, dict) and len(value) <= 50 and all(
        isinstance(key, str) and len(key) <= 100 and isinstance(number, int | float) and not isinstance(number, bool)
        and math.isfinite(number) for key, number in value.items())


def _json(text: str) -> Any:
    """What a text field holds as JSON, or None when it holds none."""
    try:
        return parse(text, "")
    except Refused:
        return None

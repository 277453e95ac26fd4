"""A posted (or exported) play is checked here, field by field, before anything of it is stored.

A play arrives as one entry of `export`'s "plays" list: the play's fields, its turns so far, and no
notes (those are the trainer's). Every field is declared once in `PLAY` and `TURN` below: its type,
its longest text or its range, or the values the game knows (verdicts, stages, outcomes). A value
that is not of its type, too long, not finite, unknown, or a text with control characters is refused
with a message naming the place; nothing of that play is stored then.

Issue 11 declares the same checks for `merge` (game/workshop/incoming.py); the two are meant to
become one module, with this interface: `parse(body, source)`, `check_play(play, source)`, `Refused`.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from game.model.deal import Stage
from game.model.ending import EndingKind
from game.model.motive import Motive
from game.model.scenario import Aim
from game.model.scoring import Verdict
from game.model.turn import Channel, TurnKind, TurnOutcome
from game.text import LANGUAGES
from game.workshop.journal import PLAY_COLUMNS, TURN_COLUMNS, scenario_key

MOST_TURNS = 500
MOST_PROBLEMS = 10  # told at once; more would hide the first ones
LATEST_MOMENT = 32_503_680_000.0  # seconds since 1970: the year 3000
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Control characters (a tab and a newline may stand in a phrasing) and lone surrogates, which SQLite cannot store.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True)
class Text:
    longest: int
    shortest: int = 0
    empty: bool = False  # may be null


@dataclass(frozen=True)
class Number:
    low: float
    high: float
    whole: bool = False
    empty: bool = False


@dataclass(frozen=True)
class OneOf:
    values: tuple[str, ...]  # the model's StrEnums, as the plain words a play carries
    empty: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(str(value) for value in self.values))


MOMENT = Number(0, LATEST_MOMENT)

PLAY = {
    "uuid": Text(36, 36),
    "trainee": Text(200, 1),
    "workshop": Text(32, 1),
    "scenario_path": Text(2000, 1),
    "scenario_key": Text(500, 1),
    "scenario_title": Text(500),
    "scenario_version": Text(100),
    "language": OneOf(LANGUAGES),
    "seed": Number(-(2**63), 2**63 - 1, whole=True, empty=True),
    "motive": OneOf(tuple(Motive)),
    "started": MOMENT,
    "finished": Number(0, LATEST_MOMENT, empty=True),
    "outcome": OneOf(tuple(EndingKind), empty=True),
    "stage": OneOf(tuple(Stage), empty=True),
    "score": Number(-1e6, 1e6, whole=True, empty=True),
    "parts": Text(8000, empty=True),
}
TURN = {
    "number": Number(1, MOST_TURNS, whole=True),
    "wall_time": MOMENT,
    "kind": OneOf(tuple(TurnKind)),
    "outcome": OneOf(tuple(TurnOutcome)),
    "day": Number(0, 1000, whole=True),
    "minute": Number(0, 24 * 60, whole=True),
    "channel": OneOf(("", *Channel)),
    "call_id": Text(200),
    "point_id": Text(200),
    "choice": Number(-1, 1000, whole=True),
    "say": Text(4000),
    "aim": OneOf(("", *Aim)),
    "reply": Text(4000),
    "verdict": OneOf(tuple(Verdict)),
    "points": Number(-1e6, 1e6),
    "reasons": Text(8000),
    "stage_before": OneOf(tuple(Stage)),
    "stage_after": OneOf(tuple(Stage)),
}
FINISH = ("finished", "outcome", "stage", "score", "parts")
assert tuple(PLAY) == PLAY_COLUMNS and tuple(TURN) == TURN_COLUMNS  # one declaration per journal column


@dataclass(frozen=True)
class Problem:
    where: str  # "turn 5, points"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class Refused(Exception):
    """What arrived is not a play of this game; nothing of it is stored."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems[:MOST_PROBLEMS]
        super().__init__(f"{source}: " + "; ".join(str(problem) for problem in self.problems))


def parse(body: bytes, source: str) -> Any:
    """JSON as it arrives: UTF-8 (a byte-order mark is fine); NaN, infinity and absurd nesting refused."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Refused(source, [Problem("", f"not UTF-8 text ({error.reason} at byte {error.start})")]) from error
    try:
        return json.loads(text, parse_constant=_not_a_number)
    except RecursionError as error:
        raise Refused(source, [Problem("", "nested far deeper than a play is")]) from error
    except ValueError as error:
        raise Refused(source, [Problem("", f"not JSON ({str(error)[:120]})")]) from error


def _not_a_number(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def check_play(play: Any, source: str, workshop: str | None = None) -> dict:
    """`play` when it is a whole, sound play (of `workshop`, when given); else `Refused` naming `source`."""
    problems = _check_fields(play, PLAY, "", extra=("turns", "notes"))
    if not problems:
        problems = _check_turns(play.get("turns")) + _check_rest(play, workshop)
    if problems:
        raise Refused(source, problems)
    return play


def _check_fields(document: Any, declared: dict, where: str, extra: tuple = ()) -> list[Problem]:
    if not isinstance(document, dict):
        return [Problem(where, f"{_kind(document)} is not a set of fields")]
    problems = [Problem(where, f"unknown field {_shown(name)}") for name in document
                if name not in declared and name not in extra]
    problems += [Problem(where, f"{name} is missing") for name in declared if name not in document]
    for name, rule in declared.items():
        if name in document:
            message = _check_value(document[name], rule)
            if message:
                problems.append(Problem(f"{where}, {name}" if where else name, message))
    return problems


def _check_value(value: Any, rule: Text | Number | OneOf) -> str:
    if value is None:
        return "" if rule.empty else "is empty"
    if isinstance(rule, OneOf):
        return "" if isinstance(value, str) and value in rule.values else \
            f"{_shown(value)} is not one of {', '.join(repr(v) for v in rule.values)}"
    if isinstance(rule, Text):
        if not isinstance(value, str):
            return f"{_shown(value)} is not text"
        if not rule.shortest <= len(value) <= rule.longest:
            return f"text of {len(value)} characters, not {rule.shortest} to {rule.longest}"
        return "has a control character" if _UNPRINTABLE.search(value) else ""
    if isinstance(value, bool) or not isinstance(value, int | float) or (rule.whole and not isinstance(value, int)):
        return f"{_shown(value)} is not {'a whole number' if rule.whole else 'a number'}"
    if not math.isfinite(value):
        return f"{_shown(value)} is not a finite number"
    if not rule.low <= value <= rule.high:
        return f"{_shown(value)} is out of range ({rule.low:g} to {rule.high:g})"
    return ""


def _check_turns(turns: Any) -> list[Problem]:
    if not isinstance(turns, list):
        return [Problem("turns", f"{_kind(turns)} is not a list")]
    if len(turns) > MOST_TURNS:
        return [Problem("turns", f"{len(turns)} turns are more than {MOST_TURNS}")]
    problems = []
    for index, turn in enumerate(turns, start=1):
        problems += _check_fields(turn, TURN, f"turn {index}")
        if len(problems) >= MOST_PROBLEMS:
            return problems
    if problems:
        return problems
    repeated = [number for number, count in Counter(turn["number"] for turn in turns).items() if count > 1]
    problems += [Problem("turns", f"turn {number} appears twice") for number in repeated]
    for index, turn in enumerate(turns, start=1):
        if not _is_list_of_texts(turn["reasons"]):
            problems.append(Problem(f"turn {index}, reasons", "is not a list of texts in JSON"))
    return problems


def _check_rest(play: dict, workshop: str | None) -> list[Problem]:
    """What the field types cannot say on their own."""
    problems = []
    if not UUID.fullmatch(play["uuid"]):
        problems.append(Problem("uuid", f"{_shown(play['uuid'])} is not a play id"))
    if play["scenario_key"] != scenario_key(play["scenario_path"]) or not play["scenario_key"].endswith(".yaml"):
        problems.append(Problem("scenario_key", "is not the file name of scenario_path"))
    if workshop is not None and play["workshop"].strip().casefold() != workshop.strip().casefold():
        problems.append(Problem("workshop", f"{_shown(play['workshop'])} is not this workshop's code"))
    if play.get("notes") not in (None, []):
        problems.append(Problem("notes", "a trainer's notes are not posted by a game"))
    finished = play["finished"] is not None
    for name in FINISH[1:]:
        if finished and play[name] is None:
            problems.append(Problem(name, "is missing from a finished play"))
        if not finished and play[name] is not None:
            problems.append(Problem(name, "belongs to a finished play, and this one is not"))
    if finished and play["parts"] is not None and not _is_parts(play["parts"]):
        problems.append(Problem("parts", "is not the score's parts in JSON"))
    return problems


def _is_list_of_texts(text: str) -> bool:
    try:
        value = json.loads(text, parse_constant=_not_a_number)
    except ValueError:
        return False
    return isinstance(value, list) and all(isinstance(item, str) and len(item) <= 200 for item in value)


def _is_parts(text: str) -> bool:
    try:
        value = json.loads(text, parse_constant=_not_a_number)
    except ValueError:
        return False
    return isinstance(value, dict) and len(value) <= 50 and all(
        isinstance(key, str) and len(key) <= 100 and isinstance(number, int | float) and not isinstance(number, bool)
        and math.isfinite(number) for key, number in value.items())


def _kind(value: Any) -> str:
    return {dict: "a set of fields", list: "a list", str: "text", type(None): "nothing"}.get(type(value), _shown(value))


def _shown(value: Any) -> str:
    """A value as a message may show it: short, whatever a hostile client sent."""
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    return shown if len(shown) <= 60 else shown[:57] + "..."

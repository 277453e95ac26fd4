"""Results that arrive from elsewhere are checked here, field by field, before anything is stored.

One declaration (`PLAY`, `TURN`, `NOTE`, as JSON Schema) serves every way in: `merge` of an export
or of a results file copied from a laptop, a salvaged file, and the live workshop host (issue 13),
which checks each posted play and turn with exactly these functions. A value that is not of its
type, too long, not finite, or not one the game knows (a verdict, a stage) is refused with a
message that names the file and the place; then nothing of that file is stored.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators

from game.model.deal import Stage
from game.model.ending import EndingKind
from game.model.scenario import Aim
from game.model.scoring import Verdict
from game.model.turn import Channel, TurnKind, TurnOutcome

FORMAT = "vooruitgang-results"
FORMAT_VERSION = 1
MOST_PLAYS = 100_000
MOST_TURNS = 500
MOST_NOTES = 100
MOST_PROBLEMS = 10  # told at once; more would hide the first ones
DEEPEST = 12  # nesting an export can need, with room to spare; deeper JSON is refused before it is parsed



def text(longest: int) -> dict:
    return {"type": "string", "maxLength": longest}


def number(low: float, high: float, kind: str = "number", empty: bool = False) -> dict:
    """A finite number between `low` and `high` (JSON has no NaN; a copied results file may have infinity)."""
    return {"type": [kind, "null"] if empty else kind, "minimum": low, "maximum": high, "finite": True}


def one_of(values: Iterable[str], empty: bool = False) -> dict:
    """One of `values` (the model's StrEnums, as the plain words a play carries), or with `empty` also null."""
    words = [str(value) for value in values]
    return {"enum": [*words, None] if empty else words}


MOMENT = number(0, 32_503_680_000)  # seconds since 1970, before the year 3000
UUID = {"type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}

TURN = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "number": number(1, MOST_TURNS, "integer"),
        "wall_time": MOMENT,
        "kind": one_of(TurnKind),
        "outcome": one_of(TurnOutcome),
        "day": number(0, 1000, "integer"),
        "minute": number(0, 24 * 60, "integer"),
        "channel": one_of(("", *Channel)),
        "call_id": text(200),
        "point_id": text(200),
        "choice": number(-1, 1000, "integer"),
        "say": text(4000),
        "aim": one_of(("", *Aim)),
        "reply": text(4000),
        "verdict": one_of(Verdict),
        "points": number(-1e6, 1e6),
        "reasons": text(8000),
        "stage_before": one_of(Stage),
        "stage_after": one_of(Stage),
    },
}
TURN["required"] = list(TURN["properties"])

NOTE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "uuid": UUID,
        "play_uuid": UUID,
        "note": text(4000),
        "override": number(-1e6, 1e6, "integer", empty=True),
        "written": MOMENT,
    },
}
NOTE["required"] = list(NOTE["properties"])

PLAY = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "uuid": UUID,
        "trainee": text(200),
        "workshop": text(200),
        "scenario_path": text(2000),
        "scenario_key": text(500),
        "scenario_title": text(500),
        "scenario_version": text(100),
        "language": text(20),
        "seed": number(-(2**63), 2**63 - 1, "integer", empty=True),
        "motive": text(200),
        "started": MOMENT,
        "finished": {**MOMENT, "type": ["number", "null"]},
        "outcome": one_of(EndingKind, empty=True),
        "stage": one_of(Stage, empty=True),
        "score": number(-1e6, 1e6, "integer", empty=True),
        "parts": {"type": ["string", "null"], "maxLength": 8000},
        "turns": {"type": "array", "maxItems": MOST_TURNS, "items": TURN},
        "notes": {"type": "array", "maxItems": MOST_NOTES, "items": NOTE},
    },
    # a finished play has its outcome, stage and score
    "if": {"properties": {"finished": {"type": "number"}}},
    "then": {"properties": {"outcome": one_of(EndingKind), "stage": one_of(Stage), "score": {"type": "integer"}}},
}
PLAY["required"] = [name for name in PLAY["properties"] if name != "notes"]

def _finite(_validator, wanted: bool, instance: Any, _schema: dict):
    """NaN passes every comparison, so `minimum` and `maximum` alone would let it in."""
    if wanted and isinstance(instance, float) and not math.isfinite(instance):
        yield ValidationError(f"{instance!r} is not a finite number")


Validator = validators.extend(Draft202012Validator, {"finite": _finite})
_PLAYS = Validator({"type": "array", "maxItems": MOST_PLAYS, "items": PLAY})
_TURN = Validator(TURN)


@dataclass(frozen=True)
class Problem:
    where: str  # "play 3 (Anouk), turn 5, points"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class Refused(Exception):
    """What arrived is not results of this game; nothing of it is stored."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(str(problem) for problem in problems))


def check_plays(plays: Any, source: str) -> list[dict]:
    """`plays` when every play, turn and note in it is whole and sound; else `Refused` naming `source`."""
    problems = [_problem(error, plays) for error in _first(_PLAYS.iter_errors(plays))]
    if not problems:
        problems = _consistency(plays)
    if problems:
        raise Refused(source, problems[:MOST_PROBLEMS])
    return plays


def check_play(play: Any, source: str) -> dict:
    """One play as posted to the live host (or salvaged), checked as in a file."""
    return check_plays([play], source)[0]


def check_turn(turn: Any, source: str) -> dict:
    """One turn as posted to the live host."""
    problems = [_problem(error, turn, prefix=("turn",)) for error in _first(_TURN.iter_errors(turn))]
    if problems:
        raise Refused(source, problems)
    return turn


def parse(data: bytes | str, source: str) -> Any:
    """JSON as it arrives (a file, a request body): a Windows byte-order mark is fine; NaN, infinity and
    nesting deeper than results ever need are refused."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise Refused(source, [Problem("", f"not UTF-8 text ({error.reason} at byte {error.start})")]) from error
    data = data.removeprefix("\ufeff")
    if _depth(data) > DEEPEST:
        raise Refused(source, [Problem("", f"nested deeper than {DEEPEST} levels")])
    try:
        return json.loads(data, parse_constant=_not_a_number)
    except ValueError as error:
        raise Refused(source, [Problem("", f"not JSON ({error})")]) from error


def _not_a_number(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _depth(data: str) -> int:
    """How deep brackets nest, outside strings; counted without parsing, so no input can exhaust the stack."""
    deepest = depth = 0
    in_string = escaped = False
    for char in data:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _first(errors, count: int = MOST_PROBLEMS) -> list:
    found = []
    for error in errors:
        found.append(error)
        if len(found) == count:
            break
    return found


def _problem(error, document: Any, prefix: tuple = ()) -> Problem:
    path = list(error.absolute_path)
    return Problem(_where(prefix, path, document), _message(error))


def _where(prefix: tuple, path: list, document: Any) -> str:
    """'play 3 (Anouk), turn 5, points' for plays[2].turns[4].points."""
    parts = list(prefix)
    if path and isinstance(path[0], int) and not prefix:
        index = path.pop(0)
        play = document[index] if isinstance(document, list) else None
        trainee = play.get("trainee") if isinstance(play, dict) else None
        parts.append(f"play {index + 1}" + (f" ({trainee[:40]})" if isinstance(trainee, str) and trainee else ""))
    while path:
        name = path.pop(0)
        if name in ("turns", "notes") and path and isinstance(path[0], int):
            parts.append(f"{name[:-1]} {path.pop(0) + 1}")
        else:
            parts.append(str(name))
    return ", ".join(parts)


def _message(error) -> str:
    """jsonschema's words, shortened: the value itself may be long or hostile."""
    value = error.instance
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    validator = error.validator
    if validator == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"{shown} is not {' or '.join(_KIND.get(kind, kind) for kind in kinds)}"
    if validator == "enum":
        return f"{shown} is not one of {', '.join(repr(v) for v in error.validator_value)}"
    if validator in ("minimum", "maximum"):
        return f"{shown} is out of range ({'at least' if validator == 'minimum' else 'at most'} " \
               f"{error.validator_value})"
    if validator == "maxLength":
        return f"text of {len(value)} characters is longer than {error.validator_value}"
    if validator == "maxItems":
        return f"{len(value)} items are more than {error.validator_value}"
    if validator == "required":
        return error.message.replace("is a required property", "is missing")
    if validator == "additionalProperties":
        return "unknown field " + error.message.split("(")[-1].rstrip(")")
    if validator == "finite":
        return f"{shown} is not a finite number"
    if validator == "pattern":
        return f"{shown} is not a play id"
    return error.message[:200]


_KIND = {"string": "text", "integer": "a whole number", "number": "a number", "null": "empty", "array": "a list",
         "object": "a set of fields"}


def _consistency(plays: list[dict]) -> list[Problem]:
    """What a schema cannot say: ids unique, turns numbered once, notes about their own play."""
    problems = []
    repeated = [uuid for uuid, count in Counter(play["uuid"] for play in plays).items() if count > 1]
    problems += [Problem("", f"play {uuid} appears twice") for uuid in repeated]
    for index, play in enumerate(plays):
        where = _where((), [index], plays)
        numbers = Counter(turn["number"] for turn in play["turns"])
        problems += [Problem(where, f"turn {number} appears twice") for number, count in numbers.items() if count > 1]
        problems += [Problem(where, f"note {note['uuid']} belongs to another play")
                     for note in play.get("notes", []) if note["play_uuid"] != play["uuid"]]
    return problems

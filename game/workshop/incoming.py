"""Results that arrive from elsewhere are checked here, field by field, before anything is stored.

One declaration (`PLAY`, `TURN`, `NOTE`, as JSON Schema) serves every way in: `merge` of an export
or of a results file copied from a laptop, a salvaged file, and the live workshop host, which holds a
posted play to the same declaration made tighter (game/room/posted.py). A value that is not of its
type, too long, not finite, or not one the game knows (a verdict, a stage) is refused with a
message that names the file and the place; then nothing of that file is stored.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators

from game.model.deal import STAGES
from game.model.playthrough import ENDING_BY_STAGE
from game.model.scoring import VERDICTS
from game.model.turn import EMAIL, KINDS, OUTCOMES

FORMAT = "vooruitgang-results"
FORMAT_VERSION = 1
MOST_PLAYS = 100_000
MOST_TURNS = 500
MOST_NOTES = 100
MOST_PROBLEMS = 10  # told at once; more would hide the first ones
DEEPEST = 12  # nesting an export can need, with room to spare; deeper JSON is refused before it is parsed

ENDINGS = (*ENDING_BY_STAGE.values(), "strung_along")
CHANNELS = ("", "call", EMAIL)
AIMS = ("", "advance", "prolong")


def text(longest: int, shortest: int = 0) -> dict:
    return {"type": "string", "maxLength": longest, **({"minLength": shortest} if shortest else {})}


def number(low: float, high: float, kind: str = "number", empty: bool = False) -> dict:
    """A finite number between `low` and `high` (JSON has no NaN; a copied results file may have infinity)."""
    return {"type": [kind, "null"] if empty else kind, "minimum": low, "maximum": high, "finite": True}


def one_of(values: tuple, empty: bool = False) -> dict:
    return {"enum": [*values, None] if empty else list(values)}


MOMENT = number(0, 32_503_680_000)  # seconds since 1970, before the year 3000
UUID = {"type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}

TURN = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "number": number(1, MOST_TURNS, "integer"),
        "wall_time": MOMENT,
        "kind": one_of(KINDS),
        "outcome": one_of(OUTCOMES),
        "day": number(0, 1000, "integer"),
        "minute": number(0, 24 * 60, "integer"),
        "channel": one_of(CHANNELS),
        "call_id": text(200),
        "point_id": text(200),
        "choice": number(-1, 1000, "integer"),
        "say": text(4000),
        "aim": one_of(AIMS),
        "reply": text(4000),
        "verdict": one_of(VERDICTS),
        "points": number(-1e6, 1e6),
        "reasons": text(8000),
        "stage_before": one_of(STAGES),
        "stage_after": one_of(STAGES),
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
        "outcome": one_of(ENDINGS, empty=True),
        "stage": one_of(STAGES, empty=True),
        "score": number(-1e6, 1e6, "integer", empty=True),
        "parts": {"type": ["string", "null"], "maxLength": 8000},
        "turns": {"type": "array", "maxItems": MOST_TURNS, "items": TURN},
        "notes": {"type": "array", "maxItems": MOST_NOTES, "items": NOTE},
    },
    # a finished play has its outcome, stage and score
    "if": {"properties": {"finished": {"type": "number"}}},
    "then": {"properties": {"outcome": one_of(ENDINGS), "stage": one_of(STAGES), "score": {"type": "integer"}}},
}
PLAY["required"] = [name for name in PLAY["properties"] if name != "notes"]

# Control characters (a tab and a newline may stand in a phrasing) and lone surrogates, which SQLite cannot store.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def _finite(_validator, wanted: bool, instance: Any, _schema: dict):
    """NaN passes every comparison, so `minimum` and `maximum` alone would let it in."""
    if wanted and isinstance(instance, float) and not math.isfinite(instance):
        yield ValidationError(f"{instance!r} is not a finite number")


def _printable(_validator, wanted: bool, instance: Any, _schema: dict):
    """A text with no control characters in it (the host asks this of every text a game posts)."""
    if wanted and isinstance(instance, str) and _UNPRINTABLE.search(instance):
        yield ValidationError("has a control character")


Validator = validators.extend(Draft202012Validator, {"finite": _finite, "printable": _printable})
_PLAYS = Validator({"type": "array", "maxItems": MOST_PLAYS, "items": PLAY})


@dataclass(frozen=True)
class FieldProblem:
    where: str  # "play 3 (Anouk), turn 5, points"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class Refused(Exception):
    """What arrived is not results of this game; nothing of it is stored."""

    def __init__(self, source: str, problems: list[FieldProblem]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(str(problem) for problem in problems))


def check_plays(plays: Any, source: str) -> list[dict]:
    """`plays` when every play, turn and note in it is whole and sound; else `Refused` naming `source`."""
    problems = shape_problems(_PLAYS, plays)
    if not problems:
        problems = _consistency(plays)
    if problems:
        raise Refused(source, problems[:MOST_PROBLEMS])
    return plays


def check_play(play: Any, source: str) -> dict:
    """One play (a salvaged one), checked as in a file."""
    return check_plays([play], source)[0]


def shape_problems(validator: Any, document: Any) -> list[FieldProblem]:
    """The first problems `validator` (a schema of this module's kind) finds in `document`, each named by place."""
    problems: dict[tuple[str, str], FieldProblem] = {}
    for error in _first(validator.iter_errors(document)):
        problem = _problem(error, document)
        # one problem a value: a null score is not also told as "not a number" (a field missing is its own)
        named = problem.message if error.validator in ("required", "additionalProperties") else ""
        problems.setdefault((problem.where, named), problem)
    return list(problems.values())


def repeated_turns(play: dict) -> list[int]:
    """The numbers of the turns a play holds twice."""
    return [number for number, count in Counter(turn["number"] for turn in play["turns"]).items() if count > 1]


def parse(data: bytes | str, source: str) -> Any:
    """JSON as it arrives (a file, a request body): a Windows byte-order mark is fine; NaN, infinity and
    nesting deeper than results ever need are refused."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            problem = FieldProblem("", f"not UTF-8 text ({error.reason} at byte {error.start})")
            raise Refused(source, [problem]) from error
    data = data.removeprefix("\ufeff")
    if _depth(data) > DEEPEST:
        raise Refused(source, [FieldProblem("", f"nested deeper than {DEEPEST} levels")])
    try:
        return json.loads(data, parse_constant=_not_a_number)
    except ValueError as error:
        raise Refused(source, [FieldProblem("", f"not JSON ({error})")]) from error


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


def _problem(error, document: Any, prefix: tuple = ()) -> FieldProblem:
    path = list(error.absolute_path)
    return FieldProblem(_where(prefix, path, document), _message(error))


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
    validator = error.validator
    if value is None and "then" in error.relative_schema_path:
        return "is missing from a finished play"
    if validator == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"{shown(value)} is not {' or '.join(_KIND.get(kind, kind) for kind in kinds)}"
    if validator == "enum":
        return f"{shown(value)} is not one of {', '.join(repr(v) for v in error.validator_value)}"
    if validator in ("minimum", "maximum"):
        return f"{shown(value)} is out of range ({'at least' if validator == 'minimum' else 'at most'} " \
               f"{error.validator_value})"
    if validator == "maxLength":
        return f"text of {len(value)} characters is longer than {error.validator_value}"
    if validator == "minLength":
        return "is empty" if not value else f"text of {len(value)} characters is shorter than {error.validator_value}"
    if validator == "printable":
        return error.message
    if validator == "maxItems":
        return f"{len(value)} items are more than {error.validator_value}"
    if validator == "required":
        return error.message.removesuffix(" is a required property").strip("'") + " is missing"
    if validator == "additionalProperties":
        unknown = [name for name in value if name not in error.schema.get("properties", {})]
        return f"unknown field{'s' if len(unknown) > 1 else ''} " + ", ".join(shown(name) for name in unknown[:5])
    if validator == "finite":
        return f"{shown(value)} is not a finite number"
    if validator == "pattern":
        return f"{shown(value)} is not a play id"
    return error.message[:200]


def shown(value: Any) -> str:
    """A value as a message may show it: short, whatever a hostile file or client holds."""
    told = "a set of fields" if isinstance(value, dict) else "a list" if isinstance(value, list) else repr(value)
    return told if len(told) <= 60 else told[:57] + "..."


_KIND = {"string": "text", "integer": "a whole number", "number": "a number", "null": "empty", "array": "a list",
         "object": "a set of fields"}


def _consistency(plays: list[dict]) -> list[FieldProblem]:
    """What a schema cannot say: ids unique, turns numbered once, notes about their own play."""
    problems = []
    repeated = [uuid for uuid, count in Counter(play["uuid"] for play in plays).items() if count > 1]
    problems += [FieldProblem("", f"play {uuid} appears twice") for uuid in repeated]
    for index, play in enumerate(plays):
        where = _where((), [index], plays)
        problems += [FieldProblem(where, f"turn {number} appears twice") for number in repeated_turns(play)]
        problems += [FieldProblem(where, f"note {note['uuid']} belongs to another play")
                     for note in play.get("notes", []) if note["play_uuid"] != play["uuid"]]
    return problems

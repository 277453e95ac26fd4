"""Results that arrive from elsewhere are checked here, field by field, before anything of them is stored.

One declaration serves every way in: `merge` of an export or of a results file copied from a laptop, a
salvaged file, and a play posted to the live workshop host (game/room). Every column of the journal is
declared once below (`PLAY`, `TURN`, `NOTE`): its type, its longest text or its range, or the values the game
knows (verdicts, stages, outcomes, motives). A value that is not of its type, too long, not finite, unknown,
or a text with control characters is refused with a message that names the source and the place
("play 2 (Anouk), turn 5, points: ..."); then nothing of that source is stored.
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
from game.model.reading import Confidence
from game.model.scenario import Aim
from game.model.scoring import Verdict
from game.model.turn import Channel, TurnKind, TurnOutcome
from game.text import LANGUAGES
from game.workshop.entries import scenario_key
from game.workshop.journal import (
    FINISH_COLUMNS,
    NOTE_COLUMNS,
    PLAY_COLUMNS,
    PRACTICE_COLUMNS,
    READING_COLUMNS,
    TURN_COLUMNS,
)

FORMAT = "vooruitgang-results"
FORMAT_VERSION = 2  # 2: a play may hold its reading of the buyer and the practice at its moments (issue 14)
MOST_PLAYS = 100_000
MOST_TURNS = 500
MOST_NOTES = 100
MOST_PRACTICE = 10_000
MOST_PROBLEMS = 10  # told at once; more would hide the first ones
DEEPEST = 12  # nesting an export can need, with room to spare; deeper JSON is refused before it is parsed
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
    values: tuple
    empty: bool = False


MOMENT = Number(0, LATEST_MOMENT)

PLAY = {
    "uuid": Text(36, 36),
    "trainee": Text(200, 1),
    "workshop": Text(200),
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
NOTE = {
    "uuid": Text(36, 36),
    "play_uuid": Text(36, 36),
    "note": Text(4000),
    "override": Number(-1e6, 1e6, whole=True, empty=True),
    "written": MOMENT,
}
READING = {
    "play_uuid": Text(36, 36),
    "motive": OneOf(tuple(Motive)),
    "confidence": OneOf(tuple(Confidence)),
    "after_turn": Number(0, MOST_TURNS, whole=True),
    "wall_time": MOMENT,
}
PRACTICE = {
    "uuid": Text(36, 36),
    "trainee": Text(200, 1),
    "scenario_key": Text(500, 1),
    "call_id": Text(200),
    "point_id": Text(200),
    "play_uuid": Text(36, 36),
    "number": Number(1, MOST_TURNS, whole=True),
    "choice": Number(0, 1000, whole=True),
    "say": Text(4000),
    "verdict": OneOf(tuple(Verdict)),
    "points": Number(-1e6, 1e6, whole=True),
    "good": Number(0, 1, whole=True),
    "wall_time": MOMENT,
}
# one declaration per journal column
assert (tuple(PLAY), tuple(TURN), tuple(NOTE), tuple(READING), tuple(PRACTICE)) == \
    (PLAY_COLUMNS, TURN_COLUMNS, NOTE_COLUMNS, READING_COLUMNS, PRACTICE_COLUMNS)


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
        self.problems = problems[:MOST_PROBLEMS]
        super().__init__(f"{source}: " + "; ".join(str(problem) for problem in self.problems))


# --- the ways in ------------------------------------------------------------------------------

def check_plays(plays: Any, source: str) -> list[dict]:
    """`plays` (an export's, a copied file's) when every play, turn and note is whole and sound; else `Refused`."""
    problems = _check_list(plays, "plays", MOST_PLAYS, "")
    if problems:
        raise Refused(source, problems)
    for index, play in enumerate(plays):
        problems += _check_play(play, _play_place(index, play), notes=True)
        if len(problems) >= MOST_PROBLEMS:
            break
    if not problems:
        repeated = [uuid for uuid, count in Counter(play["uuid"] for play in plays).items() if count > 1]
        problems = [FieldProblem("", f"play {uuid} appears twice") for uuid in repeated]
    if problems:
        raise Refused(source, problems)
    return plays


def check_play(play: Any, source: str) -> dict:
    """One play with its notes, checked as in a file (a salvaged play)."""
    problems = _check_play(play, "", notes=True)
    if problems:
        raise Refused(source, problems)
    return play


def check_post(play: Any, workshop: str, source: str = "post") -> dict:
    """One play as a game posts it to the live host of `workshop`: as in a file, without the trainer's notes,
    and of this workshop (its code as typed from a projector: case and surrounding spaces aside)."""
    problems = _check_play(play, "", notes=False)
    if not problems and play["workshop"].strip().casefold() != workshop.strip().casefold():
        problems.append(FieldProblem("workshop", f"{_shown(play['workshop'])} is not this workshop's code"))
    if problems:
        raise Refused(source, problems)
    return play


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
        raise Refused(source, [FieldProblem("", f"not JSON ({str(error)[:120]})")]) from error


# --- one play ---------------------------------------------------------------------------------

def _check_play(play: Any, where: str, notes: bool) -> list[FieldProblem]:
    problems = _check_fields(play, PLAY, where, extra=("turns", "notes", "reading", "practice"))
    if problems:
        return problems
    problems = _check_turns(play.get("turns"), where)
    problems += _check_reading(play, where)
    if notes:
        problems += _check_notes(play, where)
        problems += _check_practice(play, where)
    else:
        if play.get("notes") not in (None, []):
            problems.append(FieldProblem(_at(where, "notes"), "a trainer's notes are not posted by a game"))
        if play.get("practice") not in (None, []):
            problems.append(FieldProblem(_at(where, "practice"), "practice is not posted by a game"))
    return problems + _check_rest(play, where)


def _check_reading(play: dict, where: str) -> list[FieldProblem]:
    """The trainee's reading of the buyer, when the play holds one: of this play."""
    reading = play.get("reading")
    if reading is None:
        return []
    place = _at(where, "reading")
    problems = _check_fields(reading, READING, place)
    if not problems and reading["play_uuid"] != play["uuid"]:
        problems.append(FieldProblem(place, "belongs to another play"))
    return problems


def _check_practice(play: dict, where: str) -> list[FieldProblem]:
    """Answers given in practice at this play's moments: whole, with ids of their own, of this play."""
    return _check_belongings(play, "practice", PRACTICE, MOST_PRACTICE, "answer", where)


def _check_belongings(play: dict, key: str, declared: dict, most: int, noun: str, where: str) -> list[FieldProblem]:
    """A list of `key` the play carries (notes, practice answers): each whole, with an id of its own, of this play."""
    items = play.get(key, [])
    problems = _check_list(items, key, most, where)
    if problems:
        return problems
    for index, item in enumerate(items, start=1):
        place = _at(where, f"{key.removesuffix('s')} {index}")
        found = _check_fields(item, declared, place)
        if not found and not UUID.fullmatch(item["uuid"]):
            article = "an" if noun[0] in "aeiou" else "a"
            found.append(FieldProblem(_at(place, "uuid"), f"{_shown(item['uuid'])} is not {article} {noun} id"))
        if not found and item["play_uuid"] != play["uuid"]:
            found.append(FieldProblem(place, f"{noun} {item['uuid']} belongs to another play"))
        problems += found
        if len(problems) >= MOST_PROBLEMS:
            break
    return problems


def _check_fields(document: Any, declared: dict, where: str, extra: tuple = ()) -> list[FieldProblem]:
    if not isinstance(document, dict):
        return [FieldProblem(where, f"{_kind(document)} is not a set of fields")]
    problems = [FieldProblem(where, f"unknown field {_shown(name)}") for name in document
                if name not in declared and name not in extra]
    problems += [FieldProblem(where, f"{name} is missing") for name in declared if name not in document]
    for name, rule in declared.items():
        if name in document:
            message = _check_value(document[name], rule)
            if message:
                problems.append(FieldProblem(_at(where, name), message))
    return problems


def _check_value(value: Any, rule: Text | Number | OneOf) -> str:
    if value is None:
        return "" if rule.empty else "is empty"
    if isinstance(rule, OneOf):
        return "" if isinstance(value, str) and value in rule.values else \
            f"{_shown(value)} is not one of {', '.join(repr(str(v)) for v in rule.values)}"
    if isinstance(rule, Text):
        if not isinstance(value, str):
            return f"{_shown(value)} is not text"
        if not rule.shortest <= len(value) <= rule.longest:
            return f"text of {len(value)} characters, not {rule.shortest} to {rule.longest}"
        return "has a control character" if _UNPRINTABLE.search(value) else ""
    if isinstance(value, bool) or not isinstance(value, int | float) or (rule.whole and not isinstance(value, int)):
        kind = "a whole number" if rule.whole else "a number"
        return f"{_shown(value)} is not {kind}{' or empty' if rule.empty else ''}"
    if math.isnan(value):
        return f"{_shown(value)} is not a finite number"
    if not rule.low <= value <= rule.high:  # infinity is out of every range
        return f"{_shown(value)} is out of range ({rule.low:g} to {rule.high:g})"
    return ""


def _check_turns(turns: Any, where: str) -> list[FieldProblem]:
    problems = _check_list(turns, "turns", MOST_TURNS, where)
    if problems:
        return problems
    for index, turn in enumerate(turns, start=1):
        problems += _check_fields(turn, TURN, _at(where, f"turn {index}"))
        if len(problems) >= MOST_PROBLEMS:
            return problems
    if problems:
        return problems
    repeated = [number for number, count in Counter(turn["number"] for turn in turns).items() if count > 1]
    problems += [FieldProblem(_at(where, "turns"), f"turn {number} appears twice") for number in repeated]
    for index, turn in enumerate(turns, start=1):
        if not _is_list_of_texts(turn["reasons"]):
            problems.append(FieldProblem(_at(where, f"turn {index}, reasons"), "is not a list of texts in JSON"))
    return problems


def _check_notes(play: dict, where: str) -> list[FieldProblem]:
    return _check_belongings(play, "notes", NOTE, MOST_NOTES, "note", where)


def _check_list(items: Any, name: str, most: int, where: str) -> list[FieldProblem]:
    if not isinstance(items, list):
        return [FieldProblem(_at(where, name), f"{_kind(items)} is not a list")]
    if len(items) > most:
        return [FieldProblem(_at(where, name), f"{len(items)} {name} are more than {most}")]
    return []


def _check_rest(play: dict, where: str) -> list[FieldProblem]:
    """What the field types cannot say on their own."""
    problems = []
    if not UUID.fullmatch(play["uuid"]):
        problems.append(FieldProblem(_at(where, "uuid"), f"{_shown(play['uuid'])} is not a play id"))
    if play["scenario_key"] != scenario_key(play["scenario_path"]) or not play["scenario_key"].endswith(".yaml"):
        problems.append(FieldProblem(_at(where, "scenario_key"), "is not the file name of scenario_path"))
    finished = play["finished"] is not None
    for name in FINISH_COLUMNS[1:]:
        if finished and play[name] is None:
            problems.append(FieldProblem(_at(where, name), "is missing from a finished play"))
        if not finished and play[name] is not None:
            problems.append(FieldProblem(_at(where, name), "belongs to a finished play, and this one is not"))
    if finished and play["parts"] is not None and not _is_parts(play["parts"]):
        problems.append(FieldProblem(_at(where, "parts"), "is not the score's parts in JSON"))
    return problems


# --- helpers ----------------------------------------------------------------------------------

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


def _json(text: str) -> Any:
    """What a text field holding JSON holds; None when it is not JSON."""
    try:
        return json.loads(text, parse_constant=_not_a_number)
    except ValueError:
        return None


def _is_list_of_texts(text: str) -> bool:
    value = _json(text)
    return isinstance(value, list) and all(isinstance(item, str) and len(item) <= 200 for item in value)


def _is_parts(text: str) -> bool:
    value = _json(text)
    return isinstance(value, dict) and len(value) <= 50 and all(
        isinstance(key, str) and len(key) <= 100 and isinstance(number, int | float) and not isinstance(number, bool)
        and math.isfinite(number) for key, number in value.items())


def _play_place(index: int, play: Any) -> str:
    """'play 3 (Anouk)': the play's place in a file, with the trainee's name when it has one."""
    trainee = play.get("trainee") if isinstance(play, dict) else None
    shown = trainee[:40] if isinstance(trainee, str) and trainee and not _UNPRINTABLE.search(trainee) else ""
    return f"play {index + 1}" + (f" ({shown})" if shown else "")


def _at(where: str, name: str) -> str:
    return f"{where}, {name}" if where else name


def _kind(value: Any) -> str:
    return {dict: "a set of fields", list: "a list", str: "text", type(None): "nothing"}.get(type(value), _shown(value))


def _shown(value: Any) -> str:
    """A value as a message may show it: short, whatever a hostile client sent."""
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    return shown if len(shown) <= 60 else shown[:57] + "..."

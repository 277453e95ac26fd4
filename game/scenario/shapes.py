"""The words a file format is declared in: the shapes of values, a key, and a record of keys.

`format.py` declares the scenario file in them; `fields.Fields` reads a file against a Record,
`schema.py` and `reference.py` write a Record out as JSON Schema and as the guide's tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Text:
    """Any value on its own, taken as written: 'say: No' is the text No, 'say: 12' the text 12."""

    nonempty: bool = False  # an empty text counts as left out


@dataclass(frozen=True)
class Word:
    """One of a few words; `aliases` are accepted too, but not offered."""

    options: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    blank: bool = False  # a key with nothing after it is accepted, as 'nothing'


@dataclass(frozen=True)
class Number:
    low: float
    high: float
    whole: bool = True


@dataclass(frozen=True)
class Flag:
    """yes or no."""


@dataclass(frozen=True)
class Clock:
    """A time of day, "09:30"."""


@dataclass(frozen=True)
class Hours:
    """From one time of day to another, "08:30-17:00"."""


@dataclass(frozen=True)
class Items:
    """A list, written as lines starting with '- ' or as [a, b]."""

    item: Shape
    fewest: int = 0
    most: int | None = None
    unique: bool = False
    holds: str | None = None  # a value the list must hold


@dataclass(frozen=True)
class Pairs:
    """A set of 'key: value' lines whose keys the writer chooses (matching `keys`), each value of one shape."""

    value: Shape
    keys: str = ""  # a regular expression every key matches


@dataclass(frozen=True)
class Either:
    """One of several shapes: a motive or motive weights, a move or a list of moves."""

    shapes: tuple[Shape, ...]


@dataclass(frozen=True)
class Key:
    name: str
    shape: Shape
    doc: str
    required: bool = False
    default: Any = None  # the value when left out, where it is one value; None: see `shown`
    shown: str = ""      # the default in words, for the guide, when it is no single value ("the game's own")
    box: str = ""        # the box on screen its text must fit, named in assets/text_limits.yaml
    offers: str = ""     # a list in assets/rules.yaml whose values an editor offers here (the ladder's rungs)


@dataclass(frozen=True)
class Record:
    """A set of 'key: value' lines: one part of a scenario, like the buyer or one phrasing."""

    name: str                  # as the guide's reference and the schema's $defs call it
    doc: str
    keys: tuple[Key, ...]
    section: str = ""          # the guide's heading that explains it, if it has one
    shared: bool = False       # used in several places: one $defs entry in the schema
    by_name: dict[str, Key] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {key.name: key for key in self.keys})

    @cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(self.by_name)

    @cached_property
    def required(self) -> frozenset[str]:
        return frozenset(key.name for key in self.keys if key.required)


Shape = Text | Word | Number | Flag | Clock | Hours | Items | Pairs | Either | Record


def with_defaults(record: Record, data: dict[str, Any]) -> Record:
    """The record with each key's default taken from `data` (assets/rules.yaml for the rules), nested records too."""
    keys = []
    for key in record.keys:
        if key.name not in data:
            keys.append(key)
        elif isinstance(key.shape, Record) and isinstance(data[key.name], dict):
            keys.append(replace(key, shape=with_defaults(key.shape, data[key.name])))
        else:
            keys.append(replace(key, default=data[key.name]))
    return replace(record, keys=tuple(keys))


def describe(key: Key, limits: dict[str, int], markdown: bool = True) -> str:
    """A key's doc with its words, range, box size and required value filled in; Markdown or plain text."""
    shape = key.shape
    words = _words(shape)
    fills = {
        "{options}": _listed([f"`{w}`" if markdown else w for w in words]) if words else "",
        "{range}": _range(shape),
        "{limit}": f"fits {limits[key.box]} characters" if key.box in limits else "",
        "{holds}": getattr(shape, "holds", None) or "",
    }
    text = key.doc
    for token, value in fills.items():
        text = text.replace(token, value)
    return text if markdown else plain(text)


def plain(markdown: str) -> str:
    """Markdown as plain text: links become their words, code marks and bold go."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    return text.replace("**", "").replace("`", "")


def _words(shape: Shape) -> tuple[str, ...]:
    if isinstance(shape, Word):
        return shape.options
    if isinstance(shape, Items):
        return _words(shape.item)
    if isinstance(shape, Either):
        return next((words for words in map(_words, shape.shapes) if words), ())
    return ()


def _range(shape: Shape) -> str:
    if isinstance(shape, Number):
        return f"{shape.low:g} to {shape.high:g}"
    if isinstance(shape, Items) and shape.most is not None:
        return f"{shape.fewest} to {shape.most}"
    return ""


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"

"""Read the keys of one YAML mapping against the format's declaration, collecting located problems.

Which keys a part may hold, which it needs, and the shape of each come from `format.py`; a
reader here checks the value it is asked for, and `finish()` the keys nobody may write.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from game.model.scenario import Location
from game.scenario import limits
from game.scenario.problem import Problem
from game.scenario.shapes import Clock, Flag, Hours, Items, Key, Number, Record, Text, Word, plain
from game.scenario.source import Node


def locate(node: Node) -> Location:
    return Location(node.line, node.column)


@dataclass
class Report:
    """Every problem found in one file, in the order found."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    unlisted: int = 0  # errors found after MAX_PROBLEMS were listed

    @property
    def full(self) -> bool:
        return len(self.problems) >= limits.MAX_PROBLEMS

    def error(self, where: Node | Location, message: str, hint: str = "") -> None:
        if self.full:
            self.unlisted += 1
            return
        self.problems.append(Problem(self.file, where.line, where.column, message, hint))

    def warning(self, where: Node | Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.file, where.line, where.column, message, hint, "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def one_of_hint(word: str, options: Iterable[str]) -> str:
    options = list(options)
    same_letters = [o for o in options if o.lower() == word.lower()]
    guess = f"did you mean '{same_letters[0]}' (small letters)?" if same_letters else did_you_mean(word, options)
    listed = "one of: " + ", ".join(options)
    return f"{guess} It must be {listed}" if guess else f"it must be {listed}"


class Fields:
    """The keys of one mapping, read against its Record in the format's declaration (format.py).

    `what` names the mapping in messages ("phrasing 2 of call1-1"). Each reader takes the key's shape,
    range, words and whether it is required from the declaration; `finish()` then reports every key the
    declaration does not know, with a did-you-mean, and every required key not found. With
    `every_key_required` (assets/rules.yaml) each declared key must be there.
    """

    def __init__(self, node: Node, record: Record, what: str, report: Report, every_key_required: bool = False):
        self.node = node
        self.record = record
        self.what = what
        self.report = report
        self.required = frozenset(record.names) if every_key_required else record.required
        self.absent: list[tuple[str, str]] = []  # required keys found empty, reported by finish()
        self.values: dict[str, Node] = node.value if isinstance(node.value, dict) else {}
        if self.values is not node.value:
            report.error(node, f"{what} must be a set of 'key: value' lines", _shape_hint(node))

    def declared(self, key: str) -> Key:
        """The declaration of a key; a KeyError here is a reader asking for a key the format does not have."""
        return self.record.by_name[key]

    def has(self, key: str) -> bool:
        self.declared(key)
        return key in self.values

    def get(self, key: str) -> Node | None:
        self.declared(key)
        return self.values.get(key)

    def where(self, key: str) -> Location:
        node = self.values.get(key)
        return locate(node) if node else locate(self.node)

    def _missing(self, key: Key) -> None:
        if self.node.is_map:
            self.absent.append((key.name, missing_hint(key)))

    def text(self, key: str, default: str = "") -> str:
        declared = self.declared(key)
        node = self.values.get(key)
        if node is None or node.value is None:
            if key in self.required and node is not None:
                self._missing(declared)
            return default
        if not isinstance(node.value, (dict, list)):  # what text_of does, without a call: most values are texts
            text = node.text.strip()
        else:
            text = text_of(node, f"'{key}' in {self.what}", self.report)
        if not text and key in self.required and isinstance(declared.shape, Text) and declared.shape.nonempty:
            self._missing(declared)
        return text or default

    def number(self, key: str, default: float | None = None, high: float | None = None) -> Any:
        """A number in the declared range; `high` narrows it where the rules do (a day within the week)."""
        declared = self.declared(key)
        shape = declared.shape
        assert isinstance(shape, Number), key
        default = (shape.low if declared.default is None else declared.default) if default is None else default
        node = self.values.get(key)
        if node is None:
            return default
        value = node.value
        whole = shape.whole
        kind = "a whole number" if whole else "a number"
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or (whole and not float(value).is_integer()):
            self.report.error(node, f"'{key}' in {self.what} must be {kind}, not '{node.text}'",
                f"for example: {key}: {int(default) if whole else default}")
            return default
        low, high = shape.low, shape.high if high is None else high
        if not low <= value <= high:
            self.report.error(node, f"'{key}' in {self.what} is {value}; it must be from {low:g} to {high:g}")
            return default
        return int(value) if whole else float(value)

    def word(self, key: str, default: str | None = None) -> str:
        declared = self.declared(key)
        shape = declared.shape
        assert isinstance(shape, Word), key
        options = shape.options
        default = declared.default if default is None else default
        node = self.values.get(key)
        if node is None:
            return default if default is not None else options[0]
        value = node.text if node.is_scalar else ""
        if value in options:
            return options[options.index(value)]  # the option itself: a StrEnum's member
        self.report.error(node, f"'{key}' in {self.what} is '{value}', which is not known",
            one_of_hint(value, options))
        return default or options[0]

    def flag(self, key: str) -> bool:
        declared = self.declared(key)
        assert isinstance(declared.shape, Flag), key
        node = self.values.get(key)
        if node is None:
            return declared.default
        if isinstance(node.value, bool):
            return node.value
        self.report.error(node, f"'{key}' in {self.what} must be yes or no, not '{node.text}'")
        return declared.default

    def mapping(self, key: str) -> Node | None:
        node = self.get(key)
        if node is None:
            return None
        if not node.is_map:
            self.report.error(node, f"'{key}' in {self.what} must be a set of 'key: value' lines",
                _shape_hint(node))
            return None
        return node

    def items(self, key: str) -> list[Node]:
        declared = self.declared(key)
        node = self.values.get(key)
        if node is None or node.value is None:
            if key in self.required and node is not None:
                self._missing(declared)
            return []
        if not node.is_list:
            self.report.error(node, f"'{key}' in {self.what} must be a list (lines starting with '- ')",
                _shape_hint(node))
            return []
        return node.value

    def finish(self) -> None:
        """Report every key the declaration does not know, and every required key not found.

        A misspelt required key gives one message at the misspelling, not two.
        """
        values = self.values
        if not self.absent and values.keys() <= self.record.by_name.keys() and self.required <= values.keys():
            return  # every key is known, nothing required is missing: the usual case
        absent = dict(self.absent)
        if self.node.is_map:
            absent.update((name, missing_hint(self.record.by_name[name]))
                          for name in self.record.names if name in self.required and name not in values)
        names = self.record.names
        for key, key_node in self.node.keys.items():
            if key in self.record.by_name:
                continue
            if self.report.full:
                self.report.unlisted += 1
                continue
            hint = did_you_mean(key, names)
            self.report.error(key_node, f"unknown key '{key}' in {self.what}",
                f"{hint} The keys here are: {', '.join(names)}".strip())
            close = difflib.get_close_matches(key, list(absent), n=1, cutoff=0.6)
            if close:
                del absent[close[0]]
        for key, hint in absent.items():
            self.report.error(self.node, f"{self.what} needs '{key}'", hint)


def missing_hint(key: Key) -> str:
    """What to add for a required key that is not there, by its shape."""
    shape = key.shape
    if isinstance(shape, Word):
        return f"add '{key.name}: {shape.options[0]}' (it can be {', '.join(shape.options)})"
    if isinstance(shape, Items):
        return f"add '{key.name}:' followed by lines starting with '- '"
    if isinstance(shape, Clock):
        return f"add '{key.name}: \"09:30\"'"
    if isinstance(shape, Hours):
        return f"add '{key.name}: 09:00-17:00'"
    meaning = plain(key.doc).split(". ")[0].split(" (")[0].rstrip(".")
    return f"add a line '{key.name}: ...' ({meaning[:1].lower()}{meaning[1:]})"


def text_of(node: Node, what: str, report: Report) -> str:
    """A text value; numbers and yes/no words are taken as written, e.g. 'say: No'."""
    if node.is_scalar:
        return "" if node.value is None else node.text.strip()
    report.error(node, f"{what} must be a text", _shape_hint(node))
    return ""


def _shape_hint(node: Node) -> str:
    if node.is_list:
        return "here it is a list; remove the '- ' in front of the lines, or put a text that starts with '[' in quotes"
    if node.is_map:
        return "here it is a set of keys; a text that starts with '{' or contains ': ' must be put in quotes"
    return "indent the lines below it by two more spaces"

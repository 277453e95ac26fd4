"""Read the keys of one YAML mapping, collecting located problems instead of stopping.

Each reader asks for the keys it knows; `finish()` then reports every key nobody asked
for, with a did-you-mean. So the list of valid keys is exactly the code that reads them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from game.model.scenario import Location
from game.scenario import limits
from game.scenario.problem import Problem
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
    """The keys of one mapping, e.g. one phrasing; `what` names it in messages."""

    def __init__(self, node: Node, what: str, report: Report):
        self.node = node
        self.what = what
        self.report = report
        self.asked: dict[str, None] = {}  # in the order asked, once each
        self.absent: list[tuple[str, str]] = []  # required keys not found, reported by finish()
        self.values: dict[str, Node] = node.value if isinstance(node.value, dict) else {}
        if self.values is not node.value:
            report.error(node, f"{what} must be a set of 'key: value' lines", _shape_hint(node))

    def has(self, key: str) -> bool:
        self.asked[key] = None
        return key in self.values

    def get(self, key: str) -> Node | None:
        self.asked[key] = None
        return self.values.get(key)

    def where(self, key: str) -> Location:
        node = self.values.get(key)
        return locate(node) if node else locate(self.node)

    def missing(self, key: str, hint: str = "") -> None:
        if self.node.is_map:
            self.absent.append((key, hint or f"add a line '{key}: ...'"))

    def text(self, key: str, default: str | None = "", required: bool = False) -> str:
        self.asked[key] = None
        node = self.values.get(key)
        if node is None or node.value is None:
            if required:
                self.missing(key)
            return default or ""
        if not isinstance(node.value, (dict, list)):  # what text_of does, without a call: most values are texts
            return node.text.strip() or default or ""
        return text_of(node, f"'{key}' in {self.what}", self.report) or default or ""

    def number(self, key: str, default: float, low: float, high: float, whole: bool = True) -> Any:
        node = self.get(key)
        if node is None:
            return default
        value = node.value
        kind = "a whole number" if whole else "a number"
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or (whole and not float(value).is_integer()):
            self.report.error(node, f"'{key}' in {self.what} must be {kind}, not '{node.text}'",
                f"for example: {key}: {int(default) if whole else default}")
            return default
        if not low <= value <= high:
            self.report.error(node, f"'{key}' in {self.what} is {value}; it must be from {low:g} to {high:g}")
            return default
        return int(value) if whole else float(value)

    def word(self, key: str, options: Iterable[str], default: str | None = None) -> str:
        options = list(options)
        node = self.get(key)
        if node is None:
            if default is None:
                self.missing(key, f"add '{key}: {options[0]}' (it can be {', '.join(options)})")
                return options[0]
            return default
        value = node.text if node.is_scalar else ""
        if value in options:
            return options[options.index(value)]  # the option itself: a StrEnum's member
        self.report.error(node, f"'{key}' in {self.what} is '{value}', which is not known",
            one_of_hint(value, options))
        return default or options[0]

    def flag(self, key: str, default: bool) -> bool:
        node = self.get(key)
        if node is None:
            return default
        if isinstance(node.value, bool):
            return node.value
        self.report.error(node, f"'{key}' in {self.what} must be yes or no, not '{node.text}'")
        return default

    def mapping(self, key: str, required: bool = False) -> Node | None:
        node = self.get(key)
        if node is None:
            if required:
                self.missing(key)
            return None
        if not node.is_map:
            self.report.error(node, f"'{key}' in {self.what} must be a set of 'key: value' lines",
                _shape_hint(node))
            return None
        return node

    def items(self, key: str, required: bool = False) -> list[Node]:
        node = self.get(key)
        if node is None or node.value is None:
            if required:
                self.missing(key, f"add '{key}:' followed by lines starting with '- '")
            return []
        if not node.is_list:
            self.report.error(node, f"'{key}' in {self.what} must be a list (lines starting with '- ')",
                _shape_hint(node))
            return []
        return node.value

    def finish(self) -> None:
        """Report every key that no reader asked for, and every required key not found.

        A misspelt required key gives one message at the misspelling, not two.
        """
        if not self.absent and self.values.keys() <= self.asked.keys():
            return  # every key was asked for, nothing required is missing: the usual case
        absent = dict(self.absent)
        for key, key_node in self.node.keys.items():
            if key in self.asked:
                continue
            if self.report.full:
                self.report.unlisted += 1
                continue
            hint = did_you_mean(key, self.asked)
            known = ", ".join(self.asked)
            self.report.error(key_node, f"unknown key '{key}' in {self.what}",
                f"{hint} The keys here are: {known}".strip())
            close = difflib.get_close_matches(key, list(absent), n=1, cutoff=0.6)
            if close:
                del absent[close[0]]
        for key, hint in absent.items():
            self.report.error(self.node, f"{self.what} needs '{key}'", hint)


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

"""Texts that YAML will misread, found line by line before the file is parsed.

The parser stops at the first syntax error, so a file with five unquoted texts containing ': '
would take five runs to fix. This scan finds the usual traps in one pass, reports each where
its text starts, and hands the parser a copy with those texts quoted, so the rest of the file
is checked in the same run.

A trap is a value written without quotes that:
- contains ': ' (YAML reads a new key) or ends with ':';
- is a text that starts with '{' or '[' (YAML reads a set of keys or a list);
- starts with '*', '&', '!', '%', '@', '`', '- ' or '? ' (characters with a meaning of their own);
- starts with a quote that closes before the text ends (YAML keeps only the quoted part);
- is a text with ' #' before a word (YAML drops the rest as a comment).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

_KEY = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[A-Za-z_][\w-]*|\d+)[ ]*:(?=[ ]|$)")
_RESERVED = ("%", "@", "`")
# '*alias', '&anchor' and '!tag' written as YAML are refused later with their own message;
# followed by anything else ('*Really* good', '& co'), they start a text.
_YAML_NODE_PROPERTY = re.compile(r"^[*&!][!\w/.:-]+(\s|$)")
HASH_WORD = re.compile(r" #\S")
COMMENT_WHY = "this text contains ' #', after which YAML drops the rest as a comment"


@cache
def text_keys() -> frozenset[str]:
    """Keys whose values are texts, by the format's declaration; a text starting with '{' or '[' is a trap only
    there, since other keys take a set of keys ('appointment: {...}') or a list ('deal: [...]')."""
    from game.scenario.format import TEXT_KEYS  # here, not above: the declaration imports the reader, through
    return TEXT_KEYS                            # scenario.py's Location, until the plain types move to the model


@dataclass(frozen=True)
class Trap:
    line: int
    column: int
    key: str
    value: str
    why: str

    @property
    def comment(self) -> bool:
        """A trap YAML reads without an error: the rest of the text taken for a comment."""
        return self.why == COMMENT_WHY

    @property
    def quoted(self) -> str:
        """The text in quotes: single ones around a text with double ones in it, else double (as JSON)."""
        if '"' in self.value and "'" not in self.value and "\\" not in self.value:
            return f"'{self.value}'"
        return json.dumps(self.value, ensure_ascii=False)  # a JSON string is a YAML double-quoted text

    @property
    def hint(self) -> str:
        quoted = self.quoted
        shown = quoted if len(quoted) <= 60 else quoted[:56] + "..." + quoted[-1]
        return f"put this text in quotes: {self.key}: {shown}"


def find_traps(text: str) -> list[Trap]:
    traps = []
    scan = _Scan()
    for number, line in enumerate(text.split("\n"), start=1):
        trap = scan.line(line)
        if trap:
            key, column, value, why = trap
            traps.append(Trap(number, column, key, value, why))
    return traps


def quote_traps(text: str, traps: list[Trap]) -> str:
    """The text with every trap's value in quotes (columns before it stay where they were)."""
    lines = text.split("\n")
    for trap in traps:
        line = lines[trap.line - 1]
        start = trap.column - 1
        lines[trap.line - 1] = line[:start] + trap.quoted + line[start + len(trap.value):]
    return "\n".join(lines)


class _Scan:
    """Reads lines in order, skipping the insides of block texts ('>', '|'), quoted texts over several
    lines, and sets of keys or lists written over several lines."""

    def __init__(self) -> None:
        self.block_indent: int | None = None  # inside a '>' or '|' text: the indent of its key
        self.quote = ""                       # inside a quoted text that goes on: its quote
        self.depth = 0                        # inside '{...}' or '[...]' that goes on

    def line(self, line: str) -> tuple[str, int, str, str] | None:
        if self.block_indent is not None:
            if not line.strip() or len(line) - len(line.lstrip(" ")) > self.block_indent:
                return None
            self.block_indent = None
        if self.quote:
            self.quote = "" if _closing(line, self.quote, 0) is not None else self.quote
            return None
        if self.depth:
            self.depth = max(0, self.depth + _brackets(line))
            return None
        match = _KEY.match(line)
        if not match or line.lstrip().startswith("#"):
            return None
        key, start = match["key"], match.end()
        value = line[start:].lstrip(" ")
        column = len(line) - len(value) + 1
        if not value or value.startswith("#"):
            return None
        return self._value(key, match.start("key"), value, column)

    def _value(self, key: str, key_column: int, value: str, column: int) -> tuple[str, int, str, str] | None:
        first = value[0]
        if first in "|>":
            self.block_indent = key_column
            return None
        if first in "\"'":
            end = _closing(value, first, 1)
            if end is None:
                self.quote = first
                return None
            rest = value[end + 1:].strip()
            if rest and not rest.startswith("#"):
                return key, column, value.rstrip(), "this text starts with a quote, so YAML keeps only the part " \
                    "up to the closing quote"
            return None
        if first in "{[":
            end = _flow_end(value)
            if end is None:
                self.depth = max(0, _brackets(value))
                return None
            rest = value[end + 1:].strip()
            if rest and not rest.startswith("#") and key in text_keys():
                kind = "a set of keys" if first == "{" else "a list"
                return key, column, _without_comment(value), f"this text starts with '{first}', which YAML reads " \
                    f"as {kind}"
            return None  # a whole set of keys or list: the loader says when a text was wanted
        if first in "*&!" and _YAML_NODE_PROPERTY.match(value):
            return None  # an alias, anchor or tag: refused later, by name
        if first in _RESERVED or value[:2] in ("- ", "? ") or (first in "*&!" and key in text_keys()):
            return key, column, _without_comment(value), f"this text starts with '{value.split()[0][:1]}', which " \
                "has a meaning of its own at the start of a YAML value"
        text = _without_comment(value)
        if ": " in text or text.endswith(":"):
            return key, column, text, "this text contains ': ', which YAML reads as the start of a new key"
        if key in text_keys() and HASH_WORD.search(value):
            return key, column, value.rstrip(), COMMENT_WHY
        return None


def _without_comment(value: str) -> str:
    """A plain value without a comment after it (' # ...')."""
    cut = re.search(r"\s#(\s|$)", value)
    return (value[:cut.start()] if cut else value).rstrip()


# The rest of a quoted text: up to its closing quote, if that is on this line.
_QUOTED_REST = {'"': re.compile(r'(?:[^"\\]|\\.)*"'), "'": re.compile(r"(?:[^']|'')*'")}


def _closing(text: str, quote: str, start: int) -> int | None:
    """Where the quoted text that began before `start` closes, if it does on this line."""
    found = _QUOTED_REST[quote].match(text, start)
    return found.end() - 1 if found else None


def _flow_end(text: str) -> int | None:
    """Where the '{...}' or '[...]' that starts `text` closes on this line, if it does."""
    depth, quote, index = 0, "", 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


def _brackets(text: str) -> int:
    """Opening minus closing brackets outside quotes."""
    depth, quote, index = 0, "", 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
        elif char == "#" and index and text[index - 1] == " ":
            break
        index += 1
    return depth

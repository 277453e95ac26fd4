"""Read a YAML file into a tree of located nodes, safely.

We never let PyYAML construct objects: we read its event stream (the C parser when
present) and build plain values ourselves, so tags, aliases and deep nesting are
refused with a located message instead of running code or exhausting memory.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from game.installation import console_program
from game.scenario import limits
from game.scenario.problem import Problem, ScenarioError
from game.scenario.traps import HASH_WORD, Trap, find_traps, quote_traps

Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()
_PLAIN_TYPES = {
    "tag:yaml.org,2002:int": _constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _constructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": _constructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": _constructor.construct_yaml_null,
}
_STANDARD_TAGS = {"!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass(slots=True)
class Node:
    """A YAML value and where it stands. Mappings hold Nodes, keyed by the key's text.

    A value in a mapping also knows where its key stands (`key_line`, `key_column`): a large file
    has a quarter of a million keys, and keeping no Node per key and no second dict per mapping
    takes a third off the time and memory of reading it. `keys` makes Nodes of them when a
    message needs one.
    """

    value: Any
    line: int
    column: int
    text: str = ""
    key_line: int = 0
    key_column: int = 0

    @property
    def is_map(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_list(self) -> bool:
        return isinstance(self.value, list)

    @property
    def is_scalar(self) -> bool:
        return not isinstance(self.value, (dict, list))

    @property
    def keys(self) -> dict[str, Node]:
        """A mapping's keys as Nodes, by their text, in the file's order (each key's text is its value)."""
        if not isinstance(self.value, dict):
            return {}
        return {name: Node(name, value.key_line, value.key_column, name) for name, value in self.value.items()}


def file_bytes(path: str) -> bytes:
    """The file's bytes, up to one past the size limit; ScenarioError when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            most = limits.MAX_FILE_BYTES + 1
            size = os.fstat(handle.fileno()).st_size  # read(most) would set aside all 16 MiB for a file of 10 kB
            return handle.read(min(size + 1, most) if size else most)
    except OSError as error:
        raise ScenarioError([Problem(path, 1, 1, f"cannot read the file: {error.strerror or error}")]) from None


def read_file(path: str, traps: list[Problem] | None = None) -> Node:
    """The file's tree, or ScenarioError with every problem found on the way; see `read_text` for `traps`."""
    return read_bytes(file_bytes(path), path, traps)


def read_bytes(data: bytes, name: str, traps: list[Problem] | None = None) -> Node:
    return read_text(decode(data, name), name, traps)


def decode(data: bytes, name: str) -> str:
    """Text of a file saved by any editor: UTF-8 with or without BOM, any line ends."""
    if len(data) > limits.MAX_FILE_BYTES:
        raise ScenarioError([Problem(name, 1, 1,
            f"the file is larger than {limits.MAX_FILE_BYTES // (1024 * 1024)} MiB, the limit for a scenario",
            "split it into several scenarios")])
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff") or _utf16_without_bom(data):
        raise ScenarioError([Problem(name, 1, 1, "the file is saved as UTF-16, not UTF-8",
            "save it again as 'UTF-8' in your editor")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ScenarioError([Problem(name, line, column, "the file is not UTF-8 text",
            "save it again as 'UTF-8' in your editor (Windows Notepad: Save as, Encoding: UTF-8)")]) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16_without_bom(data: bytes) -> bool:
    """UTF-16 saved without its byte order mark: in mostly-ASCII text every other byte is zero."""
    head = data[:400]
    return any(half.count(0) > len(half) // 2 for half in (head[0::2], head[1::2]) if len(half) >= 4)


@contextlib.contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Reading makes a small object per value and no reference cycles; left running, the cycle
    collector walks all of them again and again, which doubles the time for a large file."""
    was_running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_running:
            gc.enable()


def read_text(text: str, name: str, traps: list[Problem] | None = None) -> Node:
    """The tree of a YAML text, or ScenarioError with every problem found on the way.

    With a `traps` list (for the files trainers write), a text that YAML cannot read is scanned
    line by line for texts it misreads (traps.py); they are added to the list, and the tree is
    read again from a copy with those texts quoted, so the caller reports every other problem in
    the same run too. Any error raised carries them. A file YAML reads is scanned only when it has
    ' #' before a word: the one trap that does not stop YAML, which drops the rest of the text.
    """
    _check_lines(text, name)
    if traps is None:
        return _tree(text, name)
    try:
        root = _tree(text, name)
    except ScenarioError:
        found = find_traps(text)
        if not found:
            raise
        traps.extend(_trap_problems(found, name))
        return _tree(quote_traps(text, found), name, list(traps), found)
    if HASH_WORD.search(text):
        traps.extend(_trap_problems([trap for trap in find_traps(text) if trap.comment], name))
    return root


def _trap_problems(found: list[Trap], name: str) -> list[Problem]:
    return [Problem(name, trap.line, trap.column, trap.why, trap.hint) for trap in found]


def _tree(text: str, name: str, before: list[Problem] | None = None, found: list[Trap] | None = None) -> Node:
    """Parse `text`; `before` are problems already found, raised with any new ones."""
    before = before or []
    builder = _TreeBuilder(name)
    parser = Parser(text)
    try:
        builder.build(parser.get_event)
    except yaml.MarkedYAMLError as error:
        syntax = _syntax_problem(error, name, text)
        known = any(trap.line == syntax.line for trap in found or ())
        raise ScenarioError([*before, *builder.problems, *([] if known else [syntax])]) from None
    except yaml.YAMLError as error:
        raise ScenarioError([*before, *builder.problems, Problem(name, 1, 1, f"not readable as YAML: {error}")]) \
            from None
    except _Refused:
        raise ScenarioError([*before, *builder.problems]) from None
    finally:
        parser.dispose()
    if builder.problems:
        raise ScenarioError([*before, *builder.problems])
    if builder.root is None:
        raise ScenarioError([*before, Problem(name, 1, 1, "the file is empty",
            f"start from a shipped scenario or run: {console_program()} new NAME")])
    return builder.root


def _check_lines(text: str, name: str) -> None:
    problems = []
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        problems.append(Problem(name, line, 1, "the file contains a NUL byte, so it is not a text file",
            "save it again as plain UTF-8 text"))
    lines = text.split("\n")
    if max(map(len, lines)) > limits.MAX_LINE_CHARS:
        number = next(n for n, line in enumerate(lines, start=1) if len(line) > limits.MAX_LINE_CHARS)
        problems.append(Problem(name, number, 1,
            f"line is {len(lines[number - 1]):,} characters long; the limit is {limits.MAX_LINE_CHARS:,}",
            "break the text over several lines, or shorten it"))
    if problems:
        raise ScenarioError(problems)


def _syntax_problem(error: yaml.MarkedYAMLError, name: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = error.problem or "the YAML is malformed"
    hint = "check the indentation and that every 'key:' has a space after the colon"
    source_line = text.split("\n")[line - 1] if line <= text.count("\n") + 1 else ""
    if "\t" in source_line[: column + 1] or "tab" in what.lower():
        hint = "indent with spaces, not tabs"
    elif "mapping values are not allowed" in what:
        hint = "a text containing ': ' must be put in quotes"
    return Problem(name, line, column, f"YAML syntax: {what}", hint)


class _Refused(Exception):
    """Stop reading: the file breaks a limit that makes going on pointless."""


class _TreeBuilder:
    """Builds Nodes from parser events without recursion, checking limits on the way."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self.root: Node | None = None
        self.containers: list[Node] = []
        self.pending_keys: list[Node | None] = []  # per open container: a mapping's key awaiting its value
        self.nodes = 0
        self.documents = 0

    def refuse(self, mark: Any, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.name, mark.line + 1, mark.column + 1, message, hint))

    def build(self, next_event: Callable[[], yaml.Event | None]) -> None:
        """Take events until the parser has none left."""
        while (event := next_event()) is not None:
            if isinstance(event, yaml.ScalarEvent):
                self._scalar(event)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self._open(event)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self.pending_keys.pop()
                self._place(self.containers.pop())
            elif isinstance(event, yaml.AliasEvent):
                self._alias(event)
            elif isinstance(event, yaml.DocumentStartEvent):
                self._start_document(event)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        self.nodes += 1
        self._check(event)
        if self.containers and self.containers[-1].is_map and self.pending_keys[-1] is None:
            self.pending_keys[-1] = event  # a key: its text and where it stands are all that is kept of it
            return
        mark = event.start_mark
        self._place(Node(_scalar_value(event), mark.line + 1, mark.column + 1, event.value))

    def _open(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        self.nodes += 1
        self._check(event)
        if len(self.containers) >= limits.MAX_DEPTH:
            self._too_deep(event)
        mark = event.start_mark
        empty = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.containers.append(Node(empty, mark.line + 1, mark.column + 1))
        self.pending_keys.append(None)

    def _alias(self, event: yaml.AliasEvent) -> None:
        mark = event.start_mark
        self.refuse(mark, f"aliases ('*{event.anchor}') are not supported in scenario files",
            "write the text out in full where you need it")
        self._place(Node(None, mark.line + 1, mark.column + 1))  # keeps keys in step

    def _place(self, node: Node) -> None:
        """Put a finished value where it belongs: the root, the end of a list, or under its key."""
        if not self.containers:
            self.root = node
            return
        container = self.containers[-1]
        if container.is_list:
            container.value.append(node)
            return
        key = self.pending_keys[-1]
        if key is None:
            self.pending_keys[-1] = node  # a key that is a list, a mapping or an alias: _put reports it
            return
        self.pending_keys[-1] = None
        self._put(container.value, key, node)

    def _check(self, event: Any) -> None:
        if self.nodes > limits.MAX_NODES:
            self.refuse(event.start_mark, f"the file has more than {limits.MAX_NODES:,} values, the limit")
            raise _Refused
        if event.anchor:
            self.refuse(event.start_mark, f"anchors ('&{event.anchor}') are not supported in scenario files",
                "write the text out in full where you need it")
        if event.tag and event.tag not in _STANDARD_TAGS:
            self.refuse(event.start_mark, f"the tag '{event.tag}' is not allowed in a scenario file",
                "remove it: a scenario holds only text, numbers, lists and keys")

    def _too_deep(self, event: Any) -> None:
        self.refuse(event.start_mark, f"nesting deeper than {limits.MAX_DEPTH} levels, the limit",
            "a scenario never needs this many levels; check the indentation")
        raise _Refused

    def _start_document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self.refuse(event.start_mark, "a second YAML document ('---') in one file",
                "put one scenario in each file")
            raise _Refused

    def _put(self, mapping: dict[str, Node], key: yaml.ScalarEvent | Node, value: Node) -> None:
        """Put a value under its key, or report what is wrong with the key."""
        if isinstance(key, Node):
            line, column, name = key.line, key.column, key.text
            if not key.is_scalar:
                self.problems.append(Problem(self.name, line, column, "a key must be a plain word",
                    "write 'name: value', one per line"))
                return
        else:
            line, column, name = key.start_mark.line + 1, key.start_mark.column + 1, key.value
        if name == "<<":
            self.problems.append(Problem(self.name, line, column,
                "merge keys ('<<') are not supported in scenario files", "write the keys out in full"))
            return
        if name in mapping:
            self.problems.append(Problem(self.name, line, column,
                f"the key '{name}' appears twice here (first on line {mapping[name].key_line})",
                "keep one of them"))
            return
        value.key_line, value.key_column = line, column
        mapping[name] = value


def _scalar_value(event: yaml.ScalarEvent) -> Any:
    if event.style or not event.implicit[0]:
        return event.value
    value = event.value
    tag = _resolver.resolve(yaml.ScalarNode, value, event.implicit)
    construct = _PLAIN_TYPES.get(tag)
    if construct is None:
        return value
    try:
        return construct(yaml.ScalarNode(tag, value))
    except (ValueError, OverflowError):
        return value


def data_of(node: Node) -> Any:
    """The tree as plain values, read as an editor's YAML 1.2 reads them: an unquoted 9:30 is the text "9:30",
    and yes, no, on and off are texts too (only true and false are yes or no)."""
    if node.is_map:
        return {key: data_of(value) for key, value in node.value.items()}
    if node.is_list:
        return [data_of(item) for item in node.value]
    if isinstance(node.value, bool):
        return node.value if node.text.lower() in ("true", "false") else node.text
    if isinstance(node.value, (int, float)) and ":" in node.text:
        return node.text
    return node.value

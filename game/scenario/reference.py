"""The guide's field reference, written from the format's declaration.

docs/writing-scenarios.md holds each table between `<!-- reference: NAME -->` and
`<!-- end of reference -->`; the prose around the tables is the guide's own. `updated_guide`
rewrites every marked table; `python main.py schema` saves the result, and a test fails when the
guide differs from it.
"""

from __future__ import annotations

import re

from game.scenario.schema import shown_value
from game.scenario.shapes import Items, Key, Record, Text, describe

MARKED = re.compile(r"(<!-- reference: (?P<name>[\w-]+) -->\n)(?P<table>.*?)(<!-- end of reference -->)", re.DOTALL)


def updated_guide(guide: str, records: dict[str, Record], limits: dict[str, int]) -> str:
    """The guide with every marked table written anew from `records` (by the marker's name)."""
    def table_for(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in records:
            raise KeyError(f"the guide marks a reference '{name}', which is not declared")
        return f"{match[1]}{table(records[name], limits)}{match[4]}"

    return MARKED.sub(table_for, guide)


def marked(guide: str) -> list[str]:
    return [match["name"] for match in MARKED.finditer(guide)]


def table(record: Record, limits: dict[str, int]) -> str:
    rows = ["| key | default | what it is |", "| --- | --- | --- |"]
    rows += [f"| {_name(key)} | {_default(key)} | {_what(key, limits)} |" for key in record.keys]
    return "\n".join(rows) + "\n"


def anchor(section: str) -> str:
    """The anchor a Markdown viewer gives a heading: small letters, hyphens for spaces."""
    return re.sub(r"[^\w\- ]", "", section.lower()).replace(" ", "-")


def _name(key: Key) -> str:
    return f"**`{key.name}`**" if key.required else f"`{key.name}`"


def _default(key: Key) -> str:
    if key.required:
        return ""
    if key.shown:
        return key.shown
    if key.default is not None:
        return shown_value(key.default)
    return "empty" if isinstance(key.shape, Text) else ""


def _what(key: Key, limits: dict[str, int]) -> str:
    text = describe(key, limits).replace("|", "\\|")
    shape = key.shape.item if isinstance(key.shape, Items) else key.shape
    if isinstance(shape, Record) and shape.section:
        text += f" See [{shape.section[0].lower()}{shape.section[1:]}](#{anchor(shape.section)})."
    return text

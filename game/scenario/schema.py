"""The JSON Schema of the scenario file, written from its declaration (format.py) for trainers' editors.

A YAML-aware editor (VS Code with the YAML extension) reads `scenarios/scenario.schema.json`
through the first line of a scenario, `# yaml-language-server: $schema=...`, and completes,
explains and checks the keys with it. `python main.py schema` writes it; a test fails when the
committed file is not what the declaration makes.
"""

from __future__ import annotations

import json
from typing import Any

from game.scenario import format as declared
from game.scenario.shapes import (
    Clock,
    Flag,
    Hours,
    Items,
    Key,
    Number,
    Pairs,
    Record,
    Shape,
    Text,
    Word,
    describe,
    plain,
    with_defaults,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"
TEXT = {"type": ["string", "number", "boolean", "null"]}  # a text YAML may read as a number or yes/no
FILLED_TEXT = {"type": ["string", "number", "boolean"]}


def scenario_schema(rules: dict[str, Any], limits: dict[str, int]) -> dict[str, Any]:
    """The schema; `rules` are the values of assets/rules.yaml (the defaults), `limits` the text boxes' sizes."""
    writer = _Writer(limits, rules)
    record = with_defaults(declared.SCENARIO, {"rules": rules})
    body = writer.record(record)
    return {"$schema": DIALECT, "title": "Vooruitgang scenario", **body,
            "$defs": {"text": TEXT, "filled_text": FILLED_TEXT,
                      "clock": {"type": "string", "pattern": declared.CLOCK_PATTERN}, **writer.defs}}


def schema_text(rules: dict[str, Any], limits: dict[str, int]) -> str:
    return json.dumps(scenario_schema(rules, limits), indent=2, ensure_ascii=False) + "\n"


class _Writer:
    def __init__(self, limits: dict[str, int], rules: dict[str, Any]):
        self.limits = limits
        self.rules = rules
        self.defs: dict[str, Any] = {}

    def record(self, record: Record) -> dict[str, Any]:
        body: dict[str, Any] = {"description": plain(record.doc), "type": "object", "additionalProperties": False,
                                "properties": {key.name: self.key(key) for key in record.keys}}
        if record.required:
            body["required"] = [key.name for key in record.keys if key.required]
        return body

    def key(self, key: Key) -> dict[str, Any]:
        schema = self.shape(key.shape, required=key.required)
        if isinstance(key.shape, Items) and not key.required:
            schema["type"] = ["array", "null"]  # 'week:' with nothing after it is no entries
        description = describe(key, self.limits, markdown=False)
        default = _shown(key)
        if default:
            description += f" Default: {default}."
        schema["description"] = description
        if key.default is not None:
            schema["default"] = key.default
        if key.offers:  # the trainee's own rung is no one to offer
            schema["examples"] = [value for value in self.rules[key.offers] if value != declared.LADDER.holds]
        return schema

    def shape(self, shape: Shape, required: bool = False) -> dict[str, Any]:
        if isinstance(shape, Record):
            return self.shared(shape) if shape.shared else self.record(shape)
        if isinstance(shape, Text):
            schema: dict[str, Any] = {"$ref": "#/$defs/filled_text" if required else "#/$defs/text"}
            if shape.nonempty:
                schema["minLength"] = 1
            return schema
        if isinstance(shape, Word):
            return {"enum": [*shape.options, *shape.aliases, *([None] if shape.blank else [])]}
        if isinstance(shape, Number):
            return {"type": "integer" if shape.whole else "number", "minimum": shape.low, "maximum": shape.high}
        if isinstance(shape, Flag):
            return {"anyOf": [{"type": "boolean"}, {"enum": list(declared.YES_NO_WORDS)}]}
        if isinstance(shape, Clock):
            return {"$ref": "#/$defs/clock"}
        if isinstance(shape, Hours):
            return {"type": "string", "pattern": declared.HOURS_PATTERN}
        if isinstance(shape, Items):
            return self.items(shape)
        if isinstance(shape, Pairs):
            return {"type": "object", "propertyNames": {"pattern": shape.keys}, "additionalProperties":
                    self.shape(shape.value)}
        return {"anyOf": [self.shape(choice) for choice in shape.shapes]}

    def items(self, shape: Items) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.shape(shape.item, required=True)}
        if shape.fewest:
            schema["minItems"] = shape.fewest
        if shape.most is not None:
            schema["maxItems"] = shape.most
        if shape.unique:
            schema["uniqueItems"] = True
        if shape.holds is not None:
            schema["contains"] = {"const": shape.holds}
        return schema

    def shared(self, record: Record) -> dict[str, Any]:
        if record.name not in self.defs:
            self.defs[record.name] = {}  # taken before it is written: a record may hold itself
            self.defs[record.name] = self.record(record)
        return {"$ref": f"#/$defs/{record.name}"}


def _shown(key: Key) -> str:
    """The default in words, as the guide's table shows it."""
    if key.required:
        return ""
    if key.shown:
        return plain(key.shown)
    if key.default is None:
        return ""
    return plain(shown_value(key.default))


def shown_value(value: Any) -> str:
    """A default as a trainer writes it: yes/no, a list in brackets, a time in quotes."""
    if isinstance(value, bool):
        return "`yes`" if value else "`no`"
    if isinstance(value, list):
        return f"`[{', '.join(map(str, value))}]`"
    if isinstance(value, str) and ":" in value:
        return f'`"{value}"`'
    return f"`{value}`"

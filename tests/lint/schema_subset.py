"""A small JSON Schema checker for the keywords scenario.schema.json uses, so the test needs no package.

It reads a scenario as a YAML 1.2 editor does: an unquoted 9:30 is the text "9:30".
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from game.scenario.source import Node, read_file

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "scenarios" / "scenario.schema.json"
KNOWN = {"$schema", "$defs", "$ref", "title", "description", "default", "examples", "type", "properties",
         "additionalProperties", "required", "items", "minItems", "maxItems", "enum", "const", "minimum",
         "maximum", "pattern", "minLength", "uniqueItems", "contains", "oneOf", "anyOf"}


def load_schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def data_of(node: Node) -> Any:
    if node.is_map:
        return {key: data_of(value) for key, value in node.value.items()}
    if node.is_list:
        return [data_of(item) for item in node.value]
    if isinstance(node.value, (int, float)) and not isinstance(node.value, bool) and ":" in node.text:
        return node.text
    return node.value


def file_data(path: str | Path) -> Any:
    return data_of(read_file(str(path)))


def errors(value: Any, schema: dict, root: dict, where: str = "") -> list[str]:
    unknown = set(schema) - KNOWN
    if unknown:
        raise ValueError(f"the subset checker does not know {unknown}")
    if "$ref" in schema:
        found = errors(value, _resolve(schema["$ref"], root), root, where)
        if found:
            return found
    checks = (_type, _enum, _number, _text, _object, _array, _alternatives)
    return [message for check in checks for message in check(value, schema, root, where)]


def _resolve(ref: str, root: dict) -> dict:
    node: Any = root
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def _is(value: Any, kind: str) -> bool:
    return {
        "object": isinstance(value, dict),
        "array": isinstance(value, list),
        "string": isinstance(value, str),
        "boolean": isinstance(value, bool),
        "null": value is None,
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
        "integer": isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer(),
    }[kind]


def _type(value: Any, schema: dict, root: dict, where: str) -> list[str]:
    kinds = schema.get("type")
    if kinds is None:
        return []
    kinds = [kinds] if isinstance(kinds, str) else kinds
    return [] if any(_is(value, k) for k in kinds) else [f"{where}: {value!r} is not {kinds}"]


def _enum(value: Any, schema: dict, root: dict, where: str) -> list[str]:
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where}: {value!r} not in {schema['enum']}"]
    if "const" in schema and value != schema["const"]:
        return [f"{where}: {value!r} is not {schema['const']!r}"]
    return []


def _number(value: Any, schema: dict, root: dict, where: str) -> list[str]:
    if not _is(value, "number"):
        return []
    if value < schema.get("minimum", float("-inf")) or value > schema.get("maximum", float("inf")):
        return [f"{where}: {value} out of range"]
    return []


def _text(value: Any, schema: dict, root: dict, where: str) -> list[str]:
    if not isinstance(value, str):
        return []
    if "pattern" in schema and not re.search(schema["pattern"], value):
        return [f"{where}: {value!r} does not match {schema['pattern']}"]
    if len(value) < schema.get("minLength", 0):
        return [f"{where}: too short"]
    return []


def _object(value: Any, schema: dict, root: dict, where: str) -> list[str]:
    if not isinstance(value, dict):
        return []
    found = [f"{where}: missing {key}" for key in schema.get("required", []) if key not in value]
    properties = schema.get("properties", {})
    for key, item in value.items():
        if key in properties:
            found += errors(item, properties[key], root, f"{where}/{key}")
        elif schema.get("additionalProperties") is False:
            found.append(f"{where}: unknown key {key}")
    return found


def _array(value: Any, schema: dict, root: dict, where: str) -> list[str]:
    if not isinstance(value, list):
        return []
    found = []
    if not schema.get("minItems", 0) <= len(value) <= schema.get("maxItems", len(value)):
        found.append(f"{where}: {len(value)} items")
    if schema.get("uniqueItems") and len({json.dumps(v, sort_keys=True) for v in value}) != len(value):
        found.append(f"{where}: items repeat")
    if "contains" in schema and not any(not errors(v, schema["contains"], root) for v in value):
        found.append(f"{where}: contains nothing matching")
    if "items" in schema:
        for index, item in enumerate(value):
            found += errors(item, schema["items"], root, f"{where}/{index}")
    return found


def _alternatives(value: Any, schema: dict, root: dict, where: str) -> list[str]:
    if "anyOf" in schema and all(errors(value, s, root) for s in schema["anyOf"]):
        return [f"{where}: matches none of anyOf"]
    if "oneOf" in schema and sum(not errors(value, s, root) for s in schema["oneOf"]) != 1:
        return [f"{where}: does not match exactly one of oneOf"]
    return []

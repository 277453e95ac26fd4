"""Texts too long for their box on screen; the limits live in assets/text_limits.yaml."""

from __future__ import annotations

import functools

from game.assets import ASSETS, read_yaml
from game.scenario.fields import Report
from game.scenario.source import Node

LIMITS_FILE = ASSETS / "text_limits.yaml"


@functools.cache
def text_limits() -> dict[str, int]:
    return read_yaml(LIMITS_FILE)


def check_texts(root: Node, report: Report) -> None:
    for box, node in _boxed_texts(root):
        limit = text_limits().get(box)
        size = len(" ".join(node.text.split()))
        if limit and size > limit:
            report.warning(node, f"this text is {size} characters; the {box.replace('_', ' ')} box on screen "
                           f"holds {limit}", f"shorten it by {size - limit} characters")


def _boxed_texts(root: Node) -> list[tuple[str, Node]]:
    found = [(key, _get(root, key)) for key in ("title", "goal", "situation", "target")]
    found += [("claim_what", _get(claim, "what")) for claim in _items(root, "week")]
    endings = _get(root, "endings")
    for ending in _values(endings):
        found.append(("ending_text", _get(ending, "text")))
        found += [("ending_text", _get(v, "text")) for v in _values(_get(ending, "if_motive"))]
    for call in _items(root, "calls"):
        for point in _items(call, "points"):
            found.append(("buyer_line", _get(point, "buyer")))
            found += [("buyer_line", _get(v, "buyer")) for v in _values(_get(point, "if_motive"))]
            for phrasing in _items(point, "choices"):
                found += [("phrasing", _get(phrasing, "say")), ("reply", _get(phrasing, "reply")),
                          ("feedback", _get(phrasing, "feedback"))]
                found += [("reply", _get(v, "reply")) for v in _values(_get(phrasing, "if_motive"))]
    return [(box, node) for box, node in found if node is not None and node.is_scalar and node.value is not None]


def _get(node: Node | None, key: str) -> Node | None:
    return node.value.get(key) if node is not None and node.is_map else None


def _items(node: Node | None, key: str) -> list[Node]:
    value = _get(node, key)
    return value.value if value is not None and value.is_list else []


def _values(node: Node | None) -> list[Node]:
    return list(node.value.values()) if node is not None and node.is_map else []

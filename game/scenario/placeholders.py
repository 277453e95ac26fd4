"""Placeholders in a scenario's texts: the game fills in only {appointment}, and only where a moment is agreed.

{appointment} names the moment a phrasing agrees, in its 'say' (the moment the trainee proposes),
its 'reply' (the moment the buyer agrees) and its 'feedback'. Anything else between curly brackets
would be shown as written, so validate refuses it.
"""

from __future__ import annotations

import re

from game.scenario.fields import Report, did_you_mean
from game.scenario.source import Node
from game.text import APPOINTMENT_PLACEHOLDER

PLACEHOLDER = re.compile(r"\{([^{}\n]{0,40})\}")
KNOWN = (APPOINTMENT_PLACEHOLDER[1:-1],)
NAMING_KEYS = ("say", "reply", "feedback")  # the texts of a phrasing, which can name the moment it agrees


def check_placeholders(root: Node, report: Report) -> None:
    """Every {word} in a text: an unknown one is refused; {appointment} outside a phrasing's texts too."""
    waiting: list[tuple[str, Node]] = [("", root)]
    while waiting:
        key, node = waiting.pop()
        if node.is_map:
            waiting.extend(node.value.items())
        elif node.is_list:
            waiting.extend((key, item) for item in node.value)
        elif isinstance(node.value, str) and "{" in node.value:
            _check_text(key, node, report)


def _check_text(key: str, node: Node, report: Report) -> None:
    for match in PLACEHOLDER.finditer(node.value):
        name = match.group(1).strip()
        if name in KNOWN:
            if key not in NAMING_KEYS:
                report.error(node, f"'{key}' cannot name {APPOINTMENT_PLACEHOLDER}: only a phrasing's 'say', "
                             "'reply' and 'feedback' can, where the phrasing agrees a moment",
                             "write the moment out here, or move the text into the phrasing that agrees it")
            continue
        guess = did_you_mean(name.lower(), KNOWN)
        guess = f"did you mean {APPOINTMENT_PLACEHOLDER}? " if guess else ""
        report.error(node, f"'{match.group(0)}' is not a placeholder the game knows, so it would be shown as written",
                     f"{guess}The game fills in only {APPOINTMENT_PLACEHOLDER}; write any other text without "
                     "curly brackets")

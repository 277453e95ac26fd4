"""Valid scenario files of any size, for measuring: N decision points with three phrasings each.

Texts are made of plain words at the lengths trainers write (a buyer's line of one or two
sentences, a phrasing of one); the same size and seed always give the same file.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

POINTS_PER_CALL = 10
CALL_STAGES = ("reached", "position_known", "step_agreed")
PRINCIPLES = ("concrete_next_contact", "name_the_stall", "decision_question", "who_decides",
              "cost_aside", "still_your_wish", "polling_is_static", "open_questions_reopen")
MOTIVES = ("internal_blocker", "price_lever")
_WORDS = ("the quote", "your desks", "our budget", "next week", "the director", "installation", "a decision",
          "the price", "delivery", "my colleague", "the planning office", "this quarter", "Thursday",
          "the order", "a short call", "the proposal", "the warehouse", "honestly", "of course", "again")
_HEADER = """\
title: Generated scenario with {points} decision points
language: en
goal: Measure how fast a large scenario loads, lints and plays.
difficulty: medium
minutes: 10
situation: {situation}
target: Find out where the quote stands.

buyer:
  name: Test Buyer
  role: Facility manager
  company: Bench Logistics
  colleague: the receptionist
  motive:
    real_interest: 2
    internal_blocker: 1
    price_lever: 1

quote:
  what: 40 workstations
  amount: 38500
  sent_days_ago: 9

week:
  - {{day: 1, at: "09:00", minutes: 90, who: boss, what: management meeting, unreachable: colleague}}
  - {{day: 2, at: "13:03", minutes: 10, who: partner, what: a private call, visible: false}}
  - {{day: 3, at: "10:00", minutes: 60, who: customer, what: a customer visit}}

calls:
"""


def scenario_yaml(points: int, seed: int = 0) -> str:
    """The text of a valid scenario with `points` decision points, in calls of ten."""
    rng = random.Random(seed)
    parts = [_HEADER.format(points=points, situation=_quoted(_sentence(rng, 30)))]
    for call_number, first in enumerate(range(0, points, POINTS_PER_CALL), start=1):
        size = min(POINTS_PER_CALL, points - first)
        parts.append(_call(rng, call_number, size))
    return "".join(parts)


def write_scenario(path: Path, points: int, seed: int = 0) -> Path:
    path.write_text(scenario_yaml(points, seed), encoding="utf-8")
    return path


def _call(rng: random.Random, number: int, size: int) -> str:
    lines = [f"  - id: c{number}", f"    stages: [{CALL_STAGES[(number - 1) % len(CALL_STAGES)]}]", "    points:"]
    for index in range(size):
        lines.extend(_point(rng, number, index, size))
    return "\n".join(lines) + "\n"


def _point(rng: random.Random, call: int, index: int, size: int) -> list[str]:
    lines = [f"      - id: c{call}p{index}", f"        buyer: {_quoted(_sentence(rng, 22))}"]
    if index % 4 == 0:
        lines += ["        if_motive:", "          internal_blocker:",
                  f"            buyer: {_quoted(_sentence(rng, 16))}"]
    lines.append("        choices:")
    for choice in range(3):
        lines.extend(_phrasing(rng, call, index, size, choice))
    return lines


def _phrasing(rng: random.Random, call: int, index: int, size: int, choice: int) -> list[str]:
    advance = choice == 0
    lines = [f"          - say: {_quoted(_sentence(rng, 14))}",
             f"            aim: {'advance' if advance else 'prolong'}",
             f"            reply: {_quoted(_sentence(rng, 14))}",
             f"            feedback: {_quoted(_sentence(rng, 18))}",
             f"            principle: {rng.choice(PRINCIPLES)}"]
    if advance:
        lines.append(f"            deal: {rng.choice(('reveal', 'agree_step', 'reveal'))}")
    if choice == 1:
        lines.append("            next: end")
    elif choice == 2 and index + 2 < size:
        lines.append(f"            next: c{call}p{index + 2}")
    if advance and index % 3 == 0:
        lines += ["            if_motive:", f"              {rng.choice(MOTIVES)}:",
                  f"                reply: {_quoted(_sentence(rng, 12))}", "                deal: decline"]
    if choice == 2 and index % 5 == 0:
        lines.append('            appointment: {days_later: 1, at: "10:30"}')
    return lines


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(max(1, words // 2))]
    return (" ".join(chosen) + ".").capitalize()


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)

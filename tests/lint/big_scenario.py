"""A generated scenario with many decision points, to keep lint fast on big files."""

from __future__ import annotations


def big_scenario(points: int, calls: int = 4) -> str:
    lines = ["title: Big", "language: en", "buyer:", "  name: Ann",
             "  motive: {real_interest: 1, price_lever: 1, polite_no: 1, internal_blocker: 1}",
             "quote:", "  what: Chairs", "calls:"]
    per_call = points // calls
    stage_of = ["reached", "position_known", "step_agreed", "reached"]
    for c in range(calls):
        lines += [f"  - id: c{c}", f"    stages: [{stage_of[c % 4]}]", "    points:"]
        for p in range(per_call):
            jump = f"c{c}-{(p * 7) % per_call + 1}" if p % 5 == 4 else "end"
            lines += [f"      - buyer: Line {p}.", "        choices:",
                      "          - say: Is it still your wish?", "            aim: advance",
                      "            reply: Yes.", "            deal: reveal", "            feedback: Good.",
                      "            if_motive:", "              polite_no: {deal: decline}",
                      "          - say: Shall we agree a step?", "            aim: advance",
                      "            reply: Yes.", "            deal: agree_step", "            feedback: Good.",
                      "          - say: I will call later.", "            aim: prolong", "            reply: Fine.",
                      f"            next: {jump}", "            feedback: Nothing moved."]
    return "\n".join(lines) + "\n"

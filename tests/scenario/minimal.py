"""The smallest valid scenario, as text, for tests that break it one way at a time."""

MINIMAL = """\
title: Tiny
language: en
buyer:
  name: Ann
quote:
  what: Ten chairs
calls:
  - points:
      - buyer: Hello?
        choices:
          - say: Shall we settle it?
            aim: advance
            reply: Yes.
            deal: order
            feedback: Asked for the order.
          - say: I'll call again.
            aim: prolong
            reply: Fine.
            feedback: Nothing agreed.
"""


def broken(old: str, new: str) -> str:
    """MINIMAL with one piece of text replaced; fails loudly when the piece is not there."""
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)

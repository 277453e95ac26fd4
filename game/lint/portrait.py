"""A buyer the portrait hint does not describe: without `woman` or `man` the game cannot know whom to draw
and whose voice to use, and it does not guess from a name."""

from __future__ import annotations

from game.scenario.appearance import appearance
from game.scenario.fields import Report
from game.scenario.source import Node

HINT = "start the buyer's 'portrait:' with woman or man (vrouw, man) and an age, e.g. 'woman in her forties, " \
       "short grey hair': the face on screen and the voice that speaks for the buyer follow it"


def check_portrait(root: Node, report: Report) -> None:
    buyer = root.value.get("buyer") if root.is_map else None
    if buyer is None or not buyer.is_map:
        return
    portrait = buyer.value.get("portrait")
    if portrait is None:
        report.warning(root.keys["buyer"], "the buyer has no portrait: the game draws a man's face and "
                       "speaks with the computer's default voice, whoever the buyer is", HINT)
    elif not appearance(str(portrait.value or "")).gender:
        report.warning(portrait, "the portrait does not say woman or man: the game draws a man's "
                       "face and speaks with the computer's default voice, whoever the buyer is", HINT)

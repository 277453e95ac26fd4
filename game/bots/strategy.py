"""How a bot plays: which moment and channel to try, and which phrasing to say.

- advance: calls at free moments and keeps appointments; says the phrasings written to move the deal.
- prolong: e-mails and calls whenever; says the phrasings written to keep things pleasant.
- random: anything.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from game.model.moment import Moment
from game.model.playthrough import Playthrough
from game.model.replay import MOST_ACTIONS, play_on
from game.model.scenario import Aim
from game.model.turn import Channel

STRATEGIES = ("advance", "prolong", "random")


@dataclass
class Strategy:
    name: str
    rng: random.Random

    def contact(self, play: Playthrough) -> tuple[Moment, Channel]:
        moments = play.moments()
        if self.name == "advance":
            return _free_moment(play, moments), Channel.CALL
        if self.name == "prolong":
            return moments[0], Channel.EMAIL if play.contacts_used % 2 == 0 else Channel.CALL
        moment = self.rng.choice(moments[:8])
        return moment, Channel.CALL if self.rng.random() < 0.75 else Channel.EMAIL

    def phrasing(self, play: Playthrough) -> int:
        phrasings = play.point.phrasings
        if self.name == "random":
            return self.rng.randrange(len(phrasings))
        aim = Aim.ADVANCE if self.name == "advance" else Aim.PROLONG
        fitting = [i for i, p in enumerate(phrasings) if p.aim == aim] or list(range(len(phrasings)))
        return self.rng.choice(fitting)


def _free_moment(play: Playthrough, moments: list[Moment]) -> Moment:
    """The agreed moment if there is one, else the first moment nobody visibly has the buyer."""
    if play.appointment in moments:
        return play.appointment
    for moment in moments:
        claim = play.claim_at(moment)
        if claim is None or not claim.visible:
            return moment
    return moments[0]


def play_out(play: Playthrough, strategy: Strategy, max_actions: int = MOST_ACTIONS) -> Playthrough:
    """Let the strategy play until the game ends."""
    return play_on(play, strategy, max_actions)


def bot_rng(seed: int) -> random.Random:
    """The bot's own random source, apart from the buyer's, so both stay reproducible."""
    return random.Random(f"bot-{seed}")


def advancing(seed: int) -> Callable[[], Strategy]:
    """A fresh `advance` bot for each way the same week is replayed (game.model.replay), each with the same dice."""
    return lambda: Strategy("advance", bot_rng(seed))

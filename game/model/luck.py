"""The dice of a game's week: whether the buyer, free when the phone rings, feels like picking up.

Every game is played with one `random.Random`, drawn call after call in the order the trainee rings
(`InTurn`): that is how games are played and recorded, and the seed with the trainee's actions replays one
exactly. But it ties the dice to the order of the calls, not to the moments: had the trainee said one thing
differently, every later call would have met other dice, and a stronger phrasing could "win" only because
the dice changed.

So to compare ways through the same week (`game.model.replay`), the dice belong to the week (`OfTheWeek`):
each moment has one draw, the one the trainee's own game met there, else one derived from the seed and the
moment alone. Two ways on that ring at the same moment meet the same draw, and a moment the trainee rang at
gives what it gave the trainee.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Protocol

from game.model.moment import Moment


class Dice(Protocol):
    def draw(self, moment: Moment) -> float:
        """A number in [0, 1): the buyer, free at `moment`, picks up when it is below the answer chance."""
        ...


class InTurn:
    """The game's own random source, drawn in the order the calls are made: how every game is played."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def draw(self, moment: Moment) -> float:
        return self.rng.random()


class OfTheWeek:
    """One draw per moment: the one the trainee met there (`met`), else one from the seed and the moment."""

    def __init__(self, seed: int, met: Mapping[Moment, float]):
        self.seed = seed
        self.met = dict(met)

    def draw(self, moment: Moment) -> float:
        met = self.met.get(moment)
        return met if met is not None else moment_draw(self.seed, moment)


def moment_draw(seed: int, moment: Moment) -> float:
    """The draw of `moment` in the week of `seed`: the same on every machine and Python version (a text seed)."""
    return random.Random(f"{seed}/{moment.day}/{moment.minute}").random()

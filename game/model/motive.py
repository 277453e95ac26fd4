"""Why the buyer asked for the quote: the hidden motive the trainee must bring to light."""

from __future__ import annotations

import random
from enum import StrEnum


class Motive(StrEnum):
    REAL_INTEREST = "real_interest"
    PRICE_LEVER = "price_lever"        # the quote puts pressure on the current supplier
    POLITE_NO = "polite_no"            # decided against us; the quote is a consolation
    INTERNAL_BLOCKER = "internal_blocker"  # a colleague, a budget round, another decision-maker


def draw_motive(weights: dict[Motive, float], rng: random.Random) -> Motive:
    """One motive, drawn by weight; a single motive is returned without touching rng."""
    names = [name for name in Motive if weights.get(name, 0) > 0]
    if len(names) == 1:
        return names[0]
    return rng.choices(names, weights=[weights[name] for name in names])[0]

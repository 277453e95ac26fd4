"""Why the buyer asked for the quote: the hidden motive the trainee must bring to light."""

from __future__ import annotations

import random

REAL_INTEREST = "real_interest"
PRICE_LEVER = "price_lever"
POLITE_NO = "polite_no"
INTERNAL_BLOCKER = "internal_blocker"
MOTIVES = (REAL_INTEREST, PRICE_LEVER, POLITE_NO, INTERNAL_BLOCKER)


def draw_motive(weights: dict[str, float], rng: random.Random) -> str:
    """One motive, drawn by weight; a single motive is returned without touching rng."""
    names = [name for name in MOTIVES if weights.get(name, 0) > 0]
    if len(names) == 1:
        return names[0]
    return rng.choices(names, weights=[weights[name] for name in names])[0]

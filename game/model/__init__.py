"""The pure model: the buyer, the deal, a playthrough, a scenario as plain data, and the score.

No pygame, no words, no files; the random source and the clock come from outside. The buyer, the
deal and a playthrough's phase are `transitions` machines, one per object.
"""

import logging

# The state machines log every trigger at INFO and a refused one at WARNING; only the latter may matter.
logging.getLogger("transitions").setLevel(logging.WARNING)

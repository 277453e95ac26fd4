"""The pure model: the buyer, the deal, a playthrough and its score. Never imports pygame."""

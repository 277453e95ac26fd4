"""Bots that play a scenario headless, for `simulate`, balancing and tests."""

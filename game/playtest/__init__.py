"""Playtests: a trainer's scripted choices through a scenario, and what must follow from them."""

from game.playtest.run import FileResult, PlaytestResult, run_file

__all__ = ["FileResult", "PlaytestResult", "run_file"]

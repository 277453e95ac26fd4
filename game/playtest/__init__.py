"""Playtests: a trainer's scripted choices through a scenario, and what must follow from them."""

from game.playtest.run import FileResult, Result, run_file

__all__ = ["FileResult", "Result", "run_file"]

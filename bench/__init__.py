"""Benchmarks: how fast the game starts, draws, loads, lints and plays. Run `python main.py bench`."""

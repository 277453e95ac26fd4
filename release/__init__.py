"""Building, zipping and smoke-testing the downloadable app (see build.py, smoke.py)."""

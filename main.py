"""Vooruitgang: `python main.py` starts the game; `python main.py --help` lists the tools."""

import sys
from importlib.util import find_spec

# The libraries every command needs (requirements.txt); checked first, so a Python without them gets one line.
NEEDED = {"pygame": "pygame-ce", "transitions": "transitions", "yaml": "PyYAML"}


def missing_libraries() -> list[str]:
    return [package for module, package in NEEDED.items() if find_spec(module) is None]


if __name__ == "__main__":
    if missing := missing_libraries():
        sys.exit(f"This Python lacks {', '.join(missing)}. Run `make play` (or `make test`): "
                 "it sets everything up in .venv. Then use .venv/bin/python main.py.")
    from game.cli import main

    if sys.stdout is None and len(sys.argv) > 1:  # the windowed app on Windows has nowhere to print
        from game.installation import run_without_console
        from game.settings import load_settings

        sys.exit(run_without_console(main, sys.argv[1:], load_settings().language))
    sys.exit(main())

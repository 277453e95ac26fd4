"""The command line: `python main.py COMMAND ...`. Each command is a module with `add(subparsers)` and `run(args)`."""

from __future__ import annotations

import argparse
import os
import sys
from types import ModuleType

DEBUG_ENV = "VOORUITGANG_DEBUG"


def commands() -> list[ModuleType]:
    """Every command, in the order `--help` lists them; imported here so the window starts without them."""
    from game.cli import (
        bench,
        export,
        graph,
        host,
        lint,
        merge,
        new,
        play,
        report,
        schema,
        shots,
        simulate,
        sync,
        test,
        validate,
    )

    return [validate, simulate, play, lint, graph, test, new, shots, report, export, merge, sync, host, schema, bench]


def parser() -> argparse.ArgumentParser:
    from game.installation import console_program

    top = argparse.ArgumentParser(prog=console_program(),
        description="Vooruitgang: follow up a quote by phone. Without a command, the game starts.")
    subparsers = top.add_subparsers(dest="command", metavar="COMMAND")
    for command in commands():
        command.add(subparsers)
    return top


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        from game.app import play  # the window is only imported when it is wanted
        return play()
    args = parser().parse_args(argv)
    if not hasattr(args, "run"):
        parser().print_help()
        return 2
    try:
        return args.run(args)
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stdout = None
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug of ours: one line to send to the developers, never a traceback
        if os.environ.get(DEBUG_ENV):
            raise
        print(f"{args.command}: stopped by an error in Vooruitgang ({type(error).__name__}: {error}). "
              f"Nothing was left half-written. Run again with {DEBUG_ENV}=1 to see where, and tell the developers.",
              file=sys.stderr)
        return 70

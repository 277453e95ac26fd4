"""`lint FILE... [--strict]`: the loader's problems, then the design problems, then statistics."""

from __future__ import annotations

import argparse

from game.lint import Findings, format_problem, lint_file


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("lint", help="find design problems in scenario files (after validate)")
    command.add_argument("files", nargs="+", metavar="FILE")
    command.add_argument("--strict", action="store_true", help="fail on warnings too")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        findings = lint_file(path)
        _print(findings)
        failed |= bool(findings.errors) or (args.strict and bool(findings.warnings))
    return 1 if failed else 0


def _print(findings: Findings) -> None:
    for problem in findings.problems:
        print(format_problem(problem))
    errors, warnings = len(findings.errors), len(findings.warnings)
    summary = "ok" if not findings.problems else f"{errors} error{'s' * (errors != 1)}, " \
        f"{warnings} warning{'s' * (warnings != 1)}"
    print(f"{findings.path}: {summary}")
    if findings.statistics:
        for line in findings.statistics.lines():
            print(f"  {line}")

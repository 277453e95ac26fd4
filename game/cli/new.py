"""`new NAME --lang nl|en [--out PATH]`: start a scenario from a commented example that validates and lints."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from game.installation import console_program, new_scenarios, pasteable, shipped_root, shipped_scenarios
from game.text import LANGUAGES

STARTERS = shipped_root() / "docs" / "examples"
_SCHEMA_LINE = "# yaml-language-server: $schema="


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("new", help="write a new scenario to start from, with comments on every part")
    command.add_argument("name", metavar="NAME", help="the file's name, e.g. 'printer-lease'")
    command.add_argument("--lang", choices=LANGUAGES, default="nl", help="the language of the texts (default nl)")
    command.add_argument("--out", metavar="PATH", help="where to write it (default scenarios/NAME.<lang>.yaml; "
                         "in the built app, the scenarios folder in the user data folder)")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    name = Path(args.name).name.removesuffix(".yaml").removesuffix(f".{args.lang}")
    if not re.fullmatch(r"[\w][\w .-]*", name):
        print(f"'{args.name}' cannot be a file name; use letters, digits and '-', e.g. printer-lease")
        return 2
    # "Offerte stoelen" becomes offerte-stoelen.nl.yaml: a name without spaces survives being typed in a command
    out = Path(args.out) if args.out else new_scenarios() / f"{'-'.join(name.lower().split())}.{args.lang}.yaml"
    if out.exists():
        print(f"{out}: already exists; it is left as it is. Choose another NAME or --out")
        return 1
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(starter(args.lang, name, out))
    except OSError as error:
        print(f"{out}: cannot write the file ({error.strerror or error})")
        return 1
    print(f"{out}: written. Next: edit it, then run  {console_program()} lint {pasteable(out)}")
    return 0


def starter(lang: str, name: str, out: Path) -> str:
    """The example for `lang`, titled after NAME, pointing at the schema from where it is written."""
    text = (STARTERS / f"starter.{lang}.yaml").read_text(encoding="utf-8")
    title = name.replace("-", " ").replace("_", " ").strip()
    title = title[:1].upper() + title[1:]  # as typed: 'ACME printers' keeps its capitals
    text = re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.MULTILINE)
    schema = shipped_scenarios() / "scenario.schema.json"
    try:
        where = Path(os.path.relpath(schema, out.resolve().parent))
    except ValueError:  # another drive on Windows
        where = schema
    return re.sub(r"^# yaml-language-server: \$schema=.*$", f"{_SCHEMA_LINE}{where.as_posix()}", text, count=1,
                  flags=re.MULTILINE)

"""`graph FILE --out FILE.svg|.dot|.md`: draw the scenario's calls, decision points and endings."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.validate import loaded_or_told
from game.graph import WRITERS, flow_graph


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("graph", help="draw a scenario's flow as .svg, .dot (Graphviz) or .md (Mermaid)")
    command.add_argument("file", metavar="FILE")
    command.add_argument("--out", required=True, metavar="OUT", help="the file to write: its ending picks the format")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    writer = WRITERS.get(out.suffix.lower())
    if writer is None:
        print(f"{out}: cannot write '{out.suffix or out.name}'; end the name in .svg, .dot or .md")
        return 2
    scenario = loaded_or_told(args.file)
    if scenario is None:
        return 1
    text = writer(flow_graph(scenario))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"{out}: cannot write the file ({error.strerror or error})")
        return 1
    print(f"{out}: written")
    return 0

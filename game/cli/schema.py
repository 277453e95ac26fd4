"""`schema [--check]`: write the scenario schema and the guide's field reference from the format's declaration.

The format is declared once, in game/scenario/format.py (and the playtest file in
game/playtest/spec.py). From it come `scenarios/scenario.schema.json`, which trainers' editors
read, and the tables between the `<!-- reference: NAME -->` markers of docs/writing-scenarios.md.
Run this after changing the declaration, assets/rules.yaml (the defaults) or
assets/text_limits.yaml (the sizes named in the texts); `--check` only says whether they are up to date.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from game.installation import frozen

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = Path("scenarios") / "scenario.schema.json"
GUIDE_FILE = Path("docs") / "writing-scenarios.md"


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("schema", help="write the scenario schema and the guide's field reference "
                                                 "from the format's declaration (in a source checkout)")
    command.add_argument("--check", action="store_true", help="only say whether they are up to date; exit 1 if not")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if frozen():  # the declaration's outputs live in the source checkout; the app ships the schema made there
        print("schema writes files of a source checkout: run  python main.py schema  there")
        return 2
    stale = [path for path, text in published(ROOT).items() if _read(ROOT / path) != text]
    if args.check:
        for path in stale:
            print(f"{path}: not what the format's declaration makes; run: python main.py schema")
        if not stale:
            print("the schema and the guide's reference follow the format's declaration")
        return 1 if stale else 0
    for path in stale:
        (ROOT / path).write_text(published(ROOT)[path], encoding="utf-8", newline="\n")
        print(f"{path}: written")
    if not stale:
        print("the schema and the guide's reference were up to date")
    return 0


def published(root: Path) -> dict[Path, str]:
    """What the declaration makes: the schema's text and the guide's text, by their place in the checkout."""
    from game.lint.texts import text_limits
    from game.playtest.spec import EXPECT, PLAYTESTS, STEP, TEST
    from game.scenario import format as declared
    from game.scenario.load import RULES_FILE
    from game.scenario.reference import updated_guide
    from game.scenario.schema import schema_text
    from game.scenario.shapes import with_defaults
    from game.scenario.source import data_of, read_file

    rules: dict[str, Any] = data_of(read_file(str(RULES_FILE)))
    limits = text_limits()
    rules_record = with_defaults(declared.RULES, rules)
    score = rules_record.by_name["score"].shape
    records = {
        "scenario": declared.SCENARIO, "buyer": declared.BUYER, "quote": declared.QUOTE, "week": declared.CLAIM,
        "calls": declared.CALL, "points": declared.POINT, "phrasings": declared.PHRASING,
        "endings": declared.ENDINGS, "ending": declared.ENDING, "rules": rules_record,
        "score": score, "stages": score.by_name["stages"].shape,
        "playtests": PLAYTESTS, "test": TEST, "step": STEP, "expect": EXPECT,
    }
    guide = updated_guide(_read(root / GUIDE_FILE), records, limits)
    return {SCHEMA_FILE: schema_text(rules, limits), GUIDE_FILE: guide}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""

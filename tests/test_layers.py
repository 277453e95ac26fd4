"""The house's floors: every module under game/ imports only from its own floor or the floors below.

0. the model (`game/model/`): the buyer, the deal, a playthrough, a scenario as plain data, the score.
   Pure Python: no pygame, no words, no files; the random source and the clock come from outside.
1. files, words and settings (`userdata`, `installation`, `assets`, `text`, `settings`): where the
   game's files are, every word it shows in each language, the trainee's settings.
2. scenario reading (`game/scenario/`): a file read, checked and turned into the model's Scenario.
3. what is built on a playthrough (`bots`, `debrief`, `lint`, `library`, `practice`, `session`): the bots, the
   debrief as data, the scenario explored by the model, the scenarios a trainee can choose, the moments to
   practise, the game being played; shared by everything above.
4. tools, workshop, room, xAPI, scenes, voice (`graph`, `playtest`, `terminal`, `workshop`, `room`,
   `xapi`, `ui`, `scenes`, `voice`): what trainers and trainees use. Folders on this floor may use
   each other (the room and the window record through the workshop; scenes draw with `ui`).
5. the programs (`app`, `cli`): the window's main loop and one module per command.

An import of a higher floor is an arrow running up, and fails here with its file and line: put the
code where its floor is, or pass what it needs in from above. A new folder under game/ takes a floor
here before anything imports it.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"

FLOORS = (
    ("the model", {"model"}),
    ("files, words and settings", {"userdata", "installation", "assets", "text", "settings"}),
    ("scenario reading", {"scenario"}),
    ("what is built on a playthrough", {"bots", "debrief", "lint", "library", "practice", "session"}),
    ("tools, workshop, room, xAPI, scenes, voice",
     {"graph", "playtest", "terminal", "workshop", "room", "xapi", "ui", "scenes", "voice"}),
    ("the programs", {"app", "cli"}),
)
FLOOR = {name: number for number, (_, names) in enumerate(FLOORS) for name in names}

# What the model may import besides itself: the standard library's pure parts and the state machines.
# `random` and `time` only as the defaults of what is injected (a game's Random, the wall clock).
MODEL_LIBRARIES = {"__future__", "bisect", "collections", "dataclasses", "enum", "functools", "itertools",
                   "logging", "math", "random", "re", "statistics", "time", "transitions", "typing"}


def modules() -> list[Path]:
    return sorted(path for path in GAME.rglob("*.py"))


def part_of(path: Path) -> str:
    """`model` for game/model/deal.py, `debrief` for game/debrief.py."""
    return path.relative_to(GAME).parts[0].removesuffix(".py")


def imported(path: Path) -> list[tuple[str, int]]:
    """Every module `path` imports, by its full name, with the line: at the top and inside functions alike."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "game":  # `from game import text`
                found += [(f"game.{alias.name}", node.lineno) for alias in node.names]
            else:
                found.append((node.module, node.lineno))
    return found


def ours(name: str) -> str | None:
    """The part of the game a module name belongs to, or None for a library."""
    parts = name.split(".")
    return parts[1] if parts[0] == "game" and len(parts) > 1 else None


def upward_arrows() -> list[str]:
    arrows = []
    for path in modules():
        here = part_of(path)
        if here == "__init__":
            continue
        for name, line in imported(path):
            there = ours(name)
            if there is None or there not in FLOOR or here not in FLOOR:
                continue
            if FLOOR[there] > FLOOR[here]:
                arrows.append(f"game/{path.relative_to(GAME)}:{line} imports {name}, on floor {FLOOR[there]} "
                              f"({FLOORS[FLOOR[there]][0]}), from floor {FLOOR[here]} ({FLOORS[FLOOR[here]][0]})")
    return arrows


def test_every_part_of_the_game_stands_on_a_floor():
    parts = {part_of(path) for path in modules()} - {"__init__"}
    assert sorted(parts - FLOOR.keys()) == [], "give each a floor in FLOORS (tests/test_layers.py)"


def test_no_import_runs_up_a_floor():
    assert upward_arrows() == []


def test_the_model_imports_nothing_of_ours_but_the_model():
    found = [f"game/{path.relative_to(GAME)}:{line} imports {name}"
             for path in modules() if part_of(path) == "model"
             for name, line in imported(path) if ours(name) not in (None, "model")]
    assert found == []


def test_the_model_imports_no_library_that_draws_speaks_or_touches_files():
    found = [f"game/{path.relative_to(GAME)}:{line} imports {name}"
             for path in modules() if part_of(path) == "model"
             for name, line in imported(path) if ours(name) is None and name.split(".")[0] not in MODEL_LIBRARIES]
    assert found == []


def test_an_import_of_a_higher_floor_is_found(tmp_path, monkeypatch):
    """The walk itself: a model module that reaches for the words is reported with its file and line."""
    game = tmp_path / "game"
    (game / "model").mkdir(parents=True)
    (game / "text").mkdir()
    (game / "model" / "deal.py").write_text("import random\n\n\ndef f():\n    from game.text import say\n")
    (game / "text" / "__init__.py").write_text("from game.model.deal import f\n")
    monkeypatch.setattr(sys.modules[__name__], "GAME", game)
    assert upward_arrows() == ["game/model/deal.py:5 imports game.text, on floor 1 (files, words and settings), "
                               "from floor 0 (the model)"]

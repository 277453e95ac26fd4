"""The tree explains itself: the README's "Where things live" names every part of the game, and every folder
of code says in its docstring what lives there."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CODE_FOLDERS = sorted(folder for top in ("game", "bench", "release")
                      for folder in [ROOT / top, *(ROOT / top).rglob("*")] if any(folder.glob("*.py")))
GAME_PARTS = sorted(path.name + ("/" if path.is_dir() else "") for path in (ROOT / "game").iterdir()
                    if (path.suffix == ".py" and path.name != "__init__.py") or any(path.glob("*.py")))


def _where_things_live() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Where things live", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("part", GAME_PARTS)
def test_the_readme_says_where_each_part_of_the_game_lives(part):
    assert f"`game/{part}`" in _where_things_live()


def test_the_readme_names_no_part_of_the_game_that_is_gone():
    named = re.findall(r"`(game/[^`]*)`", _where_things_live())
    assert [name for name in named if not (ROOT / name).exists()] == []


@pytest.mark.parametrize("folder", CODE_FOLDERS, ids=[str(folder.relative_to(ROOT)) for folder in CODE_FOLDERS])
def test_every_folder_of_code_says_what_lives_there(folder):
    init = folder / "__init__.py"
    assert init.is_file() and ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))

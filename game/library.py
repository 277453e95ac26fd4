"""The scenario library: every scenario file a trainee can choose, read, with the trainee's last result.

The folders are the trainer's (beside the app, in the user data folder) and the shipped one
(game.installation); a trainer's file hides a shipped file of the same name. A file that does
not load is listed with its first problem, so the list can say what is wrong with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.installation import scenario_folders
from game.model.scenario import Scenario
from game.scenario.load import load_scenario
from game.scenario.problem import ScenarioError


@dataclass(frozen=True)
class Entry:
    path: str
    scenario: Scenario | None
    problem: str = ""
    last: Any = None  # the journal's last result: has .score and .outcome


def scenario_paths(folders: list[Path] | None = None) -> list[Path]:
    """The scenario files a trainee can play, the first folder's first; playtests stay out of the list."""
    found: dict[str, Path] = {}
    for folder in scenario_folders() if folders is None else folders:
        for path in sorted(folder.glob("*.yaml")):
            if path.is_file():
                found.setdefault(path.name, path)  # one name, one entry: the trainer's copy wins
    return list(found.values())


def read_entries(paths: list[Path], last_results: dict[str, Any]) -> list[Entry]:
    entries = []
    by_name = {Path(str(key).replace("\\", "/")).name: result for key, result in last_results.items()}
    for path in paths:
        last = by_name.get(Path(path).name)
        try:
            entries.append(Entry(str(path), load_scenario(path), last=last))
        except ScenarioError as error:
            first = error.problems[0] if error.problems else None
            entries.append(Entry(str(path), None, f"{first.file}:{first.line}:{first.column}: {first.message}"
                                 if first else str(error)))
        except (OSError, ValueError) as error:
            entries.append(Entry(str(path), None, f"{path}: {error}"))
    return entries

"""The scenario words behind the room's choices: the buyer's line at a decision point, and the principle
behind each phrasing. The journal keeps only what was said; the scenario files on the trainer's laptop
(the shipped ones, the trainer's own, and `--scenarios` folders) say the rest.

A scenario is looked up by its file name only, never by the path a game posted: the host opens no file
a trainee names.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from game.debrief import principle_text
from game.installation import scenario_folders
from game.model.scenario import DecisionPoint, Scenario
from game.scenario.load import load_scenario
from game.scenario.problem import ScenarioError


class ScenarioLines:
    def __init__(self, folders: Iterable[Path | str] = ()):
        self.folders = [Path(folder) for folder in folders] + scenario_folders()
        self._scenarios: dict[str, Scenario | None] = {}

    def scenario(self, key: str) -> Scenario | None:
        """The first file called `key` in the folders, read once."""
        if key not in self._scenarios:
            self._scenarios[key] = self._load(key)
        return self._scenarios[key]

    def _load(self, key: str) -> Scenario | None:
        if Path(key).name != key or not key.endswith(".yaml"):
            return None
        for folder in self.folders:
            try:
                if (folder / key).is_file():
                    return load_scenario(folder / key)
            except (ScenarioError, OSError):
                continue
        return None

    def point(self, key: str, call_id: str, point_id: str) -> DecisionPoint | None:
        scenario = self.scenario(key)
        call = scenario.call(call_id) if scenario else None
        return call.point(point_id) if call else None

    def buyer(self, key: str, call_id: str, point_id: str) -> str:
        point = self.point(key, call_id, point_id)
        return point.buyer.strip() if point else ""

    def principle(self, key: str, call_id: str, point_id: str, choice: int, lang: str) -> str:
        """The principle behind phrasing `choice` (its place in the list, from 0) at a decision point."""
        point = self.point(key, call_id, point_id)
        phrasing = point.phrasings[choice] if point and 0 <= choice < len(point.phrasings) else None
        return principle_text(lang, phrasing.principle) if phrasing and phrasing.principle else ""

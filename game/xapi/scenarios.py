"""The scenario files behind recorded playthroughs: statements carry every phrasing of a decision point and
a score scaled between the scenario's worst and best, and the journal keeps only what was said.

A playthrough names its file as played (perhaps on a trainee's laptop) and the file's version. The file is
looked for there first, then by its name in the folders the trainer gives and in the shipped scenarios;
only the version that was played counts, since another version may have other phrasings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from game.installation import shipped_scenarios
from game.lint.flow import explore
from game.lint.stats import statistics_of
from game.model.scenario import DecisionPoint, Scenario
from game.scenario.load import load_scenario
from game.scenario.problem import ScenarioError
from game.workshop.journal import scenario_key


@dataclass(frozen=True)
class PlayedScenario:
    """A scenario as the statements need it: its phrasings and its score range."""

    scenario: Scenario
    name: str  # the file name without .yaml, e.g. no-budget.en: one activity per language

    @cached_property
    def best_and_worst(self) -> tuple[int, int]:
        """The best and worst reachable score, as `lint` computes them."""
        numbers = statistics_of(explore(self.scenario))
        return numbers.best, numbers.worst

    def point(self, call_id: str, point_id: str) -> DecisionPoint | None:
        call = self.scenario.call(call_id)
        return call.point(point_id) if call else None


class ScenarioShelf:
    """Finds the file of each scenario version, reading every file at most once.

    `played_paths=False` looks by the file's name in the folders only, never at the path a playthrough names:
    the live host (game/room) forwards plays that trainees posted, and opens no file a trainee names.
    """

    def __init__(self, folders: Iterable[Path | str] = (), played_paths: bool = True):
        self.folders = [Path(folder) for folder in folders] + [shipped_scenarios()]
        self.played_paths = played_paths
        self._loaded: dict[Path, Scenario | None] = {}
        self._found: dict[tuple[str, str], PlayedScenario | None] = {}

    def scenario(self, played_path: str, version: str) -> Scenario | None:
        """The scenario itself, in the version played, or None."""
        found = self.find(played_path, version)
        return found.scenario if found else None

    def find(self, played_path: str, version: str) -> PlayedScenario | None:
        key = scenario_key(played_path)
        if (key, version) not in self._found:
            self._found[key, version] = self._search(played_path, key, version)
        return self._found[key, version]

    def _search(self, played_path: str, key: str, version: str) -> PlayedScenario | None:
        played = [Path(played_path)] if self.played_paths else []
        candidates = played + [folder / key for folder in self.folders]  # `key` is a file name, never a path
        for path in candidates:
            scenario = self._load(path)
            if scenario is not None and scenario.version == version:
                return PlayedScenario(scenario, key.removesuffix(".yaml"))
        return None

    def _load(self, path: Path) -> Scenario | None:
        try:
            resolved = path.resolve()
        except OSError:
            return None
        if resolved not in self._loaded:
            try:
                self._loaded[resolved] = load_scenario(resolved) if resolved.is_file() else None
            except (ScenarioError, OSError):
                self._loaded[resolved] = None
        return self._loaded[resolved]

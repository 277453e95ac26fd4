"""Workshop fixtures: results files filled by bots, as a group of trainees would fill them."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.playthrough import Playthrough
from game.scenario.load import load_scenario
from game.scenario.problem import ScenarioError
from game.workshop.journal import Journal
from game.workshop.rehearsal import as_many, rehearse

ROOT = Path(__file__).resolve().parents[2]


def shipped_scenarios() -> list:
    """The shipped scenarios that load (others may be mid-edit), or the test fixtures when none do."""
    found = []
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        try:
            found.append(load_scenario(path))
        except ScenarioError:
            continue
    return found or [load_scenario(ROOT / "tests" / "fixtures" / "tiny.en.yaml")]


@pytest.fixture
def journal(tmp_path):
    with Journal.open(tmp_path / "results.sqlite") as opened:
        yield opened


@pytest.fixture
def play_game(tiny):
    """Play one whole game of the tiny scenario into a journal; returns (play id, playthrough)."""

    def play(journal: Journal, trainee: str = "Kim", workshop: str = "W1", seed: int = 1,
             strategy: str = "advance", scenario=None) -> tuple[int, Playthrough]:
        game = Playthrough.start(scenario or tiny, seed)
        play_id = journal.begin(game, trainee, workshop, seed)
        play_out(game, Strategy(strategy, bot_rng(seed)))
        journal.finish(play_id, game)
        return play_id, game

    return play


@pytest.fixture(scope="session")
def big_workshop(tmp_path_factory) -> Path:
    """30 trainees x 7 scenarios x 3 replays, played by bots over the shipped scenarios."""
    path = tmp_path_factory.mktemp("big") / "results.sqlite"
    with Journal.open(path) as journal:
        rehearse(journal, as_many(shipped_scenarios(), 7), trainees=30, scenarios_each=7, replays=3, workshop="BIG")
    return path

"""One score everywhere: the debrief, simulate --json, the results file and the trainer's report show the
same whole number, and it is the sum of the turns each of them shows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from game.bots.strategy import Strategy, bot_rng, play_out
from game.cli import main
from game.debrief import debrief
from game.model.playthrough import Playthrough
from game.scenario.load import load_scenario
from game.workshop import sheet
from game.workshop.group import gather
from game.workshop.journal import Journal
from game.workshop.words import Words

ROOT = Path(__file__).resolve().parents[2]
THREE_QUOTES = ROOT / "scenarios" / "three-quotes.en.yaml"
GAMES = [(strategy, seed) for strategy in ("advance", "random", "prolong") for seed in range(6)]


def recorded_game(scenario, strategy: str, seed: int, journal: Journal, trainee: str):
    """A bot's game committed turn by turn, as the window commits a trainee's."""
    play = Playthrough.start(scenario, seed)
    play_id = journal.begin(play, trainee, "SUM", seed)
    play_out(play, Strategy(strategy, bot_rng(seed)))
    journal.finish(play_id, play)
    return play


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """Bots' games kept in a results file as the game keeps them, with the playthroughs themselves."""
    scenario = load_scenario(THREE_QUOTES)
    with Journal.open(tmp_path_factory.mktemp("scores") / "results.sqlite") as journal:
        plays = [recorded_game(scenario, strategy, seed, journal, f"bot-{strategy}-{seed}")
                 for strategy, seed in GAMES]
        yield journal, plays


def test_the_results_file_keeps_each_score_as_the_sum_of_its_turns(recorded):
    journal, _ = recorded
    records = journal.records("SUM")
    assert records and all(record.score == sum(turn.points for turn in record.turns) for record in records)


def test_the_results_file_keeps_the_score_the_debrief_shows(recorded):
    journal, plays = recorded
    kept = sorted(record.score for record in journal.records("SUM"))
    assert kept == sorted(debrief(play).score for play in plays)


def test_the_debrief_shows_turns_that_add_up_to_its_score(recorded):
    _, plays = recorded
    assert all(sum(line.points for line in debrief(play).lines) == debrief(play).score for play in plays)


def test_the_trainers_spreadsheet_shows_the_score_of_each_playthrough(recorded):
    journal, plays = recorded
    rows = list(csv.reader(io.StringIO(sheet.render(gather(journal.records("SUM")), Words("en")))))
    column = rows[0].index(Words("en")("sheet.score"))
    assert sorted(int(row[column]) for row in rows[1:]) == sorted(play.score.total for play in plays)


def test_simulate_json_shows_whole_turn_points_that_add_up_to_its_score(capsys):
    main(["simulate", str(THREE_QUOTES), "--strategy", "random", "--runs", "12", "--json"])
    runs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(all(type(t["points"]) is int for t in run["turns"]) for run in runs)
    assert all(run["score"] == sum(t["points"] for t in run["turns"]) for run in runs)

import json
from pathlib import Path

from game.cli import main

TINY = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "tiny.en.yaml")


def runs(capsys, *args):
    assert main(["simulate", TINY, *args, "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_simulate_json_prints_one_object_per_run(capsys):
    assert len(runs(capsys, "--runs", "3")) == 3


def test_simulate_json_has_outcome_score_and_a_verdict_per_turn(capsys):
    record = runs(capsys, "--strategy", "advance")[0]
    assert record["outcome"] == "order" and isinstance(record["score"], int)
    assert record["turns"] and all(t["verdict"] in ("vooruitgang", "voortgang", "achteruitgang")
                                   for t in record["turns"])


def test_simulate_with_the_same_seed_prints_the_same_game(capsys):
    assert runs(capsys, "--strategy", "random", "--seed", "4") == runs(capsys, "--strategy", "random", "--seed", "4")


def test_simulate_prolong_never_wins_the_order(capsys):
    assert all(r["outcome"] != "order" for r in runs(capsys, "--strategy", "prolong", "--runs", "10"))


def test_simulate_prints_a_median_over_several_runs(capsys):
    assert main(["simulate", TINY, "--strategy", "advance", "--runs", "5"]) == 0
    assert "advance: median score" in capsys.readouterr().out.splitlines()[-1]

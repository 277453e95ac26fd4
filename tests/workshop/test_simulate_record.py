"""`simulate --record` fills the results file the way the game does, so reports can be tried out."""

from __future__ import annotations

import json

from game.cli import main
from game.workshop.journal import Journal


def test_recorded_bot_runs_are_finished_playthroughs_of_that_trainee_and_workshop(tmp_path, tiny, capsys):
    path = tmp_path / "results.sqlite"
    main(["simulate", tiny.path, "--runs", "3", "--seed", "10", "--record", "--trainee", "Robot",
          "--workshop", "TRY", "--db", str(path)])
    with Journal.open(path) as journal:
        records = journal.records()
    assert [(r.trainee, r.workshop, r.seed, r.is_finished) for r in records] == [
        ("Robot", "TRY", seed, True) for seed in (10, 11, 12)]


def test_recorded_runs_score_what_the_simulation_printed(tmp_path, tiny, capsys):
    path = tmp_path / "results.sqlite"
    main(["simulate", tiny.path, "--runs", "2", "--json", "--record", "--db", str(path)])
    printed = [json.loads(line)["score"] for line in capsys.readouterr().out.splitlines()]
    with Journal.open(path) as journal:
        assert [r.score for r in journal.records()] == printed


def test_simulate_without_record_leaves_no_results_file(tmp_path, tiny, monkeypatch, capsys):
    monkeypatch.setenv("VOORUITGANG_HOME", str(tmp_path))
    main(["simulate", tiny.path])
    assert not (tmp_path / "results.sqlite").exists()

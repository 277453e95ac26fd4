"""`report --workshop CODE` as a trainer types it at the end of the day."""

from __future__ import annotations

from game.bots.strategy import Strategy, bot_rng, play_out
from game.cli import main
from game.model.playthrough import Playthrough
from game.workshop.journal import Journal


def _results(tmp_path, tiny) -> str:
    path = tmp_path / "results.sqlite"
    with Journal.open(path) as journal:
        for seed, (trainee, workshop) in enumerate((("Anouk", "ACME-3"), ("Bram", "acme-3 "), ("Chantal", "OTHER"))):
            game = Playthrough.start(tiny, seed)
            play_id = journal.begin(game, trainee, workshop, seed)
            play_out(game, Strategy("random", bot_rng(seed)))
            journal.finish(play_id, game)
    return str(path)


def test_a_workshop_code_in_other_capitals_finds_every_laptops_results(tmp_path, tiny, capsys):
    assert main(["report", "--db", _results(tmp_path, tiny), "--workshop", "Acme-3", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Anouk" in out and "Bram" in out and "Chantal" not in out


def test_a_workshop_code_that_finds_nothing_names_the_workshops_in_the_file(tmp_path, tiny, capsys):
    assert main(["report", "--db", _results(tmp_path, tiny), "--workshop", "ACME3", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "ACME3" in out and "ACME-3" in out and "OTHER" in out

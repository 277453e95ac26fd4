"""Two plays with one id and different content are both kept, each readable as it was played."""

from __future__ import annotations

import json
from pathlib import Path

from game.cli import main
from game.workshop.journal import Journal
from game.workshop.transfer import export


def two_laptops_with_one_id(tmp_path, play_game) -> list[str]:
    """Two exports whose plays share an id but are different games (a copied laptop image, a hand-edited file)."""
    files = []
    for number, seed in enumerate((1, 2)):
        with Journal.open(tmp_path / f"laptop{number}.sqlite") as journal:
            play_game(journal, trainee="Kim", seed=seed, strategy=("advance", "prolong")[number])
            journal.connection.execute("UPDATE plays SET uuid = '11111111-1111-4111-8111-111111111111'")
            files.append(str(tmp_path / f"laptop{number}.json"))
            export(journal, tmp_path / f"laptop{number}.json")
    return files


def test_a_clashing_id_keeps_both_games_with_their_own_turns(tmp_path, play_game, capsys):
    files = two_laptops_with_one_id(tmp_path, play_game)
    main(["merge", *files, "--db", str(tmp_path / "trainer.sqlite"), "--lang", "en"])
    played = [json.loads(Path(file).read_text(encoding="utf-8"))["plays"][0] for file in files]
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        kept = sorted((record.seed, len(record.turns), record.score) for record in trainer.records())
    assert kept == sorted((play["seed"], len(play["turns"]), play["score"]) for play in played)


def test_a_clashing_id_is_reported(tmp_path, play_game, capsys):
    files = two_laptops_with_one_id(tmp_path, play_game)
    main(["merge", *files, "--db", str(tmp_path / "trainer.sqlite"), "--lang", "en"])
    assert "has the id of a different playthrough already here; both are kept" in capsys.readouterr().err


def test_merging_the_clashing_file_again_adds_nothing(tmp_path, play_game, capsys):
    files = two_laptops_with_one_id(tmp_path, play_game)
    main(["merge", *files, "--db", str(tmp_path / "trainer.sqlite")])
    main(["merge", *files, "--db", str(tmp_path / "trainer.sqlite")])
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        assert len(trainer.records()) == 2

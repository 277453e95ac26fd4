"""`export --salvage` brings out of a damaged results file every playthrough that can still be read."""

from __future__ import annotations

import json

from game.cli import main
from game.workshop.journal import Journal

GAMES = 40


def damaged_results(tmp_path, play_game):
    path = tmp_path / "results.sqlite"
    with Journal.open(path) as journal:
        for seed in range(GAMES):
            strategy = ("advance", "prolong", "random")[seed % 3]
            play_game(journal, trainee=f"Trainee {seed}", seed=seed, strategy=strategy)
        journal.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    pages = len(data) // page
    for number in (pages // 2, pages // 2 + 1):  # two pages in the middle turned to noise, as a bad sector would
        data[number * page:(number + 1) * page] = bytes(range(256)) * (page // 256)
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_file_is_refused_by_export_which_points_to_salvage(tmp_path, play_game, capsys):
    path = damaged_results(tmp_path, play_game)
    code = main(["export", "--db", str(path), "--out", str(tmp_path / "out.json"), "--lang", "en"])
    assert (code, "export --salvage" in capsys.readouterr().err) == (2, True)


def test_salvage_brings_out_the_readable_plays_and_counts_the_rest(tmp_path, play_game, capsys):
    path = damaged_results(tmp_path, play_game)
    before = path.read_bytes()
    code = main(["export", "--salvage", "--db", str(path), "--out", str(tmp_path / "saved.json"), "--lang", "en"])
    saved = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))["plays"]
    said = capsys.readouterr().out
    lost = int(said.split("; ")[1].split()[0])
    assert (code, path.read_bytes() == before, len(saved) > GAMES // 2, len(saved) + lost <= GAMES) == (
        0, True, True, True)


def test_a_salvaged_export_merges_like_any_other(tmp_path, play_game, capsys):
    path = damaged_results(tmp_path, play_game)
    main(["export", "--salvage", "--db", str(path), "--out", str(tmp_path / "saved.json")])
    saved = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))["plays"]
    code = main(["merge", str(tmp_path / "saved.json"), "--db", str(tmp_path / "trainer.sqlite")])
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        assert (code, len(trainer.records())) == (0, len(saved))


def test_salvage_of_a_file_that_is_no_database_says_nothing_is_left(tmp_path, capsys):
    path = tmp_path / "results.sqlite"
    path.write_bytes(b"garbage" * 1000)
    code = main(["export", "--salvage", "--db", str(path), "--out", str(tmp_path / "saved.json"), "--lang", "en"])
    assert (code, "Nothing readable" in capsys.readouterr().err, (tmp_path / "saved.json").exists()) == (
        1, True, False)

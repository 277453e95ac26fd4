"""Once the game went on in results-2.sqlite beside a damaged file, the tools find that file too."""

from __future__ import annotations

import json

from game.cli import main
from game.workshop.journal import Journal


def home_with_a_damaged_file_and_a_newer_one(tmp_path, monkeypatch, play_game):
    monkeypatch.setenv("VOORUITGANG_HOME", str(tmp_path))
    (tmp_path / "results.sqlite").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with Journal.open(tmp_path / "results-2.sqlite") as journal:
        play_game(journal, trainee="Kim")


def test_report_reads_the_file_the_game_went_on_in_and_says_so(tmp_path, monkeypatch, play_game, capsys):
    home_with_a_damaged_file_and_a_newer_one(tmp_path, monkeypatch, play_game)
    code = main(["report", "--lang", "en"])
    said = capsys.readouterr()
    assert (code, "Kim" in said.out, "results-2.sqlite" in said.err, "is damaged" in said.err) == (0, True, True, True)


def test_export_takes_the_file_the_game_went_on_in(tmp_path, monkeypatch, play_game, capsys):
    home_with_a_damaged_file_and_a_newer_one(tmp_path, monkeypatch, play_game)
    code = main(["export", "--out", str(tmp_path / "out.json")])
    plays = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["plays"]
    assert (code, [play["trainee"] for play in plays], sorted(p.name for p in tmp_path.glob("results*.sqlite"))) == (
        0, ["Kim"], ["results-2.sqlite", "results.sqlite"])

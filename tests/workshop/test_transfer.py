"""Bringing the laptops together: exports merge into their union, and nothing is counted twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.bots.strategy import Strategy, bot_rng
from game.cli import main
from game.model.playthrough import Phase, Playthrough
from game.workshop.incoming import Refused
from game.workshop.journal import Journal
from game.workshop.transfer import export, merge, merge_file, read


@pytest.fixture
def laptops(tmp_path, play_game):
    """Three laptops, each with its own trainee's games, exported; returns the export files."""
    exports = []
    for number, trainee in enumerate(("Anouk", "Bram", "Chantal")):
        with Journal.open(tmp_path / f"laptop{number}.sqlite") as journal:
            for seed in range(number + 2):
                play_game(journal, trainee=trainee, seed=seed, strategy=("advance", "prolong", "random")[seed % 3])
            journal.annotate(1, f"note for {trainee}")
            exports.append(tmp_path / f"laptop{number}.json")
            export(journal, exports[-1])
    return exports


def plays_in(path) -> list[dict]:
    return read(path).plays


def contents(journal: Journal) -> tuple:
    """Everything that matters, independent of the local row ids."""
    plays = sorted((r.uuid, r.trainee, r.score, r.outcome, r.note, tuple(t.number for t in r.turns))
                   for r in journal.records())
    notes = journal.connection.execute("SELECT count(*) FROM notes").fetchone()[0]
    return plays, notes


def test_merging_three_laptops_gives_the_union(tmp_path, laptops):
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        for file in laptops:
            merge(trainer, plays_in(file))
        records = trainer.records()
    assert (len(records), len({r.uuid for r in records}), {r.trainee for r in records}) == (
        2 + 3 + 4, 9, {"Anouk", "Bram", "Chantal"})


def test_merging_the_same_exports_again_adds_nothing(tmp_path, laptops):
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        for file in laptops:
            merge(trainer, plays_in(file))
        once = contents(trainer)
        again = [merge(trainer, plays_in(file)) for file in laptops + laptops]
        assert (contents(trainer), {(a.plays, a.turns, a.notes, a.finished) for a in again}) == (once, {(0, 0, 0, 0)})


def test_merged_turns_are_the_turns_played(tmp_path, laptops):
    with Journal.open(tmp_path / "laptop0.sqlite") as laptop:
        played = contents(laptop)
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        merge(trainer, plays_in(laptops[0]))
        assert contents(trainer) == played


def test_an_export_merged_into_one_of_its_sources_adds_nothing(tmp_path, laptops):
    with Journal.open(tmp_path / "laptop1.sqlite") as laptop:
        before = contents(laptop)
        merge(laptop, plays_in(laptops[1]))
        assert contents(laptop) == before


def test_a_results_file_copied_from_a_laptop_merges_like_an_export(tmp_path, laptops):
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        merge(trainer, plays_in(tmp_path / "laptop2.sqlite"))
        merge(trainer, plays_in(laptops[2]))
        assert len(trainer.records()) == 4


def test_a_game_exported_halfway_and_later_finished_merges_its_ending(tmp_path, tiny, play_game):
    with Journal.open(tmp_path / "laptop.sqlite") as laptop:
        game = Playthrough.start(tiny, 5)
        play_id = laptop.begin(game, "Kim", "W1", 5)
        strategy = Strategy("advance", bot_rng(5))
        game.contact(*strategy.contact(game))
        export(laptop, tmp_path / "halfway.json")
        while game.phase != Phase.ENDED:
            if game.phase == Phase.IN_CALL:
                game.choose(strategy.phrasing(game))
            else:
                game.contact(*strategy.contact(game))
        laptop.finish(play_id, game)
        export(laptop, tmp_path / "done.json")
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        merge(trainer, plays_in(tmp_path / "halfway.json"))
        merge(trainer, plays_in(tmp_path / "done.json"))
        record = trainer.records()[0]
    assert (record.score, len(record.turns)) == (game.score.total, len(game.turns))


def test_an_export_of_one_workshop_holds_only_that_workshop(tmp_path, play_game):
    with Journal.open(tmp_path / "laptop.sqlite") as laptop:
        play_game(laptop, workshop="MONDAY")
        play_game(laptop, workshop="TUESDAY")
        export(laptop, tmp_path / "monday.json", workshop="MONDAY")
    assert [p["workshop"] for p in plays_in(tmp_path / "monday.json")] == ["MONDAY"]


def test_a_file_that_is_no_export_is_refused(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text(json.dumps({"shopping": ["bread"]}))
    with pytest.raises(Refused):
        read(path)


def test_the_merge_command_reports_a_bad_file_and_still_merges_the_good_ones(tmp_path, laptops, capsys):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\x01 broken")
    code = main(["merge", str(bad), *map(str, laptops), "--db", str(tmp_path / "trainer.sqlite"), "--lang", "en"])
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        merged = len(trainer.records())
    assert (code, merged, bad.read_bytes(), "nothing was merged from it" in capsys.readouterr().err) == (
        1, 9, b"\x00\x01 broken", True)


def test_merging_into_a_damaged_results_file_leaves_it_untouched(tmp_path, laptops, capsys):
    target = tmp_path / "trainer.sqlite"
    target.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    before = target.read_bytes()
    code = main(["merge", str(laptops[0]), "--db", str(target), "--lang", "en"])
    assert (code, target.read_bytes()) == (2, before)


def test_export_and_merge_commands_bring_two_laptops_together(tmp_path, play_game, capsys):
    for laptop in ("a", "b"):
        with Journal.open(tmp_path / f"{laptop}.sqlite") as journal:
            play_game(journal, trainee=laptop)
        out = str(tmp_path / f"{laptop}.json")
        assert main(["export", "--db", str(tmp_path / f"{laptop}.sqlite"), "--out", out]) == 0
    main(["merge", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--db", str(tmp_path / "all.sqlite")])
    with Journal.open(tmp_path / "all.sqlite") as merged:
        assert sorted(r.trainee for r in merged.records()) == ["a", "b"]


def test_no_half_written_export_is_left_behind(tmp_path, play_game):
    with Journal.open(tmp_path / "laptop.sqlite") as laptop:
        play_game(laptop)
        export(laptop, tmp_path / "out.json")
    assert sorted(p.name for p in Path(tmp_path).glob("out.json*")) == ["out.json"]


def test_an_export_with_a_playthrough_cut_off_merges_nothing_from_that_file(tmp_path, laptops):
    document = json.loads(laptops[2].read_text(encoding="utf-8"))
    del document["plays"][-1]["trainee"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        with pytest.raises(Refused):
            merge_file(trainer, broken)
        assert trainer.records() == []

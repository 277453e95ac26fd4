"""The reading of the buyer and the practice answers in the results file: migrated, kept, exported, merged."""

from __future__ import annotations

import json
import sqlite3
import uuid

import pytest

from game.model.reading import Confidence
from game.workshop import schema
from game.workshop.entries import Practised, read
from game.workshop.incoming import FORMAT, Refused, check_plays, check_post
from game.workshop.journal import Journal
from game.workshop.transfer import dump, export, merge, merge_file
from game.workshop.transfer import read as read_export

BEFORE_READINGS = 6  # the schema steps a results file had before issue 14


def with_reading(journal, play_game, motive="polite_no", confidence="sure", **kwargs):
    play_id, game = play_game(journal, **kwargs)
    play_uuid = journal._uuid_of(play_id)
    game.reading = None
    reading = game.read(motive, confidence)
    journal.write([read(play_uuid, reading)])
    return play_uuid, game


def answer(play_uuid, trainee="Kim", good=True, when=1_790_000_000.0) -> dict:
    return {"uuid": str(uuid.uuid4()), "trainee": trainee, "scenario_key": "tiny.en.yaml", "call_id": "first",
            "point_id": "open", "play_uuid": play_uuid, "number": 2, "choice": 0, "say": "Is it still your wish?",
            "verdict": "vooruitgang" if good else "voortgang", "points": 20 if good else -1, "good": int(good),
            "wall_time": when}


def test_a_results_file_from_before_readings_opens_with_its_plays_and_takes_readings(tmp_path, play_game, monkeypatch):
    path = tmp_path / "results.sqlite"
    with monkeypatch.context() as older:
        older.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:BEFORE_READINGS])
        older.setattr(schema, "LATEST", BEFORE_READINGS)
        with Journal.open(path) as journal:
            play_id, _ = play_game(journal)
            old_uuid = journal._uuid_of(play_id)
    with sqlite3.connect(path) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == BEFORE_READINGS
    with Journal.open(path) as journal:
        assert journal.connection.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
        assert [record.uuid for record in journal.records()] == [old_uuid]
        assert journal.records()[0].guessed == "" and journal.readings("Kim") == []
        with_reading(journal, play_game, seed=2)
        assert [(r.guessed, r.confidence) for r in journal.readings("Kim")] == [("polite_no", "sure")]


def test_a_reading_is_kept_beside_the_motive_it_was(journal, play_game):
    play_uuid, game = with_reading(journal, play_game, motive="real_interest", confidence="fairly_sure")
    record = journal.readings("Kim")[0]
    assert (record.guessed, record.confidence, record.actual) == ("real_interest", "fairly_sure", game.motive)
    assert journal.reading_of(play_uuid).confidence == Confidence.FAIRLY_SURE


def test_the_first_reading_written_counts(journal, play_game):
    play_uuid, game = with_reading(journal, play_game, motive="price_lever")
    game.reading = None
    journal.write([read(play_uuid, game.read("polite_no", "guess"))])
    assert journal.reading_of(play_uuid).motive == "price_lever"


def test_an_export_carries_the_reading_and_the_practice_and_merging_it_twice_adds_nothing(tmp_path, play_game):
    with Journal.open(tmp_path / "laptop.sqlite") as laptop:
        play_uuid, _ = with_reading(laptop, play_game)
        laptop.write([Practised(answer(play_uuid)), Practised(answer(play_uuid, good=False))])
        export(laptop, tmp_path / "laptop.json")
    document = json.loads((tmp_path / "laptop.json").read_text())
    assert document["plays"][0]["reading"]["motive"] == "polite_no" and len(document["plays"][0]["practice"]) == 2
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        first, _ = merge_file(trainer, tmp_path / "laptop.json")
        again, _ = merge_file(trainer, tmp_path / "laptop.json")
        assert (first.readings, first.practice) == (1, 2)
        assert (again.readings, again.practice, again.anything) == (0, 0, False)
        assert [r.guessed for r in trainer.readings("Kim")] == ["polite_no"] and len(trainer.practice("Kim")) == 2


def test_a_copied_results_file_merges_with_its_readings(tmp_path, play_game):
    with Journal.open(tmp_path / "laptop.sqlite") as laptop:
        with_reading(laptop, play_game)
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        merged, _ = merge_file(trainer, tmp_path / "laptop.sqlite")
        assert merged.readings == 1 and trainer.records()[0].guessed == "polite_no"


def test_an_export_of_the_first_format_without_readings_still_merges(tmp_path, play_game):
    with Journal.open(tmp_path / "laptop.sqlite") as laptop:
        play_game(laptop)
        plays = dump(laptop)
    for play in plays:
        del play["reading"], play["practice"]
    (tmp_path / "old.json").write_text(json.dumps({"format": FORMAT, "version": 1, "plays": plays}))
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        merged, _ = merge_file(trainer, tmp_path / "old.json")
        assert (merged.plays, merged.readings) == (1, 0)


def test_a_clashing_play_keeps_its_reading_and_practice_under_its_new_id(tmp_path, play_game):
    with Journal.open(tmp_path / "laptop.sqlite") as laptop:
        play_uuid, _ = with_reading(laptop, play_game)
        laptop.write([Practised(answer(play_uuid))])
        plays = dump(laptop)
    clashing = [{**play, "trainee": "Someone else"} for play in plays]
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        merge(trainer, plays)
        merged = merge(trainer, clashing)
        kept_as = merged.conflicts[0][1]
        assert trainer.reading_of(kept_as).motive == "polite_no"
        assert [a.play_uuid for a in trainer.practice()].count(kept_as) == 1


def test_a_reading_of_another_play_is_refused_and_nothing_is_stored(tmp_path, play_game):
    with Journal.open(tmp_path / "laptop.sqlite") as laptop:
        with_reading(laptop, play_game)
        plays = dump(laptop)
    plays[0]["reading"]["play_uuid"] = str(uuid.uuid4())
    with pytest.raises(Refused, match="reading: belongs to another play"):
        check_plays(plays, "spoiled.json")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("confidence", "very", "'very' is not one of 'guess', 'fairly_sure', 'sure'"),
    ("motive", "greed", "'greed' is not one of"),
    ("after_turn", -1, "out of range"),
])
def test_a_spoiled_reading_is_refused_with_its_place(tmp_path, play_game, field, value, message):
    with Journal.open(tmp_path / "laptop.sqlite") as laptop:
        with_reading(laptop, play_game)
        plays = dump(laptop)
    plays[0]["reading"][field] = value
    with pytest.raises(Refused) as refused:
        check_plays(plays, "spoiled.json")
    assert f"play 1 (Kim), reading, {field}: " in str(refused.value) and message in str(refused.value)


def test_a_game_posts_its_reading_but_never_its_practice(tmp_path, play_game):
    with Journal.open(tmp_path / "laptop.sqlite") as laptop:
        play_uuid, _ = with_reading(laptop, play_game)
        laptop.write([Practised(answer(play_uuid))])
        play = dump(laptop)[0]
    del play["notes"]
    with pytest.raises(Refused, match="practice is not posted by a game"):
        check_post(play, "W1")
    assert check_post({**play, "practice": []}, "W1")["reading"]["motive"] == "polite_no"


def test_the_export_is_read_back_whole(tmp_path, play_game):
    with Journal.open(tmp_path / "laptop.sqlite") as laptop:
        with_reading(laptop, play_game)
        export(laptop, tmp_path / "laptop.json")
    assert read_export(tmp_path / "laptop.json").plays[0]["reading"]["confidence"] == "sure"

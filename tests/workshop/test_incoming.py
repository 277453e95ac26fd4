"""Every field that arrives is checked before anything is stored; one bad export never breaks the report."""

from __future__ import annotations

import json
import sqlite3

import pytest

from game.cli import main
from game.workshop.incoming import Refused, check_post, parse
from game.workshop.journal import Journal
from game.workshop.transfer import export


@pytest.fixture
def exported(tmp_path, play_game):
    """One laptop's export as a document, to spoil in one place."""
    with Journal.open(tmp_path / "laptop.sqlite") as journal:
        play_game(journal, trainee="Anouk", seed=1)
        play_game(journal, trainee="Anouk", seed=2)
        export(journal, tmp_path / "laptop.json")
    return json.loads((tmp_path / "laptop.json").read_text(encoding="utf-8"))


def spoiled(tmp_path, document, change) -> str:
    change(document)
    path = tmp_path / "spoiled.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def merge_spoiled(tmp_path, capsys, document, change) -> tuple[int, str, int]:
    """Exit code, what was said, and how many plays the trainer's file holds afterwards."""
    code = main(["merge", spoiled(tmp_path, document, change), "--db", str(tmp_path / "trainer.sqlite"),
                 "--lang", "en"])
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        return code, capsys.readouterr().err, len(trainer.records())


SPOILS = {
    "a null score on a finished play": lambda d: d["plays"][1].update(score=None),
    "a score as text": lambda d: d["plays"][1].update(score="ninety"),
    "a start time as text": lambda d: d["plays"][1].update(started="this morning"),
    "a turn's points as text": lambda d: d["plays"][1]["turns"][0].update(points="many"),
    "an unknown verdict": lambda d: d["plays"][1]["turns"][0].update(verdict="brilliant"),
    "an unknown stage": lambda d: d["plays"][1]["turns"][0].update(stage_after="signed"),
    "a turn number twice": lambda d: d["plays"][1]["turns"][1].update(number=1),
    "a trainee name of a megabyte": lambda d: d["plays"][1].update(trainee="A" * 1_000_000),
    "too many turns": lambda d: d["plays"][1].update(turns=d["plays"][1]["turns"] * 200),
    "a missing field": lambda d: d["plays"][1].pop("trainee"),
    "an unknown field": lambda d: d["plays"][1].update(secret="<script>"),
    "a play id that is no id": lambda d: d["plays"][1].update(uuid="x' OR 1=1"),
    "a note about another play": lambda d: d["plays"][1].update(notes=[{
        "uuid": "00000000-0000-4000-8000-000000000001", "play_uuid": d["plays"][0]["uuid"], "note": "hm",
        "override": None, "written": 1.0}]),
}


@pytest.mark.parametrize("spoil", list(SPOILS), ids=list(SPOILS))
def test_an_export_with_one_bad_field_is_refused_whole_with_the_file_and_place_named(tmp_path, exported, capsys,
                                                                                     spoil):
    code, said, stored = merge_spoiled(tmp_path, capsys, exported, SPOILS[spoil])
    assert (code, stored, "spoiled.json: nothing was merged" in said, "play 2" in said) \
        == (1, 0, True, True)


def test_a_nan_start_time_is_refused(tmp_path, exported, capsys):
    path = tmp_path / "nan.json"
    text = json.dumps(exported).replace(f'"started": {exported["plays"][0]["started"]}', '"started": NaN', 1)
    path.write_text(text, encoding="utf-8")
    code = main(["merge", str(path), "--db", str(tmp_path / "trainer.sqlite"), "--lang", "en"])
    assert (code, "NaN is not a number JSON allows" in capsys.readouterr().err) == (1, True)


def test_an_infinite_score_in_a_copied_results_file_is_refused(tmp_path, play_game, capsys):
    with Journal.open(tmp_path / "laptop.sqlite") as journal:
        play_game(journal)
        journal.connection.execute("UPDATE turns SET points = 9e999 WHERE number = 1")
    code = main(["merge", str(tmp_path / "laptop.sqlite"), "--db", str(tmp_path / "trainer.sqlite"), "--lang", "en"])
    assert (code, "out of range" in capsys.readouterr().err) == (1, True)


def test_the_report_still_works_after_a_bad_export_was_offered(tmp_path, exported, capsys):
    main(["merge", spoiled(tmp_path, json.loads(json.dumps(exported)), lambda d: None), "--db",
          str(tmp_path / "trainer.sqlite")])
    merge_spoiled(tmp_path, capsys, exported, SPOILS["a score as text"])
    codes = [main(["report", "--db", str(tmp_path / "trainer.sqlite"), "--csv", str(tmp_path / "r.csv"),
                   "--html", str(tmp_path / "r.html")])]
    assert codes == [0]


def test_a_play_merged_with_bad_numbers_by_an_older_game_is_named_and_left_out_of_the_report(tmp_path, play_game,
                                                                                             capsys):
    with Journal.open(tmp_path / "results.sqlite") as journal:
        play_game(journal, seed=1)
        play_game(journal, seed=2)
        journal.connection.execute("UPDATE plays SET score = 'ninety', started = 'now' WHERE id = 2")
        bad = journal.records()[1].uuid[:8]
    code = main(["report", "--db", str(tmp_path / "results.sqlite"), "--lang", "en"])
    said = capsys.readouterr()
    assert (code, f"report --remove {bad}" in said.err, "Trainees: 1 · scenarios: 1 · finished playthroughs: 1"
            in said.out) == (0, True, True)


def test_the_trainer_can_remove_a_play_and_a_later_merge_does_not_bring_it_back(tmp_path, exported, capsys):
    source = spoiled(tmp_path, exported, lambda d: None)
    trainer = str(tmp_path / "trainer.sqlite")
    main(["merge", source, "--db", trainer])
    gone = exported["plays"][0]["uuid"]
    removed = main(["report", "--db", trainer, "--remove", gone[:8]])
    main(["merge", source, "--db", trainer])
    with Journal.open(trainer) as journal:
        left = [record.uuid for record in journal.records()]
    assert (removed, left) == (0, [exported["plays"][1]["uuid"]])


def test_an_export_saved_by_windows_notepad_with_a_byte_order_mark_merges(tmp_path, exported, capsys):
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(exported).encode("utf-8"))
    code = main(["merge", str(path), "--db", str(tmp_path / "trainer.sqlite")])
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        assert (code, len(trainer.records())) == (0, 2)


def test_an_export_whose_version_is_text_is_refused_with_a_message(tmp_path, exported, capsys):
    code, said, stored = merge_spoiled(tmp_path, capsys, exported, lambda d: d.update(version="2"))
    assert (code, stored, "'2' is not a version number" in said) == (1, 0, True)


def test_deeply_nested_json_is_refused_without_running_out_of_stack(tmp_path, capsys):
    path = tmp_path / "deep.json"
    path.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    code = main(["merge", str(path), "--db", str(tmp_path / "trainer.sqlite"), "--lang", "en"])
    assert (code, "nested deeper than" in capsys.readouterr().err) == (1, True)


def test_a_posted_turn_is_checked_the_same_way(exported):
    play = exported["plays"][0]
    posted = {**play, "notes": [], "turns": [dict(play["turns"][0], points=float("inf")), *play["turns"][1:]]}
    with pytest.raises(Refused) as refused:
        check_post(posted, play["workshop"], "POST /w/W1/plays")
    assert str(refused.value).startswith("POST /w/W1/plays: turn 1, points: inf is")


def test_json_text_with_a_byte_order_mark_parses():
    assert parse("\ufeff{\"a\": 1}", "x") == {"a": 1}


def test_a_results_file_copied_with_a_play_whose_score_is_text_is_refused(tmp_path, play_game, capsys):
    with Journal.open(tmp_path / "laptop.sqlite") as journal:
        play_game(journal)
    with sqlite3.connect(tmp_path / "laptop.sqlite") as laptop:
        laptop.execute("UPDATE plays SET score = 'lots'")
    code = main(["merge", str(tmp_path / "laptop.sqlite"), "--db", str(tmp_path / "trainer.sqlite"), "--lang", "en"])
    assert (code, "'lots' is not a whole number or empty" in capsys.readouterr().err) == (1, True)

"""What the report and export write: never over the results file, never half, and no file takes it over."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.workshop.journal import Journal, scenario_key
from game.workshop.transfer import export
from tests.faults.workshop import read_only, small_disk

MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def results(tmp_path, play_game) -> Path:
    path = tmp_path / "results.sqlite"
    with Journal.open(path) as journal:
        play_id, _ = play_game(journal, trainee="Kim")
        journal.annotate(play_id, "well done", override=40)
    return path


def plays(path: Path) -> list:
    with Journal.open(path) as journal:
        return [(record.uuid, len(record.turns)) for record in journal.records()]


@pytest.mark.parametrize("command", [["report", "--csv"], ["report", "--html"], ["export", "--out"]])
def test_an_output_named_as_the_results_file_is_refused_and_the_file_kept(results, command, capsys):
    before = plays(results)
    code = main([*command, str(results), "--db", str(results), "--lang", "en"])
    assert (code, plays(results), "is the results file itself" in capsys.readouterr().err) == (2, before, True)


def test_an_output_over_another_results_file_is_refused(results, tmp_path, capsys):
    other = tmp_path / "other.sqlite"
    Journal.open(other).close()
    code = main(["report", "--db", str(results), "--html", str(other), "--lang", "en"])
    assert (code, "is a database" in capsys.readouterr().err) == (2, True)


def test_export_into_a_missing_folder_says_so_and_leaves_nothing(results, tmp_path, capsys):
    out = tmp_path / "missing" / "out.json"
    code = main(["export", "--db", str(results), "--out", str(out), "--lang", "en"])
    assert (code, "cannot write it" in capsys.readouterr().err, out.parent.exists()) == (1, True, False)


def test_export_into_a_read_only_folder_says_so_and_leaves_nothing(results, tmp_path, capsys):
    folder = tmp_path / "stick"
    folder.mkdir()
    with read_only(folder):
        code = main(["export", "--db", str(results), "--out", str(folder / "out.json"), "--lang", "en"])
    assert (code, "cannot write it" in capsys.readouterr().err, list(folder.iterdir())) == (1, True, [])


def test_export_onto_a_full_disk_says_so_and_leaves_no_part_file(results, tmp_path, capsys):
    with small_disk(tmp_path / "disk", "1m") as disk:
        disk.fill()
        code = main(["export", "--db", str(results), "--out", str(disk.where / "out.json"), "--lang", "en"])
        left = sorted(path.name for path in disk.where.iterdir())
    assert (code, "cannot write it" in capsys.readouterr().err, left) == (1, True, ["filler.bin"])


@pytest.mark.parametrize("option", ["--csv", "--html"])
def test_a_report_written_to_a_folder_says_so(results, tmp_path, option, capsys):
    code = main(["report", "--db", str(results), option, str(tmp_path), "--lang", "en"])
    assert (code, "cannot write it" in capsys.readouterr().err) == (1, True)


def hostile_export(tmp_path, play_game, value: str) -> Path:
    """An export with `value` in every text field the validator lets through."""
    with Journal.open(tmp_path / "laptop.sqlite") as journal:
        play_id, _ = play_game(journal, trainee="Kim")
        journal.annotate(play_id, "note", override=7)
        export(journal, tmp_path / "laptop.json")
    document = json.loads((tmp_path / "laptop.json").read_text(encoding="utf-8"))
    texts = ("trainee", "workshop", "scenario_title", "scenario_version", "say", "reply", "call_id", "point_id")
    for play in document["plays"]:
        play.update({name: value for name in texts if name in play})
        play.update(scenario_path=f"{value}.yaml", scenario_key=scenario_key(f"{value}.yaml"))
        for turn in play["turns"]:
            turn.update({name: value for name in texts if name in turn}, reasons=json.dumps([value]))
        for note in play["notes"]:
            note["note"] = value
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(document), encoding="utf-8")
    return hostile


def test_markup_in_every_text_field_of_an_export_is_shown_as_text_in_the_html_report(tmp_path, play_game, capsys):
    hostile = hostile_export(tmp_path, play_game, MARKUP)
    trainer, page = tmp_path / "trainer.sqlite", tmp_path / "report.html"
    main(["merge", str(hostile), "--db", str(trainer)])
    code = main(["report", "--db", str(trainer), "--html", str(page)])
    html = page.read_text(encoding="utf-8")
    assert (code, re.findall(r"<(?:script|img)", html, re.IGNORECASE), "&lt;script&gt;" in html) == (0, [], True)


def test_a_formula_in_every_text_field_stays_text_in_the_spreadsheet(tmp_path, play_game, capsys):
    hostile = hostile_export(tmp_path, play_game, '=HYPERLINK("http://evil","x")')
    trainer, sheet = tmp_path / "trainer.sqlite", tmp_path / "report.csv"
    main(["merge", str(hostile), "--db", str(trainer), "--lang", "en"])
    main(["report", "--db", str(trainer), "--csv", str(sheet), "--lang", "en"])
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    assert [cell for row in rows[1:] for cell in row if cell.startswith(("=", "+", "-", "@"))] == []


def test_no_cell_of_the_spreadsheet_can_start_a_formula_whatever_its_column(results, tmp_path, capsys):
    with Journal.open(results) as journal:
        journal.connection.execute("UPDATE plays SET uuid = '=cmd|x', scenario_version = '+1+cmd'")
    sheet = tmp_path / "report.csv"
    main(["report", "--db", str(results), "--csv", str(sheet), "--lang", "en"])
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    assert [cell for cell in rows[1] if cell.startswith(("=", "+", "@"))] == []


def test_the_terminal_report_strips_escape_nul_and_right_to_left_marks(tmp_path, play_game, capsys):
    """`merge` refuses control characters; a results file an older game merged into may still hold them."""
    trainer = tmp_path / "trainer.sqlite"
    with Journal.open(trainer) as journal:
        play_game(journal, trainee="Kim\x1b[2J\x00\u202eevil\u2066")
    main(["report", "--db", str(trainer)])
    printed = capsys.readouterr().out
    assert (re.findall("[\x00-\x09\x0b-\x1f\u202a-\u202e\u2066-\u2069]", printed), "Kim[2Jevil" in printed) == (
        [], True)


def test_a_trainers_score_that_is_markup_is_escaped_in_the_page(results):
    from dataclasses import replace

    from game.workshop import page
    from game.workshop.group import gather
    from game.workshop.words import Words

    with Journal.open(results) as journal:
        records = [replace(record, override=MARKUP) for record in journal.records()]
    html = page.render(gather(records), Words("en"))
    assert re.findall(r"<(?:script|img)", html, re.IGNORECASE) == []

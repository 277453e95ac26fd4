"""The report names a decision point the way a trainer recognises it: by the buyer's line, in which call."""

from __future__ import annotations

import csv
import io

import pytest

from game.cli import main
from game.scenario.load import load_scenario
from game.workshop import page, sheet, table
from game.workshop.group import gather
from game.workshop.journal import Journal
from game.workshop.words import Words
from tests.workshop.conftest import ROOT

OPENING = {"en": "Claes. Ah, the compressor.", "nl": "Claes. Ah, de compressor."}


@pytest.fixture(params=["en", "nl"])
def played(request, tmp_path, play_game):
    """Three trainees' games of the shipped no-budget scenario, in one language: one prolongs, two move on."""
    lang = request.param
    scenario = load_scenario(ROOT / "scenarios" / f"no-budget.{lang}.yaml")
    path = tmp_path / "results.sqlite"
    with Journal.open(path) as journal:
        for seed, (trainee, strategy) in enumerate((("Anouk", "prolong"), ("Bram", "advance"),
                                                    ("Chantal", "random")), start=1):
            play_game(journal, trainee, "ACME", seed, strategy, scenario)
    return path, lang, scenario


def _report(played, tmp_path, capsys, *extra: str) -> str:
    path, lang, _ = played
    assert main(["report", "--db", str(path), "--lang", lang, *extra]) == 0
    return capsys.readouterr().out


def test_the_terminal_report_names_the_opening_by_the_buyers_line(played, tmp_path, capsys):
    out = _report(played, tmp_path, capsys)
    assert OPENING[played[1]] in out


def test_the_terminal_report_never_names_a_decision_point_by_its_id(played, tmp_path, capsys):
    out = _report(played, tmp_path, capsys)
    assert "'opening'" not in out and "'first'" not in out


def test_the_html_report_names_the_opening_by_the_buyers_line(played, tmp_path, capsys):
    _report(played, tmp_path, capsys, "--html", str(tmp_path / "day.html"))
    html = (tmp_path / "day.html").read_text(encoding="utf-8")
    assert OPENING[played[1]] in html and "'opening'" not in html


def test_a_decision_point_in_a_later_call_says_which_call(played):
    path, lang, scenario = played
    with Journal.open(path) as journal:
        group = gather(journal.records(), scenarios=lambda record: scenario)
    later = [point for point in group.points if point.call_id != scenario.calls[0].id]
    words = Words(lang)
    assert later and all(words("call", number=point.place.call) in words.at_point(group, point) for point in later)


def test_the_choices_spreadsheet_names_each_decision_point_by_the_buyers_line(played, tmp_path, capsys):
    out = tmp_path / "choices.csv"
    _report(played, tmp_path, capsys, "--choices-csv", str(out))
    delimiter = Words(played[1])("csv.delimiter")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=delimiter))
    assert any(OPENING[played[1]] in cell for row in rows[1:] for cell in row)


def test_without_its_scenario_file_a_decision_point_is_still_named(played):
    path, lang, _ = played
    with Journal.open(path) as journal:
        group = gather(journal.records())
    words = Words(lang)
    assert all(point.point_id in words.at_point(group, point) for point in group.points)
    assert table.render(group, words) and page.render(group, words) and sheet.render(group, words)


def test_every_line_of_an_agenda_item_stays_indented_under_its_number(played, tmp_path, capsys):
    out = _report(played, tmp_path, capsys)
    section = out.split("\n\n")[1].splitlines()
    agenda = section[next(n for n, line in enumerate(section) if line.startswith(" 1. ")):]
    assert all(line.startswith((" ", "10. ")) for line in agenda), agenda


def test_the_html_results_row_of_thirty_replays_shows_the_first_and_last_score_only(played, tmp_path, play_game):
    path, lang, scenario = played
    with Journal.open(path) as journal:
        for seed in range(30):
            play_game(journal, "Dewi", "ACME", 100 + seed, "random", scenario)
        group = gather(journal.records())
    row = next(line for line in page.render(group, Words(lang)).splitlines() if "Dewi" in line)
    assert row.count("…") == 1 and len(row.split("</svg>")[-1]) < 200

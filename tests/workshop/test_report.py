"""The trainer's report: readable in a terminal, as a spreadsheet and on a projector."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace

import pytest

from game.bots.strategy import Strategy, bot_rng
from game.cli import main
from game.model.moment import Moment
from game.model.playthrough import Phase, Playthrough
from game.workshop import page, sheet, table
from game.workshop.group import gather
from game.workshop.journal import Journal
from game.workshop.rehearsal import trainee_names
from game.workshop.words import Words


@pytest.fixture(scope="module")
def group(big_workshop):
    with Journal.open(big_workshop) as journal:
        return gather(journal.records("BIG"), "BIG")


def test_the_terminal_report_fits_in_100_columns(group):
    assert max(len(line) for line in table.render(group, Words("nl")).splitlines()) <= 100


def test_the_terminal_report_has_a_row_per_trainee_and_scenario(group):
    assert len(group.attempts) == 30 * 7


def test_the_report_counts_every_replay(group):
    assert {len(attempts.plays) for attempts in group.attempts} == {3}


def test_the_agenda_puts_the_most_common_prolonging_phrasing_first(group):
    most = max(choice.prolonged for point in group.points for choice in point.choices)
    assert group.agenda[0].choice.prolonged == most


def test_at_each_decision_point_the_prolonging_phrasings_come_first(group):
    for point in group.points:
        prolonged = [choice.prolonged for choice in point.choices]
        assert prolonged == sorted(prolonged, reverse=True)


def test_the_trend_shows_each_attempt_of_the_group(group):
    overall = next(trend for trend in group.trends if trend.scenario == "")
    assert [(step.attempt, step.plays) for step in overall.steps] == [(1, 210), (2, 210), (3, 210)]


def test_the_spreadsheet_has_a_row_per_finished_playthrough(group):
    rows = list(csv.reader(io.StringIO(sheet.render(group, Words("nl"))), delimiter=";"))
    assert len(rows) == 1 + 630


def test_the_english_spreadsheet_uses_commas(group):
    header = sheet.render(group, Words("en")).splitlines()[0]
    assert header.split(",")[1:3] == ["Workshop", "Trainee"]


def test_the_html_report_loads_nothing_from_elsewhere(group):
    html = page.render(group, Words("nl"))
    assert re.search(r"<script|<link|src=|url\(|@import|https?://", html) is None


def test_the_html_report_draws_its_charts_inline(group):
    assert page.render(group, Words("nl")).count("<svg") > 100


def test_the_anonymous_report_shows_no_names(group, big_workshop):
    with Journal.open(big_workshop) as journal:
        anonymous = gather(journal.records("BIG"), "BIG", anonymous=True, trainee_word="Deelnemer")
    html = page.render(anonymous, Words("nl"), anonymous=True)
    assert [name for name in trainee_names(30) if f">{name}<" in html] == []


def test_anonymous_trainees_are_numbered_in_order(big_workshop):
    with Journal.open(big_workshop) as journal:
        anonymous = gather(journal.records("BIG"), "BIG", anonymous=True, trainee_word="Trainee")
    assert anonymous.trainees[:3] == ("Trainee 1", "Trainee 2", "Trainee 3")


def test_a_report_on_an_empty_file_says_there_are_no_results_yet(journal):
    assert table.render(gather(journal.records()), Words("en")).startswith("No results yet")


def test_the_report_command_writes_csv_and_html(big_workshop, tmp_path, capsys):
    code = main(["report", "--db", str(big_workshop), "--workshop", "BIG", "--csv", str(tmp_path / "r.csv"),
                 "--html", str(tmp_path / "r.html"), "--lang", "en"])
    assert (code, (tmp_path / "r.csv").exists(), (tmp_path / "r.html").exists()) == (0, True, True)


def test_the_report_command_on_a_damaged_file_says_so_and_leaves_it(tmp_path, capsys):
    path = tmp_path / "results.sqlite"
    path.write_bytes(b"not a database" * 50)
    code = main(["report", "--db", str(path), "--lang", "en"])
    assert (code, "damaged" in capsys.readouterr().err, path.read_bytes()) == (2, True, b"not a database" * 50)


def test_a_trainers_note_via_the_report_command_shows_in_the_report(journal, play_game, tmp_path, capsys):
    play_game(journal)
    short_id = journal.records()[0].uuid[:8]
    main(["report", "--db", str(journal.path), "--note", short_id, "Strong close", "--override", "42"])
    main(["report", "--db", str(journal.path), "--html", str(tmp_path / "r.html")])
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Strong close" in html and ">42<" in html


def test_the_english_terminal_report_fits_in_100_columns_too(group):
    assert max(len(line) for line in table.render(group, Words("en")).splitlines()) <= 100


def test_a_name_typed_in_other_capitals_on_another_laptop_is_one_trainee(journal, play_game):
    play_game(journal, trainee="Anouk", seed=1)
    play_game(journal, trainee="anouk", seed=2)
    play_game(journal, trainee="Anouk", seed=3)
    assert gather(journal.records()).trainees == ("Anouk",)


def test_a_name_typed_as_a_formula_stays_text_in_the_spreadsheet(journal, play_game):
    play_game(journal, trainee="=HYPERLINK(\"http://x\")")
    rows = list(csv.reader(io.StringIO(sheet.render(gather(journal.records()), Words("en")))))
    assert rows[1][2].startswith("'=")


def test_a_choice_made_in_a_game_left_unfinished_still_counts_at_its_decision_point(journal, tiny):
    play = Playthrough.start(tiny, 2)
    journal.begin(play, "Kim", "W1", 2)
    strategy = Strategy("advance", bot_rng(2))
    while play.phase != Phase.IN_CALL:
        play.contact(*strategy.contact(play))
    play.choose(0)
    group = gather(journal.records())
    assert (group.unfinished, sum(point.total for point in group.points)) == (1, 1)


def test_a_phrasing_that_names_a_moment_is_one_choice_whatever_moment_it_named(journal, tiny):
    point = tiny.calls[0].points[1]
    named = replace(point.phrasings[0], say="Shall we meet Henk on {appointment}?")
    calls = (replace(tiny.calls[0], points=(tiny.calls[0].points[0], replace(point, phrasings=(named,)))),)
    scenario = replace(tiny, calls=calls)
    for seed, day in ((1, 1), (2, 2)):  # said on Monday it proposes Wednesday, on Tuesday Thursday
        play = Playthrough.start(scenario, seed)
        journal.begin(play, f"Trainee {seed}", "W1", seed)
        play.contact(Moment(day, 660 if day == 2 else 600), "call")
        play.choose(0)
        play.choose(0)
    [said] = [p for p in gather(journal.records()).points if p.point_id == point.id]
    assert [(choice.choice, choice.count) for choice in said.choices] == [(0, 2)]
    assert said.choices[0].say == "Shall we meet Henk on Wednesday at 10:00?"  # as often as Thursday, and said first

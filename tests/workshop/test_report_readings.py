"""The trainer's report on reading the buyer: how often the room read a polite no as real interest, the other
confusions, and practice afterwards shown apart from the plays."""

from __future__ import annotations

import csv
import io
import uuid

import pytest

from game.model.motive import Motive
from game.workshop import page, sheet, table
from game.workshop.entries import Practised, read
from game.workshop.group import gather
from game.workshop.journal import Journal
from game.workshop.words import Words


def readings_file(path, play_game, readings: list[tuple[str, str]]) -> Journal:
    """A results file with one game per (motive it was, motive read)."""
    journal = Journal.open(path)
    for seed, (was, guessed) in enumerate(readings):
        play_id, game = play_game(journal, trainee=f"T{seed}", seed=seed)
        journal.connection.execute("UPDATE plays SET motive = ? WHERE id = ?", (was, play_id))
        game.reading = None
        journal.write([read(journal._uuid_of(play_id), game.read(guessed, "sure"))])
    return journal


@pytest.fixture
def room(tmp_path, play_game):
    journal = readings_file(tmp_path / "room.sqlite", play_game, [
        ("polite_no", "real_interest"), ("polite_no", "real_interest"), ("polite_no", "polite_no"),
        ("price_lever", "real_interest"), ("real_interest", "real_interest")])
    yield journal
    journal.close()


def test_the_report_counts_how_often_a_polite_no_was_read_as_real_interest(room):
    group = gather(room.records())
    assert (group.readings.read_as(Motive.POLITE_NO, Motive.REAL_INTEREST), group.readings.of(Motive.POLITE_NO)) \
        == (2, 3)


def test_the_terminal_report_says_it_in_one_line_and_lists_the_other_confusions(room):
    text = table.render(gather(room.records()), Words("en"))
    assert "A polite no was read as real interest 2 of 3 times." in text
    assert "Price lever read as Real interest: 1×" in text and "2 of 5 readings were right." in text


def test_the_dutch_report_says_it_in_dutch(room):
    text = table.render(gather(room.records()), Words("nl"))
    assert "Een beleefd nee werd 2 van de 3 keer als echte interesse ingeschat." in text


def test_the_html_report_marks_the_polite_no_read_as_real_interest(room):
    html = page.render(gather(room.records()), Words("en"))
    assert "<table class=readings>" in html and "<td class='number headline'>2</td>" in html


def test_a_workshop_without_readings_has_no_such_section(tmp_path, play_game):
    with Journal.open(tmp_path / "none.sqlite") as journal:
        play_game(journal)
        assert "Reading the buyer" not in table.render(gather(journal.records()), Words("en"))


def test_practice_is_shown_apart_and_never_counted_as_a_play(room):
    play_uuid = room.records()[0].uuid
    room.write([Practised({"uuid": str(uuid.uuid4()), "trainee": "T0", "scenario_key": "tiny.en.yaml",
                           "call_id": "first", "point_id": "open", "play_uuid": play_uuid, "number": 2, "choice": 0,
                           "say": "Is working with us still what you want?", "verdict": "vooruitgang", "points": 20,
                           "good": 1, "wall_time": 1_790_100_000.0})])
    group = gather(room.records(), practice=room.practice())
    assert (group.plays, group.practice.answers, group.practice.moved) == (5, 1, 1)
    text = table.render(group, Words("en"))
    assert "Trainees who practised: 1 · moments practised: 1 · of which moved the deal: 1" in text


def test_the_spreadsheet_shows_each_plays_motive_beside_the_reading_and_how_sure(room):
    rows = list(csv.DictReader(io.StringIO(sheet.render(gather(room.records()), Words("en")))))
    assert [(row["Buyer's hidden motive"], row["Trainee's reading of the buyer"]) for row in rows][:2] == [
        ("Polite no", "Real interest (sure)"), ("Polite no", "Real interest (sure)")]


def test_a_play_without_a_reading_leaves_the_cell_empty(tmp_path, play_game):
    journal = Journal.open(tmp_path / "none.sqlite")
    play_game(journal)
    rows = list(csv.DictReader(io.StringIO(sheet.render(gather(journal.records()), Words("nl"))), delimiter=";"))
    journal.close()
    assert rows[0]["Inschatting door de deelnemer"] == ""

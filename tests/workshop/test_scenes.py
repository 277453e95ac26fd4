"""The workshop screens in the window: a trainee's attempts, and the group for the trainer."""

from __future__ import annotations

import pygame
import pytest

from game.scenes.history import HistoryScene
from game.scenes.workshop_overview import WorkshopOverviewScene
from game.settings import Settings
from game.workshop.group import gather
from game.workshop.journal import Journal, PlayResult
from tests.scenes.recording import RecordingLook


@pytest.fixture
def look():
    pygame.display.init()
    pygame.font.init()
    shown = RecordingLook.create(Settings(language="en"))
    shown.fit_to((1024, 600))
    yield shown
    pygame.quit()


def drawn_texts(scene, look, size=(1024, 600)) -> list[tuple[str, bool]]:
    look.fit_to(size)
    look.drawn = []
    scene.draw(pygame.Surface(size))
    return [(text, cut) for text, _, cut in look.drawn]


ATTEMPTS = [PlayResult(-14, "strung_along", 1_790_000_000.0), PlayResult(12, "objection", 1_790_000_900.0),
            PlayResult(96, "order", 1_790_001_800.0, override=100, note="Asked for the order twice")]


def test_the_history_shows_every_attempt_with_its_outcome_and_score(look):
    texts = [text for text, _ in drawn_texts(HistoryScene(look, "The quiet week", ATTEMPTS), look)]
    rows = [text for text in texts if text.startswith("Attempt")]
    assert [("Kept on a string" in rows[0], "-14" in rows[0]), ("Order" in rows[2], "96" in rows[2])] == [
        (True, True), (True, True)]


def test_the_history_shows_the_trainers_score_and_note_beside_the_games(look):
    texts = [text for text, _ in drawn_texts(HistoryScene(look, "The quiet week", ATTEMPTS), look)]
    assert any("score 96 · trainer: 100 · “Asked for the order twice”" in text for text in texts)


def test_the_history_cuts_no_text_in_the_smallest_window(look):
    cut = [text for text, was_cut in drawn_texts(HistoryScene(look, "The quiet week", ATTEMPTS), look) if was_cut]
    assert cut == []


def test_a_scenario_never_finished_says_so_in_the_history(look):
    texts = [text for text, _ in drawn_texts(HistoryScene(look, "The quiet week", []), look)]
    assert "No finished attempts at this scenario yet." in texts


def test_escape_closes_the_history(look):
    closed = []

    class Stack:
        def close(self, scene, result):
            closed.append(result)

    scene = HistoryScene(look, "The quiet week", ATTEMPTS)
    scene.stack = Stack()
    scene.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE))
    assert closed == [None]


@pytest.fixture
def small_group(journal, play_game):
    for seed, trainee in enumerate(("Anouk", "Bram", "Chantal")):
        play_game(journal, trainee=trainee, seed=seed, strategy="prolong")
        play_game(journal, trainee=trainee, seed=seed + 10, strategy="advance")
    return gather(journal.records(), "W1")


def test_the_overview_puts_the_most_common_prolonging_phrasing_on_top(look, small_group):
    texts = [text for text, _ in drawn_texts(WorkshopOverviewScene(look, small_group), look)]
    first = small_group.agenda[0].choice.say
    agenda = [text for text in texts if "“" in text]
    assert first in agenda[0]


def test_the_overview_shows_the_group_getting_better_per_attempt(look, small_group):
    texts = [text for text, _ in drawn_texts(WorkshopOverviewScene(look, small_group), look)]
    assert {"Attempt 1", "Attempt 2"} <= set(texts)


def test_the_overview_cuts_no_text_on_a_projector(look, small_group):
    cut = [text for text, was_cut in drawn_texts(WorkshopOverviewScene(look, small_group), look, (1280, 720))
           if was_cut]
    assert cut == []


def test_the_overview_of_an_empty_workshop_says_there_are_no_results(look, tmp_path):
    with Journal.open(tmp_path / "empty.sqlite") as journal:
        group = gather(journal.records())
    texts = [text for text, _ in drawn_texts(WorkshopOverviewScene(look, group), look)]
    assert any(text.startswith("No results yet") for text in texts)

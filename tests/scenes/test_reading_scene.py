"""Reading the buyer in the window: asked once the first call is over, kept in the results file beside the game,
shown in the debrief with the calibration line and in the history; it never changes the score."""

from __future__ import annotations

import time

import pygame
import pytest

from game.app import App
from game.model.playthrough import Playthrough
from game.scenes.call import CallScene
from game.scenes.debrief_screen import DebriefScene
from game.scenes.reaching import ReachingScene
from game.scenes.reading import ReadingScene
from game.settings import Settings
from game.workshop.journal import Journal
from game.workshop.recorder import Recorder
from tests.scenes.driving import QUIET_WEEK, press
from tests.scenes.recording import RecordingLook


def window(path, lang: str = "en") -> App:
    look = RecordingLook.create(Settings(language=lang, trainee="Sam"))
    return App(size=(1024, 600), sound=False, persist=False, paths=[QUIET_WEEK],
               recorder=Recorder.open(lang, path=path), seed=3, look=look)


def to_first_reading(app: App) -> list[str]:
    """From the title by keyboard: call, say phrasing 1 until the reading is asked; the scenes passed on the way."""
    press(app, pygame.K_RETURN, times=4)
    passed = []
    for _ in range(100):
        scene = app.stack.top
        passed.append(type(scene).__name__)
        if isinstance(scene, ReadingScene):
            return passed
        if isinstance(scene, ReachingScene):
            press(app, pygame.K_RETURN, times=3)
        elif isinstance(scene, CallScene):
            press(app, pygame.K_1)
            press(app, pygame.K_RETURN)
    raise AssertionError(passed)


def to_debrief(app: App) -> None:
    for _ in range(200):
        scene = app.stack.top
        if isinstance(scene, DebriefScene):
            return
        if isinstance(scene, ReachingScene):
            press(app, pygame.K_ESCAPE)
            press(app, pygame.K_RIGHT)
            press(app, pygame.K_RETURN)
        elif isinstance(scene, CallScene):
            press(app, pygame.K_1)
            press(app, pygame.K_RETURN)
    raise AssertionError(type(app.stack.top).__name__)


def drawn(app: App) -> list[str]:
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    return [text for text, _, _ in app.look.drawn]


@pytest.fixture
def read(tmp_path):
    """Sam read the buyer as 'price lever, sure' after the first call, and stopped after it."""
    app = window(tmp_path / "results.sqlite")
    passed = to_first_reading(app)
    press(app, pygame.K_2)
    press(app, pygame.K_3)
    to_debrief(app)
    yield app, passed, tmp_path / "results.sqlite"
    app.close()


def test_the_reading_is_asked_once_the_first_call_that_got_through_is_over(read):
    app, passed, _ = read
    assert passed.count("CallScene") >= 1 and passed[-2] == "CallScene"
    assert app.flow.session.play.turns[-1].number >= 2


def test_the_reading_is_kept_in_the_results_file_beside_the_motive_it_was(read):
    app, _, path = read
    app.close()
    with Journal.reading(path) as journal:
        [reading] = journal.readings("Sam")
    motive = app.flow.session.play.motive
    assert (reading.guessed, reading.confidence, reading.actual) == ("price_lever", "sure", motive)


def test_the_score_recorded_is_the_score_of_the_same_game_without_a_reading(read):
    app, _, path = read
    session = app.flow.session
    app.close()
    alone = Playthrough.replay(session.scenario, session.seed, session.play.actions, motive=session.play.motive)
    alone.finish()
    with Journal.reading(path) as journal:
        [record] = journal.records()
    assert record.score == alone.score.total == session.play.score.total


def test_the_debrief_shows_the_reading_whether_it_was_right_and_the_calibration_line(read):
    app, _, _ = read
    texts = drawn(app)
    right = app.flow.session.play.motive == "price_lever"
    assert f"Your reading: Price lever, sure. {'That was right.' if right else 'That was not it.'}" in texts
    assert {"Your readings so far", "a guess", "fairly sure", "sure", f"{int(right)} of 1"} <= set(texts)


def test_the_history_shows_the_calibration_line(read):
    app, _, _ = read
    press(app, pygame.K_ESCAPE)  # to the list
    time.sleep(0.05)
    press(app, pygame.K_h)
    texts = drawn(app)
    assert "How sure you were, and how often right" in texts
    assert "Dashed: how often you would be right if your confidence matched." in texts


def test_escape_skips_the_reading_and_it_is_not_asked_again(tmp_path):
    app = window(tmp_path / "results.sqlite")
    to_first_reading(app)
    press(app, pygame.K_ESCAPE)
    to_debrief(app)
    texts = drawn(app)
    app.close()
    assert "You did not read the buyer in this game." in texts and app.flow.session.play.reading is None
    with Journal.reading(tmp_path / "results.sqlite") as journal:
        assert journal.readings("Sam") == []


def test_in_dutch_the_reading_speaks_u_to_the_trainee(tmp_path):
    app = window(tmp_path / "results.sqlite", lang="nl")
    to_first_reading(app)
    texts = drawn(app)
    app.close()
    assert any(text.startswith("Waarom denkt u dat") for text in texts) and "Hoe zeker bent u?" in texts

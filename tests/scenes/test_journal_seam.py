import pygame

from game.app import App
from game.scenes.choice import ChoiceScene
from game.scenes.debrief_screen import DebriefScene
from game.scenes.reaching import ReachingScene
from game.settings import Settings
from game.workshop.recorder import Recorder
from tests.scenes.driving import QUIET_WEEK, press, to_week


def test_a_finished_game_shows_as_the_last_result_in_the_scenario_list(tmp_path):
    app = App(size=(1024, 600), settings=Settings(language="en", trainee="Sam"), sound=False, persist=False,
              paths=[QUIET_WEEK], recorder=Recorder.open("en", path=tmp_path / "results.sqlite"), seed=2)
    try:
        to_week(app)
        press(app, pygame.K_ESCAPE)
        press(app, pygame.K_RIGHT)
        press(app, pygame.K_RETURN)
        assert isinstance(app.stack.top, DebriefScene)
        played = app.flow.session.play
        press(app, pygame.K_ESCAPE)
        assert isinstance(app.stack.top, ChoiceScene)
        last = app.stack.top.entries[0].last
        assert (last.score, last.outcome) == (played.score.total, played.ending)
    finally:
        app.close()


def test_an_idle_screen_draws_nothing_new(open_app):
    app = open_app()
    to_week(app)
    assert isinstance(app.stack.top, ReachingScene)
    assert app.frame(0.0) is False
    press(app, pygame.K_DOWN)
    assert app.frames > 0
    assert app.frame(0.0) is False


def test_h_on_the_scenario_list_shows_the_trainees_attempts_and_g_the_workshop(tmp_path):
    from game.scenes.history import HistoryScene
    from game.scenes.workshop_overview import WorkshopOverviewScene
    app = App(size=(1024, 600), settings=Settings(language="nl", trainee="Sam", workshop="W1"), sound=False,
              persist=False, paths=[QUIET_WEEK], recorder=Recorder.open("nl", path=tmp_path / "results.sqlite"),
              seed=2)
    try:
        press(app, pygame.K_RETURN, times=2)
        press(app, pygame.K_h)
        assert isinstance(app.stack.top, HistoryScene)
        press(app, pygame.K_ESCAPE)
        press(app, pygame.K_g)
        assert isinstance(app.stack.top, WorkshopOverviewScene)
        press(app, pygame.K_ESCAPE)
        assert isinstance(app.stack.top, ChoiceScene)
    finally:
        app.close()

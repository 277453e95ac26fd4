import re
import shutil

import pygame

from game.app import App
from game.scenes.call import CallScene
from game.scenes.file_problems import ProblemScene
from game.scenes.reaching import ReachingScene
from game.settings import Settings
from game.ui.fonts import Fonts
from game.ui.sound import Sounds
from game.ui.theme import load_theme
from tests.scenes.driving import QUIET_WEEK, press, to_week


def test_the_game_plays_silently_without_an_audio_device(monkeypatch):
    def no_device(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    app = App(size=(1024, 600), settings=Settings(language="en", trainee="Sam"), persist=False, paths=[QUIET_WEEK])
    try:
        assert not app.look.sounds.available
        to_week(app)
        press(app, pygame.K_RETURN)
        assert app.flow.session.play.turns
        assert app.look.t("settings.no_audio") in app.look.notes
    finally:
        app.close()


def test_a_missing_font_file_falls_back_to_pygames_own_font():
    pygame.font.init()
    theme = load_theme()
    theme.data["font"]["regular"] = ["fonts/not-there.ttf"]
    theme.data["font"]["bold"] = ["/nowhere/at-all.ttf"]
    fonts = Fonts(theme)
    assert fonts.get(16).size("Vooruitgang, één offerte")[0] > 0


def test_a_font_file_that_does_not_load_falls_back_too(tmp_path):
    pygame.font.init()
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    theme = load_theme()
    theme.data["font"]["regular"] = [str(broken)]
    assert Fonts(theme).get(16).size("é")[0] > 0


def test_a_results_file_that_cannot_be_written_never_stops_the_game(open_app, tmp_path):
    from game.workshop.recorder import Recorder

    (tmp_path / "blocker").write_text("a file where the results folder should be: nothing can be written")
    app = open_app()
    app.flow.recorder = app.recorder = Recorder.open("en", path=tmp_path / "blocker" / "results.sqlite")
    to_week(app)
    press(app, pygame.K_RETURN, times=3)
    assert isinstance(app.stack.top, (ReachingScene, CallScene)) and app.recorder.pending


def test_f5_resumes_at_the_same_decision_point_after_the_file_changed(open_app, tmp_path):
    copy = tmp_path / "quiet-week.en.yaml"
    shutil.copy(QUIET_WEEK, copy)
    app = open_app(paths=[copy], seed=1)
    to_week(app)
    while isinstance(app.stack.top, ReachingScene):
        press(app, pygame.K_RETURN, times=3)
    point = app.flow.session.play.point.id
    copy.write_text(copy.read_text(encoding="utf-8").replace("I haven't had", "I have not had"), encoding="utf-8")
    press(app, pygame.K_F5)
    assert isinstance(app.stack.top, CallScene)
    assert app.flow.session.play.point.id == point
    assert "I have not had" in app.flow.session.play.buyer_line


def test_f5_on_a_broken_file_shows_where_the_problem_is_and_the_game_goes_on(open_app, tmp_path):
    copy = tmp_path / "quiet-week.en.yaml"
    shutil.copy(QUIET_WEEK, copy)
    app = open_app(paths=[copy])
    to_week(app)
    copy.write_text(copy.read_text(encoding="utf-8").replace("difficulty: easy", "dificulty: easy"), encoding="utf-8")
    app.look.drawn = []
    press(app, pygame.K_F5)
    assert isinstance(app.stack.top, ProblemScene)
    assert any(re.search(re.escape(str(copy)) + r":\d+:\d+: ", text) for text, _, _ in app.look.drawn)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, ReachingScene)


def test_silent_sounds_can_be_asked_to_play():
    Sounds.silent().play("ring")

import pygame

from game.scenes.call import CallScene
from game.scenes.reaching import ReachingScene
from game.scenes.settings_screen import SettingsScene
from tests.scenes.driving import press, to_week


def _click(app, pos) -> None:
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
    app.frame(0.0)


def _to_call(app) -> None:
    to_week(app)
    while isinstance(app.stack.top, ReachingScene):
        press(app, pygame.K_RETURN, times=3)


def test_a_click_on_a_phrasing_says_it(open_app):
    app = open_app(seed=1)
    _to_call(app)
    scene = app.stack.top
    assert isinstance(scene, CallScene)
    _click(app, scene.menu.rects[2].center)
    assert app.flow.session.play.actions[-1].choice == 2


def test_a_click_on_a_moment_in_the_week_points_at_it(open_app):
    app = open_app()
    to_week(app)
    scene = app.stack.top
    moment = sorted(scene.cells)[-1]
    _click(app, scene.cells[moment].center)
    assert scene.cursor == moment


def test_the_call_clock_can_be_switched_off(open_app):
    app = open_app(seed=1, call_clock=False)
    _to_call(app)
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    assert app.look.t("call.clock") not in {text for text, _, _ in app.look.drawn}


def test_the_text_size_setting_changes_at_once(open_app):
    app = open_app()
    press(app, pygame.K_DOWN, times=2)
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, SettingsScene)
    before = app.look.font_px("body")
    press(app, pygame.K_RIGHT)
    assert app.settings.text_size == "large"
    assert app.look.font_px("body") > before


def test_f11_switches_to_full_screen_and_back(open_app):
    app = open_app()
    press(app, pygame.K_F11)
    assert app.window.get_flags() & pygame.FULLSCREEN
    press(app, pygame.K_F11)
    assert not app.window.get_flags() & pygame.FULLSCREEN
    assert app.window.get_size() == (1024, 600)

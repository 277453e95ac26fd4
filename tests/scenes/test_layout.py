import pygame
import pytest

from game.scenes.call import CallScene
from game.scenes.reaching import ReachingScene
from tests.scenes.driving import LONG, press, read_the_buyer, resize, to_week

SIZES = [(1024, 600), (1280, 720), (1920, 1080)]


def _to_call(app):
    to_week(app)
    while isinstance(app.stack.top, ReachingScene):
        press(app, pygame.K_RETURN, times=3)
    assert isinstance(app.stack.top, CallScene)


@pytest.mark.parametrize("size", SIZES)
def test_every_phrasing_stays_inside_its_button_after_a_resize(open_app, size):
    app = open_app(paths=[LONG], text_size="large")
    _to_call(app)
    resize(app, size)
    app.frame(0.0)
    menu = app.stack.top.menu
    assert len(menu.rects) == 4
    for button, label in zip(menu.rects, menu.label_rects, strict=True):
        assert button.contains(label)


def test_the_longest_texts_allowed_are_not_cut_at_1024x600_with_large_text(open_app):
    app = open_app(paths=[LONG], text_size="large")
    _to_call(app)
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    phrasings = {p.say for p in app.flow.session.play.point.phrasings}
    shown = {text: cut for text, _, cut in app.look.drawn}
    assert phrasings <= shown.keys()
    assert not any(shown[text] for text in phrasings)
    assert not shown[app.flow.session.play.buyer_line]


def test_the_longest_reply_is_not_cut_at_1024x600_with_large_text(open_app):
    app = open_app(paths=[LONG], text_size="large")
    _to_call(app)
    press(app, pygame.K_4)
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    reply = app.flow.session.play.turns[-1].reply
    assert [cut for text, _, cut in app.look.drawn if text == reply] == [False]


def test_no_text_is_drawn_outside_the_window_at_the_smallest_size(open_app):
    app = open_app(paths=[LONG], text_size="large")
    app.look.drawn = []
    _to_call(app)
    window = app.window.get_rect()
    assert all(window.contains(used) for _, used, _ in app.look.drawn)


def test_the_briefing_holds_the_longest_texts_allowed_at_1024x600_with_large_text(open_app):
    app = open_app(paths=[LONG], text_size="large")
    press(app, pygame.K_RETURN, times=3)
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    scenario = app.flow.scenario
    shown = {text: cut for text, _, cut in app.look.drawn}
    assert not any(shown[text] for text in (scenario.situation, scenario.target, scenario.goal))


def test_the_debrief_holds_the_longest_texts_allowed_at_1024x600_with_large_text(open_app):
    app = open_app(paths=[LONG], text_size="large")
    _to_call(app)
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    read_the_buyer(app, motive=3, sure=2)  # the reading's line and the calibration line are in the debrief too
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RETURN)
    assert app.stack.top.report.reading_line
    app.look.drawn = []
    for index in range(len(app.stack.top.report.lines)):
        app.stack.top.selected = index
        app.dirty = True
        app.frame(0.0)
    assert [text for text, _, cut in app.look.drawn if cut] == []

import pygame

from game.scenes.call import CallScene
from game.scenes.reaching import ReachingScene
from tests.scenes.driving import LONG, press, to_week


def _on_the_phone(app) -> CallScene:
    to_week(app)
    while isinstance(app.stack.top, ReachingScene):
        app.stack.top.play.answer_chance = 1.0
        press(app, pygame.K_RETURN, times=3)
    assert isinstance(app.stack.top, CallScene)
    return app.stack.top


def _hint_line(app) -> str:
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    return next(text for text, _, _ in app.look.drawn if "Enter: say it" in text)


def test_the_key_hint_names_as_many_numbers_as_there_are_phrasings(open_app):
    app = open_app()
    scene = _on_the_phone(app)
    count = len(scene.menu.buttons)
    assert count < 4  # quiet week opens with three phrasings
    assert _hint_line(app).startswith(f"1-{count} ")


def test_the_key_hint_says_one_to_four_when_there_are_four_phrasings(open_app):
    app = open_app(paths=(LONG,))
    scene = _on_the_phone(app)
    assert len(scene.menu.buttons) == 4
    assert _hint_line(app).startswith("1-4 ")

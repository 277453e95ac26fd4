import pygame

from game.scenes.reaching import ReachingScene
from tests.scenes.driving import press, to_week


def _texts_while_ringing(app) -> list[str]:
    app.stack.top.play.answer_chance = 1.0
    press(app, pygame.K_RETURN)  # call at the moment in focus; the phone now rings
    assert isinstance(app.stack.top, ReachingScene) and app.stack.top.busy
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    return [text for text, _, _ in app.look.drawn]


def test_the_line_under_a_ringing_call_says_the_call_is_being_made(open_app):
    app = open_app()
    to_week(app)
    texts = _texts_while_ringing(app)
    assert any(text.startswith("Monday 08:30") and "calling" in text for text in texts), texts


def test_the_line_under_a_ringing_call_does_not_call_its_moment_passed(open_app):
    app = open_app()
    to_week(app)
    texts = _texts_while_ringing(app)
    assert not any("has passed" in text for text in texts), texts


def test_after_the_call_the_line_under_the_week_names_the_call_just_made(open_app):
    app = open_app()
    to_week(app)
    _texts_while_ringing(app)
    press(app, pygame.K_SPACE)  # the buyer picks up: the outcome shows
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    texts = [text for text, _, _ in app.look.drawn]
    assert "Monday 08:30: you called Sanne Vermeulen." in texts, texts

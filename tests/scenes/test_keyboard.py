import pygame

from game.scenes.call import CallScene
from game.scenes.choice import ChoiceScene
from game.scenes.debrief_screen import DebriefScene
from game.scenes.reaching import ReachingScene
from game.scenes.reading import ReadingScene
from game.scenes.signin import SignInScene
from game.scenes.title import TitleScene
from tests.scenes.driving import press, to_week, type_text


def test_a_whole_scenario_is_played_by_keyboard_alone_to_the_debrief(open_app):
    app = open_app()
    to_week(app)
    for _ in range(200):
        scene = app.stack.top
        if isinstance(scene, DebriefScene):
            break
        if isinstance(scene, ReachingScene):
            press(app, pygame.K_RETURN, times=3)  # call at the moment in focus, skip the ringing, continue
        elif isinstance(scene, CallScene):
            press(app, pygame.K_1)
            press(app, pygame.K_RETURN)
        elif isinstance(scene, ReadingScene):
            press(app, pygame.K_2)  # price lever
            press(app, pygame.K_3)  # sure
    assert isinstance(app.stack.top, DebriefScene)
    assert app.stack.top.report.lines
    assert app.flow.session.play.reading.motive == "price_lever" and app.flow.session.play.reading.confidence == "sure"


def test_the_number_keys_say_the_phrasing_with_that_number(open_app):
    app = open_app(seed=1)
    to_week(app)
    while isinstance(app.stack.top, ReachingScene):
        press(app, pygame.K_RETURN, times=3)
    assert isinstance(app.stack.top, CallScene)
    press(app, pygame.K_2)
    assert app.flow.session.play.actions[-1].choice == 1


def test_escape_goes_back_from_the_scenario_list_to_the_sign_in(open_app):
    app = open_app()
    press(app, pygame.K_RETURN, times=2)
    assert isinstance(app.stack.top, ChoiceScene)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, SignInScene)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, TitleScene)


def test_the_sign_in_waits_for_a_name(open_app):
    app = open_app(trainee="")
    press(app, pygame.K_RETURN, times=2)
    assert isinstance(app.stack.top, SignInScene)
    assert app.stack.top.warning


def test_the_typed_name_becomes_the_trainee(open_app):
    app = open_app(trainee="")
    press(app, pygame.K_RETURN)
    type_text(app, "Joëlle")
    press(app, pygame.K_RETURN)
    assert app.settings.trainee == "Joëlle"


def test_escape_in_the_week_asks_before_stopping_and_then_shows_the_debrief(open_app):
    app = open_app()
    to_week(app)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, ReachingScene) is False
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, DebriefScene)


def test_closing_the_window_ends_the_game_loop(open_app):
    app = open_app()
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert app.run() == 0
    assert not app.running


def test_escape_on_the_title_quits(open_app):
    app = open_app()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="", scancode=0))
    assert app.run() == 0


def test_while_the_phone_rings_the_side_panel_does_not_yet_say_the_buyer_was_reached(open_app):
    app = open_app()
    to_week(app)
    app.stack.top.play.answer_chance = 1.0  # this buyer picks up whenever he is free
    drawn: list[str] = []
    draw_text = app.look.text

    def recording(surface, text, *rest, **options):
        drawn.append(text)
        return draw_text(surface, text, *rest, **options)

    app.look.text = recording
    press(app, pygame.K_RETURN)  # call at the first moment of the week, when nobody has the buyer
    assert any("Quote sent" in text for text in drawn) and not any("Buyer reached" in text for text in drawn)

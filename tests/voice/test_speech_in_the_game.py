"""Speech in the window, with pyttsx3's dummy driver: what is said, in which voice, and when it stops."""

import time

import pygame

from game.model.moment import Moment
from game.model.turn import Channel, TurnOutcome
from game.scenes.call import CallScene
from game.scenes.reaching import ReachingScene
from game.settings import load_settings
from tests.scenes.driving import press, to_week
from tests.voice.conftest import said, settle

WOMAN, MAN = "dummy.voice2", "dummy.voice1"  # the dummy driver's Jane Doe and John Doe


def _to_call(app):
    to_week(app)
    while isinstance(app.stack.top, ReachingScene):
        press(app, pygame.K_RETURN, times=3)
    assert isinstance(app.stack.top, CallScene)


def _ring_at(app, day, hour):
    """Call at a moment of the buyer's week and let the phone ring out."""
    to_week(app)
    scene = app.stack.top
    scene.attempt(Moment(day, hour * 60), Channel.CALL)
    scene.update(10.0)
    app.frame(0.0)
    return scene.turn


def test_the_buyers_first_line_is_spoken_in_a_womans_voice_when_the_call_starts(speaking_app):
    app = speaking_app(speech=True)
    _to_call(app)
    assert said(app)[-1] == (app.flow.session.play.buyer_line, WOMAN)


def test_the_buyers_reply_is_spoken_after_the_trainees_answer(speaking_app):
    app = speaking_app(speech=True)
    _to_call(app)
    press(app, pygame.K_1)
    assert said(app)[-1] == (app.flow.session.play.turns[-1].reply, WOMAN)


def test_nothing_is_said_and_no_engine_starts_when_speech_is_off(speaking_app):
    app = speaking_app()
    _to_call(app)
    press(app, pygame.K_1)
    assert (app.look.speech.speaker.state, said(app)) == ("idle", [])


def test_the_trainees_answer_stops_what_was_still_to_be_said(speaking_app):
    app = speaking_app(speech=True, self_voicing=True)
    _to_call(app)
    line = app.flow.session.play.buyer_line
    speaker = app.look.speech.speaker
    end = time.monotonic() + 10
    while line not in [u.text for u in speaker.said] and time.monotonic() < end:
        time.sleep(0.002)
    press(app, pygame.K_1)  # while the dummy engine is still busy with the buyer's line
    texts = [text for text, _ in said(app)]
    assert not any("What do you say?" in text for text in texts[texts.index(line):])


def test_the_reply_is_said_after_the_answer_cut_the_rest_short(speaking_app):
    app = speaking_app(speech=True, self_voicing=True)
    _to_call(app)
    press(app, pygame.K_1)
    assert app.flow.session.play.turns[-1].reply in [text for text, _ in said(app)]


def test_a_colleague_answers_for_a_busy_buyer_in_another_voice(speaking_app):
    app = speaking_app(speech=True)
    turn = _ring_at(app, day=1, hour=9)  # the management meeting: Bas from reception answers
    assert turn.outcome == TurnOutcome.COLLEAGUE
    text, voice = said(app)[-1]
    assert text.startswith("Good day, Bas from reception speaking.") and voice == MAN


def test_the_voicemail_greets_in_the_buyers_voice(speaking_app):
    app = speaking_app(speech=True)
    turn = _ring_at(app, day=1, hour=14)  # a key customer visits: the voicemail
    assert turn.outcome == TurnOutcome.VOICEMAIL
    assert said(app)[-1] == ("Hello, you have reached Sanne Vermeulen. I can't take your call right now. "
                             "Please leave a message.", WOMAN)


def test_self_voicing_reads_the_whole_screen_when_it_opens(speaking_app):
    app = speaking_app(self_voicing=True)
    text, voice = said(app)[0]
    assert text.startswith("Vooruitgang. Follow up a quote by phone") and "Start." in text and voice == MAN


def test_self_voicing_reads_the_button_the_focus_moves_to(speaking_app):
    app = speaking_app(self_voicing=True)
    press(app, pygame.K_DOWN)
    assert said(app)[-1] == ("Language: English.", MAN)


def test_self_voicing_reads_the_name_field_when_the_focus_reaches_it(speaking_app):
    app = speaking_app(self_voicing=True)
    press(app, pygame.K_RETURN)
    settle(app)
    press(app, pygame.K_TAB)
    assert said(app)[-1][0] == "Workshop code (optional)."


def test_the_v_key_switches_self_voicing_on_and_says_so(speaking_app):
    app = speaking_app()
    press(app, pygame.K_v)
    assert app.settings.self_voicing and said(app)[0][0] == "Reading aloud is on. Press V to switch it off."


def test_the_v_key_switches_self_voicing_off_again(speaking_app):
    app = speaking_app(self_voicing=True)
    press(app, pygame.K_v)
    assert not app.settings.self_voicing and said(app)[-1][0] == "Reading aloud is off."


def test_a_v_typed_in_the_name_field_is_a_letter_of_the_name(speaking_app):
    app = speaking_app(trainee="")
    press(app, pygame.K_RETURN)
    app.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_v, mod=0, unicode="v", scancode=0))
    app.handle(pygame.event.Event(pygame.TEXTINPUT, text="v"))
    assert (app.stack.top.values[0], app.settings.self_voicing) == ("v", False)


def test_the_v_key_keeps_self_voicing_on_for_the_next_time(tmp_path, monkeypatch):
    from game.app import App
    from game.voice.speaker import Speaker

    monkeypatch.setenv("VOORUITGANG_HOME", str(tmp_path))
    app = App(size=(1024, 600), sound=False, speaker=Speaker("dummy"))
    try:
        app.frame(0.0)
        press(app, pygame.K_v)
    finally:
        app.close()
    assert load_settings().self_voicing


def test_a_new_speaking_speed_is_heard_at_once_at_that_speed(speaking_app):
    app = speaking_app()
    press(app, pygame.K_DOWN, times=2)
    press(app, pygame.K_RETURN)  # the settings
    settle(app)
    press(app, pygame.K_DOWN, times=7)  # down the screen column, then sound, speech, the speed
    press(app, pygame.K_RIGHT)
    last = app.look.speech.speaker.said[-1] if said(app) else None
    assert (last.text, last.rate) == ("Speaking speed: fast", 220)


def _to_goodbye(app, played):
    """Answer with the first phrasing until the buyer ends the call; `played` keeps the tones played since."""
    app.look.sounds.play = played.append
    _to_call(app)
    while not app.flow.session.play.turns[-1].call_end:
        played.clear()
        press(app, pygame.K_RETURN if app.stack.top.state == "reply" else pygame.K_1)


def test_a_buyer_who_says_goodbye_aloud_hangs_up_once_the_trainee_goes_on(speaking_app):
    app, played = speaking_app(speech=True), []
    _to_goodbye(app, played)
    waited = "hang_up" not in played
    press(app, pygame.K_RETURN)
    assert (waited, played[-1:]) == (True, ["hang_up"])


def test_without_speech_the_buyer_hangs_up_as_his_goodbye_appears(speaking_app):
    app, played = speaking_app(), []
    _to_goodbye(app, played)
    assert played[-1:] == ["hang_up"]

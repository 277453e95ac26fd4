"""A game left halfway (a crash, a closed window) is offered at sign-in, and plays on as one playthrough."""

from __future__ import annotations

import time

import pygame

from game.app import App
from game.bots.strategy import Strategy, bot_rng
from game.model.playthrough import Phase, Playthrough
from game.scenario.load import load_scenario
from game.scenes.choice import ChoiceScene
from game.scenes.confirm import ConfirmScene
from game.scenes.debrief_screen import DebriefScene
from game.settings import Settings
from game.workshop.journal import Journal
from game.workshop.recorder import Recorder
from tests.scenes.driving import QUIET_WEEK, play_with_bot, press
from tests.scenes.recording import RecordingLook


def left_halfway(path, steps: int = 3) -> Playthrough:
    """A game of Sam's cut off after a few steps, as a crash leaves it."""
    with Journal.open(path) as journal:
        play = Playthrough.start(load_scenario(QUIET_WEEK), 5)
        journal.begin(play, "Sam", "W1", 5)
        bot = Strategy("advance", bot_rng(5))
        for _ in range(steps):
            play.choose(bot.phrasing(play)) if play.phase == Phase.IN_CALL else play.contact(*bot.contact(play))
    return play


def window(path) -> App:
    look = RecordingLook.create(Settings(language="en", trainee="Sam", workshop="W1"))
    return App(size=(1024, 600), sound=False, persist=False, paths=[QUIET_WEEK],
               recorder=Recorder.open("en", path=path), seed=3, look=look)


def signed_in(path) -> App:
    app = window(path)
    time.sleep(0.1)
    press(app, pygame.K_RETURN, times=2)  # start, sign in
    return app


def test_signing_in_offers_to_play_on_a_game_left_halfway(tmp_path):
    left_halfway(tmp_path / "results.sqlite")
    app = signed_in(tmp_path / "results.sqlite")
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    texts = [text for text, _, _ in app.look.drawn]
    app.close()
    assert isinstance(app.stack.top, ConfirmScene) and any("You did not finish “The quiet week”" in text and
                                                           "3 steps played" in text for text in texts)
    assert {"Play on", "Leave it"} <= set(texts)


def test_playing_on_goes_on_from_the_last_turn_and_ends_as_one_playthrough(tmp_path):
    path = tmp_path / "results.sqlite"
    before = left_halfway(path)
    app = signed_in(path)
    press(app, pygame.K_RETURN)  # play on (the default)
    resumed = [(t.number, t.say, t.verdict) for t in app.flow.session.play.turns]
    play_with_bot(app, seed=5)
    played = len(app.flow.session.play.turns)
    assert isinstance(app.stack.top, DebriefScene)
    app.close()
    with Journal.open(path) as journal:
        records = journal.records()
    assert (resumed, len(records), records[0].is_finished, len(records[0].turns)) == (
        [(t.number, t.say, t.verdict) for t in before.turns], 1, True, played)


def test_leaving_it_goes_to_the_scenarios_and_is_not_asked_again(tmp_path):
    path = tmp_path / "results.sqlite"
    left_halfway(path)
    app = signed_in(path)
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RETURN)  # leave it
    first = isinstance(app.stack.top, ChoiceScene)
    app.close()
    again = signed_in(path)
    second = isinstance(again.stack.top, ChoiceScene)
    again.close()
    assert (first, second) == (True, True)


def test_a_game_closed_before_its_first_step_is_not_offered(tmp_path):
    path = tmp_path / "results.sqlite"
    left_halfway(path, steps=0)
    app = signed_in(path)
    offered = isinstance(app.stack.top, ConfirmScene)
    app.close()
    assert not offered

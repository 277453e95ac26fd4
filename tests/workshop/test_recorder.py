"""Recording never stops the game and never makes it wait: what cannot be saved yet waits in memory."""

from __future__ import annotations

import shutil
import time

import pygame
import pytest

from game.app import App
from game.bots.strategy import Strategy, bot_rng
from game.model.playthrough import Phase
from game.scenes.debrief_screen import DebriefScene
from game.settings import Settings
from game.workshop.journal import Journal
from game.workshop.recorder import Recorder
from tests.faults.workshop import held_lock, small_disk
from tests.scenes.driving import QUIET_WEEK, play_with_bot, press, to_week
from tests.scenes.recording import RecordingLook

WAIT = 20.0  # seconds a test gives the writer thread; it needs well under one


def window(path, language="en") -> App:
    look = RecordingLook.create(Settings(language=language, trainee="Sam", workshop="W1"))
    return App(size=(1024, 600), sound=False, persist=False, paths=[QUIET_WEEK],
               recorder=Recorder.open(language, path=path), seed=3, look=look)


def until(condition, seconds: float = WAIT) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def turns_saved(path) -> list[tuple[str, int]]:
    with Journal.open(path) as journal:
        return [(record.uuid, turn.number) for record in journal.records() for turn in record.turns]


def made(app: App) -> list[tuple[str, int]]:
    session = app.flow.session
    return [(session.play_id, turn.number) for turn in session.play.turns]


def one_step(app: App, bot: Strategy) -> None:
    play = app.flow.session.play
    scene = app.stack.top
    if play.phase == Phase.IN_CALL:
        scene.say(bot.phrasing(play))
        scene.proceed()
    else:
        scene.attempt(*bot.contact(play))
        scene.update(60.0)
        scene.proceed()
    app.frame(0.0)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "results.sqlite"


def test_the_window_answers_at_once_while_another_program_holds_the_results_file(path):
    app = window(path)
    to_week(app)
    bot = Strategy("advance", bot_rng(3))
    with held_lock(path):
        slowest = 0.0
        for _ in range(3):
            start = time.monotonic()
            one_step(app, bot)
            slowest = max(slowest, time.monotonic() - start)
    app.close()
    assert slowest < 1.0  # the file's busy timeout is 10 s: a turn that waited for it would take that long


def test_the_trainee_sees_one_calm_line_while_choices_wait_to_be_saved(path):
    app = window(path)
    to_week(app)
    with held_lock(path):
        one_step(app, Strategy("advance", bot_rng(3)))
        assert until(lambda: app.recorder.waiting_line)
        app.look.drawn = []
        app.dirty = True
        app.frame(0.0)
        shown = [text for text, _, _ in app.look.drawn if text == app.recorder.waiting_line]
    app.close()
    assert shown == ["Not saved yet: another program is using the results file. Your choices are kept and saved "
                     "as soon as it is free."]


def test_the_calm_line_goes_once_the_choices_are_saved(path):
    app = window(path)
    to_week(app)
    with held_lock(path):
        one_step(app, Strategy("advance", bot_rng(3)))
        assert until(lambda: app.recorder.waiting_line)
    saved = until(lambda: not app.recorder.pending)
    line = app.waiting_line()
    app.close()
    assert (saved, line) == (True, "")


def test_turns_made_while_the_file_was_held_are_all_saved_once_it_is_free(path):
    app = window(path)
    to_week(app)
    bot = Strategy("advance", bot_rng(3))
    with held_lock(path):
        for _ in range(3):
            one_step(app, bot)
    expected = made(app)
    app.close()
    assert turns_saved(path) == expected


def test_one_failed_save_does_not_switch_recording_off_for_the_later_games(tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        path = disk.where / "results.sqlite"
        app = window(path)
        to_week(app)
        assert until(lambda: path.exists())
        disk.fill()
        play_with_bot(app, seed=3)
        first = made(app)
        assert until(lambda: app.recorder.waiting_line)
        disk.free()
        press(app, pygame.K_r)  # play again
        play_with_bot(app, seed=4)
        second = made(app)
        app.close()
        assert sorted(turns_saved(path)) == sorted(first + second)


def test_a_copy_of_the_main_file_alone_holds_a_game_once_it_has_ended(path, tmp_path):
    app = window(path)
    to_week(app)
    play_with_bot(app, seed=3)
    assert isinstance(app.stack.top, DebriefScene) and until(lambda: not app.recorder.pending)
    expected = made(app)
    copy = tmp_path / "copy" / "results.sqlite"
    copy.parent.mkdir()
    shutil.copy(path, copy)  # the main file only, while the window is still open
    saved = turns_saved(copy)
    app.close()
    assert saved == expected


def test_closing_the_window_leaves_every_turn_in_the_main_file(path, tmp_path):
    app = window(path)
    to_week(app)
    bot = Strategy("advance", bot_rng(3))
    for _ in range(2):
        one_step(app, bot)  # a game in progress
    expected = made(app)
    app.close()
    copy = tmp_path / "copy.sqlite"
    shutil.copy(path, copy)
    assert turns_saved(copy) == expected


def test_closing_the_window_waits_for_choices_still_waiting_and_says_so(path):
    app = window(path)
    to_week(app)
    with held_lock(path) as lock:
        one_step(app, Strategy("advance", bot_rng(3)))
        app.handle(pygame.event.Event(pygame.QUIT))
        app.frame(0.0)
        still_open, line = app.running, app.waiting_line()
        lock.release()
        assert until(lambda: not app.recorder.pending)
        app._maybe_closed()
    expected = made(app)
    closed = not app.running
    app.close()
    assert (still_open, line, closed, turns_saved(path)) == (
        True, "Saving your last choices before the game closes…", True, expected)


def test_a_second_close_does_not_wait(path):
    app = window(path)
    to_week(app)
    with held_lock(path):
        one_step(app, Strategy("advance", bot_rng(3)))
        app.handle(pygame.event.Event(pygame.QUIT))
        app.handle(pygame.event.Event(pygame.QUIT))
        closed = not app.running
        app.close()
    assert closed

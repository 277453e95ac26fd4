"""Practice what you missed, in the window: the list offers the moments when they are due, a short run sets each
again, the answers are kept as practice (never as a game), and each moment is rescheduled by how it went.
The flow's clock is moved forward by whole days."""

from __future__ import annotations

import time

import pygame
import pytest

from game.app import App
from game.model.scenario import Aim
from game.model.spacing import DAY
from game.scenes.call import CallScene
from game.scenes.choice import PRACTICE, ChoiceScene
from game.scenes.debrief_screen import DebriefScene
from game.scenes.practice import PracticeScene
from game.scenes.reaching import ReachingScene
from game.scenes.reading import ReadingScene
from game.settings import Settings
from game.workshop.journal import Journal
from game.workshop.recorder import Recorder
from tests.scenes.driving import QUIET_WEEK, press, read_the_buyer
from tests.scenes.recording import RecordingLook


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def days_later(self, days: float) -> None:
        self.now += days * DAY


def written(app: App) -> None:
    """Wait until the results file holds everything the window handed to its writer."""
    for _ in range(200):
        if not app.recorder.pending:
            return
        time.sleep(0.02)
    raise AssertionError("the writer did not write")


def keep_alive(app: App) -> None:
    """Play to the debrief by keyboard: call at the moment in focus, and in a call say the first phrasing written
    to keep the deal alive; read the buyer when asked."""
    for _ in range(300):
        scene = app.stack.top
        if isinstance(scene, DebriefScene):
            return
        if isinstance(scene, ReachingScene):
            press(app, pygame.K_RETURN, times=3)
        elif isinstance(scene, CallScene):
            phrasings = app.flow.session.play.point.phrasings
            press(app, pygame.K_1 + next(i for i, p in enumerate(phrasings) if p.aim == Aim.PROLONG))
            press(app, pygame.K_RETURN)
        elif isinstance(scene, ReadingScene):
            read_the_buyer(app)


def list_again(app: App) -> ChoiceScene:
    """F5 on the scenario list reads it again: what a trainee sees on coming back to it."""
    app.flow.reload()
    app.frame(0.0)
    return app.stack.top


@pytest.fixture
def prolonged(tmp_path):
    """Sam played a week of the quiet week keeping the deal alive at every turn; the window and its clock."""
    clock = Clock()
    look = RecordingLook.create(Settings(language="en", trainee="Sam"))
    app = App(size=(1024, 600), sound=False, persist=False, paths=[QUIET_WEEK],
              recorder=Recorder.open("en", path=tmp_path / "results.sqlite"), seed=3, look=look)
    app.flow.clock = clock
    press(app, pygame.K_RETURN, times=4)
    keep_alive(app)
    assert isinstance(app.stack.top, DebriefScene)
    press(app, pygame.K_ESCAPE)
    written(app)
    clock.now = time.time()  # the game was played on the wall clock: the day starts when it ended
    yield app, clock, tmp_path / "results.sqlite"
    app.close()


def test_nothing_is_offered_for_practice_on_the_day_of_the_game(prolonged):
    app, _, _ = prolonged
    assert list_again(app).practice_due == 0


def list_a_day_later(app: App, clock: Clock) -> tuple[ChoiceScene, list[str]]:
    """The scenario list a day after the game, and every text it shows."""
    clock.days_later(1)
    scene = list_again(app)
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    return scene, [text for text, _, _ in app.look.drawn]


def test_a_day_later_the_list_offers_the_missed_moments_first(prolonged):
    app, clock, _ = prolonged
    scene, texts = list_a_day_later(app, clock)
    assert scene.practice_due >= 1 and scene.focus == PRACTICE
    assert f"Practice: {scene.practice_due} moments" in texts or "Practice: 1 moment" in texts


def test_with_the_practice_line_in_focus_the_list_shows_each_scenario_once_and_none_in_focus(prolonged):
    app, clock, _ = prolonged
    scene, texts = list_a_day_later(app, clock)
    assert texts.count(scene.entries[0].scenario.title) == 1
    assert [index for index, _ in scene.card_rects] == [0]


def test_practice_sets_each_moment_again_as_it_was_in_the_game(prolonged):
    app, clock, path = prolonged
    clock.days_later(1)
    list_again(app)
    press(app, pygame.K_p)
    scene = app.stack.top
    assert isinstance(scene, PracticeScene)
    with Journal.reading(path) as journal:
        said = {(s.call_id, s.point_id): s for s in journal.said("Sam")}
    for moment in scene.moments:
        assert moment.play.point.id == moment.missed.point_id
        assert (moment.play.call.id, moment.play.point.id) in said


def test_answers_are_kept_as_practice_and_never_as_a_game(prolonged):
    app, clock, path = prolonged
    clock.days_later(1)
    list_again(app)
    press(app, pygame.K_p)
    run = app.stack.top
    for _ in run.moments:
        press(app, pygame.K_1)
        press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # the summary, back to the list
    assert isinstance(app.stack.top, ChoiceScene)
    written(app)
    with Journal.reading(path) as journal:
        answers, plays = journal.practice("Sam"), journal.records()
    assert (len(answers), len(plays)) == (len(run.moments), 1)
    assert [answer.wall_time for answer in answers] == [clock.now] * len(run.moments)


def test_a_moment_answered_well_comes_back_three_days_later_and_one_answered_poorly_the_next_day(prolonged):
    app, clock, _ = prolonged
    clock.days_later(1)
    list_again(app)
    press(app, pygame.K_p)
    run = app.stack.top
    goods = []
    for moment in run.moments:
        best = _best(moment)
        press(app, pygame.K_1 + best)
        goods.append(run.good)
        press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    written(app)
    assert all(goods)
    clock.days_later(2.9)
    assert list_again(app).practice_due == 0
    clock.days_later(0.2)
    assert list_again(app).practice_due == len(run.moments)


def test_a_moment_answered_poorly_comes_back_the_next_day(prolonged):
    app, clock, _ = prolonged
    clock.days_later(1)
    list_again(app)
    press(app, pygame.K_p)
    run = app.stack.top
    moment = run.moments[0]
    worst = moment.missed.last_miss.choice  # the phrasing that kept the deal alive, said again
    press(app, pygame.K_1 + worst)
    assert not run.good
    press(app, pygame.K_ESCAPE)  # stop practising after one
    written(app)
    clock.days_later(1)
    assert list_again(app).practice_due >= 1


def _best(moment) -> int:
    from game.model.hindsight import best_phrasing

    play = moment.play
    return best_phrasing(play.point, play.deal.stage, play.motive, play.rules.score)


def test_the_summary_says_how_to_get_back_to_the_list(prolonged):
    app, clock, _ = prolonged
    list_a_day_later(app, clock)
    press(app, pygame.K_p)
    for _ in app.stack.top.moments:
        press(app, pygame.K_1)
        press(app, pygame.K_RETURN)
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    texts = [text for text, _, _ in app.look.drawn]
    assert "Enter or Esc: back to the scenarios" in texts and "Enter: next · Esc: stop practising" not in texts

import pygame

from game.bots.strategy import Strategy, bot_rng, play_out
from game.debrief import debrief, what_it_cost
from game.scenario.load import load_scenario
from game.scenes.debrief_screen import DebriefScene
from game.session import Session
from tests.scenes.driving import QUIET_WEEK, press, read_the_buyer


def _debrief_of(app, strategy: str) -> tuple[DebriefScene, Session]:
    scenario = load_scenario(QUIET_WEEK)
    session = Session.begin(scenario, "Sam", seed=3)
    play_out(session.play, Strategy(strategy, bot_rng(3)))
    app.flow.begin(session)
    app.frame(0.0)
    read_the_buyer(app)
    return app.stack.top, session


def test_the_debrief_shows_exactly_the_verdicts_the_model_computed(open_app):
    app = open_app()
    scene, session = _debrief_of(app, "random")
    expected = debrief(session.play)
    assert [line.verdict_word for line in scene.report.lines] == [line.verdict_word for line in expected.lines]
    assert [line.verdict for line in scene.report.lines] == [turn.verdict for turn in session.play.turns]
    app.look.drawn = []
    for index in range(len(expected.lines)):
        scene.selected = index
        app.dirty = True
        app.frame(0.0)
    drawn = {text for text, _, _ in app.look.drawn}
    assert {line.verdict_word for line in expected.lines} <= drawn
    assert {line.feedback for line in expected.lines if line.feedback} <= drawn
    assert str(expected.score).replace("-", "−") in drawn


def test_practice_from_a_turn_replays_the_game_up_to_just_before_it(open_app):
    app = open_app()
    scene, session = _debrief_of(app, "advance")
    press(app, pygame.K_DOWN)
    number = scene.line.turn.number
    press(app, pygame.K_p)
    practice = app.flow.session
    assert practice.practice
    assert practice.play.actions == session.play.actions[: number - 1]
    assert practice.play.motive == session.play.motive


def _stopped_after_a_step(app) -> tuple[DebriefScene, Session]:
    """The quiet week: a step with Henk agreed on the second call, then the trainee stops."""
    from game.model.moment import Moment

    scenario = load_scenario(QUIET_WEEK)
    session = Session.begin(scenario, "Sam", seed=0)
    play = session.play = type(session.play).start(scenario, 0, motive="internal_blocker")
    for moment, choices in ((Moment(1, 510), ()), (Moment(1, 630), (1, 2)), (Moment(1, 660), (2, 0))):
        play.contact(moment, "call")
        for choice in choices:
            play.choose(choice)
    play.finish()
    app.flow.begin(session)
    app.frame(0.0)
    read_the_buyer(app)
    return app.stack.top, session


def test_the_end_of_the_game_is_a_line_of_its_own_that_says_why_and_what_it_cost(open_app):
    app = open_app()
    scene, session = _stopped_after_a_step(app)
    last = scene.report.lines[-1]
    assert last.turn.kind == "closing" and last.action == "You stopped" and last.verdict == "achteruitgang"
    assert sum(line.points for line in scene.report.lines) == scene.report.score == session.play.score.total
    app.look.drawn = []
    scene._select(len(scene.report.lines) - 1)
    app.dirty = True
    app.frame(0.0)
    assert any("was never kept" in text for text, _, _ in app.look.drawn)


def test_the_closing_line_cannot_be_practised_and_gives_the_focus_away(open_app):
    app = open_app()
    scene, _ = _stopped_after_a_step(app)
    scene._select(len(scene.report.lines) - 1)
    press(app, pygame.K_p)
    assert app.stack.top is scene and not scene.menu.buttons[0].enabled and scene.menu.focus == 1


def test_the_turn_shown_says_what_it_cost_in_the_same_week(open_app):
    app = open_app()
    scene, session = _debrief_of(app, "random")
    line = scene.line
    told = what_it_cost(session.play, line.turn, "en")
    assert told and line.better  # the first turn shown is one with a stronger phrasing
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    drawn = {text for text, _, _ in app.look.drawn}
    assert {"What this turn cost", told} <= drawn


def test_each_turns_week_is_replayed_once_when_it_is_shown_and_never_per_frame(open_app, monkeypatch):
    replayed = []

    def counted(play, turn, lang):
        replayed.append(turn.number)
        return f"cost of {turn.number}"

    monkeypatch.setattr("game.scenes.debrief_screen.what_it_cost", counted)
    app = open_app()
    scene, _ = _debrief_of(app, "random")
    start = scene.selected
    for key in (pygame.K_DOWN, pygame.K_UP, pygame.K_DOWN, pygame.K_DOWN):
        press(app, key)
        app.dirty = True
        app.frame(0.0)
    lines = scene.report.lines
    visited = [min(index, len(lines) - 1) for index in (start, start + 1, start + 2)]
    assert replayed == list(dict.fromkeys(lines[index].turn.number for index in visited))

"""Driving the window with synthetic key presses, as a trainee at the keyboard would."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.app import App

ROOT = Path(__file__).resolve().parents[2]
QUIET_WEEK = ROOT / "scenarios" / "quiet-week.en.yaml"
LONG = Path(__file__).resolve().parent / "fixtures" / "long.en.yaml"


def press(app: App, key: int, times: int = 1) -> None:
    for _ in range(times):
        app.handle(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
        app.frame(0.0)


def type_text(app: App, text: str) -> None:
    for letter in text:
        app.handle(pygame.event.Event(pygame.TEXTINPUT, text=letter))
    app.frame(0.0)


def resize(app: App, size: tuple[int, int]) -> None:
    """The trainee drags the window's edge: SDL resizes the window, then tells the game."""
    pygame.display.set_mode(size, pygame.RESIZABLE)
    app.handle(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))


def to_week(app: App) -> None:
    """From the title, by keyboard: start, sign in (name filled in), choose the first scenario, start the week."""
    press(app, pygame.K_RETURN, times=4)


def read_the_buyer(app: App, motive: int = 1, sure: int = 3) -> None:
    """On the reading of the buyer, by keyboard: motive number `motive` (1-4), then how sure (1-3)."""
    press(app, pygame.K_0 + motive)
    press(app, pygame.K_0 + sure)


def play_with_bot(app: App, strategy: str = "advance", seed: int = 0, on_turn=None) -> None:
    """Play the game on screen to its debrief as a trainee would, the bot choosing what to do; each frame drawn.
    When asked, the trainee reads the buyer (a motive by the seed, fairly sure).
    `on_turn()` is called after every turn (fault tests use it to change the weather)."""
    from game.bots.strategy import Strategy, bot_rng
    from game.model.playthrough import Phase
    from game.scenes.call import CallScene
    from game.scenes.debrief_screen import DebriefScene
    from game.scenes.reaching import ReachingScene
    from game.scenes.reading import ReadingScene

    bot = Strategy(strategy, bot_rng(seed))
    for _ in range(500):
        scene, play = app.stack.top, app.flow.session.play
        if isinstance(scene, DebriefScene):
            return
        if isinstance(scene, ReadingScene):
            read_the_buyer(app, motive=seed % 4 + 1, sure=2)
        elif isinstance(scene, ReachingScene) and scene.turn is None and play.phase != Phase.ENDED:
            scene.attempt(*bot.contact(play))
            scene.update(60.0)
            scene.proceed()
        elif isinstance(scene, CallScene) and play.phase == Phase.IN_CALL and scene.turn is None:
            scene.say(bot.phrasing(play))
            scene.proceed()
        elif isinstance(scene, (ReachingScene, CallScene)):
            scene.proceed()
        app.frame(0.0)
        if on_turn is not None:
            on_turn()
    raise AssertionError("the game did not reach its debrief")

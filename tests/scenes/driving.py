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


def to_week(app: App) -> None:
    """From the title, by keyboard: start, sign in (name filled in), choose the first scenario, start the week."""
    press(app, pygame.K_RETURN, times=4)

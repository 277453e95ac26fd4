"""A computer without speech: the settings grey the speech options out and say why; nothing else changes.

Each failure is forced the way a trainee's laptop has it: pyttsx3 not installed, the espeak-ng
library absent, no sound device to play a line on.
"""

import ctypes
import sys
import weakref

import pygame
import pytest

from game.scenes.call import CallScene
from game.scenes.reaching import ReachingScene
from game.scenes.settings_screen import SPEECH, SettingsScene
from game.voice import engine
from tests.scenes.driving import press, to_week
from tests.voice.conftest import settle


@pytest.fixture
def fresh_engines(monkeypatch):
    """No engine made yet in this process, so the next one is looked for as on a fresh start."""
    import pyttsx3

    monkeypatch.setattr(engine, "_KEPT", {})
    monkeypatch.setattr(pyttsx3, "_activeEngines", weakref.WeakValueDictionary())


@pytest.fixture
def without_pyttsx3(fresh_engines, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyttsx3", None)  # `import pyttsx3` raises ImportError


@pytest.fixture
def without_espeak_library(fresh_engines, monkeypatch):
    import pyttsx3.drivers

    for name in ("espeak", "_espeak"):  # imported afresh, so the library is looked for again
        monkeypatch.delitem(sys.modules, f"pyttsx3.drivers.{name}", raising=False)
        monkeypatch.delattr(pyttsx3.drivers, name, raising=False)
    load = ctypes.cdll.LoadLibrary

    def refuse_espeak(name):
        if "espeak" in str(name):
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        return load(name)

    monkeypatch.setattr(ctypes.cdll, "LoadLibrary", refuse_espeak)


def _settings(app) -> SettingsScene:
    press(app, pygame.K_DOWN, times=2)
    press(app, pygame.K_RETURN)
    settle(app)
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    assert isinstance(app.stack.top, SettingsScene)
    return app.stack.top


def _greyed(scene: SettingsScene) -> list[str]:
    return [button.key for button in scene.menu.buttons if not button.enabled]


def _shown(app) -> str:
    return "\n".join(text for text, _, _ in app.look.drawn)


def test_without_pyttsx3_the_speech_options_are_greyed_out(speaking_app, without_pyttsx3):
    app = speaking_app(driver=None)
    assert _greyed(_settings(app)) == list(SPEECH)


def test_without_pyttsx3_the_settings_say_the_library_is_missing(speaking_app, without_pyttsx3):
    app = speaking_app(driver=None)
    _settings(app)
    assert "Speech does not work on this computer: the pyttsx3 library is missing" in _shown(app)


def test_without_the_espeak_library_the_speech_options_are_greyed_out(speaking_app, without_espeak_library):
    app = speaking_app(driver=None)
    assert _greyed(_settings(app)) == list(SPEECH)


def test_without_the_espeak_library_the_settings_say_how_to_install_it(speaking_app, without_espeak_library):
    app = speaking_app(driver=None, language="nl")
    _settings(app)
    assert "Spraak werkt niet op deze computer: espeak-ng is niet geïnstalleerd" in _shown(app)


def test_without_a_sound_device_the_settings_say_so(speaking_app):
    app = speaking_app(driver=None, sound=False)  # espeak-ng writes each line to a file for the game to play
    _settings(app)
    assert "no sound device was found" in _shown(app) and _greyed(app.stack.top) == list(SPEECH)


def test_a_game_with_speech_on_plays_on_without_an_engine(speaking_app, without_espeak_library):
    app = speaking_app(driver=None, speech=True, self_voicing=True)
    to_week(app)
    while isinstance(app.stack.top, ReachingScene):
        press(app, pygame.K_RETURN, times=3)
    press(app, pygame.K_1)
    assert isinstance(app.stack.top, CallScene) and app.flow.session.play.turns[-1].reply


def test_the_v_key_changes_nothing_without_an_engine(speaking_app, without_pyttsx3):
    app = speaking_app(driver=None)
    _settings(app)
    press(app, pygame.K_v)
    assert not app.settings.self_voicing

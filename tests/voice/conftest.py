"""A game window whose speaker uses pyttsx3's dummy driver: it says every line (and tells so) without a sound."""

from __future__ import annotations

import time

import pytest

from game.app import App
from game.settings import Settings
from game.voice.speaker import Speaker, State
from tests.scenes.driving import QUIET_WEEK
from tests.scenes.recording import RecordingLook


@pytest.fixture(autouse=True)
def _user_data(tmp_path, monkeypatch):
    monkeypatch.setenv("VOORUITGANG_HOME", str(tmp_path / "home"))


@pytest.fixture
def speaking_app():
    """Open a window with the dummy driver, as `python main.py` opens it: the first frame, then the speaker."""
    opened: list[App] = []

    def opener(paths=(QUIET_WEEK,), seed=0, driver="dummy", sound=False, **settings) -> App:
        chosen = Settings(**{"language": "en", "trainee": "Sam", **settings})
        app = App(size=(1024, 600), settings=chosen, sound=sound, persist=False, paths=list(paths), seed=seed,
                  speaker=Speaker(driver), look=RecordingLook.create(chosen))
        app.frame(0.0)
        app.first_frame_shown()
        settle(app)
        opened.append(app)
        return app

    yield opener
    for app in opened:
        app.close()


def settle(app: App, timeout: float = 10.0) -> None:
    """Wait until the speaker knows whether there is an engine and has said what it was given."""
    speaker = app.look.speech.speaker
    end = time.monotonic() + timeout
    while speaker.state == State.STARTING and time.monotonic() < end:
        time.sleep(0.005)
    app.dirty = True
    app.frame(0.0)  # as the window does when the speaker wakes it
    speaker.wait_until_quiet(timeout)


def said(app: App) -> list[tuple[str, str]]:
    """Everything the engine said so far: (text, voice), oldest first."""
    app.look.speech.speaker.wait_until_quiet()
    return [(u.text, u.voice) for u in app.look.speech.speaker.said]

"""A game window under the dummy driver, driven by synthetic events."""

from __future__ import annotations

import pytest

from game.app import App
from game.settings import Settings
from tests.scenes.driving import QUIET_WEEK
from tests.scenes.recording import RecordingLook


@pytest.fixture(autouse=True)
def _user_data(tmp_path, monkeypatch):
    monkeypatch.setenv("VOORUITGANG_HOME", str(tmp_path / "home"))


@pytest.fixture
def open_app():
    """Open a window on the given scenario files, its look recording every text drawn; closed after the test."""
    opened: list[App] = []

    def opener(paths=(QUIET_WEEK,), size=(1024, 600), seed=0, **settings) -> App:
        chosen = Settings(**{"language": "en", "trainee": "Sam", **settings})
        app = App(size=size, sound=False, persist=False, paths=list(paths), seed=seed,
                  look=RecordingLook.create(chosen))
        app.frame(0.0)
        opened.append(app)
        return app

    yield opener
    for app in opened:
        app.close()

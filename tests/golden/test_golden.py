"""Golden images: a screen drawn now must match the stored PNG, within a small tolerance.

A missing reference fails, unless VOORUITGANG_SAVE_GOLDEN=1 asks to save it. A mismatch
writes the stored and the new image side by side to tests/golden/out/ to look at.
"""

import os
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.scenes.call import CallScene
from game.scenes.reaching import ReachingScene
from game.settings import Settings
from tests.scenes.driving import LONG, press, to_week

HERE = Path(__file__).resolve().parent
TOLERANCE = 0.005  # the share of pixels that may differ noticeably (fonts render a little differently)


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("VOORUITGANG_HOME", str(tmp_path))
    app = App(size=(1024, 600), settings=Settings(language="nl", trainee="Sam"), sound=False, persist=False,
              paths=[LONG], seed=1)
    yield app
    app.close()


def differing_share(one: pygame.Surface, other: pygame.Surface) -> float:
    if one.get_size() != other.get_size():
        return 1.0
    a, b = pygame.image.tobytes(one, "RGB"), pygame.image.tobytes(other, "RGB")
    if a == b:
        return 0.0
    differing = sum(1 for i in range(0, len(a), 3) if max(abs(a[i + k] - b[i + k]) for k in range(3)) > 24)
    return differing / (len(a) // 3)


def check_golden(surface: pygame.Surface, name: str) -> None:
    reference = HERE / f"{name}.png"
    if not reference.exists():
        if os.environ.get("VOORUITGANG_SAVE_GOLDEN") == "1":
            pygame.image.save(surface, str(reference))
            return
        pytest.fail(f"no golden image {reference}; run with VOORUITGANG_SAVE_GOLDEN=1 to save one")
    stored = pygame.image.load(str(reference))
    share = differing_share(stored, surface)
    if share > TOLERANCE:
        out = HERE / "out"
        out.mkdir(exist_ok=True)
        size = (stored.get_width() + surface.get_width(), max(stored.get_height(), surface.get_height()))
        both = pygame.Surface(size)
        both.blit(stored, (0, 0))
        both.blit(surface, (stored.get_width(), 0))
        pygame.image.save(both, str(out / f"{name}-stored-vs-now.png"))
        pytest.fail(f"{name}: {share:.1%} of the pixels differ; see {out / (name + '-stored-vs-now.png')}")


def test_the_title_screen_looks_as_stored(app):
    app.frame(0.0)
    check_golden(app.window, "title-nl-1024x600")


def test_the_call_screen_looks_as_stored(app):
    to_week(app)
    while isinstance(app.stack.top, ReachingScene):
        press(app, pygame.K_RETURN, times=3)
    assert isinstance(app.stack.top, CallScene)
    app.dirty = True
    app.frame(0.0)
    check_golden(app.window, "call-nl-1024x600")


def test_a_changed_picture_is_noticed():
    one = pygame.Surface((40, 40))
    other = pygame.Surface((40, 40))
    other.fill((255, 255, 255), pygame.Rect(0, 0, 20, 40))
    assert differing_share(one, other) == 0.5

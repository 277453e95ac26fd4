"""The real game, started as a trainee starts it: no test drivers for sound, and a real X server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def started_game(home: Path, quit_after: int, **env: str) -> subprocess.Popen:
    """`python main.py` with no audio driver chosen at all (as on a trainee's laptop), closing after some rounds."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("SDL_")}
    environment.update(VOORUITGANG_HOME=str(home), VOORUITGANG_QUIT_AFTER=str(quit_after), **env)
    return subprocess.Popen([sys.executable, str(ROOT / "main.py")], env=environment, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_the_game_starts_and_closes_with_no_audio_driver_set(tmp_path):
    game = started_game(tmp_path, quit_after=8, SDL_VIDEODRIVER="dummy")
    out, err = game.communicate(timeout=120)
    assert (game.returncode, out, err) == (0, "", "")  # not a traceback, and no page of ALSA complaints either


@pytest.fixture(scope="module")
def x_server():
    """A real X server (Xvfb, installed by .ci/run) on a free display; its DISPLAY."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed: run .ci/run, which installs it (apt-get install xvfb)")
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    display = f":{server.stdout.readline().strip()}"
    yield display
    server.terminate()
    server.wait(timeout=30)


def screenshot(display: str, out: Path) -> Path:
    subprocess.run(["import", "-display", display, "-window", "root", str(out)], check=True, timeout=60,
                   capture_output=True)
    return out


def colours(picture: Path) -> int:
    found = subprocess.run(["identify", "-format", "%k", str(picture)], capture_output=True, text=True, timeout=60)
    return int(found.stdout.strip() or 0)


def test_the_game_shows_its_first_frames_under_a_real_x_server_and_closes(tmp_path, x_server):
    empty = colours(screenshot(x_server, tmp_path / "before.png"))
    game = started_game(tmp_path, quit_after=16, DISPLAY=x_server)
    shown = 0
    deadline = time.monotonic() + 60
    while game.poll() is None and time.monotonic() < deadline and shown < 50:
        time.sleep(0.5)
        shown = colours(screenshot(x_server, tmp_path / "window.png"))
    _, err = game.communicate(timeout=120)
    assert (game.returncode, "Traceback" in err, empty, shown >= 50) == (0, False, 1, True)

"""The real path: `python main.py` in a real window (Xvfb), driven with xdotool, with speech and self-voicing on.

Without a sound device (this machine has none, nor do many workshop laptops) the game plays on and
closes cleanly. With one (SDL's disk device, which writes what it plays to a file), what the game
says reaches it. `.ci/run` installs Xvfb, xdotool and espeak-ng.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from array import array
from pathlib import Path

from release.smoke import screenshot, xvfb

ROOT = Path(__file__).resolve().parents[2]
RATE = 22050  # the mixer's rate (assets/theme.yaml), mono, 16 bits: the disk device writes that


def _start(tmp_path: Path, display: str, **env: str) -> subprocess.Popen:
    home = tmp_path / "home"
    home.mkdir()
    settings = {"language": "en", "trainee": "Sam", "sound": False, "speech": True, "self_voicing": True}
    (home / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("SDL_", "VOORUITGANG_"))}
    return subprocess.Popen([sys.executable, str(ROOT / "main.py")], cwd=tmp_path,
                            env={**clean, "DISPLAY": display, "VOORUITGANG_HOME": str(home), **env},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _xdotool(display: str, *args: str) -> str:
    done = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True,
                          text=True, timeout=30, check=True)
    return done.stdout.strip()


def _play_a_while(display: str, game: subprocess.Popen) -> None:
    """Title, sign-in, the first scenario, its briefing; three calls (ring, outcome, on), and 1 in case one got through.

    Whether a call gets through is the buyer's week and luck: the tests in this folder that run the
    window in-process play calls with speech on. This one is about the real window and sound device.
    """
    window = _xdotool(display, "search", "--sync", "--onlyvisible", "--pid", str(game.pid)).splitlines()[0]
    _xdotool(display, "windowfocus", "--sync", window)
    for keys, wait in ((["Return"] * 4, 0.6), (["Return", "Return", "Return"] * 3, 1.0), (["1", "Return"], 1.0)):
        for key in keys:
            _xdotool(display, "key", "--window", window, key)
            time.sleep(wait)


def _close(game: subprocess.Popen) -> str:
    """Close the window as the desktop does (SIGTERM becomes a quit event); what the game printed."""
    try:
        game.terminate()
        output, _ = game.communicate(timeout=30)
    finally:
        if game.poll() is None:
            game.kill()
            game.wait()
    return output


def test_the_game_with_speech_on_and_no_sound_device_plays_on_and_closes_cleanly(tmp_path):
    """A laptop without a sound card: speech cannot be heard there, and the game goes on as it would without it."""
    with xvfb() as display:
        game = _start(tmp_path, display)
        _play_a_while(display, game)
        alive = game.poll() is None
        colours = screenshot(display, tmp_path / "no-sound-device.png")
        output = _close(game)
    assert (alive, game.returncode, colours > 8) == (True, 0, True), output[-3000:]
    assert "Traceback" not in output and "Exception ignored" not in output, output[-3000:]


def test_what_the_game_says_reaches_the_sound_device(tmp_path):
    played = tmp_path / "played.raw"
    with xvfb() as display:
        game = _start(tmp_path, display, SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(played))
        _play_a_while(display, game)
        output = _close(game)
    samples = array("h", played.read_bytes()[: len(played.read_bytes()) // 2 * 2])
    loud = sum(1 for value in samples if abs(value) > 1000)
    assert loud > RATE, f"{loud / RATE:.2f} s of sound in {len(samples) / RATE:.1f} s played\n{output[-2000:]}"

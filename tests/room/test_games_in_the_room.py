"""The whole room on the real path: a real host process on 127.0.0.1, real games (the window as `python main.py`
opens it, driven by key presses; one in a real X server, typed into with xdotool) that sign in with the workshop
code and find the host by it, and the projector page in headless chromium showing their turns."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from game.workshop.journal import Journal
from tests.room.conftest import CODE, ROOT, RunningHost, held_turns
from tests.room.proxy import Proxy
from tests.room.test_live_host import _send_everything_again
from tests.room.test_projector_browser import SHOTS, projector_page

TINY = ROOT / "tests" / "fixtures" / "tiny.en.yaml"
FIRST_PHRASING = "Is working with us still what you want?"  # tiny's first phrasing, said by the key-driven games


def game(home: Path, name: str, code: str = CODE.lower(), *options: str) -> subprocess.Popen:
    """A trainee's game in its own process (tests/room/game_process.py), its results and settings in `home`."""
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen([sys.executable, "-m", "tests.room.game_process", "--name", name, "--code", code,
                             *options], cwd=ROOT, env={**os.environ, "VOORUITGANG_HOME": str(home)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(process: subprocess.Popen, timeout: float = 180) -> dict:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0 and "Traceback" not in err, (out, err)
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture
def host(announced_host):
    return announced_host


@pytest.fixture
def projector(host):
    page = projector_page(f"{host.url}/w/{CODE}", 1280, 800)
    yield page
    page.quit()


def test_a_game_that_signs_in_with_the_code_shows_its_turns_on_the_projector(host, projector, tmp_path):
    """The game finds the host by the code (zeroconf on 127.0.0.1), sends each turn as it is made, and the
    projector shows how the trainee chose; afterwards the host holds every turn of the game's results file."""
    played = finished(game(tmp_path / "anouk", "Anouk", CODE.lower(), "--games", "2", "--pace", "0.1"))
    # The host pushes each turn as it comes: the first phrasing shows before the last turn on a busy machine.
    WebDriverWait(projector, 10).until(lambda d: FIRST_PHRASING in d.find_element(By.ID, "choices").text
                                       and f"{played['turns']} turns" in d.find_element(By.ID, "summary").text)
    assert held_turns(host.db) == held_turns(tmp_path / "anouk" / "results.sqlite")


def test_a_game_typed_into_in_a_real_x_server_shows_its_turn_on_the_projector(host, projector, tmp_path):
    """`python main.py` in Xvfb, no audio driver chosen, typed into with xdotool as a trainee types: the name,
    the code, Enter through the list and the briefing, C to call. The projector shows the turn."""
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is not installed: .ci/run installs it (apt-get install xvfb xdotool)")
    home = tmp_path / "bram"
    (home / "scenarios").mkdir(parents=True)
    shutil.copy(TINY, home / "scenarios" / TINY.name)  # the trainer's scenario, first in the list
    (home / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    display = f":{server.stdout.readline().strip()}"
    environment = {key: value for key, value in os.environ.items() if not key.startswith("SDL_")}
    environment.update(VOORUITGANG_HOME=str(home), DISPLAY=display, SDL_VIDEO_X11_WMCLASS="Vooruitgang")
    window_game = subprocess.Popen([sys.executable, str(ROOT / "main.py")], env=environment,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        window = xdotool(display, "search", "--sync", "--onlyvisible", "--class", "^Vooruitgang$").split()[0]
        xdotool(display, "windowfocus", "--sync", window)
        for keys in (["key", "Return"], ["type", "Bram"], ["key", "Tab"], ["type", CODE.lower()], ["key", "Return"],
                     ["key", "Return"], ["key", "Return"], ["key", "c"], ["key", "Return"], ["key", "Return"]):
            xdotool(display, keys[0], "--window", window, keys[1])
            time.sleep(0.4)
        WebDriverWait(projector, 20).until(lambda d: " 1 trainee" in " " + d.find_element(By.ID, "summary").text)
        on_host = {uuid for uuid, _ in held_turns(host.db)}
        SHOTS.mkdir(parents=True, exist_ok=True)  # the window with its badge, to be looked at
        time.sleep(0.5)
        subprocess.run(["import", "-display", display, "-window", "root", str(SHOTS / "game-in-xvfb.png")],
                       check=True, timeout=60, capture_output=True)
        projector.save_screenshot(str(SHOTS / "projector-with-games.png"))
    finally:
        window_game.terminate()  # as the desktop closes a window: SDL hears a quit
        _, err = window_game.communicate(timeout=60)
        server.terminate()
        server.wait(timeout=30)
    with_results = {uuid for uuid, _ in held_turns(home / "results.sqlite")}
    assert (window_game.returncode, "Traceback" in err, len(on_host), on_host <= with_results) == (0, False, 1, True)


def xdotool(display: str, *args: str) -> str:
    done = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def every_turn(path: Path) -> list[tuple]:
    """(play, number, wall time, what was said) of every turn in a results file."""
    with Journal.open(path) as journal:
        return journal.connection.execute(
            "SELECT p.uuid, t.number, t.wall_time, t.say FROM turns t JOIN plays p ON p.id = t.play_id "
            "ORDER BY 1, 2").fetchall()


def endings(path: Path) -> list[tuple]:
    with Journal.open(path) as journal:
        return journal.connection.execute("SELECT uuid, finished, score FROM plays ORDER BY uuid").fetchall()


@pytest.mark.slow
def test_through_a_killed_host_a_cut_connection_and_sleeping_and_killed_games_every_turn_arrives_once(tmp_path):
    """Four games at a person's pace: one finds the host by the code, one was given the projector's address, one
    sits behind a connection that is cut for 20 s, one is killed -9 mid-game and started again (it plays on where
    it stopped, as the sign-in offers). Meanwhile the host is killed -9 and started again, later paused for 5 s
    (a sleeping laptop), and one game is paused for 8 s. Afterwards every turn of every game's results file is
    on the host once, as the game holds it; sending everything again adds nothing."""
    (tmp_path / "host").mkdir()
    host = RunningHost(tmp_path / "host", announce=True).start()
    cut_off = Proxy(host.port)
    pace = ("--pace", "0.3-0.7", "--games", "5", "--patience", "180")
    homes = {name: tmp_path / name for name in ("anouk", "bram", "chantal", "dewi")}
    games = {"anouk": game(homes["anouk"], "Anouk", CODE.lower(), *pace),
             "bram": game(homes["bram"], "Bram", CODE, "--address", f"{host.url}/w/{CODE}", *pace),
             "chantal": game(homes["chantal"], "Chantal", CODE, "--address", cut_off.url, *pace),
             "dewi": game(homes["dewi"], "Dewi", CODE.lower(), *pace)}
    try:
        time.sleep(3)
        cut_off.cut()
        os.kill(games["anouk"].pid, signal.SIGSTOP)
        time.sleep(1)
        host.kill()
        time.sleep(1)
        games["dewi"].kill()
        games["dewi"].wait(timeout=30)
        killed = time.time()
        games["dewi"] = game(homes["dewi"], "Dewi", CODE.lower(), "--pace", "0.3-0.7", "--games", "2")
        time.sleep(2)
        host.start()
        time.sleep(4)
        os.kill(games["anouk"].pid, signal.SIGCONT)
        time.sleep(2)
        os.kill(host.process.pid, signal.SIGSTOP)
        time.sleep(5)
        os.kill(host.process.pid, signal.SIGCONT)
        time.sleep(8)
        cut_off.mend()
        played = {name: finished(process, timeout=300) for name, process in games.items()}
        resent = _send_everything_again(host.url, [homes[name] / "results.sqlite" for name in homes])
        on_host, ends_on_host = every_turn(host.db), endings(host.db)
    finally:
        cut_off.close()
        host.stop()
    made = sorted(turn for name in homes for turn in every_turn(homes[name] / "results.sqlite"))
    ends = sorted(end for name in homes for end in endings(homes[name] / "results.sqlite"))
    played_on = [uuid for uuid, finished, _ in endings(homes["dewi"] / "results.sqlite")
                 if finished and finished > killed and _started(homes["dewi"] / "results.sqlite", uuid) < killed]
    print(f"\n{len(made)} turns in {len(ends)} games on 4 laptops ({played}); the killed game played on: "
          f"{len(played_on)}; on the host {len(on_host)} turns in {len(ends_on_host)} games; "
          f"sent again: {resent} added")
    assert (len(on_host), on_host, ends_on_host, resent) == (len(made), made, ends, 0)


def _started(path: Path, uuid: str) -> float:
    with Journal.open(path) as journal:
        return journal.connection.execute("SELECT started FROM plays WHERE uuid = ?", (uuid,)).fetchone()[0]

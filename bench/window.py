"""The window's figures: time to the first frame, frame time of each scene, CPU used while idle.

All run headless (SDL's dummy video driver) in fresh processes, with a throw-away user
data folder so no trainee's settings or journal are touched:
- first frame: `python main.py` with VOORUITGANG_FIRST_FRAME=1, which draws one frame,
  prints the seconds since the process started and quits (game/app.py);
- scene frames: `python -m bench.window frames` walks title -> debrief as `shots` does and
  redraws every scene FRAMES times;
- idle: `python -m bench.window idle` leaves a call's choice screen alone for IDLE_SECONDS.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time

from bench.figures import median, spread
from bench.fresh import ROOT, headless_env, run_module
from game.installation import shipped_scenarios

FIRST_FRAME_RUNS = 7
FRAMES = 120
IDLE_SECONDS = 10.0
SIZE = (1280, 720)
SCENARIO = shipped_scenarios() / "quiet-week.en.yaml"
_FIRST_FRAME = re.compile(r"first frame after ([0-9.]+) s")


def first_frame_seconds(runs: int = FIRST_FRAME_RUNS) -> float:
    """Median seconds from process start to the first drawn frame of `python main.py`."""
    found = []
    with tempfile.TemporaryDirectory() as home:
        env = headless_env(VOORUITGANG_FIRST_FRAME="1", VOORUITGANG_HOME=home)
        for _ in range(runs):
            done = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True,
                                  text=True, timeout=60, check=False)
            match = _FIRST_FRAME.search(done.stdout)
            if done.returncode != 0 or not match:
                raise RuntimeError(f"python main.py did not report its first frame:\n{done.stderr[-2000:]}")
            found.append(float(match.group(1)))
    return median(found)


def scene_frames() -> dict[str, dict[str, float]]:
    return run_module("bench.window", "frames", timeout=300)


def idle_cpu_percent() -> float:
    return run_module("bench.window", "idle", timeout=120)["percent"]


# --- what the child processes do -----------------------------------------------------------

def _time_frames(app, name: str, found: dict[str, list[float]]) -> None:
    """Redraw the scene on top FRAMES times, as if something changed every frame."""
    times = found.setdefault(name, [])
    for _ in range(FRAMES):
        app.dirty = True
        start = time.perf_counter()
        app.frame(0.0)
        times.append((time.perf_counter() - start) * 1000)


def measure_scenes() -> dict[str, dict[str, float]]:
    """Walk the game as the `shots` command does, timing every kind of scene on the way."""
    import pygame

    from game.app import App
    from game.bots.strategy import Strategy, bot_rng
    from game.model.playthrough import Phase
    from game.scenes.call import CallScene
    from game.scenes.debrief_screen import DebriefScene
    from game.scenes.reaching import ReachingScene
    from game.settings import Settings

    app = App(size=SIZE, settings=Settings(language="en", trainee="Sam"), sound=False, persist=False,
              paths=[SCENARIO], seed=1)
    found: dict[str, list[float]] = {}

    def key(code: int) -> None:
        app.handle(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0))

    for name in ("title", "sign-in", "choice", "briefing"):
        _time_frames(app, name, found)
        key(pygame.K_RETURN)
    bot = Strategy("advance", bot_rng(1))
    for _ in range(200):
        scene, play = app.stack.top, app.flow.session.play if app.flow.session else None
        if isinstance(scene, DebriefScene) or play is None:
            break
        if isinstance(scene, ReachingScene):
            _time_frames(app, "reaching", found)
            moment, channel = bot.contact(play)
            scene.attempt(moment, channel)
            scene.update(60.0)
            scene.proceed()
        elif isinstance(scene, CallScene) and play.phase == Phase.IN_CALL:
            _time_frames(app, "call", found)
            scene.say(bot.phrasing(play))
            _time_frames(app, "reply", found)
            scene.proceed()
        elif play.phase == Phase.ENDED:
            app.frame(0.0)
        else:
            break
    _time_frames(app, "debrief", found)
    app.close()
    return {name: spread(times) for name, times in found.items()}


def measure_idle() -> dict[str, float]:
    """CPU the window uses while a trainee looks at the phrasings of a call and does nothing, in its own loop."""
    import pygame

    from game.app import App
    from game.bots.strategy import Strategy, bot_rng
    from game.model.playthrough import Phase
    from game.scenario.load import load_scenario
    from game.session import Session
    from game.settings import Settings

    app = App(size=SIZE, settings=Settings(trainee="Sam"), sound=False, persist=False)
    session = Session.begin(load_scenario(SCENARIO), "Sam", seed=1)
    bot = Strategy("advance", bot_rng(1))
    while session.play.phase == Phase.REACHING:
        session.play.contact(*bot.contact(session.play))
    app.flow.begin(session)
    app.frame(0.0)
    start_cpu, start = time.process_time(), time.monotonic()
    clock = pygame.time.Clock()
    while time.monotonic() - start < IDLE_SECONDS:
        app.step(clock)
    used = time.process_time() - start_cpu
    app.close()
    return {"percent": round(100 * used / IDLE_SECONDS, 2)}


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as home:
        os.environ["VOORUITGANG_HOME"] = home
        result = measure_scenes() if sys.argv[1] == "frames" else measure_idle()
    print(json.dumps(result))

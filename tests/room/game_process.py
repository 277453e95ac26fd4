"""A trainee's game in a process of its own, driven by key presses: the real window (`game.app.App`, as
`python main.py` opens it, with the results file and settings in VOORUITGANG_HOME), its journal writer and its
link to the room. The room's fault tests start several, and kill, pause and restart them.

    python -m tests.room.game_process --name Anouk --code TEST-1 [--address URL] [--games N] [--pace 0.3-0.8]
        [--scenario FILE] [--patience S]

It signs in with the name and code (typed, as a trainee types them), plays `--games` games of the scenario by
pressing keys (calling at the first free moment, saying the first phrasing; Enter through the rest, 'R' for a
new week at the debrief), waiting `--pace` seconds after each turn, and then waits until the link says nothing
waits any more. A game left halfway by an earlier run (a kill) is played on, as the sign-in offers. Prints one
JSON line (name, games, status) and exits 0 when everything reached the host.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game.app import App  # noqa: E402
from game.room.link import Connection  # noqa: E402
from game.scenes.call import CHOOSING, CallScene  # noqa: E402
from game.scenes.debrief_screen import DebriefScene  # noqa: E402
from game.scenes.reaching import PICKING, ReachingScene  # noqa: E402
from game.scenes.signin import SignInScene  # noqa: E402

TINY = ROOT / "tests" / "fixtures" / "tiny.en.yaml"


def key(app: App, code: int, text: str = "") -> None:
    """One key press, as SDL delivers it: the key, and the letter it types."""
    app.handle(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=text, scancode=0))
    if text:
        app.handle(pygame.event.Event(pygame.TEXTINPUT, text=text))
    app.frame(0.0)


def type_in(app: App, text: str) -> None:
    for letter in text:
        app.handle(pygame.event.Event(pygame.TEXTINPUT, text=letter))
    app.frame(0.0)


def live(app: App, seconds: float) -> None:
    """The window goes on as a trainee reads: events handled, frames drawn when something changed."""
    deadline = time.monotonic() + seconds
    while True:
        for event in pygame.event.get():
            app.handle(event)
        app.frame(0.02)
        if time.monotonic() >= deadline:
            return
        time.sleep(min(0.02, max(0.0, deadline - time.monotonic())))


def sign_in(app: App, name: str, code: str) -> None:
    key(app, pygame.K_RETURN)  # the title's Start
    scene = app.stack.top
    assert isinstance(scene, SignInScene), scene
    for field, value in ((0, name), (1, code)):
        scene.focus = field
        for _ in scene.values[field]:
            key(app, pygame.K_BACKSPACE)
        type_in(app, value)
    key(app, pygame.K_RETURN)


def play_to_debrief(app: App, pace: tuple[float, float], rng: random.Random) -> int:
    """Press keys until the debrief; the turns made."""
    turns = 0
    for _ in range(2000):
        scene = app.stack.top
        if isinstance(scene, DebriefScene):
            return turns
        if isinstance(scene, ReachingScene) and scene.state == PICKING:
            before = len(app.flow.session.play.turns)
            key(app, pygame.K_c, "c")
            if len(app.flow.session.play.turns) == before:
                key(app, pygame.K_DOWN)  # not a moment to call at: one further
                continue
        elif isinstance(scene, CallScene) and scene.state == CHOOSING:
            key(app, pygame.K_1, "1")
        else:
            key(app, pygame.K_RETURN)  # the choice, the briefing, the ringing, a reply, a question (its default)
            continue
        turns += 1
        live(app, rng.uniform(*pace))
    raise RuntimeError(f"no debrief after 2000 keys; at {app.stack.top}")


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser()
    options.add_argument("--name", required=True)
    options.add_argument("--code", required=True)
    options.add_argument("--address", default="")
    options.add_argument("--games", type=int, default=1)
    options.add_argument("--pace", default="0")
    options.add_argument("--scenario", default=str(TINY))
    options.add_argument("--patience", type=float, default=120.0)
    args = options.parse_args(argv)
    low, _, high = args.pace.partition("-")
    pace = (float(low), float(high or low))
    app = App(size=(1024, 600), paths=[Path(args.scenario)], sound=False)
    app.settings.room_address = args.address
    rng = random.Random(args.name)
    try:
        app.frame(0.0)
        sign_in(app, args.name, args.code)
        turns = 0
        for game in range(args.games):
            turns += play_to_debrief(app, pace, rng)
            if game + 1 < args.games:
                key(app, pygame.K_r, "r")  # a new week
        deadline = time.monotonic() + args.patience
        while app.recorder.pending and time.monotonic() < deadline:
            live(app, 0.1)
        app.room.nudge()  # everything is in the results file: the status after the next round tells of all of it
        while time.monotonic() < deadline and not (app.room.settled and app.room.status.waiting == 0
                                                   and app.room.status.connection == Connection.CONNECTED):
            live(app, 0.2)
        status = app.room.status
        print(json.dumps({"name": args.name, "turns": turns, "connection": status.connection,
                          "waiting": status.waiting}), flush=True)
        return 0 if status.waiting == 0 and status.connection == Connection.CONNECTED else 1
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(main())

"""The workshop host under test: as an app in-process, and as a real server process on 127.0.0.1."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.playthrough import Playthrough
from game.room.server import Host, make_app
from game.workshop.journal import Journal
from game.workshop.transfer import dump

ROOT = Path(__file__).resolve().parents[2]
CODE = f"TEST-{os.getpid()}"  # its own per test run: hosts of runs beside this one announce theirs on the LAN


def played(tiny, tmp_path: Path, trainee: str = "Kim", seed: int = 1, strategy: str = "advance",
           workshop: str = CODE, finish: bool = True) -> dict:
    """One game of the tiny scenario, as `export` writes it: what a game posts."""
    with Journal.open(tmp_path / f"laptop-{trainee}-{seed}.sqlite") as journal:
        game = Playthrough.start(tiny, seed)
        play_id = journal.begin(game, trainee, workshop, seed)
        play_out(game, Strategy(strategy, bot_rng(seed)))
        if finish:
            journal.finish(play_id, game)
        play = dump(journal)[0]
    del play["notes"]
    return play


def unfinished(play: dict, turns: int) -> dict:
    """The same play as it was after `turns` turns."""
    return {**play, "finished": None, "outcome": None, "stage": None, "score": None, "parts": None,
            "turns": play["turns"][:turns]}


@pytest.fixture
def a_play(tiny, tmp_path):
    return played(tiny, tmp_path)


@pytest.fixture
def host(tmp_path):
    return Host(CODE, tmp_path / "host.sqlite", lang="en", announce=False)


@pytest.fixture
def client(host):
    with TestClient(make_app(host), client=("10.0.0.5", 40000)) as test_client:
        yield test_client


def held_turns(path: Path) -> list[tuple[str, int]]:
    with Journal.open(path) as journal:
        return journal.connection.execute(
            "SELECT p.uuid, t.number FROM turns t JOIN plays p ON p.id = t.play_id ORDER BY 1, 2").fetchall()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RunningHost:
    """`python main.py host` in its own process on 127.0.0.1, as a trainer starts it."""

    def __init__(self, folder: Path, code: str = CODE, port: int | None = None, announce: bool = False,
                 lang: str = "en", options: tuple[str, ...] = ()):
        self.folder, self.code, self.port = folder, code, port or free_port()
        self.db = folder / "host.sqlite"
        self.announce, self.lang, self.options = announce, lang, options
        self.process: subprocess.Popen | None = None
        self.output = ""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> RunningHost:
        command = [sys.executable, str(ROOT / "main.py"), "host", "--workshop", self.code, "--bind", "127.0.0.1",
                   "--port", str(self.port), "--db", str(self.db), "--lang", self.lang, *self.options]
        if not self.announce:
            command.append("--no-announce")
        env = {**os.environ, "VOORUITGANG_HOME": str(self.folder / "home"), "PYTHONUNBUFFERED": "1"}
        log = open(self.folder / "host.log", "ab")  # noqa: SIM115 - the process writes to it until it ends
        self.process = subprocess.Popen(command, cwd=self.folder, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/w/{self.code}/hello", timeout=1) as answer:
                    if json.load(answer)["code"] == self.code:
                        self.output = (self.folder / "host.log").read_text(encoding="utf-8", errors="replace")
                        return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        raise RuntimeError("the host did not start:\n" + (self.folder / "host.log").read_text(errors="replace"))

    @property
    def token(self) -> str:
        return re.search(r"token=([\w-]+)", self.output).group(1)

    def kill(self) -> None:
        """As a pulled plug: no chance to finish anything."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def running_host(tmp_path):
    started = RunningHost(tmp_path).start()
    yield started
    started.stop()


@pytest.fixture
def announced_host(tmp_path):
    """A host announced on the network (127.0.0.1), as a game finds it by its code."""
    (tmp_path / "host").mkdir()
    started = RunningHost(tmp_path / "host", announce=True).start()
    yield started
    started.stop()

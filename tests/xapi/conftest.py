"""A real learning record store for the xAPI tests: Ralph on 127.0.0.1 with a file backend, in its own
environment (.venv-lrs, made by `make lrs`), and a small proxy in front of it that can fail on request.

Without that environment the tests that need the store fail, saying what to run: a test that quietly
skips is a test that does not exist.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.motive import Motive
from game.model.playthrough import Playthrough
from game.model.reading import Confidence
from game.scenario.load import load_scenario
from game.workshop.entries import read
from game.workshop.journal import Journal

ROOT = Path(__file__).resolve().parents[2]
LRS_PYTHON = Path(os.environ.get("VOORUITGANG_LRS_PYTHON", ROOT / ".venv-lrs" / "bin" / "python"))
SERVER = Path(__file__).with_name("ralph_server.py")
USER, PASSWORD = "trainer", "kwartaal-42"
SCENARIO = ROOT / "scenarios" / "no-budget.nl.yaml"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _need_lrs_environment() -> None:
    if not LRS_PYTHON.exists():
        pytest.fail(f"No real LRS to test against: {LRS_PYTHON} is missing. Run `make lrs` (a separate environment "
                    "with Ralph 5.1.0; `make test` makes it too), or point VOORUITGANG_LRS_PYTHON at one.",
                    pytrace=False)


class Ralph:
    """One Ralph process; its statements stay in `data` across a kill and a restart."""

    def __init__(self, app_dir: Path, data: Path):
        self.app_dir = app_dir
        self.data = data
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def start(self) -> Ralph:
        env = os.environ | {"RALPH_APP_DIR": str(self.app_dir), "RALPH_RUNSERVER_BACKEND": "fs",
                            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.data),
                            "RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT": "100000"}
        self.log = open(self.data.parent / f"ralph-{self.port}.log", "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen([str(LRS_PYTHON), str(SERVER), str(self.port)], env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Ralph stopped at start; see {self.log.name}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2):
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"Ralph did not answer within a minute; see {self.log.name}")

    def kill(self) -> None:
        """kill -9, as a crashed or unplugged server."""
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()

    def statements(self) -> list[dict]:
        """Every statement the store holds, as a GET of the statements resource returns them."""
        request = urllib.request.Request(f"{self.url}statements?limit=0", headers={
            "X-Experience-API-Version": "1.0.3",
            "Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)["statements"]


@pytest.fixture(scope="session")
def ralph_app_dir(tmp_path_factory) -> Path:
    """Ralph's users, made once with `ralph auth` as an administrator would."""
    _need_lrs_environment()
    app_dir = tmp_path_factory.mktemp("ralph-app")
    subprocess.run([str(LRS_PYTHON.with_name("ralph")), "auth", "-u", USER, "-p", PASSWORD, "-s", "all",
                    "-M", "mailto:trainer@example.org", "-w"],
                   env=os.environ | {"RALPH_APP_DIR": str(app_dir), "RALPH_RUNSERVER_BACKEND": "fs"},
                   check=True, capture_output=True)
    return app_dir


@pytest.fixture
def ralph(ralph_app_dir, tmp_path):
    data = tmp_path / "lrs"
    data.mkdir()
    server = Ralph(ralph_app_dir, data).start()
    yield server
    server.stop()


class FlakyProxy:
    """A proxy in front of the store that can answer the next POSTs with a 5xx, or pass them on and answer late."""

    def __init__(self, upstream: str):
        self.upstream = upstream.rstrip("/")
        self.errors: list[int | None] = []  # per POST: a status to answer instead of passing it on, or None
        self.late: list[float] = []  # seconds to wait after the store answered, one per POST
        self.posts = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                proxy.posts += 1
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                failure = proxy.errors.pop(0) if proxy.errors else None
                if failure:
                    self._answer(failure, b'{"detail": "storage unavailable"}')
                    return
                status, answer = proxy.forward(self.path, body, dict(self.headers))
                if proxy.late:
                    time.sleep(proxy.late.pop(0))
                self._answer(status, answer)

            def _answer(self, status: int, body: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting: that is the point of answering late

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/xAPI/"

    def forward(self, path: str, body: bytes, headers: dict) -> tuple[int, bytes]:
        upstream = self.upstream.removesuffix("/xAPI") + path
        keep = {key: value for key, value in headers.items() if key.lower() in
                ("authorization", "content-type", "x-experience-api-version")}
        request = urllib.request.Request(upstream, data=body, headers=keep, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(ralph):
    flaky = FlakyProxy(ralph.url)
    yield flaky
    flaky.close()


def record_workshop(path: Path, trainees: int = 3, runs: int = 2, workshop: str = "W7") -> Path:
    """A results file as a workshop leaves it: bots playing the shipped scenario, each turn committed as played."""
    scenario = load_scenario(SCENARIO)
    strategies = ("advance", "prolong", "random")
    with Journal.open(path) as journal:
        for number in range(trainees):
            for run in range(runs):
                seed = number * 10 + run
                game = Playthrough.start(scenario, seed, clock=time.time)
                play_id = journal.begin(game, f"Trainee {number + 1}", workshop, seed)
                play_out(game, Strategy(strategies[number % 3], bot_rng(seed)))
                if run % 2 == 0:  # every other game the trainee read the buyer: right for the first trainee only
                    motive = game.motive if number == 0 else next(m for m in Motive if m != game.motive)
                    journal.write([read(journal._uuid_of(play_id), game.read(motive, Confidence.FAIRLY_SURE))])
                journal.finish(play_id, game)
    return path


def run_game(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python main.py ARGS` as a trainer types it, in a process of its own."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=(env or os.environ) | {"PYTHONIOENCODING": "utf-8"})

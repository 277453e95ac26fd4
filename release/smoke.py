"""The built app's smoke test, step by step: `python release/smoke.py ZIP --work DIR [--step KEY]...`.

Each step uses the app as a trainee's or trainer's laptop would: unzipped into a fresh folder,
started from another folder, with no virtual environment on PATH and no Python variables, a
fresh home (so the user data folder is the one a new laptop has), and no SDL_AUDIODRIVER: the
machines that run this have no sound card, and neither do many laptops in a workshop.

The steps are declared once, in STEPS. `.github/workflows/dist.yml` runs them one by one under
their names on Windows, macOS and Linux (tests/release checks that it names them all); the slow
test in tests/release builds the Linux app from a clean clone and runs them all. Without --step,
every step for this system runs in order. The standard library is enough to run this file.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import select
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

NAME = "Vooruitgang"
SYSTEM = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
TRAINEE, WORKSHOP = "smoke", "SMOKE"
ROOM = f"ROOM-{os.getpid()}"  # the live workshop: its own code, unlike another run beside this one on the LAN
FIRST_FRAME = re.compile(r"first frame after ([0-9.]+) s")
TIMEOUT = 120  # seconds for one run of the app; the slowest (shots) takes a few


T = TypeVar("T")


class Failure(Exception):
    """A step saw something a trainee would not want to see."""


# --- where things are ------------------------------------------------------------------------

@dataclass(frozen=True)
class Place:
    """The folders of one smoke run, all under --work."""

    work: Path

    @property
    def unpacked(self) -> Path:
        return self.work / "unpacked"

    @property
    def app(self) -> Path:
        """The folder from the zip: the app and the trainer's `scenarios` folder."""
        return self.unpacked / NAME

    @property
    def elsewhere(self) -> Path:
        """The folder every run starts from: not the app's, not the checkout."""
        return self.work / "elsewhere"

    @property
    def home(self) -> Path:
        return self.work / "home"

    @property
    def shots(self) -> Path:
        return self.work / "shots"

    def program(self, window: bool = False) -> Path:
        """The program to run: the game (window=True) or the one that prints (the console twin on Windows)."""
        if SYSTEM == "windows":
            return self.app / (f"{NAME}.exe" if window else f"{NAME}-console.exe")
        if SYSTEM == "macos":
            return self.app / f"{NAME}.app" / "Contents" / "MacOS" / NAME
        return self.app / NAME

    def shipped(self) -> list[Path]:
        """The scenarios inside the app: the folder that holds the schema beside them."""
        # macOS keeps data in Contents/Resources and links to it from Contents/Frameworks: one folder, resolved
        folders = {schema.resolve().parent for schema in self.app.rglob("scenario.schema.json")}
        if len(folders) != 1:
            raise Failure(f"expected one folder of shipped scenarios in the app, found {sorted(folders)}")
        return sorted(folders.pop().glob("*.yaml"))

    def user_data(self) -> Path:
        """The game's data folder on a new laptop, as the README names it."""
        if SYSTEM == "windows":
            return self.home / "AppData" / "Roaming" / NAME
        if SYSTEM == "macos":
            return self.home / "Library" / "Application Support" / NAME
        return self.home / ".local" / "share" / "vooruitgang"


def clean_environment(place: Place, **extra: str) -> dict[str, str]:
    """This machine's environment as a trainee's laptop has it: no venv, no Python, no SDL drivers, a new home."""
    dropped = ("PYTHON", "VIRTUAL_ENV", "CONDA", "SDL_", "VOORUITGANG_", "XDG_DATA_HOME", "PYGAME_")
    env = {key: value for key, value in os.environ.items() if not key.upper().startswith(dropped)}
    env["PATH"] = os.pathsep.join(entry for entry in env.get("PATH", "").split(os.pathsep)
                                  if entry and not _in_virtual_environment(Path(entry)))
    env["HOME"] = str(place.home)
    if SYSTEM == "windows":
        env["USERPROFILE"] = str(place.home)
        env["APPDATA"] = str(place.home / "AppData" / "Roaming")
        env["LOCALAPPDATA"] = str(place.home / "AppData" / "Local")
    env.update(extra)
    return env


def _in_virtual_environment(folder: Path) -> bool:
    return (folder.parent / "pyvenv.cfg").exists() or (folder / "activate").exists()


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def both(self) -> str:
        return self.out + self.err


def run(place: Place, *args: str, window: bool = False, env: dict[str, str] | None = None,
        timeout: float = TIMEOUT) -> Run:
    """The app with these arguments, from the other folder; a traceback anywhere fails the step."""
    place.elsewhere.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([str(place.program(window)), *args], cwd=place.elsewhere,
                          env=env or clean_environment(place), capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=timeout, check=False)
    result = Run(done.returncode, done.stdout, done.stderr)
    if "Traceback (most recent call last)" in result.both:
        raise Failure(f"{' '.join(args) or 'the game'} showed a traceback:\n{result.both[-3000:]}")
    return result


def expect(result: Run, what: str, code: int = 0) -> Run:
    if result.code != code:
        raise Failure(f"{what}: exit code {result.code}, expected {code}\n{result.both[-3000:]}")
    return result


# --- the steps -----------------------------------------------------------------------------

def unpack(place: Place, archive: Path) -> str:
    """A fresh folder with the zip unpacked as a trainee does it (unzip keeps modes and links; macOS: ditto)."""
    shutil.rmtree(place.work, ignore_errors=True)
    place.unpacked.mkdir(parents=True)
    place.home.mkdir()
    if SYSTEM == "macos":
        subprocess.run(["ditto", "-x", "-k", str(archive), str(place.unpacked)], check=True)
    elif SYSTEM == "linux" and shutil.which("unzip"):
        subprocess.run(["unzip", "-q", str(archive), "-d", str(place.unpacked)], check=True)
    else:
        with zipfile.ZipFile(archive) as packed:
            packed.extractall(place.unpacked)
    for program in {place.program(), place.program(window=True)}:
        if not program.is_file() or not os.access(program, os.X_OK):
            raise Failure(f"{program.relative_to(place.work)} is missing or cannot be run after unzipping")
    if not (place.app / "scenarios").is_dir():
        raise Failure("the zip has no scenarios folder beside the app")
    return f"{archive.name} ({archive.stat().st_size / 1e6:.1f} MB) unpacked into {place.unpacked}"


def every_help(place: Place, archive: Path) -> str:
    """`--help` of the app and of each command it lists: every command's module is in the app."""
    listed = expect(run(place, "--help"), "--help").out
    commands = re.findall(r"^ {4}([a-z][a-z-]*)(?: |$)", listed, flags=re.MULTILINE)  # argparse's list under COMMAND
    if not commands:
        raise Failure(f"--help lists no commands:\n{listed}")
    for name in commands:
        expect(run(place, name, "--help"), f"{name} --help")
    return f"{len(commands)} commands: {', '.join(commands)}"


def validate(place: Place, archive: Path) -> str:
    shipped = place.shipped()
    done = expect(run(place, "validate", *map(str, shipped)), "validate")
    ok = [line for line in done.out.splitlines() if line.endswith(": ok")]
    if len(ok) != len(shipped):
        raise Failure(f"validate said ok to {len(ok)} of {len(shipped)} scenarios:\n{done.out}")
    return f"{len(shipped)} shipped scenarios valid"


def simulate(place: Place, archive: Path) -> str:
    scenario = _shipped(place, "quiet-week.en.yaml")
    done = expect(run(place, "simulate", str(scenario), "--record", "--trainee", TRAINEE, "--workshop", WORKSHOP),
                  "simulate --record")
    return done.out.strip().splitlines()[0]


def trainer_tools(place: Place, archive: Path) -> str:
    """The other commands a trainer uses, each on a shipped scenario or the recorded results."""
    scenario = str(_shipped(place, "quiet-week.en.yaml"))
    out = place.work / "tools"
    commands = [
        ("lint", scenario),
        ("test", scenario),
        ("graph", scenario, "--out", str(out / "flow.svg")),
        ("new", "trainer-new", "--lang", "en"),
        ("play", "--text", scenario, "--seed", "1"),
        ("report", "--workshop", WORKSHOP, "--lang", "en", "--html", str(out / "report.html")),
        ("export", "--workshop", WORKSHOP, "--out", str(out / "export.json")),
        ("merge", str(out / "export.json"), "--db", str(out / "merged.sqlite")),
        ("shots", scenario, "--out", str(out / "shots"), "--size", "1024x600"),
    ]
    out.mkdir(parents=True, exist_ok=True)
    (place.user_data() / "scenarios" / "trainer-new.en.yaml").unlink(missing_ok=True)  # `new` never overwrites
    for command in commands:
        env = clean_environment(place, SDL_VIDEODRIVER="dummy") if command[0] == "shots" else None
        if command[0] == "play":  # the terminal game, ended by the end of its input
            done = subprocess.run([str(place.program()), *command], cwd=place.elsewhere, env=clean_environment(place),
                                  input="", capture_output=True, text=True, timeout=TIMEOUT, check=False)
            if "Traceback" in done.stdout + done.stderr or not done.stdout.strip():
                raise Failure(f"play --text:\n{(done.stdout + done.stderr)[-3000:]}")
            continue
        expect(run(place, *command, env=env), " ".join(command[:1]))
    made = [out / "flow.svg", out / "report.html", out / "export.json", out / "merged.sqlite",
            place.user_data() / "scenarios" / "trainer-new.en.yaml"]
    missing = [str(path) for path in made if not path.is_file()]
    if missing or not list((out / "shots").glob("*.png")):
        raise Failure(f"written files missing: {missing or 'the PNGs of shots'}")
    return f"{len(commands)} commands ran: {', '.join(command[0] for command in commands)}"


def game_dummy(place: Place, archive: Path) -> str:
    return _first_frame(place, clean_environment(place, SDL_VIDEODRIVER="dummy", VOORUITGANG_FIRST_FRAME="1"))


def game_window(place: Place, archive: Path) -> str:
    """A real window: an X server (Xvfb) on Linux, the runner's desktop on Windows and macOS."""
    if SYSTEM != "linux":
        return _first_frame(place, clean_environment(place, VOORUITGANG_FIRST_FRAME="1"))
    with xvfb() as display:
        return _first_frame(place, clean_environment(place, DISPLAY=display, VOORUITGANG_FIRST_FRAME="1"))


def trainer_scenarios(place: Place, archive: Path) -> str:
    """Scenarios beside the app and in the user data folder appear in the game's list and can be played.

    Drives the real window under Xvfb with xdotool: Enter on the title, Enter on the sign-in
    (the name is kept from the settings), then the first scenario (the one beside the app) or,
    one down, the first in the user data folder; Enter on the briefing begins the game, which
    records the playthrough. Then the game is asked to close as the desktop does when a
    window is closed or the session ends (SIGTERM, which SDL turns into a quit event).
    """
    source = _shipped(place, "quiet-week.en.yaml").read_text(encoding="utf-8")
    beside = place.app / "scenarios" / "smoke-beside.en.yaml"
    own = place.user_data() / "scenarios" / "smoke-own.en.yaml"
    for path, title in ((beside, "Smoke test, beside the app"), (own, "Smoke test, in the data folder")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(re.sub(r"^title: .*$", f"title: {title}", source, count=1, flags=re.MULTILINE),
                        encoding="utf-8")
    settings = place.user_data() / "settings.json"
    settings.write_text(json.dumps({"language": "en", "trainee": TRAINEE, "workshop": WORKSHOP}), encoding="utf-8")
    place.shots.mkdir(parents=True, exist_ok=True)
    with xvfb() as display:
        _play_first(place, display, [], "choice-beside")
        _play_first(place, display, ["Down"], "choice-own")
    played = _played_paths(place)
    for path in (beside, own):
        if not any(Path(p).resolve() == path.resolve() for p in played):
            raise Failure(f"{path} was not played; the results hold {played}")
    return f"both played and recorded; screenshots in {place.shots}"


def results(place: Place, archive: Path) -> str:
    folder = place.user_data()
    database = folder / "results.sqlite"
    if not database.is_file():
        found = [str(p) for p in place.home.rglob("results*.sqlite")]
        raise Failure(f"no results in {folder}; results files under the home folder: {found}")
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        plays = db.execute("SELECT count(*) FROM plays WHERE trainee = ?", (TRAINEE,)).fetchone()[0]
        turns = db.execute("SELECT count(*) FROM turns").fetchone()[0]
    if plays < 1 or turns < 1:
        raise Failure(f"{database} holds {plays} playthroughs and {turns} turns of {TRAINEE}")
    return f"{database}: {plays} playthroughs, {turns} turns"


def room(place: Place, archive: Path) -> str:
    """The live workshop from the app: the host started from the other folder, a game of bots posted to it with
    `simulate --host` from the app, and the projector page showing it. On Linux the bots find the host by its
    code (zeroconf, announced on 127.0.0.1), and the game's real window, typed into with xdotool, joins the
    room by the code too: its turn reaches the host."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    folder = place.work / "room"
    folder.mkdir(parents=True, exist_ok=True)
    place.elsewhere.mkdir(parents=True, exist_ok=True)
    host = subprocess.Popen([str(place.program()), "host", "--workshop", ROOM, "--bind", "127.0.0.1", "--port",
                             str(port), "--db", str(folder / "host.sqlite"), "--lang", "en"],
                            cwd=place.elsewhere, env=clean_environment(place), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")
    try:
        _wait_for_host(url, host)
        scenario = str(_shipped(place, "quiet-week.en.yaml"))
        expect(run(place, "simulate", scenario, "--host", "find" if SYSTEM == "linux" else url, "--trainee",
                   "smoke-bot", "--workshop", ROOM, "--runs", "1"), "simulate --host")
        page = _page(f"{url}/w/{ROOM}")
        if "1 trainee · " not in page:
            raise Failure(f"the projector page does not show the bot's game:\n{page[:3000]}")
        said = "the bots' game is on the projector page"
        if SYSTEM == "linux":
            said += f"; the window's play {_window_joins(place, url)} reached the host"
    finally:
        host.terminate()
        output, _ = host.communicate(timeout=60)
    if "Traceback" in output:
        raise Failure(f"the host showed a traceback:\n{output[-3000:]}")
    return said


@dataclass(frozen=True)
class SmokeStep:
    key: str
    name: str  # as the workflow names its step
    check: Callable[[Place, Path], str]
    systems: tuple[str, ...] = ("linux", "windows", "macos")


STEPS = (
    SmokeStep("unpack", "Unpack the zip in a fresh folder", unpack),
    SmokeStep("help", "Run every command's --help from the app", every_help),
    SmokeStep("validate", "Validate every shipped scenario with the app", validate),
    SmokeStep("simulate", "Simulate once with --record", simulate),
    SmokeStep("tools", "Run the trainer's tools from the app", trainer_tools),
    SmokeStep("game-dummy", "Start the game under the dummy video driver, without an audio driver", game_dummy),
    SmokeStep("game-window", "Start the game in a real window (Xvfb on Linux), without an audio driver", game_window),
    SmokeStep("trainer-scenarios", "Play a trainer's scenario from beside the app and from the data folder",
         trainer_scenarios, ("linux",)),
    SmokeStep("results", "Check the results were written to the user data folder", results),
    SmokeStep("room", "Host a workshop from the app, post a game to it with simulate --host, see it on the page", room),
)


# --- helpers for the window ----------------------------------------------------------------

def _shipped(place: Place, name: str) -> Path:
    found = [path for path in place.shipped() if path.name == name]
    if not found:
        raise Failure(f"{name} is not among the shipped scenarios")
    return found[0]


def _first_frame(place: Place, env: dict[str, str]) -> str:
    """The game draws its first frame and quits (VOORUITGANG_FIRST_FRAME=1)."""
    done = expect(run(place, window=True, env=env), "the game")
    if SYSTEM == "windows":  # the windowed program has no stdout to print the time to
        return "first frame drawn, exit code 0"
    found = FIRST_FRAME.search(done.out)
    if not found:
        raise Failure(f"the game did not report its first frame:\n{done.both[-3000:]}")
    return f"first frame after {found.group(1)} s"


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A private X server on a free display; its name (':N')."""
    if not shutil.which("Xvfb"):
        raise Failure("Xvfb is not installed (apt-get install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x900x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        ready, _, _ = select.select([read], [], [], 30)
        number = os.read(read, 32).decode().strip() if ready else ""
        if not number:
            raise Failure("Xvfb did not start within 30 s")
        yield f":{number}"
    finally:
        os.close(read)
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def _xdotool(display: str, *args: str, timeout: float = 30) -> str:
    if not shutil.which("xdotool"):
        raise Failure("xdotool is not installed (apt-get install xdotool)")
    done = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True,
                          timeout=timeout, check=False)
    if done.returncode != 0:
        raise Failure(f"xdotool {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout.strip()


def screenshot(display: str, path: Path) -> int:
    """The X screen as PNG (ImageMagick's import); how many colours it has, to tell a drawn window from a blank one."""
    if not shutil.which("import") or not shutil.which("identify"):
        raise Failure("ImageMagick is not installed (apt-get install imagemagick)")
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(["import", "-window", "root", str(path)], env=env, check=True, timeout=30)
    colours = subprocess.run(["identify", "-format", "%k", str(path)], capture_output=True, text=True, check=True)
    return int(colours.stdout.strip() or 0)


def _play_first(place: Place, display: str, move: list[str], shot: str) -> None:
    """Title -> sign-in -> choice (screenshot) -> `move` -> briefing -> the game; then close the window."""

    def play(window: str) -> None:
        _press(display, window, "Return", "Return")
        time.sleep(1.0)  # the list reads every scenario file
        colours = screenshot(display, place.shots / f"{shot}.png")
        if colours < 8:
            raise Failure(f"the choice screen has {colours} colours: the window drew nothing")
        _press(display, window, *move, "Return", "Return")
        time.sleep(1.0)
        screenshot(display, place.shots / f"{shot}-played.png")

    _in_window(place, display, play)


def _in_window(place: Place, display: str, then: Callable[[str], T]) -> T:
    """The game's real window on `display`: `then(window)`, and then the window closed as the desktop closes it
    (SIGTERM, which SDL turns into a quit event). Fails when the game ends otherwise or shows a traceback."""
    place.elsewhere.mkdir(parents=True, exist_ok=True)
    game = subprocess.Popen([str(place.program(window=True))], cwd=place.elsewhere,
                            env=clean_environment(place, DISPLAY=display), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        window = _xdotool(display, "search", "--sync", "--onlyvisible", "--class", f"^{NAME}$").splitlines()[0]
        _xdotool(display, "windowfocus", "--sync", window)
        result = then(window)
        game.terminate()
        output, _ = game.communicate(timeout=30)
    finally:
        if game.poll() is None:
            game.kill()
            game.wait()
    if game.returncode != 0 or "Traceback" in output:
        raise Failure(f"the game ended with exit code {game.returncode}:\n{output[-3000:]}")
    return result


def _press(display: str, window: str, *keys: str) -> None:
    for key in keys:
        _xdotool(display, "key", "--window", window, key)
        time.sleep(0.5)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read().decode("utf-8", "replace")


def _wait_for_host(url: str, host: subprocess.Popen) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if host.poll() is not None:
            raise Failure(f"the host stopped at start (exit code {host.returncode}):\n{host.stdout.read()[-3000:]}")
        try:
            if json.loads(_page(f"{url}/w/{ROOM}/hello")).get("code") == ROOM:
                return
        except (OSError, ValueError):
            time.sleep(0.2)
    raise Failure(f"the host did not answer at {url} within {TIMEOUT} s")


def _window_joins(place: Place, url: str) -> str:
    """The game's window signs in with the room's code (kept in its settings), starts the first scenario and
    calls once; the play's id once the host holds its turn."""
    place.user_data().mkdir(parents=True, exist_ok=True)
    (place.user_data() / "settings.json").write_text(
        json.dumps({"language": "en", "trainee": "smoke-room", "workshop": ROOM}), encoding="utf-8")
    place.shots.mkdir(parents=True, exist_ok=True)
    with xvfb() as display:

        def join(window: str) -> str:
            _press(display, window, "Return", "Return")
            time.sleep(1.0)  # the list reads every scenario file
            _press(display, window, "Return", "Return", "c")
            play = _held_by_host(place, url)
            screenshot(display, place.shots / "room-window.png")
            return play

        return _in_window(place, display, join)


def _held_by_host(place: Place, url: str) -> str:
    """The window's play in the room, once the host holds a turn of it (asked as a game asks)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.5)
        with contextlib.closing(sqlite3.connect(f"file:{place.user_data() / 'results.sqlite'}?mode=ro", uri=True)) \
                as db:
            plays = [row[0] for row in db.execute("SELECT uuid FROM plays WHERE workshop = ?", (ROOM,))]
        for play in plays:
            try:
                if json.loads(_page(f"{url}/w/{ROOM}/plays/{play}")).get("through", 0) >= 1:
                    return play
            except (OSError, ValueError):
                continue
    raise Failure("the game's window did not get its turn to the host within a minute")


def _played_paths(place: Place) -> list[str]:
    database = place.user_data() / "results.sqlite"
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        return [row[0] for row in db.execute("SELECT scenario_path FROM plays WHERE trainee = ?", (TRAINEE,))]


# --- the command line ----------------------------------------------------------------------

def steps_here(keys: list[str] | None = None) -> list[SmokeStep]:
    return [step for step in STEPS if SYSTEM in step.systems and (not keys or step.key in keys)]


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("zip", type=Path, help="the built app, dist/vooruitgang-<version>-<os>.zip")
    options.add_argument("--work", type=Path, required=True, help="a folder for this run (emptied by 'unpack')")
    options.add_argument("--step", action="append", choices=[step.key for step in STEPS],
                         help="run only this step (repeatable); the steps after 'unpack' use its folder")
    args = options.parse_args(argv)
    place = Place(args.work.resolve())
    for step in steps_here(args.step):
        try:
            print(f"{step.name}: {step.check(place, args.zip.resolve())}", flush=True)
        except (Failure, subprocess.SubprocessError, OSError) as error:
            print(f"{step.name}: FAILED\n{error}", flush=True)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

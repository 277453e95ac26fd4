"""The game window: `play()` opens it and runs the scenes until the trainee quits.

The window draws only when something changed; while idle it sleeps in `pygame.event.wait`
(under SDL's dummy driver, which can only poll, in short sleeps). F11 switches fullscreen,
F5 reloads the scenario file being played (for trainers).

Measuring: `VOORUITGANG_FIRST_FRAME=1 python main.py` draws one frame, prints the seconds
since the process started and quits; `first_frame_seconds()` and `idle_cpu_seconds()` measure
inside one process. `VOORUITGANG_QUIT_AFTER=N python main.py` closes the window after N rounds
of its loop, the way its close button does (tests start the real game with it).

Results are written by the journal's own thread (`game.workshop.recorder`); while choices wait
to be saved the window shows one calm line, and closing waits a little for them.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

_IMPORTED = time.perf_counter()
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.scenes.confirm import ConfirmScene  # noqa: E402
from game.scenes.flow import Flow  # noqa: E402
from game.scenes.session import Session  # noqa: E402
from game.scenes.stack import SceneStack  # noqa: E402
from game.settings import Settings, load_settings, save_settings, settings_path  # noqa: E402
from game.text import say  # noqa: E402
from game.ui.chrome import status_line  # noqa: E402
from game.ui.look import Look  # noqa: E402
from game.ui.sound import Sounds  # noqa: E402
from game.ui.window_icon import window_icon  # noqa: E402
from game.workshop.recorder import CLOSING_SECONDS, Recorder, reason  # noqa: E402

DEFAULT_SIZE = (1280, 720)
SMALLEST = (1024, 600)
FIRST_FRAME_ENV = "VOORUITGANG_FIRST_FRAME"  # set to 1: print the seconds to the first frame, then quit
QUIT_AFTER_ENV = "VOORUITGANG_QUIT_AFTER"  # set to N: close the window after N rounds of the loop
RECORDING = pygame.event.custom_type()  # the journal's writer has news (posted from its own thread)


class App:
    def __init__(self, size: tuple[int, int] | None = None, settings: Settings | None = None,
                 recorder: Recorder | None = None, sound: bool = True, persist: bool = True,
                 paths: list[Path] | None = None, seed: int | None = None):
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Vooruitgang")
        self.persist = persist
        self.settings = settings or (load_settings() if persist else Settings())
        self.look = Look.create(self.settings)
        pygame.display.set_icon(window_icon(self.look.theme))
        size = size or _fitting_size()
        self.windowed_size = size
        self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.key.set_repeat(400, 40)
        tone = self.look.theme.sound
        self.look.sounds = Sounds.open(tone["volume"], tone["sample_rate"]) if sound else Sounds.silent()
        self.look.sounds.enabled = self.settings.sound
        if sound and not self.look.sounds.available:
            self.look.notes.append(self.look.t("settings.no_audio"))
        self.recorder = recorder or (Recorder.open(self.settings.language) if persist
                                     else Recorder.off(self.settings.language))
        self.recorder.on_change = self._recording_changed
        self.closing: float | None = None  # when closing waits for choices to be saved: until when
        self.stack = SceneStack()
        self.flow = Flow(self.look, self.stack, self.recorder, self._settings_changed, self.quit,
                         str(settings_path()) if persist else "-", paths, seed)
        # Without a real screen SDL can only wait by polling every millisecond; sleeping costs less.
        self.polling = pygame.display.get_driver() in ("dummy", "offscreen")
        self.running = True
        self.dirty = True
        self.frames = 0
        self.flow.title()
        if self.recorder.unusable is not None:
            self._offer_new_results_file()

    def _offer_new_results_file(self) -> None:
        """The results file is damaged or foreign: it stays untouched, and the trainee may start a new one."""
        language = self.settings.language
        question = reason(self.recorder.unusable, language) + " " + say(language, "ui.journal.start_beside")
        scene = ConfirmScene(self.look, question, say(language, "ui.journal.yes_new"),
                             say(language, "ui.journal.no_new"), default=True)
        self.stack.push(scene, lambda yes: self.recorder.start_beside() if yes else None)

    # --- the loop ---------------------------------------------------------------------

    def run(self, first_frame_only: bool = False, quit_after: int | None = None) -> int:
        clock = pygame.time.Clock()
        rounds = 0
        while self.running:
            for event in self._events():
                self.handle(event)
            drawn = self.frame(clock.tick(self._fps()) / 1000.0)
            if first_frame_only:
                return 0
            if drawn and self.frames == 1:
                self.look.sounds.prepare()  # after the first frame, so the window shows at once
            rounds += 1
            if rounds == quit_after:
                pygame.event.post(pygame.event.Event(pygame.QUIT))
            self._maybe_closed()
        return 0

    def _recording_changed(self) -> None:
        """From the writer's thread: wake the loop, so the calm line comes or goes."""
        with contextlib.suppress(pygame.error):  # the window is gone already
            pygame.event.post(pygame.event.Event(RECORDING))

    def _fps(self) -> int:
        return int(self.look.theme.timing("busy_fps")) if self._busy() else 0

    def _busy(self) -> bool:
        top = self.stack.top
        return bool(top and top.busy)

    def _events(self) -> list[pygame.event.Event]:
        """The input since the last frame; when nothing moves, sleep until there is some."""
        if self.dirty or self._busy():
            return pygame.event.get()
        if self.polling or self.closing is not None:
            time.sleep(self.look.theme.timing("idle_poll_ms") / 1000.0)
            return pygame.event.get()
        first = pygame.event.wait(int(self.look.theme.timing("idle_wait_ms")))
        return ([] if first.type == pygame.NOEVENT else [first]) + pygame.event.get()

    def frame(self, dt: float) -> bool:
        """Move time on and draw when needed; whether a frame was drawn."""
        top = self.stack.top
        if top is None:
            self.running = False
            return False
        top.update(dt)
        if not (self.dirty or self.stack.changed or self._busy()):
            return False
        self.look.fit_to(self.window.get_size())
        self.stack.draw(self.window)
        if line := self.waiting_line():
            status_line(self.window, self.look, line)
        pygame.display.flip()
        self.dirty = False
        self.frames += 1
        return True

    def handle(self, event: pygame.event.Event) -> None:
        self.dirty = True
        if event.type == pygame.QUIT:
            self.quit()
        elif event.type == RECORDING:
            pass  # only a redraw: the calm line comes or goes
        elif event.type == pygame.VIDEORESIZE:
            self._resized(event.size)
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F5:
            self.flow.reload()
        elif self.stack.top is not None:
            self.stack.top.handle(event)

    def _resized(self, size: tuple[int, int]) -> None:
        if not self.window.get_flags() & pygame.FULLSCREEN:
            self.windowed_size = size
            self.window = pygame.display.get_surface()

    def resize(self, size: tuple[int, int]) -> None:
        """Resize the window (tests and screenshots)."""
        self.windowed_size = size
        self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        if self.window.get_flags() & pygame.FULLSCREEN:
            self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        else:
            self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        self.dirty = True

    def _settings_changed(self, settings: Settings) -> None:
        self.look.restyle()
        self.look.sounds.enabled = settings.sound
        if self.persist and not save_settings(settings):
            self.look.notes.append(self.look.t("settings.not_saved"))
        self.dirty = True

    def waiting_line(self) -> str:
        """The calm line while choices wait to be saved (and while closing waits for them)."""
        if self.closing is not None:
            return self.look.t("journal.closing")
        return self.recorder.waiting_line

    def quit(self) -> None:
        """Close the window; with choices still waiting to be saved, first wait a little for them
        (the window goes on drawing meanwhile, and a second close does not wait)."""
        if self.closing is None and self.recorder.pending:
            self.closing = time.monotonic() + CLOSING_SECONDS
            self.dirty = True
            return
        self.running = False

    def _maybe_closed(self) -> None:
        if self.closing is not None and (not self.recorder.pending or time.monotonic() > self.closing):
            self.running = False

    def close(self) -> None:
        self.recorder.close(timeout=1.0)
        pygame.quit()


def _fitting_size() -> tuple[int, int]:
    """The default window size, made smaller on a small screen (but not below 1024x600 if it fits)."""
    try:
        width, height = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError):
        return DEFAULT_SIZE
    room = (int(width * 0.9), int(height * 0.9))
    return (max(min(DEFAULT_SIZE[0], room[0]), min(SMALLEST[0], width)),
            max(min(DEFAULT_SIZE[1], room[1]), min(SMALLEST[1], height)))


def play() -> int:
    """`python main.py`: the game, until the trainee quits."""
    first_frame_only = os.environ.get(FIRST_FRAME_ENV) == "1"
    quit_after = os.environ.get(QUIT_AFTER_ENV, "")
    app = App()
    try:
        try:
            code = app.run(first_frame_only, int(quit_after) if quit_after.isdigit() else None)
        except KeyboardInterrupt:
            return 130
        if first_frame_only:
            print(f"first frame after {seconds_since_process_start():.3f} s")
        return code
    finally:
        app.close()


def first_frame_seconds(size: tuple[int, int] = DEFAULT_SIZE) -> float:
    """Seconds from opening the window to the first drawn frame (for the benchmark command)."""
    start = time.perf_counter()
    app = App(size=size, persist=False, sound=True)
    app.frame(0.0)
    seconds = time.perf_counter() - start
    app.close()
    return seconds


def seconds_since_process_start() -> float:
    """Seconds since this Python process started (Linux), or since this module was imported."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        started = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _IMPORTED


def idle_cpu_seconds(seconds: float = 10.0, size: tuple[int, int] = DEFAULT_SIZE) -> float:
    """CPU seconds the window uses while a trainee looks at the phrasings of a call and does nothing."""
    from game.bots.strategy import Strategy, bot_rng
    from game.installation import shipped_scenarios
    from game.model.playthrough import Phase
    from game.scenario.load import load_scenario

    app = App(size=size, settings=Settings(trainee="Sam"), sound=False, persist=False)
    session = Session.begin(load_scenario(shipped_scenarios() / "quiet-week.en.yaml"), "Sam", seed=1)
    bot = Strategy("advance", bot_rng(1))
    while session.play.phase == Phase.REACHING:
        session.play.contact(*bot.contact(session.play))
    app.flow.begin(session)
    app.frame(0.0)
    start_cpu, start = time.process_time(), time.monotonic()
    clock = pygame.time.Clock()
    while time.monotonic() - start < seconds:
        for event in app._events():
            app.handle(event)
        app.frame(clock.tick(app._fps()) / 1000.0)
    used = time.process_time() - start_cpu
    app.close()
    return used

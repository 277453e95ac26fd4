"""The game window: `play()` opens it and runs the scenes until the trainee quits.

The window draws only when something changed; while idle it sleeps in `pygame.event.wait`
(under SDL's dummy driver, which can only poll, in short sleeps). F11 switches fullscreen,
F5 reloads the scenario file being played (for trainers).

Measuring: `VOORUITGANG_FIRST_FRAME=1 python main.py` draws one frame, prints the seconds
since the process started and quits (bench/ reads it, of the source and of the built app).
`VOORUITGANG_QUIT_AFTER=N python main.py` closes the window after N rounds of its loop, the way
its close button does (tests start the real game with it).

Results are written by the journal's own thread (`game.workshop.recorder`); while choices wait
to be saved the window shows one calm line, and closing waits a little for them. Signed in with a
workshop code, the game also sends its results to the workshop's host as they are written
(`game.room.link`, on its own thread), and a small badge beside the keyboard hints says how that goes.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

_IMPORTED = time.perf_counter()
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.room.link import Connection, Link  # noqa: E402
from game.scenes.confirm import ConfirmScene  # noqa: E402
from game.scenes.scene_flow import SceneFlow  # noqa: E402
from game.scenes.stack import SceneStack  # noqa: E402
from game.settings import Settings, load_settings, save_settings, settings_path  # noqa: E402
from game.text import say  # noqa: E402
from game.ui.chrome import room_badge, status_line  # noqa: E402
from game.ui.look import Look  # noqa: E402
from game.ui.sound import Sounds  # noqa: E402
from game.ui.window_icon import window_icon  # noqa: E402
from game.voice.speaker import Speaker  # noqa: E402
from game.voice.speech import Speech  # noqa: E402
from game.workshop.recorder import CLOSING_SECONDS, Recorder, reason  # noqa: E402

DEFAULT_SIZE = (1280, 720)
SMALLEST = (1024, 600)
FIRST_FRAME_ENV = "VOORUITGANG_FIRST_FRAME"  # set to 1: print the seconds to the first frame, then quit
QUIT_AFTER_ENV = "VOORUITGANG_QUIT_AFTER"  # set to N: close the window after N rounds of the loop
RECORDING = pygame.event.custom_type()  # the journal's writer or the room's link has news (from their threads)
SPEECH_DRIVER_ENV = "VOORUITGANG_SPEECH_DRIVER"  # a pyttsx3 driver instead of the system's (espeak, sapi5, nsss)
SPEECH_CHANGED = pygame.event.custom_type()  # the speaker found (or did not find) an engine: draw again



class App:
    def __init__(self, size: tuple[int, int] | None = None, settings: Settings | None = None,
                 recorder: Recorder | None = None, sound: bool = True, persist: bool = True,
                 paths: list[Path] | None = None, seed: int | None = None, speaker: Speaker | None = None,
                 look: Look | None = None):
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Vooruitgang")
        self.persist = persist
        self.settings = look.settings if look else settings or (load_settings() if persist else Settings())
        self.look = look or Look.create(self.settings)
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
        speaker = speaker or Speaker(os.environ.get(SPEECH_DRIVER_ENV) or None)
        speaker.on_change = speaker.on_change or _wake
        self.look.speech = Speech(self.settings, speaker, self.look.theme.speech.get("words_per_minute"))
        self.recorder = recorder or (Recorder.open(self.settings.language) if persist
                                     else Recorder.off(self.settings.language))
        self.recorder.on_change = self._recording_changed
        self.closing: float | None = None  # when closing waits for choices to be saved: until when
        self.room: Link | None = None  # the live workshop room, once the trainee signed in with a code
        self.stack = SceneStack()
        self.stack.on_layer = self.look.speech.layer
        self.flow = SceneFlow(self.look, self.stack, self.recorder, self._settings_changed, self.quit,
                         str(settings_path()) if persist else "-", paths, seed)
        self.flow.on_sign_in = self._signed_in
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
            drawn = self.step(clock)
            if first_frame_only:
                return 0
            if drawn and self.frames == 1:
                self.first_frame_shown()
            rounds += 1
            if rounds == quit_after:
                pygame.event.post(pygame.event.Event(pygame.QUIT))
            self._maybe_closed()
        return 0

    def first_frame_shown(self) -> None:
        """What waits until the window shows, so it shows at once: the sounds, and the speech engine when wanted."""
        self.look.sounds.prepare()
        self.look.speech.start_if_wanted()

    def step(self, clock: pygame.time.Clock) -> bool:
        """One round of the loop: the input since the last round (asleep while nothing moves), then a frame
        when something changed; whether one was drawn."""
        for event in self._events():
            self.handle(event)
        return self.frame(clock.tick(self._fps()) / 1000.0)

    def _recording_changed(self) -> None:
        """From the writer's thread: wake the loop, so the calm line comes or goes; and what was written goes
        to the workshop room."""
        if self.room is not None:
            self.room.nudge()
        self._wake()

    def _wake(self) -> None:
        """From another thread: draw again (the calm line or the room's badge changed)."""
        with contextlib.suppress(pygame.error):  # the window is gone already
            pygame.event.post(pygame.event.Event(RECORDING))

    def _signed_in(self, settings: Settings) -> None:
        """Send this workshop's results to its host from now on: found by the code, or at the typed address."""
        if self.room is None and (settings.workshop or settings.room_address) and self.recorder.path is not None:
            self.room = Link(lambda: self.recorder.path, self._wake)
        if self.room is not None:
            self.room.join(settings.workshop, settings.room_address)

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
            self.look.speech.flush()
            return False
        self.look.fit_to(self.window.get_size())
        self.look.hints_left = None
        self.stack.draw(self.window)
        if line := self.waiting_line():
            status_line(self.window, self.look, line)
        elif lines := self.room_lines():
            room_badge(self.window, self.look, lines, self.room.status.connection == Connection.CONNECTED)
        self.look.speech.frame_drawn()
        pygame.display.flip()
        self.look.speech.flush()
        self.dirty = False
        self.frames += 1
        return True

    def handle(self, event: pygame.event.Event) -> None:
        self.dirty = True
        self.look.speech.noticed(event)
        if event.type == pygame.QUIT:
            self.quit()
        elif event.type == RECORDING:
            pass  # only a redraw: the calm line comes or goes
        elif event.type == SPEECH_CHANGED:
            return
        elif self._self_voicing_key(event):
            if self.look.speech.toggle_self_voicing():
                self._settings_changed(self.settings)
        elif event.type == pygame.VIDEORESIZE:
            self._resized(event.size)
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F5:
            self.flow.reload()
        elif self.stack.top is not None:
            self.stack.top.handle(event)

    def _self_voicing_key(self, event: pygame.event.Event) -> bool:
        """V switches self-voicing, as in Ren'Py; not where letters are typed, nor with Ctrl (paste)."""
        return event.type == pygame.KEYDOWN and event.key == pygame.K_v \
            and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META) \
            and not (self.stack.top is not None and self.stack.top.types_text)

    def _resized(self, size: tuple[int, int]) -> None:
        if not self.window.get_flags() & pygame.FULLSCREEN:
            self.windowed_size = size
            self.window = pygame.display.get_surface()

    def toggle_fullscreen(self) -> None:
        if self.window.get_flags() & pygame.FULLSCREEN:
            self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        else:
            self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        self.dirty = True

    def _settings_changed(self, settings: Settings) -> None:
        self.look.restyle()
        self.look.sounds.enabled = settings.sound
        self.look.speech.settings_changed()
        if self.persist and not save_settings(settings):
            self.look.notes.append(self.look.t("settings.not_saved"))
        self.dirty = True

    def waiting_line(self) -> str:
        """The calm line while choices wait to be saved (and while closing waits for them)."""
        if self.closing is not None:
            return self.look.t("journal.closing")
        return self.recorder.waiting_line

    def room_lines(self) -> list[str]:
        """How the results reach the workshop room, connected or not and how many turns wait to be sent: from the
        whole line down to the code alone, so the badge can show the longest that fits beside the hints."""
        status = self.room.status if self.room is not None else None
        if status is None or status.connection == Connection.OFF:
            return []
        t = self.look.t
        state = t(f"room.{status.connection}")
        waiting = t("room.one_waits") if status.waiting == 1 else t("room.many_wait", count=status.waiting)
        parts = [state, waiting] if status.waiting else [state]
        return [" · ".join([t("room.workshop", code=status.code), *parts]), " · ".join([status.code, *parts]),
                " · ".join([status.code, parts[-1]]), status.code]

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
        self.look.speech.close()
        if self.room is not None:
            self.room.close()
        self.recorder.close(timeout=1.0)
        pygame.quit()


def _wake() -> None:
    """From the speaker's thread: wake the window, so the settings show whether there is speech."""
    if pygame.display.get_init():
        pygame.event.post(pygame.event.Event(SPEECH_CHANGED))


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


def seconds_since_process_start() -> float:
    """Seconds since this Python process started (Linux), or since this module was imported."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        started = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _IMPORTED

"""The game window: `play()` opens it and runs the scenes until the trainee quits.

The window draws only when something changed; while idle it sleeps in `pygame.event.wait`
(under SDL's dummy driver, which can only poll, in short sleeps). F11 switches fullscreen,
F5 reloads the scenario file being played (for trainers).

Measuring: `VOORUITGANG_FIRST_FRAME=1 python main.py` draws one frame, prints the seconds
since the process started and quits; `first_frame_seconds()` and `idle_cpu_seconds()` measure
inside one process.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

_IMPORTED = time.perf_counter()
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.scenes.confirm import ConfirmScene  # noqa: E402
from game.scenes.flow import Flow  # noqa: E402
from game.scenes.session import Session  # noqa: E402
from game.scenes.stack import SceneStack  # noqa: E402
from game.settings import Settings, load_settings, save_settings, settings_path  # noqa: E402
from game.text import say  # noqa: E402
from game.ui.look import Look  # noqa: E402
from game.ui.sound import Sounds  # noqa: E402
from game.ui.window_icon import window_icon  # noqa: E402
from game.voice.speaker import Speaker  # noqa: E402
from game.voice.speech import Speech  # noqa: E402

DEFAULT_SIZE = (1280, 720)
SMALLEST = (1024, 600)
FIRST_FRAME_ENV = "VOORUITGANG_FIRST_FRAME"  # set to 1: print the seconds to the first frame, then quit
SPEECH_DRIVER_ENV = "VOORUITGANG_SPEECH_DRIVER"  # a pyttsx3 driver instead of the system's (espeak, sapi5, nsss)
SPEECH_CHANGED = pygame.event.custom_type()  # the speaker found (or did not find) an engine: draw again


class Recorder:
    """The workshop journal behind a seam: the game runs on, unrecorded, when it is missing or fails."""

    def __init__(self, journal: Any, note: str = "", language: str = "en"):
        self.journal = journal
        self.note = note
        self.language = language
        self.unusable: Exception | None = None  # a results file left untouched; the game offers a new one
        self._finished: set[int] = set()

    @classmethod
    def open(cls, language: str) -> Recorder:
        try:
            from game.workshop.journal import Journal, JournalError
        except Exception as error:
            return cls.off(language, error)
        try:
            return cls(Journal.open(), say(language, "ui.journal.on"), language)
        except JournalError as error:
            recorder = cls.off(language, error)
            recorder.unusable = error
            return recorder
        except Exception as error:
            return cls.off(language, error)

    def start_beside(self) -> None:
        """Record from now on in a new results file next to the unusable one."""
        from game.workshop.journal import Journal

        try:
            self.journal = Journal.open_beside(self.unusable.path)
            self.note = say(self.language, "ui.journal.on")
            self.unusable = None
        except Exception as error:
            self._fail(error)

    @classmethod
    def off(cls, language: str, error: object = None) -> Recorder:
        if error is None:
            return cls(None, say(language, "ui.journal.not_here"))
        return cls(None, say(language, "ui.journal.off", reason=_reason(error, language)))

    def begin(self, session: Session) -> None:
        if self.journal is None:
            return
        try:
            session.play_id = self.journal.begin(session.play, session.trainee, session.workshop, seed=session.seed)
        except Exception as error:
            self._fail(error)

    def finish(self, session: Session) -> None:
        if self.journal is None or session.play_id is None or id(session.play) in self._finished:
            return
        self._finished.add(id(session.play))
        try:
            self.journal.finish(session.play_id, session.play)
        except Exception as error:
            self._fail(error)

    def last_results(self, trainee: str) -> dict[str, Any]:
        if self.journal is None:
            return {}
        try:
            return dict(self.journal.last_results(trainee))
        except Exception as error:
            self._fail(error)
            return {}

    def history(self, trainee: str, scenario_path: str) -> list[Any]:
        """Every finished attempt of this trainee at this scenario, oldest first."""
        if self.journal is None:
            return []
        try:
            return list(self.journal.history(trainee, scenario_path))
        except Exception as error:
            self._fail(error)
            return []

    def group(self, workshop: str) -> Any:
        """The workshop's results gathered for the trainer's overview; None when there is no journal."""
        if self.journal is None:
            return None
        try:
            from game.workshop.group import gather
            return gather(self.journal.records(workshop or None), workshop)
        except Exception as error:
            self._fail(error)
            return None

    def _fail(self, error: Exception) -> None:
        self.journal = None
        self.note = say(self.language, "ui.journal.off", reason=_reason(error, self.language))


def _reason(error: object, language: str = "en") -> str:
    """A journal error in the trainee's language when it carries a text key; else its own words."""
    key = getattr(error, "key", None)
    if key:
        return say(language, key, **getattr(error, "params", {}))
    reason = getattr(error, "reason", None)
    return str(reason() if callable(reason) else error)


class App:
    def __init__(self, size: tuple[int, int] | None = None, settings: Settings | None = None,
                 recorder: Recorder | None = None, sound: bool = True, persist: bool = True,
                 paths: list[Path] | None = None, seed: int | None = None, speaker: Speaker | None = None):
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
        speaker = speaker or Speaker(os.environ.get(SPEECH_DRIVER_ENV) or None)
        speaker.on_change = speaker.on_change or _wake
        self.look.speech = Speech(self.settings, speaker, self.look.theme.speech.get("words_per_minute"))
        self.recorder = recorder or (Recorder.open(self.settings.language) if persist
                                     else Recorder.off(self.settings.language))
        self.stack = SceneStack()
        self.stack.on_layer = self.look.speech.layer
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
        question = _reason(self.recorder.unusable, language) + " " + say(language, "ui.journal.start_beside")
        scene = ConfirmScene(self.look, question, say(language, "ui.journal.yes_new"),
                             say(language, "ui.journal.no_new"))
        self.stack.push(scene, lambda yes: self.recorder.start_beside() if yes else None)

    # --- the loop ---------------------------------------------------------------------

    def run(self, first_frame_only: bool = False) -> int:
        clock = pygame.time.Clock()
        while self.running:
            for event in self._events():
                self.handle(event)
            drawn = self.frame(clock.tick(self._fps()) / 1000.0)
            if first_frame_only:
                return 0
            if drawn and self.frames == 1:
                self.first_frame_shown()
        return 0

    def first_frame_shown(self) -> None:
        """What waits until the window shows, so it shows at once: the sounds, and the speech engine when wanted."""
        self.look.sounds.prepare()
        self.look.speech.start_if_wanted()

    def _fps(self) -> int:
        return int(self.look.theme.timing("busy_fps")) if self._busy() else 0

    def _busy(self) -> bool:
        top = self.stack.top
        return bool(top and top.busy)

    def _events(self) -> list[pygame.event.Event]:
        """The input since the last frame; when nothing moves, sleep until there is some."""
        if self.dirty or self._busy():
            return pygame.event.get()
        if self.polling:
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
        self.stack.draw(self.window)
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
        self.look.speech.settings_changed()
        if self.persist and not save_settings(settings):
            self.look.notes.append(self.look.t("settings.not_saved"))
        self.dirty = True

    def quit(self) -> None:
        self.running = False

    def close(self) -> None:
        self.look.speech.close()
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
    app = App()
    try:
        try:
            code = app.run(first_frame_only)
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
    from game.model.playthrough import REACHING
    from game.scenario.load import load_scenario

    app = App(size=size, settings=Settings(trainee="Sam"), sound=False, persist=False)
    session = Session.begin(load_scenario(shipped_scenarios() / "quiet-week.en.yaml"), "Sam", seed=1)
    bot = Strategy("advance", bot_rng(1))
    while session.play.phase == REACHING:
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

"""The speaker: a thread of its own that speaks what the window hands it, so the window never waits.

The engine is made on this thread when it starts (after the first frame is on screen).
`say` replaces whatever is being said: the rest of the old lines is dropped and a line being
played stops at once. `stop` only silences. A speaker whose engine cannot start says why
(`missing`), and then ignores what it is given.
"""

from __future__ import annotations

import contextlib
import queue
import shutil
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path

from game.voice.casting import SystemVoice
from game.voice.engine import Engine, EngineMissing, Utterance
from game.voice.playback import Playback

POLL_SECONDS = 0.02  # how often a line being played checks whether it should stop


class State(StrEnum):
    IDLE = "idle"                  # not started yet
    STARTING = "starting"          # the engine is being made
    READY = "ready"
    UNAVAILABLE = "unavailable"    # no speech on this computer; `missing` says why


class Speaker:
    def __init__(self, driver: str | None = None, playback: Playback | None = None,
                 on_change: Callable[[], None] | None = None):
        self.driver = driver
        self.playback = playback or Playback()
        self.on_change = on_change  # called on the speaker's thread when the state changes
        self.state = State.IDLE
        self.missing: EngineMissing | None = None
        self.voices: tuple[SystemVoice, ...] = ()
        self.default = ""
        self.said: deque[Utterance] = deque(maxlen=200)  # what the engine started to say, oldest first
        self._queue: queue.Queue[tuple[int, tuple[Utterance, ...]] | None] = queue.Queue()
        self._lock = threading.Condition()
        self._generation = 0
        self._pending = 0
        self._names: dict[str, Utterance] = {}
        self._thread: threading.Thread | None = None

    # --- the window's side ------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self.state = State.STARTING
            self._thread = threading.Thread(target=self._run, name="speaker", daemon=True)
            self._thread.start()

    @property
    def ready(self) -> bool:
        return self.state == State.READY

    def say(self, utterances: Sequence[Utterance]) -> None:
        """Say these, in order, instead of whatever is being said now."""
        self._replace(tuple(u for u in utterances if u.text.strip()))

    def stop(self) -> None:
        self._replace(())

    def wait_until_quiet(self, timeout: float = 10.0) -> bool:
        """Block until everything handed over is said (tests, and closing); whether it was."""
        end = time.monotonic() + timeout
        with self._lock:
            while self._pending and self.state in (State.STARTING, State.READY):
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._lock.wait(left)
        return True

    def close(self, timeout: float = 2.0) -> None:
        if self._thread is None:
            return
        self.stop()
        self._queue.put(None)
        self._thread.join(timeout)

    def _replace(self, utterances: tuple[Utterance, ...]) -> None:
        with self._lock:
            self._generation += 1
            self._pending += 1
            generation = self._generation
        self.playback.stop()
        self._queue.put((generation, utterances))

    # --- the speaker's thread ---------------------------------------------------------

    def _run(self) -> None:
        try:
            engine = Engine.open(self.driver)
        except EngineMissing as missing:
            self._become(State.UNAVAILABLE, missing)
            return
        if engine.writes_files and not self.playback.available:
            engine.close()
            self._become(State.UNAVAILABLE, EngineMissing("no_audio"))
            return
        engine.started = self._started
        self.voices, self.default = engine.voices, engine.default
        folder = Path(tempfile.mkdtemp(prefix="vooruitgang-speech-"))
        self._become(State.READY)
        try:
            self._serve(engine, folder)
        finally:
            engine.close()
            shutil.rmtree(folder, ignore_errors=True)

    def _serve(self, engine: Engine, folder: Path) -> None:
        while (item := self._queue.get()) is not None:
            generation, utterances = item
            for number, utterance in enumerate(utterances):
                if not self._current(generation):
                    break
                try:
                    self._one(engine, utterance, f"{generation}-{number}", folder, generation)
                except Exception:  # a line the engine cannot say is skipped; the game goes on
                    continue
            self._done()

    def _one(self, engine: Engine, utterance: Utterance, name: str, folder: Path, generation: int) -> None:
        utterance = engine.cast(utterance)
        if not engine.writes_files:
            self._names[name] = utterance
            engine.speak(utterance, name)
            return
        path = folder / f"{name}{'.aiff' if sys.platform == 'darwin' else '.wav'}"  # macOS writes AIFF
        try:
            if not engine.render(utterance, path, name) or not self._current(generation):
                return
            if not self.playback.play(path, utterance.volume):
                return
        finally:
            path.unlink(missing_ok=True)  # the mixer holds the sound; the file is not needed
        self.said.append(utterance)
        while self.playback.playing and self._current(generation):
            time.sleep(POLL_SECONDS)
        if not self._current(generation):
            self.playback.stop()  # replaced while it began: the window's stop may have come just before it

    def _started(self, name: str) -> None:
        utterance = self._names.pop(name, None)
        if utterance is not None:
            self.said.append(utterance)

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    def _done(self) -> None:
        with self._lock:
            self._pending -= 1
            self._lock.notify_all()

    def _become(self, state: State, missing: EngineMissing | None = None) -> None:
        with self._lock:
            self.missing = missing
            self.state = state
            self._lock.notify_all()
        if self.on_change is not None:
            with contextlib.suppress(Exception):
                self.on_change()

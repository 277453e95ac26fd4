"""The speech engine: pyttsx3 behind one small surface. Only the speaker's thread touches it.

pyttsx3 picks the system's engine: SAPI5 on Windows, NSSpeechSynthesizer on macOS,
espeak-ng elsewhere. Known behaviour this file works with:
- the engine must be made and run on the same thread (COM on Windows wants that thread
  initialised first), and `runAndWait` blocks that thread until the queued commands are done;
- espeak can be initialised once per process, and a driver that is thrown away unsets the
  callback a new one relies on: so each driver's engine is made once and kept for the process;
- espeak runs in its own thread: `runAndWait` returns when synthesis has begun, not when the
  file is written; the driver's "finished-utterance" notification says when it is, so each
  line waits for the end of every utterance the driver said it started. And the driver's
  `runAndWait` ends by cancelling whatever espeak still has queued, so the voice and speed
  are set before the loop starts and espeak is let to take them (`espeak_Synchronize`);
- espeak's driver plays a line through an `aplay` subprocess that `stop()` cannot interrupt,
  so a driver that can write a file (`save_to_file`) renders each line to a file and the game
  plays it (see playback.py), which stops at once; a driver that cannot (pyttsx3's `dummy`,
  used by the tests) speaks with `say`;
- espeak-ng gives every language a set of variants (female and male, some with an age) that
  pyttsx3 does not list; they are added for the game's languages, so a woman buyer can sound
  like one.
"""

from __future__ import annotations

import atexit
import contextlib
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from game.scenario.appearance import FEMALE, MALE
from game.text import LANGUAGES
from game.voice.casting import Part, SystemVoice, cast, system_voice

# The variants espeak-ng ships for every language (espeak-ng --voices=variant): name, gender, age.
ESPEAK_VARIANTS = (("f1", FEMALE, 70), ("f2", FEMALE, None), ("f3", FEMALE, None), ("f4", FEMALE, None),
                   ("f5", FEMALE, None), ("m1", MALE, 70), ("m2", MALE, None), ("m3", MALE, None),
                   ("m4", MALE, None), ("m5", MALE, None), ("m6", MALE, None), ("m7", MALE, None),
                   ("m8", MALE, 50))


class EngineMissing(Exception):
    """No speech on this computer; `key` names the reason in assets/text/*/voice.yaml, `detail` the system's words."""

    def __init__(self, key: str, detail: str = ""):
        super().__init__(f"{key}: {detail}" if detail else key)
        self.key = key
        self.detail = detail


@dataclass(frozen=True)
class Utterance:
    text: str
    part: Part            # who says it: the speaker casts the voice (it knows the system's voices)
    rate: int = 175       # words per minute
    volume: float = 1.0   # 0..1
    beside: Part | None = None  # someone else in the same call, whose voice this one should not have
    voice: str = ""       # the voice cast, once it is


_KEPT: dict[str, Any] = {}  # driver name -> the pyttsx3 engine, made once per process
# Let the engines go while Python still runs: pyttsx3's clean-up fails (and prints) once its modules are torn down.
atexit.register(lambda: _KEPT.clear())
FINISH_SECONDS = 30.0  # the longest a driver may take to finish a line it started; then the line is skipped


class Engine:
    def __init__(self, engine: Any, com: Any = None):
        self._engine = engine
        self._com = com
        self.driver = str(getattr(engine, "driver_name", "") or engine)
        default = engine.getProperty("voice")  # an id; pyttsx3's dummy driver gives the Voice itself
        self.default = str(getattr(default, "id", default) or "")
        self.voices = _catalogue(self.driver, [system_voice(v) for v in engine.getProperty("voices") or ()],
                                 self.default)
        # Whether the driver writes a line to a file: then the game plays it and can stop it at once.
        self.writes_files = callable(getattr(getattr(engine.proxy, "_driver", None), "save_to_file", None))
        self.started: Callable[[str], None] | None = None  # told the name of each utterance the engine starts
        self._unfinished = 0  # utterances the driver said it started and has not said it finished
        self._settled = threading.Condition()
        self._tokens = [engine.connect("started-utterance", self._started),
                        engine.connect("finished-utterance", self._finished)]
        self._synchronize = _espeak_synchronize() if self.driver == "espeak" else None
        _quieten(self.driver)

    @classmethod
    def open(cls, driver: str | None = None) -> Engine:
        """The system's engine (or the named pyttsx3 driver), made on this thread; EngineMissing says why not."""
        try:
            import pyttsx3
        except Exception as error:
            raise EngineMissing("no_library", str(error)) from error
        com = _com_for_this_thread()
        key = driver or ""
        try:
            if key not in _KEPT:
                _KEPT[key] = pyttsx3.init(driver)
            return cls(_KEPT[key], com)
        except Exception as error:
            _release(com)
            name = driver or _default_driver()
            if name == "espeak" and isinstance(error, (OSError, RuntimeError, ImportError)):
                raise EngineMissing("no_espeak", str(error)) from error
            raise EngineMissing("engine_failed", f"{type(error).__name__}: {error}") from error

    def cast(self, utterance: Utterance) -> Utterance:
        """The utterance with the voice for its part."""
        avoid = self._voice(utterance.beside) if utterance.beside else ""
        return replace(utterance, voice=self._voice(utterance.part, avoid))

    def _voice(self, part: Part, avoid: str = "") -> str:
        chosen = cast(self.voices, part, self.default, avoid)
        return chosen.id if chosen else ""

    def render(self, utterance: Utterance, path: Path, name: str) -> bool:
        """Write the line to `path` (blocks until written); whether a file with sound came out."""
        self._set(utterance, volume=1.0)  # the game's playback sets the volume: every driver honours that
        self._engine.save_to_file(utterance.text, str(path), name)
        self._engine.runAndWait()
        return self._all_finished() and path.exists() and path.stat().st_size > 64

    def speak(self, utterance: Utterance, name: str) -> None:
        """Speak the line through the driver itself (blocks until said)."""
        self._set(utterance, volume=utterance.volume)
        self._engine.say(utterance.text, name)
        self._engine.runAndWait()
        self._all_finished()

    def _set(self, utterance: Utterance, volume: float) -> None:
        """Voice, speed and volume for the next line, set before the loop that says it starts."""
        proxy = self._engine.proxy
        proxy.setBusy(False)  # idle: each property is set the moment it is given
        if utterance.voice:
            self._engine.setProperty("voice", utterance.voice)
        self._engine.setProperty("rate", utterance.rate)
        self._engine.setProperty("volume", volume)
        self._settle()
        # Busy again, so the line waits for runAndWait's loop: given to an idle driver it would run at once,
        # outside the loop, and that runAndWait would never return (pyttsx3's dummy driver hangs so).
        proxy.setBusy(True)

    def _settle(self) -> None:
        """espeak: wait until its own queue has taken what it was given. runAndWait ends with `stop()`, which
        cancels whatever espeak still has queued: a speed set a moment earlier would be lost."""
        if self._synchronize is not None:
            self._synchronize()

    def _started(self, name: str | None = None, **_: Any) -> None:
        with self._settled:
            self._unfinished += 1
        if self.started is not None and name:
            self.started(name)

    def _finished(self, **_: Any) -> None:
        with self._settled:
            self._unfinished = max(0, self._unfinished - 1)
            self._settled.notify_all()

    def _all_finished(self) -> bool:
        """Wait (on espeak's own thread's account) until the driver has finished what it started."""
        with self._settled:
            done = self._settled.wait_for(lambda: self._unfinished == 0, FINISH_SECONDS)
            self._unfinished = 0
        if done:
            self._settle()
        return done

    def close(self) -> None:
        """Done on this thread; the pyttsx3 engine itself is kept for the next speaker (see _KEPT)."""
        if self._engine is not None:
            for token in self._tokens:
                self._engine.disconnect(token)
            self._engine = None
        _release(self._com)


def _catalogue(driver: str, voices: list[SystemVoice], default: str) -> tuple[SystemVoice, ...]:
    """The voices to cast from: as pyttsx3 lists them, and for espeak each game language's voice in its variants."""
    if driver != "espeak":
        return tuple(voices)
    extra = []
    for language in LANGUAGES:
        main = cast(voices, Part("", language), default)
        if main is None or language not in main.languages:
            continue
        extra += [SystemVoice(f"{main.id}+{variant}", f"{main.name} ({variant})", main.languages, gender, age)
                  for variant, gender, age in ESPEAK_VARIANTS]
    return (*voices, *extra)


def _default_driver() -> str:
    try:
        from pyttsx3.engine import default_engine_by_sys_platform
        return default_engine_by_sys_platform()
    except Exception:
        return ""


def _espeak_synchronize() -> Callable[[], Any] | None:
    """espeak_Synchronize: returns when espeak's queue is empty (pyttsx3 binds it but does not use it)."""
    try:
        from pyttsx3.drivers import _espeak
        return _espeak.Synchronize
    except Exception:
        return None


def _quieten(driver: str) -> None:
    """pyttsx3's espeak driver prints a line for every file it writes; the game's terminal is not its log."""
    module = sys.modules.get(f"pyttsx3.drivers.{driver}")
    if module is not None:
        module.print = lambda *args, **kwargs: None


def _com_for_this_thread() -> Any:
    """SAPI5 is COM: each thread that uses it initialises COM first (pyttsx3 only does so for the main thread)."""
    if sys.platform != "win32":
        return None
    try:
        import pythoncom
        pythoncom.CoInitialize()
        return pythoncom
    except Exception:
        return None


def _release(com: Any) -> None:
    if com is not None:
        with contextlib.suppress(Exception):
            com.CoUninitialize()

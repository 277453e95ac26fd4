"""What the window talks to about speech. Scenes only report what happens; this decides what is said.

Scenes report a line on the phone (`buyer`, `heard`); the window's drawing reports every text
and focus ring (`saw_text`, `saw_focus`); the app reports the trainee's input (`noticed`) and
the end of each frame (`frame_drawn`, then `flush`). With "the buyer speaks" on, lines are
spoken in the caller's voice; with self-voicing on, the narrator reads what is new on screen
and what has the focus, in the interface language. Everything said in one frame goes to the
speaker together and replaces what it was saying. The trainee's answer (a key that is not
navigation, a click) silences it.

Speech is off by default. The engine starts only when speech or self-voicing is wanted, or
the settings screen asks whether there is any; never on the drawing thread.
"""

from __future__ import annotations

import pygame

from game.model.scenario import Scenario
from game.model.turn import Turn
from game.settings import Settings
from game.text import say
from game.voice import phone
from game.voice.casting import Part
from game.voice.engine import Utterance
from game.voice.reading import ScreenReading
from game.voice.speaker import Speaker, State

WORDS_PER_MINUTE = {"slow": 140, "normal": 175, "fast": 220}  # the fallback; assets/theme.yaml says

# Keys that look around rather than act: the buyer goes on speaking while the trainee uses them.
LOOKING_KEYS = frozenset({pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_TAB, pygame.K_v,
                          pygame.K_F11, pygame.K_LSHIFT, pygame.K_RSHIFT, pygame.K_LCTRL, pygame.K_RCTRL,
                          pygame.K_LALT, pygame.K_RALT, pygame.K_LGUI, pygame.K_RGUI, pygame.K_CAPSLOCK,
                          pygame.K_NUMLOCK, pygame.K_MODE})


class Speech:
    def __init__(self, settings: Settings, speaker: Speaker | None = None,
                 words_per_minute: dict[str, int] | None = None):
        self.settings = settings
        self.speaker = speaker
        self.words_per_minute = words_per_minute or WORDS_PER_MINUTE
        self.reading = ScreenReading()
        self._pending: list[Utterance] = []
        self._said: set[str] = set()  # spoken another way since the last frame: self-voicing does not repeat it
        self._self_voicing = settings.self_voicing

    # --- whether there is speech ------------------------------------------------------

    def start(self) -> None:
        """Make the engine, on the speaker's thread; at once, so whether there is speech is soon known."""
        if self.speaker is not None:
            self.speaker.start()

    def start_if_wanted(self) -> None:
        if self.settings.speech or self.settings.self_voicing:
            self.start()

    @property
    def state(self) -> State:
        return self.speaker.state if self.speaker is not None else State.UNAVAILABLE

    @property
    def usable(self) -> bool:
        """Whether speech can be switched on: there is an engine, or it is still being looked for."""
        return self.state in (State.IDLE, State.STARTING, State.READY)

    def status(self, lang: str) -> str:
        """One line for the settings screen when speech is not (yet) there; "" when it is."""
        if self.state == State.READY:
            return ""
        if self.state in (State.IDLE, State.STARTING):
            return say(lang, "voice.checking")
        missing = self.speaker.missing if self.speaker is not None else None
        key, detail = (missing.key, missing.detail) if missing else ("not_here", "")
        return say(lang, "voice.unavailable", reason=say(lang, f"voice.reason.{key}", detail=detail))

    # --- the phone ----------------------------------------------------------------------

    def buyer(self, scenario: Scenario, text: str) -> bool:
        """The buyer says `text` (a line on screen in the call). Whether it is spoken aloud."""
        return self._line(phone.buyer(scenario), text)

    def heard(self, scenario: Scenario, turn: Turn) -> None:
        """A call attempt came through to someone: a colleague, the voicemail, a buyer with nothing to add."""
        line = phone.heard(scenario, turn)
        if line is not None:
            part, text = line
            self._line(part, text, beside=phone.buyer(scenario) if part != phone.buyer(scenario) else None)

    def _line(self, part: Part, text: str, beside: Part | None = None) -> bool:
        if not (self.settings.speech and self._on()):
            return False
        self._pending.append(self._utterance(text, part, beside))
        self._said.add(text)
        return True

    # --- self-voicing -------------------------------------------------------------------

    def saw_text(self, text: str, rect: pygame.Rect) -> None:
        if self._reading():
            self.reading.text(text, rect)

    def saw_focus(self, rect: pygame.Rect, alt: str = "") -> None:
        if self._reading():
            self.reading.focus(rect, alt)

    def layer(self) -> None:
        """A scene is drawn over another: only the top one's focus counts."""
        if self._reading():
            self.reading.layer()

    def frame_drawn(self) -> None:
        if not self._reading():
            return
        news = self.reading.news(self._said)
        if news:
            self._pending.append(self._utterance(_sentences(news), self._narrator()))

    def toggle_self_voicing(self) -> bool:
        """The V key: self-voicing on or off, said aloud; False when this computer has no speech."""
        if not self.usable:
            return False
        self.start()
        self.settings.self_voicing = not self.settings.self_voicing
        self.settings_changed()
        key = "voice.self_voicing_on" if self.settings.self_voicing else "voice.self_voicing_off"
        self.sample(say(self.settings.language, key))
        return True

    def sample(self, text: str) -> None:
        """Say `text` in the narrator's voice now (a changed speech setting, so it is heard)."""
        if self._on():
            self._pending.append(self._utterance(text, self._narrator()))
            self._said.add(text)

    # --- the app's side -----------------------------------------------------------------

    def noticed(self, event: pygame.event.Event) -> None:
        """The trainee's input: acting (answering, pressing, clicking) silences what is being said."""
        acted = (event.type == pygame.KEYDOWN and event.key not in LOOKING_KEYS) or \
            (event.type == pygame.MOUSEBUTTONDOWN and event.button in (1, 2, 3))  # a click, not the wheel
        if acted and self.speaker is not None and self.state == State.READY:
            self._pending.clear()
            self.speaker.stop()

    def flush(self) -> None:
        """Hand what this frame brought to the speaker; it replaces what was being said."""
        if self._pending and self.speaker is not None:
            self.speaker.say(self._pending)
        self._pending = []
        self._said = set()

    def settings_changed(self) -> None:
        if self.settings.self_voicing != self._self_voicing:
            self._self_voicing = self.settings.self_voicing
            self.reading.forget()
        if not (self.settings.speech or self.settings.self_voicing) and self.state == State.READY:
            self.speaker.stop()
        self.start_if_wanted()

    def close(self) -> None:
        if self.speaker is not None:
            self.speaker.close()

    # --- helpers ------------------------------------------------------------------------

    def _on(self) -> bool:
        return self.speaker is not None and self.state in (State.STARTING, State.READY)

    def _reading(self) -> bool:
        return self.settings.self_voicing and self._on()

    def _narrator(self) -> Part:
        return Part("", self.settings.language)

    def _utterance(self, text: str, part: Part, beside: Part | None = None) -> Utterance:
        rate = self.words_per_minute.get(self.settings.speech_speed, WORDS_PER_MINUTE["normal"])
        return Utterance(text, part, rate, self.settings.speech_volume / 100, beside)


def _sentences(texts: list[str]) -> str:
    """Texts read one after another, each ending as a sentence, so the voice pauses between them."""
    return " ".join(text if text[-1:] in ".!?:;" else f"{text}." for text in texts)

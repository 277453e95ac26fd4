"""Settings: text size, high contrast, the call clock, language, the workshop host's address, sound and speech;
saved at once.

Changes go up through `on_change`, which applies and saves them. Closes with None.
Opening the settings looks for a speech engine (on the speaker's thread): without one, the
speech settings are greyed out and the reason is shown below them.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.room.protocol import address_of
from game.scenes.address import AddressScene
from game.scenes.scene import Scene
from game.settings import SPEECH_SPEEDS, SPEECH_VOLUMES, TEXT_SIZES, Settings
from game.text import LANGUAGES
from game.ui.button import Button
from game.ui.chrome import hints, top_bar
from game.ui.look import Look
from game.ui.menu import Menu, column

CHOICES = {"text_size": TEXT_SIZES, "language": LANGUAGES, "speech_speed": SPEECH_SPEEDS,
           "speech_volume": SPEECH_VOLUMES}
SWITCHES = ("high_contrast", "call_clock", "sound", "speech", "self_voicing")
SPEECH = ("speech", "speech_speed", "speech_volume", "self_voicing")  # greyed out without a speech engine
COLUMNS = {"screen": ("text_size", "high_contrast", "call_clock", "language", "room_address"),  # heading: its rows
           "sound_and_speech": ("sound", *SPEECH)}
ROWS = tuple(name for names in COLUMNS.values() for name in names)  # the focus goes down one column, then the next


class SettingsScene(Scene):
    def __init__(self, look: Look, on_change: Callable[[Settings], None], saved_in: str, notes: list[str]):
        super().__init__(look)
        self.on_change = on_change
        self.saved_in = saved_in
        self.notes = notes
        look.speech.start()
        self.speech_state = look.speech.state
        self.menu = Menu(self._buttons())

    def _value(self, name: str) -> str:
        value = getattr(self.look.settings, name)
        if name in SWITCHES:
            return self.t("settings.on" if value else "settings.off")
        if name == "language":
            return self.t(f"language.{value}")
        if name == "speech_volume":
            return self.t("settings.volume", percent=value)
        if name == "room_address":
            return value or self.t("settings.room_address_found")
        return self.t(f"settings.{'size' if name == 'text_size' else 'speed'}.{value}")

    def _buttons(self) -> list[Button]:
        speech = self.look.speech.usable
        return [Button(name, self._label(name), enabled=speech or name not in SPEECH) for name in ROWS] + \
            [Button("back", self.t("common.back"), primary=True)]

    def _label(self, name: str) -> str:
        return f"{self.t(f'settings.{name}')}: {self._value(name)}"

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close(None)
            return
        step = 1
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = -1 if event.key == pygame.K_LEFT else 1
            pressed = self.menu.focused.key if self.menu.focused.key != "back" else None
        else:
            pressed = self.menu.handle(event)
        if pressed == "back":
            self.close(None)
        elif pressed:
            self._change(pressed, step)

    def _change(self, name: str, step: int) -> None:
        settings = self.look.settings
        if name == "room_address":
            self.stack.push(AddressScene(self.look, settings.room_address), self._address_typed)
            return
        if name in CHOICES:
            options = list(CHOICES[name])
            setattr(settings, name, options[(options.index(getattr(settings, name)) + step) % len(options)])
        else:
            setattr(settings, name, not getattr(settings, name))
        self.on_change(settings)
        if name in SPEECH:
            self.look.speech.sample(self._label(name))  # heard at the new speed and volume
        self.menu = Menu(self._buttons(), focus=self.menu.focus)

    def _address_typed(self, typed: str | None) -> None:
        """The host's address as typed; the workshop code in it, when the trainee has none yet."""
        if typed is None:
            return
        settings = self.look.settings
        settings.room_address = typed
        address = address_of(typed)
        if address and address.code and not settings.workshop:
            settings.workshop = address.code
        self.on_change(settings)
        self.menu = Menu(self._buttons(), focus=self.menu.focus)

    def draw(self, surface: pygame.Surface) -> None:
        if self.look.speech.state != self.speech_state:  # the speaker has found out whether there is speech
            self.speech_state = self.look.speech.state
            self.menu = Menu(self._buttons(), focus=self.menu.focus)
        look = self.look
        area = top_bar(surface, look, self.t("settings.title"))
        gap = look.space("gap")
        width = min(area.width, look.px(900))
        block = pygame.Rect(area.centerx - width // 2, area.top, width, 0)
        head_h = look.font("small", True).get_linesize() + look.px(4)
        tallest = max(len(names) for names in COLUMNS.values())
        height = min(look.px(44), (area.height * 3 // 5 - head_h) // tallest - look.px(8))
        rects = []
        for place, (heading, names) in enumerate(COLUMNS.items()):
            col = pygame.Rect(block.left + place * (width + 2 * gap) // 2, block.top, (width - 2 * gap) // 2, head_h)
            look.text(surface, self.t(f"settings.{heading}"), col, "small", "muted", bold=True, valign="bottom")
            rects += column(pygame.Rect(col.left, col.bottom + look.px(4), col.width, 0), len(names), height,
                            look.px(8))
        back = pygame.Rect(block.left, block.top + head_h + look.px(4) + tallest * (height + look.px(8)) + gap,
                           (width - 2 * gap) // 2, height)
        self.menu.draw(surface, look, [*rects, back], align="left")
        y = back.bottom + gap * 2
        speech = look.speech.status(look.lang)
        notes = [self.t("settings.saved_in", path=self.saved_in), *self.notes, *([speech] if speech else [])]
        look.text(surface, "\n".join(notes), pygame.Rect(block.left, y, width, area.bottom - y), "small", "muted")
        hints(surface, look, self.t("settings.hints"))

"""The trainee's settings for the window, kept as JSON in the user data folder."""

from __future__ import annotations

import json
import locale
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game.text import LANGUAGES
from game.userdata import user_data_dir

TEXT_SIZES = ("small", "normal", "large")
SPEECH_SPEEDS = ("slow", "normal", "fast")
SPEECH_VOLUMES = (25, 50, 75, 100)  # percent
FILE_NAME = "settings.json"


@dataclass
class Settings:
    language: str = "nl"
    text_size: str = "normal"
    high_contrast: bool = False
    call_clock: bool = True
    sound: bool = True
    trainee: str = ""
    workshop: str = ""
    speech: bool = False           # the buyer's lines spoken; off by default, for a projector room
    speech_speed: str = "normal"
    speech_volume: int = 75
    self_voicing: bool = False     # the screen read aloud: new text and the focused button
    room_address: str = ""  # the workshop host's address, typed when the game cannot find it by the code


def system_language() -> str:
    """The interface language of this computer when we have it, else Dutch."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value[:2].lower() in LANGUAGES:
            return value[:2].lower()
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return code[:2].lower() if code[:2].lower() in LANGUAGES else "nl"


def settings_path() -> Path:
    return user_data_dir() / FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; defaults (and the system language) for anything missing or unreadable."""
    path = path or settings_path()
    settings = Settings(language=system_language())
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return settings
    if not isinstance(saved, dict):
        return settings
    for field in fields(Settings):
        value = saved.get(field.name)
        if isinstance(value, type(getattr(settings, field.name))):
            setattr(settings, field.name, value)
    if settings.language not in LANGUAGES:
        settings.language = system_language()
    if settings.text_size not in TEXT_SIZES:
        settings.text_size = "normal"
    if settings.speech_speed not in SPEECH_SPEEDS:
        settings.speech_speed = "normal"
    if settings.speech_volume not in SPEECH_VOLUMES:
        settings.speech_volume = min(SPEECH_VOLUMES, key=lambda volume: abs(volume - settings.speech_volume))
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> bool:
    """Write the settings; False when the folder cannot be written (the game goes on)."""
    try:
        path = path or settings_path()
        path.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8")
    except OSError:
        return False
    return True

"""Casting: which of the system's voices speaks for whom.

A part is someone on the phone: the buyer (with the scenario's portrait hint), a colleague,
or the narrator who reads the screen. The voice speaks the part's language: one that fits
the hint's gender and age (never a child's), else the language's default voice. When the
system has no voice for the language, the same choice is made among all its voices. The
same part always gets the same voice on the same system.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from game.scenario.appearance import FEMALE, MALE, appearance

ADULT = 18
UNKNOWN_AGE_DISTANCE = 10  # a voice of unknown age fits any adult about as well as one ten years off
AGE_WORDS = {"child": 8, "teen": 15, "adult": 40, "senior": 70}  # SAPI5 and pyttsx3's dummy driver say words


@dataclass(frozen=True)
class SystemVoice:
    id: str                       # what the engine is told to use
    name: str
    languages: tuple[str, ...]    # two-letter codes: "nl", "en"
    gender: str = ""              # FEMALE, MALE or "" when the system does not say
    age: int | None = None


@dataclass(frozen=True)
class Part:
    """Someone who speaks: `name` makes the choice stable, `portrait` is the scenario's hint."""
    name: str
    language: str
    portrait: str = ""


def system_voice(voice: Any) -> SystemVoice:
    """A pyttsx3 Voice as we compare them: each driver spells languages, gender and age its own way."""
    return SystemVoice(id=str(voice.id), name=str(voice.name or voice.id),
                       languages=tuple(dict.fromkeys(_language(code) for code in voice.languages or ()
                                                     if _language(code))),
                       gender=_gender(voice.gender), age=_age(voice.age))


def _language(code: Any) -> str:
    """'nl', 'nl-NL' (SAPI5) and 'nl_BE' (macOS) all mean Dutch."""
    text = str(code or "").strip().lower().replace("_", "-")
    return text.split("-")[0] if text and not text.startswith("unknown") else ""


def _gender(value: Any) -> str:
    text = str(value or "").lower()  # "Female", "female", "VoiceGenderFemale"
    if "female" in text:
        return FEMALE
    return MALE if "male" in text else ""


def _age(value: Any) -> int | None:
    if isinstance(value, int | float) and value > 0:
        return int(value)
    text = str(value or "").strip().lower()
    if text.isdigit() and int(text) > 0:
        return int(text)
    return AGE_WORDS.get(text)


def cast(voices: Iterable[SystemVoice], part: Part, default: str = "", avoid: str = "") -> SystemVoice | None:
    """The voice for `part`; `default` is the system's own default voice, `avoid` a voice to leave to someone else.

    None only when the system has no voices at all.
    """
    everyone = list(voices)
    if not everyone:
        return None
    pool = [v for v in everyone if part.language in v.languages] or everyone
    pool = [v for v in pool if v.age is None or v.age >= ADULT] or pool
    if avoid and any(v.id != avoid for v in pool):
        pool = [v for v in pool if v.id != avoid]
    looks = appearance(part.portrait)
    fitting = [v for v in pool if v.gender == looks.gender] if looks.gender else []
    if not fitting:
        return _default(pool, default)
    best = min(_age_distance(v, looks.age) for v in fitting)
    closest = sorted((v for v in fitting if _age_distance(v, looks.age) == best), key=lambda v: v.id)
    return closest[zlib.crc32(part.name.encode("utf-8")) % len(closest)]


def _age_distance(voice: SystemVoice, age: int | None) -> int:
    if age is None:
        return 0
    return UNKNOWN_AGE_DISTANCE if voice.age is None else abs(voice.age - age)


def _default(voices: list[SystemVoice], default: str) -> SystemVoice:
    """The system's default voice when it is among `voices`, else the first the system lists."""
    return next((v for v in voices if v.id == default), voices[0])

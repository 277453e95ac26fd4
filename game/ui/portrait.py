"""The buyer's portrait, drawn by code from the scenario's hint ("woman in her forties,
short grey hair, reading glasses"). Calm, flat shapes; the same hint always gives the same face.

The hint is read loosely, in English or Dutch: a colour word just before a hair word
colours the hair, just before a glasses word it colours the frames.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import pygame

from game.scenario.appearance import FEMALE, appearance

COLOURS = {"grey": "grey", "gray": "grey", "grijs": "grey", "grijze": "grey", "silver": "white",
           "zilvergrijs": "white", "zilvergrijze": "white", "white": "white", "wit": "white", "witte": "white",
           "blond": "blond", "blonde": "blond", "red": "red", "rood": "red", "rode": "red", "felrode": "red",
           "ginger": "red", "brown": "brown", "bruin": "brown", "bruine": "brown", "dark": "dark", "donker": "dark",
           "donkere": "dark", "black": "black", "zwart": "black", "zwarte": "black"}
HAIR_WORDS = ("hair", "haar", "bob", "boblijntje", "ponytail", "paardenstaart", "curls", "krullen", "beard", "baard")
GLASSES_WORDS = ("glasses", "bril", "leesbril", "veiligheidsbril")


@dataclass(frozen=True)
class Face:
    woman: bool
    hair: str
    style: str        # short, long, bob, ponytail, curly, bald
    glasses: str      # "" for none, else a colour name ("frame" for the theme's own)
    beard: bool
    skin: int
    clothes: int


def face_from(hint: str, name: str = "") -> Face:
    words = re.findall(r"[a-zà-ÿ]+", hint.lower())
    seed = zlib.crc32((name or hint).encode("utf-8"))
    woman = appearance(hint).gender == FEMALE
    return Face(woman=woman, hair=_colour_before(words, HAIR_WORDS) or "brown", style=_style(words, woman),
                glasses=_glasses(words), beard=any(w in ("beard", "baard", "bearded") for w in words),
                skin=seed % 4, clothes=(seed // 4) % 4)


def _colour_before(words: list[str], nouns: tuple[str, ...]) -> str:
    for index, word in enumerate(words):
        if word in nouns or any(word.endswith(noun) for noun in nouns):
            for back, before in enumerate(reversed(words[max(0, index - 3):index + 1])):
                if back and (before in HAIR_WORDS or before in GLASSES_WORDS):
                    break  # that colour belongs to something else
                if before in COLOURS:
                    return COLOURS[before]
                for colour in COLOURS:  # "zilvergrijs boblijntje", "felrode bril"
                    if before.startswith(colour) and before != word:
                        return COLOURS[colour]
    return ""


def _style(words: list[str], woman: bool) -> str:
    found = set(words)
    if found & {"bald", "kaal"}:
        return "bald"
    if found & {"ponytail", "paardenstaart"}:
        return "ponytail"
    if found & {"curly", "krullend", "curls", "krullen"}:
        return "curly"
    if found & {"bob", "boblijntje"} or any(w.endswith("boblijntje") for w in found):
        return "bob"
    if found & {"long", "lang", "lange"}:
        return "long"
    if found & {"short", "kort", "korte"}:
        return "short"
    return "bob" if woman else "short"


def _glasses(words: list[str]) -> str:
    if not any(w in GLASSES_WORDS or w.endswith("bril") for w in words):
        return ""
    if any(w.startswith("veiligheidsbril") or w == "safety" for w in words):
        return ""  # pushed up on the head, not on the nose
    return _colour_before(words, GLASSES_WORDS) or "frame"


def draw_portrait(surface: pygame.Surface, rect: pygame.Rect, face: Face, palette: dict) -> None:
    size = min(rect.width, rect.height)
    box = pygame.Rect(0, 0, size, size)
    box.center = rect.center
    previous = surface.get_clip()
    surface.set_clip(box.clip(previous) if previous else box)
    pygame.draw.rect(surface, palette["backdrop"], box, border_radius=size // 8)
    u = size / 100
    x0, y0 = box.left, box.top

    def r(x: float, y: float, w: float, h: float) -> pygame.Rect:
        return pygame.Rect(round(x0 + x * u), round(y0 + y * u), round(w * u), round(h * u))

    skin = palette["skin"][face.skin % len(palette["skin"])]
    hair = palette["hair"].get(face.hair, palette["hair"]["brown"])
    clothes = palette["clothes"][face.clothes % len(palette["clothes"])]
    _hair_behind(surface, face, hair, r)
    pygame.draw.ellipse(surface, clothes, r(14, 74, 72, 50))
    pygame.draw.rect(surface, skin, r(43, 60, 14, 18))
    collar = [(x0 + 42 * u, y0 + 76 * u), (x0 + 58 * u, y0 + 76 * u), (x0 + 50 * u, y0 + 86 * u)]
    pygame.draw.polygon(surface, skin, collar)
    for x in (29, 66):
        pygame.draw.ellipse(surface, skin, r(x, 40, 6, 11))
    pygame.draw.ellipse(surface, skin, r(32, 22, 36, 46))
    _hair_on_top(surface, face, hair, r)
    if face.beard:
        pygame.draw.ellipse(surface, hair, r(34, 50, 32, 19))
        pygame.draw.ellipse(surface, skin, r(42, 52, 16, 7))
    eye = max(1, round(2.2 * u))
    for x in (43, 57):
        pygame.draw.circle(surface, palette["eyes"], (x0 + x * u, y0 + 44 * u), eye)
        pygame.draw.line(surface, hair if face.style != "bald" else palette["eyes"], (x0 + (x - 4) * u, y0 + 38.5 * u),
                         (x0 + (x + 4) * u, y0 + 38.5 * u), max(1, round(1.2 * u)))
    if face.woman:  # short hair alone would draw her as a man: fuller lips and earrings say who she is
        pygame.draw.arc(surface, palette["lips"], r(44, 50, 12, 8), 3.5, 5.9, max(2, round(2 * u)))
        for x in (32, 69):
            pygame.draw.circle(surface, palette["earring"], (x0 + x * u, y0 + 52 * u), max(2, round(2.2 * u)))
    else:
        pygame.draw.arc(surface, palette["mouth"], r(44, 50, 12, 8), 3.5, 5.9, max(1, round(u)))
    if face.glasses:
        frame = palette["hair"].get(face.glasses, palette["glasses"]) if face.glasses != "frame" else palette["glasses"]
        width = max(1, round(1.3 * u))
        for x in (37, 51):
            pygame.draw.rect(surface, frame, r(x, 40, 12, 8), width, border_radius=round(2 * u))
        pygame.draw.line(surface, frame, (x0 + 49 * u, y0 + 43 * u), (x0 + 51 * u, y0 + 43 * u), width)
    surface.set_clip(previous)


def _hair_behind(surface: pygame.Surface, face: Face, hair, r) -> None:
    if face.style == "long":
        pygame.draw.ellipse(surface, hair, r(26, 18, 48, 62))
    elif face.style == "bob":
        pygame.draw.rect(surface, hair, r(25, 19, 50, 41), border_radius=round(r(0, 0, 14, 0).width))
    elif face.style == "curly":
        for x, y in ((29, 26), (29, 38), (29, 50), (71, 26), (71, 38), (71, 50), (36, 18), (50, 15), (64, 18)):
            pygame.draw.circle(surface, hair, r(x, y, 0, 0).topleft, r(0, 0, 9, 0).width)
    elif face.style == "ponytail":
        pygame.draw.ellipse(surface, hair, r(62, 28, 14, 34))


def _hair_on_top(surface: pygame.Surface, face: Face, hair, r) -> None:
    if face.style == "bald":
        return
    pygame.draw.ellipse(surface, hair, r(30, 16, 40, 22))
    if face.woman and face.style == "short":  # a pixie cut: a fringe swept to one side, over the ears
        pygame.draw.ellipse(surface, hair, r(31, 22, 24, 12))
    side = 16 if face.style in ("bob", "long", "curly") or face.woman else 10
    pygame.draw.rect(surface, hair, r(30, 27, 5, side))
    pygame.draw.rect(surface, hair, r(65, 27, 5, side))

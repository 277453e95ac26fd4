"""What a buyer's portrait hint says about the person: woman or man, and roughly how old.

The hint is free text in English or Dutch ("woman in her late forties, blazer",
"man van in de zestig, grijze baard"). The window draws the face from it; the voice is
chosen from it. A hint that does not say leaves the field empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FEMALE, MALE = "female", "male"
GENDER_WORDS = {"woman": FEMALE, "vrouw": FEMALE, "lady": FEMALE, "dame": FEMALE,
                "man": MALE, "gentleman": MALE, "heer": MALE}
DECADES = {"twenties": 20, "twintig": 20, "thirties": 30, "dertig": 30, "forties": 40, "veertig": 40,
           "fifties": 50, "vijftig": 50, "sixties": 60, "zestig": 60, "seventies": 70, "zeventig": 70}
EARLY, LATE = ("early", "begin"), ("late", "eind")
YOUNG_WORDS = ("young", "jong", "jonge")
OLD_WORDS = ("old", "elderly", "oud", "oude", "oudere")


@dataclass(frozen=True)
class Appearance:
    gender: str = ""          # FEMALE, MALE, or "" when the hint does not say
    age: int | None = None    # years, roughly; None when the hint does not say


def appearance(hint: str) -> Appearance:
    words = re.findall(r"[a-zà-ÿ]+", hint.lower())
    gender = next((GENDER_WORDS[w] for w in words if w in GENDER_WORDS), "")
    return Appearance(gender, _age(words))


def _age(words: list[str]) -> int | None:
    for index, word in enumerate(words):
        if word in DECADES:
            before = words[max(0, index - 3):index]
            if any(w in EARLY for w in before):
                return DECADES[word] + 2
            if any(w in LATE for w in before):
                return DECADES[word] + 8
            return DECADES[word] + 5
    if any(w in YOUNG_WORDS for w in words):
        return 28
    if any(w in OLD_WORDS for w in words):
        return 68
    return None

"""The report's own words: what a trainer would say in front of a group, in both languages."""

from __future__ import annotations

import re

import pytest

from game.text import LANGUAGES, catalog
from game.workshop.words import Words

GENDERED = {"nl": re.compile(r"\b(hij|hem|zijn|zij|haar)\b", re.IGNORECASE),
            "en": re.compile(r"\b(he|him|his|she|her)\b", re.IGNORECASE)}


def _texts(tree: object, key: str = "report") -> list[tuple[str, str]]:
    if isinstance(tree, dict):
        return [found for name, value in tree.items() for found in _texts(value, f"{key}.{name}")]
    return [(key, str(tree))]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_report_never_calls_a_trainee_he_or_she(lang):
    about_trainees = [(key, text) for key, text in _texts(catalog(lang)["report"])
                      if "deelnemer" in text.casefold() or "trainee" in text.casefold()]
    assert [key for key, text in about_trainees if GENDERED[lang].search(text)] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_spreadsheet_header_is_filled_in(lang):
    from game.workshop.sheet import CHOICE_COLUMNS, COLUMNS

    assert all(Words(lang)(f"sheet.{key}") for key in (*COLUMNS, *CHOICE_COLUMNS))

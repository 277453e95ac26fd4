import pygame
import pytest

from game.ui.fitted_text import ELLIPSIS, layout, wrap
from game.ui.fonts import Fonts
from game.ui.theme import load_theme


@pytest.fixture(scope="module")
def fonts():
    pygame.font.init()
    return Fonts(load_theme())


def test_wrapping_keeps_every_word_in_order(fonts):
    text = "Is het nog steeds uw wens om met ons in zee te gaan, ook na één week?"
    lines = wrap(fonts.get(16), text, 120)
    assert len(lines) > 1
    assert " ".join(lines).split() == text.split()


def test_no_wrapped_line_is_wider_than_the_box(fonts):
    font = fonts.get(16)
    lines = wrap(font, "Supercalifragilisticexpialidocious-inkoopafdelingsmedewerker belt", 80)
    assert all(font.size(line)[0] <= 80 for line in lines)


def test_text_shrinks_before_it_is_cut(fonts):
    text = "Wanneer wilt u zelf een oplossing hebben voor de klachten over de bureaus? " * 2
    block = layout(fonts, text, 300, 60, 24, 9)
    assert not block.cut
    assert block.height <= 60
    assert block.font.get_height() < fonts.get(24).get_height()


def test_text_that_cannot_fit_even_at_the_smallest_size_ends_in_an_ellipsis(fonts):
    block = layout(fonts, "woord " * 400, 100, 30, 16, 12)
    assert block.cut
    assert block.lines[-1].endswith(ELLIPSIS)
    assert block.height <= 30


def test_dutch_diacritics_render(fonts):
    image = fonts.get(20).render("één, reünie, Curaçao", True, (0, 0, 0))
    assert image.get_width() > 0


def test_a_long_word_shrinks_the_text_rather_than_being_broken(fonts):
    block = layout(fonts, "Huidige leveranciers: de stellingleverancier bouwt", 130, 200, 16, 9)
    assert "stellingleverancier" in " ".join(block.lines).split()

import pygame

from game.ui.button import Button
from game.ui.menu import Menu


def _key(key: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)


def test_a_number_key_presses_the_button_with_that_number():
    menu = Menu([Button("a", "A"), Button("b", "B"), Button("c", "C")], numbered=True)
    assert menu.handle(_key(pygame.K_3)) == "c"


def test_arrows_move_the_focus_and_enter_presses_it():
    menu = Menu([Button("a", "A"), Button("b", "B")])
    menu.handle(_key(pygame.K_DOWN))
    assert menu.handle(_key(pygame.K_RETURN)) == "b"


def test_the_focus_skips_a_disabled_button():
    menu = Menu([Button("a", "A"), Button("b", "B", enabled=False), Button("c", "C")])
    menu.handle(_key(pygame.K_DOWN))
    assert menu.focused.key == "c"


def test_a_click_on_a_button_presses_it():
    menu = Menu([Button("a", "A"), Button("b", "B")])
    menu.rects = [pygame.Rect(0, 0, 100, 40), pygame.Rect(0, 50, 100, 40)]
    click = pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(10, 60))
    assert menu.handle(click) == "b"

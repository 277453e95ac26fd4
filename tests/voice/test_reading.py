import pygame

from game.voice.reading import ScreenReading, spoken


def _rect(x, y, w=100, h=30):
    return pygame.Rect(x, y, w, h)


def _menu_frame(reading, focus):
    """A title, two buttons (one focused, its ring drawn before its label) and a hint line."""
    reading.text("Settings", _rect(0, 0, 300))
    for index, label in enumerate(("Text size: normal", "Back")):
        button = _rect(0, 50 + index * 40, 300, 34)
        if index == focus:
            reading.focus(button)
        reading.text(label, button.inflate(-20, -10))
    reading.text("Esc: back", _rect(0, 500, 300))


def test_a_new_screen_is_read_in_the_order_it_is_drawn():
    reading = ScreenReading()
    _menu_frame(reading, focus=0)
    assert reading.news() == ["Settings", "Text size: normal", "Back", "Esc: back"]


def test_what_stays_on_screen_is_not_read_again():
    reading = ScreenReading()
    _menu_frame(reading, focus=0)
    reading.news()
    _menu_frame(reading, focus=0)
    assert reading.news() == []


def test_moving_the_focus_reads_the_button_that_has_it_now():
    reading = ScreenReading()
    _menu_frame(reading, focus=0)
    reading.news()
    _menu_frame(reading, focus=1)
    assert reading.news() == ["Back"]


def test_a_changed_value_on_the_focused_button_is_read():
    reading = ScreenReading()
    _menu_frame(reading, focus=0)
    reading.news()
    reading.focus(_rect(0, 50, 300, 34))
    reading.text("Text size: large", _rect(10, 55, 280, 24))
    assert reading.news() == ["Text size: large"]


def test_a_text_field_is_named_by_the_words_its_scene_gives_the_ring():
    reading = ScreenReading()
    reading.text("Your name", _rect(0, 0))
    reading.focus(_rect(0, 30, 300, 40), alt="Your name: Sam")
    assert reading.news() == ["Your name", "Your name: Sam"]


def test_a_question_drawn_over_the_screen_takes_the_focus_from_it():
    reading = ScreenReading()
    _menu_frame(reading, focus=0)
    reading.news()
    _menu_frame(reading, focus=0)
    reading.layer()
    reading.text("Stop following up?", _rect(10, 55, 280, 24))  # over the focused button below
    reading.focus(_rect(0, 300, 150, 40))
    reading.text("Keep going", _rect(10, 305, 130, 30))
    assert reading.news() == ["Stop following up?", "Keep going"]


def test_text_already_spoken_by_the_buyer_is_not_read_again():
    reading = ScreenReading()
    reading.text("I have not looked at it yet.", _rect(0, 0))
    reading.text("What do you say?", _rect(0, 40))
    assert reading.news(said={"I have not looked at it yet."}) == ["What do you say?"]


def test_after_forgetting_the_whole_screen_is_read_again():
    reading = ScreenReading()
    _menu_frame(reading, focus=0)
    reading.news()
    reading.forget()
    _menu_frame(reading, focus=0)
    assert len(reading.news()) == 4


def test_the_dots_between_hints_and_the_line_breaks_become_pauses():
    assert spoken("Arrows: choose · Enter: confirm\nEsc: quit") == "Arrows: choose. Enter: confirm. Esc: quit"

import pytest

from game.model.moment import Moment
from game.text import with_moment


@pytest.mark.parametrize("text, filled", [("{appointment}. Prima.", "Woensdag om 10:30. Prima."),
                                          ("agenda: {appointment}, bij ons.", "agenda: woensdag om 10:30, bij ons."),
                                          ("Goed. {appointment}?", "Goed. Woensdag om 10:30?"),
                                          ("“{appointment}?”", "“Woensdag om 10:30?”")])
def test_a_named_moment_starts_with_a_capital_only_where_a_sentence_starts(text, filled):
    assert with_moment("nl", text, Moment(3, 630)) == filled


def test_a_named_moment_is_said_in_the_language_asked_for():
    assert with_moment("en", "Shall we speak {appointment}?", Moment(3, 630)) == "Shall we speak Wednesday at 10:30?"


def test_a_text_without_a_moment_to_name_stays_as_written():
    assert with_moment("en", "Shall we speak {appointment}?", None) == "Shall we speak {appointment}?"

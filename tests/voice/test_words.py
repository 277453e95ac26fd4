from game.text import catalog, say
from tests.ui.test_interface_words import _keys


def test_every_speech_text_exists_in_dutch_and_english():
    assert _keys(catalog("nl")["voice"]) == _keys(catalog("en")["voice"])


def test_the_dutch_voicemail_speaks_to_the_caller_as_u():
    line = say("nl", "voice.voicemail", name="Sanne Vermeulen")
    assert " u " in f" {line} " and " je " not in f" {line} "

"""The words speech says (every text exists in both languages: tests/text)."""

from game.text import say


def test_the_dutch_voicemail_speaks_to_the_caller_as_u():
    line = say("nl", "voice.voicemail", name="Sanne Vermeulen")
    assert " u " in f" {line} " and " je " not in f" {line} "

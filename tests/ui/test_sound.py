from game.ui.sound import Sounds


def test_the_phone_ring_is_made_by_our_own_code_and_lasts_about_two_seconds():
    sounds = Sounds.open(volume=0.1, rate=22050)
    if not sounds.available:
        return  # no audio at all here: silence is the behaviour, tested in tests/scenes
    assert 1.5 < sounds._sound("ring").get_length() < 2.5


def test_switched_off_sound_plays_nothing():
    sounds = Sounds.open(volume=0.1, rate=22050)
    sounds.enabled = False
    sounds.play("ring")
    assert "ring" not in sounds.sounds


def test_a_machine_without_a_sound_card_prepares_silence_without_failing():
    sounds = Sounds.silent()
    sounds.prepare()
    sounds.play("ring")
    assert sounds.sounds == {}

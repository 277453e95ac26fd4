from types import SimpleNamespace

from game.scenario.appearance import FEMALE, MALE
from game.voice.casting import Part, SystemVoice, cast, system_voice

# A system with Dutch and English voices, of both genders and some ages, and a child's voice.
VOICES = (
    SystemVoice("nl", "Dutch", ("nl",), MALE),
    SystemVoice("nl+f2", "Dutch f2", ("nl",), FEMALE),
    SystemVoice("nl+f3", "Dutch f3", ("nl",), FEMALE),
    SystemVoice("nl+f1", "Dutch f1", ("nl",), FEMALE, 70),
    SystemVoice("nl+m8", "Dutch m8", ("nl",), MALE, 50),
    SystemVoice("nl+m1", "Dutch m1", ("nl",), MALE, 70),
    SystemVoice("en", "English", ("en",), MALE),
    SystemVoice("en-child", "English child", ("en",), FEMALE, 10),
)


def test_a_woman_buyer_gets_a_womans_voice_in_her_language():
    voice = cast(VOICES, Part("Sanne Vermeulen", "nl", "vrouw van in de veertig, kort grijs haar"), default="en")
    assert (voice.gender, voice.languages) == (FEMALE, ("nl",))


def test_a_man_in_his_sixties_gets_the_oldest_mans_voice():
    assert cast(VOICES, Part("Henk", "nl", "man van in de zestig, grijze baard")).id == "nl+m1"


def test_a_man_in_his_fifties_gets_the_voice_of_a_man_of_fifty():
    assert cast(VOICES, Part("Joost", "nl", "man in his fifties, blue work jacket")).id == "nl+m8"


def test_the_same_buyer_gets_the_same_voice_every_time():
    part = Part("Femke de Wit", "nl", "woman in her late forties")
    assert len({cast(list(reversed(VOICES)) if i % 2 else VOICES, part).id for i in range(6)}) == 1


def test_women_of_the_same_age_are_shared_over_the_fitting_voices():
    women = {cast(VOICES, Part(name, "nl", "vrouw van in de dertig")).id for name in ("Anna", "Bea", "Carla", "Dana",
                                                                                      "Eva", "Fleur", "Greet")}
    assert women == {"nl+f2", "nl+f3"}


def test_a_hint_without_gender_gets_the_languages_default_voice():
    assert cast(VOICES, Part("Bas from reception", "nl"), default="en").id == "nl"


def test_the_systems_default_voice_is_the_default_when_it_speaks_the_language():
    assert cast(VOICES, Part("", "nl"), default="nl+m8").id == "nl+m8"


def test_a_child_voice_is_never_cast_for_a_buyer():
    assert cast(VOICES, Part("Karin", "en", "woman in her thirties")).id == "en"


def test_a_language_the_system_cannot_speak_gets_a_fitting_voice_of_another():
    voice = cast(VOICES, Part("Claire", "fr", "woman in her forties"), default="en")
    assert voice.gender == FEMALE and voice.age != 10


def test_a_colleague_gets_another_voice_than_the_buyer_when_the_language_has_one():
    assert cast(VOICES, Part("Bas", "nl"), default="nl", avoid="nl").id != "nl"


def test_a_colleague_keeps_the_language_even_when_only_the_buyers_voice_speaks_it():
    assert cast(VOICES, Part("Bas", "en"), default="en", avoid="en").id == "en"


def test_no_voices_at_all_cast_nobody():
    assert cast((), Part("Sanne", "nl", "vrouw")) is None


def test_each_drivers_way_of_describing_a_voice_is_understood():
    sapi = SimpleNamespace(id="HKEY\\Frank", name="Microsoft Frank", languages=["nl-NL"], gender="Male", age="Adult")
    nsss = SimpleNamespace(id="com.apple.Ellen", name="Ellen", languages=["nl_BE"], gender="VoiceGenderFemale",
                           age=35)
    espeak = SimpleNamespace(id="gmw/nl", name="Dutch", languages=["nl"], gender="Male", age=None)
    assert [(v.languages, v.gender, v.age) for v in map(system_voice, (sapi, nsss, espeak))] == [
        (("nl",), MALE, 40), (("nl",), FEMALE, 35), (("nl",), MALE, None)]

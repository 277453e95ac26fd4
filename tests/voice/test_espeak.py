"""The real engine on this machine: espeak-ng through pyttsx3 (`.ci/run` installs espeak-ng), played by the mixer."""

import time
import wave
from array import array

import pygame
import pytest

from game.voice.casting import Part
from game.voice.engine import Engine, EngineMissing, Utterance
from tests.scenes.driving import press, to_week
from tests.voice.conftest import said

LINE = "Good afternoon, this is Sanne Vermeulen. I have not had the time to read your quote yet, I am afraid."
WORDS = len(LINE.split())


@pytest.fixture(scope="module")
def espeak():
    try:
        return Engine.open(None)  # the system's engine: espeak-ng on Linux
    except EngineMissing as missing:
        pytest.fail(f"no speech engine ({missing}); install espeak-ng (.ci/run does: apt-get install espeak-ng)")


def _render(engine, tmp_path, rate=175, part=None, text=LINE):
    part = part or Part("", "en")
    path = tmp_path / f"line-{rate}-{part.name or 'narrator'}.wav"
    assert engine.render(engine.cast(Utterance(text, part, rate)), path, "test")
    return path


def _seconds(path) -> float:
    with wave.open(str(path)) as sound:
        return sound.getnframes() / sound.getframerate()


def _samples(path) -> array:
    with wave.open(str(path)) as sound:
        assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
        return array("h", sound.readframes(sound.getnframes()))


def test_the_system_engine_here_is_espeak_ng(espeak):
    assert espeak.driver == "espeak"


def test_a_line_spoken_to_a_file_lasts_as_long_as_its_words_take(espeak, tmp_path):
    seconds = _seconds(_render(espeak, tmp_path))
    assert WORDS / 175 * 60 * 0.6 < seconds < WORDS / 175 * 60 * 1.8  # about 6 s: 18 words at 175 a minute


def test_a_line_spoken_to_a_file_is_speech_not_silence(espeak, tmp_path):
    samples = _samples(_render(espeak, tmp_path))
    loud = sum(1 for value in samples if abs(value) > 1000)
    assert loud > len(samples) * 0.2


def test_the_slow_speed_takes_longer_than_the_fast_one(espeak, tmp_path):
    assert _seconds(_render(espeak, tmp_path, rate=140)) > 1.3 * _seconds(_render(espeak, tmp_path, rate=220))


def test_a_woman_buyer_is_cast_one_of_espeak_ngs_female_voices_in_her_language(espeak):
    voice = espeak.cast(Utterance(LINE, Part("Sanne Vermeulen", "nl", "vrouw van in de veertig"))).voice
    assert voice.startswith("gmw/nl+f")


def _pitch(samples: array, rate: int = 22050) -> float:
    """The voice's usual pitch in Hz: the median over loud stretches of the lag that best repeats the sound."""
    frame, found = 1024, []
    for start in range(0, len(samples) - frame, frame * 4):
        chunk = samples[start:start + frame]
        if sum(value * value for value in chunk) < frame * 2000 ** 2:
            continue
        lag = max(range(rate // 400, rate // 70),
                  key=lambda lag: sum(chunk[i] * chunk[i + lag] for i in range(frame - lag)))
        found.append(rate / lag)
    return sorted(found)[len(found) // 2]


def test_a_woman_buyer_sounds_higher_than_the_default_voice(espeak, tmp_path):
    woman = _pitch(_samples(_render(espeak, tmp_path, part=Part("Sanne Vermeulen", "en", "woman in her forties"))))
    default = _pitch(_samples(_render(espeak, tmp_path)))
    assert woman > 1.4 * default


def _playing_line(app, line, timeout=10.0):
    speaker = app.look.speech.speaker
    end = time.monotonic() + timeout
    while not (speaker.said and speaker.said[-1].text == line and speaker.playback.playing):
        assert time.monotonic() < end, "the buyer's line was never played"
        time.sleep(0.005)
    return time.monotonic()


def test_the_buyer_falls_silent_mid_sentence_when_the_trainee_answers(speaking_app, espeak, tmp_path):
    app = speaking_app(driver=None, sound=True, speech=True)  # espeak-ng, and the mixer on SDL's dummy device
    to_week(app)
    while app.flow.session.play.phase != "in_call":
        press(app, pygame.K_RETURN, times=3)
    line = app.flow.session.play.buyer_line
    started = _playing_line(app, line)
    press(app, pygame.K_1)
    reply = app.flow.session.play.turns[-1].reply
    _playing_line(app, reply)
    cut_after = time.monotonic() - started
    heard = [text for text, _ in said(app)]
    assert heard[-2:] == [line, reply]
    assert cut_after < _seconds(_render(espeak, tmp_path, part=Part("", "en"), text=line)) - 1.0


def test_the_buyer_speaks_on_while_the_trainee_looks_over_the_phrasings(speaking_app):
    app = speaking_app(driver=None, sound=True, speech=True)
    to_week(app)
    while app.flow.session.play.phase != "in_call":
        press(app, pygame.K_RETURN, times=3)
    _playing_line(app, app.flow.session.play.buyer_line)
    press(app, pygame.K_DOWN, times=2)
    time.sleep(0.3)
    assert app.look.speech.speaker.playback.playing

"""Reading the buyer: asked once, at the moment the scenario chooses, and never part of the score."""

from dataclasses import replace

import pytest

from game.model.moment import Moment
from game.model.motive import Motive
from game.model.playthrough import Playthrough
from game.model.reading import MATCHED, Confidence, ReadAt, calibration

MON_0900, MON_1000, TUE_1400 = Moment(1, 540), Moment(1, 600), Moment(2, 840)


def reading_at(scenario, when):
    return Playthrough.start(replace(scenario, read_the_buyer=when), 0, clock=lambda: 5.0)


def test_no_reading_is_asked_before_the_buyer_was_heard(tiny):
    play = reading_at(tiny, ReadAt.FIRST_CALL)
    play.contact(MON_0900, "call")  # the colleague answers
    assert not play.reading_due


def test_the_reading_is_asked_once_the_first_call_that_got_through_is_over(tiny):
    play = reading_at(tiny, ReadAt.FIRST_CALL)
    play.contact(MON_1000, "call")
    assert not play.reading_due  # still on the phone
    play.choose(1)  # "Fine, I will call next week": the call ends
    assert play.reading_due


def test_the_reading_is_asked_only_once_a_game(tiny):
    play = reading_at(tiny, ReadAt.FIRST_CALL)
    play.contact(MON_1000, "call")
    play.choose(1)
    play.read(Motive.POLITE_NO, Confidence.GUESS)
    assert not play.reading_due
    with pytest.raises(ValueError):
        play.read(Motive.REAL_INTEREST, Confidence.SURE)


def test_a_reading_at_a_decision_point_is_asked_right_after_the_buyer_answered_there(tiny):
    play = reading_at(tiny, "open")
    play.contact(MON_1000, "call")
    play.choose(0)  # the call goes on to 'next'
    assert play.reading_due


def test_a_reading_at_a_later_decision_point_waits_for_it(tiny):
    play = reading_at(tiny, "next")
    play.contact(MON_1000, "call")
    play.choose(0)
    assert not play.reading_due


def test_a_reading_at_the_end_waits_for_the_end(tiny):
    play = reading_at(tiny, ReadAt.END)
    play.contact(MON_1000, "call")
    play.choose(1)
    assert not play.reading_due
    play.finish()
    assert play.reading_due


def test_a_game_that_ends_before_the_chosen_moment_asks_at_its_end(tiny):
    play = reading_at(tiny, "next")
    play.contact(MON_1000, "call")
    play.choose(1)  # the call ended before 'next'
    play.finish()
    assert play.reading_due


def test_a_scenario_that_says_never_never_asks(tiny):
    play = reading_at(tiny, ReadAt.NEVER)
    play.contact(MON_1000, "call")
    play.choose(1)
    play.finish()
    assert not play.reading_due


def test_a_reading_keeps_when_it_was_made(tiny):
    play = reading_at(tiny, ReadAt.FIRST_CALL)
    play.contact(MON_1000, "call")
    play.choose(1)
    reading = play.read("price_lever", "fairly_sure")
    assert (reading.motive, reading.confidence, reading.after, reading.wall_time) == \
        (Motive.PRICE_LEVER, Confidence.FAIRLY_SURE, 2, 5.0)


@pytest.mark.parametrize("guess", list(Motive))
def test_the_reading_does_not_change_the_score_or_the_turns(tiny, guess):
    def played(read: bool) -> Playthrough:
        play = Playthrough.start(tiny, 7, clock=lambda: 0.0)
        play.contact(MON_1000, "call")
        play.choose(0)
        if read:
            play.read(guess, Confidence.SURE)
        play.choose(0)
        play.contact(TUE_1400, "call")
        play.finish()
        return play

    without, with_reading = played(False), played(True)
    assert with_reading.turns == without.turns and with_reading.score == without.score
    assert with_reading.deal.stage == without.deal.stage and with_reading.rng.random() == without.rng.random()


def test_calibration_counts_per_confidence_step_how_often_the_reading_was_right():
    tally = calibration([("guess", False), ("guess", True), ("sure", True), ("sure", True), ("sure", False)])
    assert (tally[Confidence.GUESS].right, tally[Confidence.GUESS].total) == (1, 2)
    assert tally[Confidence.SURE].share == pytest.approx(2 / 3)
    assert tally[Confidence.FAIRLY_SURE].share is None


def test_a_matched_confidence_rises_from_chance_to_always():
    assert [MATCHED[step] for step in Confidence] == sorted(MATCHED.values())
    assert MATCHED[Confidence.GUESS] == 1 / len(Motive) and MATCHED[Confidence.SURE] == 1.0


def test_a_skipped_reading_is_not_asked_again(tiny):
    play = reading_at(tiny, ReadAt.FIRST_CALL)
    play.contact(MON_1000, "call")
    play.choose(1)
    play.skip_reading()
    play.finish()
    assert not play.reading_due and play.reading is None

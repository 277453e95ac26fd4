"""Practice what you missed: which moments come back, when, and in what situation."""

from __future__ import annotations

import pytest

from game.model.moment import Moment
from game.model.playthrough import Phase, Playthrough
from game.model.spacing import DAY
from game.practice import due, moments, set_again, well_answered
from game.workshop.journal import Journal

START = 1_790_000_000.0
MON_1000 = Moment(1, 600)


def recorded(journal: Journal, scenario, choice: int, when: float = START, seed: int = 3) -> Playthrough:
    """A game in which the trainee got through and said phrasing `choice` at the first decision point."""
    play = Playthrough.start(scenario, seed, clock=lambda: when)
    play_id = journal.begin(play, "Kim", "", seed)
    play.contact(MON_1000, "call")
    play.choose(choice)
    play.finish()
    journal.finish(play_id, play)
    return play


@pytest.fixture
def journal(tmp_path):
    with Journal.open(tmp_path / "results.sqlite") as opened:
        yield opened


def found(journal, tiny, practised=()):
    return moments(journal.said("Kim"), practised, {"tiny.en.yaml": tiny})


def test_a_prolonging_phrasing_where_a_better_one_was_there_comes_back_after_a_day(journal, tiny):
    recorded(journal, tiny, choice=1)  # "Fine, I will call next week."
    [missed] = found(journal, tiny)
    assert (missed.call_id, missed.point_id) == ("first", "open")
    assert due([missed], START + 0.9 * DAY) == [] and due([missed], START + DAY) == [missed]


def test_a_phrasing_that_moved_the_deal_does_not_come_back(journal, tiny):
    recorded(journal, tiny, choice=0)
    assert found(journal, tiny) == []


def test_a_moment_of_a_scenario_that_cannot_be_found_is_left_out(journal, tiny):
    recorded(journal, tiny, choice=1)
    assert moments(journal.said("Kim"), [], {}) == []


def test_the_moment_comes_back_in_the_situation_of_the_game_it_was_missed_in(journal, tiny):
    original = recorded(journal, tiny, choice=1, seed=11)
    [missed] = found(journal, tiny)
    play = set_again(missed, journal.actions_of(missed.last_miss.play_uuid))
    assert play.phase == Phase.IN_CALL and play.point.id == "open" and play.motive == original.motive
    assert play.buyer_line == original.scenario.call("first").point("open").buyer_line(original.motive)
    assert play.deal.stage == original.turns[1].change.stage_before and play.turns[0].moment == original.turns[0].moment


def test_a_good_answer_in_practice_moves_the_moment_on_to_three_days(journal, tiny):
    recorded(journal, tiny, choice=1)
    [missed] = found(journal, tiny)
    play = set_again(missed, journal.actions_of(missed.last_miss.play_uuid))
    turn = play.choose(0)
    assert well_answered(play, turn)

    class Answer:
        scenario_key, call_id, point_id, good, wall_time = "tiny.en.yaml", "first", "open", True, START + DAY

    [again] = found(journal, tiny, [Answer()])
    assert again.spacing.step == 1 and not again.spacing.is_due(START + 3.9 * DAY) and again.spacing.is_due(
        START + 4 * DAY)


def test_a_later_game_that_misses_the_moment_again_sets_it_back_to_a_day_from_then(journal, tiny):
    recorded(journal, tiny, choice=1, when=START)
    recorded(journal, tiny, choice=2, when=START + 2 * DAY, seed=4)  # "What matters most to you?"
    [missed] = found(journal, tiny)
    assert missed.spacing.due == START + 3 * DAY and missed.last_miss.choice == 2


def test_a_run_holds_the_moments_due_longest_first_and_stays_short(journal, tiny):
    recorded(journal, tiny, choice=1)
    [missed] = found(journal, tiny)
    assert due([missed] * 9, START + 5 * DAY, most=5) == [missed] * 5

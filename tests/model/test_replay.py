"""The same week again from one turn (game.model.replay): it is the same week, and the luck is the week's."""

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.luck import InTurn, OfTheWeek, moment_draw
from game.model.moment import Moment
from game.model.playthrough import Phase, Playthrough
from game.model.replay import OwnChoices, from_the_turn, play_on, replayable, same_week, stronger_phrasing
from game.model.turn import Channel
from game.scenario.load import load_scenario

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.en.yaml"))
SCENARIOS = {path.name: load_scenario(path) for path in SHIPPED}
MON_1000, MON_1400, MON_1500 = Moment(1, 600), Moment(1, 840), Moment(1, 900)
TUE_1400, WED_1000 = Moment(2, 840), Moment(3, 600)


def bot_game(name: str, seed: int, strategy: str) -> Playthrough:
    return play_out(Playthrough.start(SCENARIOS[name], seed, clock=lambda: 0.0), Strategy(strategy, bot_rng(seed)))


def advance(seed: int = 0):
    return lambda: Strategy("advance", bot_rng(seed))


class Refuses:
    """A player that must never be asked: every choice should have been the trainee's own."""

    def contact(self, play):
        raise AssertionError(f"asked for a contact at {play.now}")

    def phrasing(self, play):
        raise AssertionError(f"asked for a phrasing at {play.point.id}")


games = st.tuples(st.sampled_from(sorted(SCENARIOS)), st.integers(0, 100_000), st.sampled_from(["random", "prolong"]))
replays = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def with_rules(scenario, **changes):
    return replace(scenario, rules=replace(scenario.rules, **changes))


# --- the same week ------------------------------------------------------------------------------

@replays
@given(games)
def test_a_replay_meets_the_same_turns_motive_and_draws_up_to_the_turn(game):
    play = bot_game(*game)
    for turn, choice in replayable(play):
        week = from_the_turn(play, play.seed, turn, choice)
        before = turn.number - 1
        assert week.turns[:before] == play.turns[:before]
        assert week.motive == play.motive
        assert ({m: d for m, d in week.drawn.items() if m < turn.moment}
                == {m: d for m, d in play.drawn.items() if m < turn.moment})


@replays
@given(games)
def test_the_trainees_own_phrasing_and_later_choices_on_the_weeks_dice_give_the_trainees_own_week(game):
    play = bot_game(*game)
    for turn in play.turns:
        if turn.choice < 0:
            continue
        week = from_the_turn(play, play.seed, turn, turn.choice)
        play_on(week, OwnChoices(play.turns[turn.number:], Refuses(), stops=play.stopped))
        assert week.turns == play.turns and week.score == play.score


@replays
@given(games)
def test_both_ways_on_meet_the_same_draw_at_the_same_moment_and_the_trainees_where_the_trainee_rang(game):
    play = bot_game(*game)
    for turn, _ in replayable(play):
        week = same_week(play, turn, advance(play.seed))
        shared = week.own.drawn.keys() & week.strong.drawn.keys()
        assert all(week.own.drawn[m] == week.strong.drawn[m] for m in shared)
        for branch in (week.own, week.strong):
            assert all(branch.drawn[m] == play.drawn[m] for m in branch.drawn.keys() & play.drawn.keys())


@replays
@given(games)
def test_both_ways_on_meet_the_same_claims_of_the_buyers_week_at_the_same_moment(game):
    play = bot_game(*game)
    for turn, _ in replayable(play):
        week = same_week(play, turn, advance(play.seed))
        met = {}
        for branch in (play, week.own, week.strong):
            for made in branch.turns:
                if made.channel == Channel.CALL and made.kind == "contact":
                    assert met.setdefault(made.moment, made.claim_who) == made.claim_who or made.claim_who == ""


def test_a_way_on_that_leaves_out_a_call_the_trainee_made_meets_the_trainees_draw_at_their_next(tiny):
    scenario = with_rules(tiny, answer_chance=0.5)
    play = Playthrough.start(scenario, 1, clock=lambda: 0.0)
    assert play.contact(MON_1000).outcome == "through"
    turn = play.choose(1)  # "Fine, I will call next week.": the call ends
    play.contact(Moment(1, 630))
    play.contact(MON_1400)
    play.finish()
    week = from_the_turn(play, 1, turn, 0)
    # Without the 10:30 call: one call fewer before 14:00, so one draw fewer from a stream.
    play_on(week, OwnChoices(play.turns[turn.number + 1:], Strategy("prolong", bot_rng(1)), stops=True))
    assert MON_1400 in week.drawn and week.drawn[MON_1400] == play.drawn[MON_1400]


def test_in_turn_dice_would_give_the_same_moment_another_draw_once_a_choice_changed(tiny):
    """Why the week has its own dice: with one stream, a call the other way does not make shifts every later draw."""
    scenario = with_rules(tiny, answer_chance=0.5)
    one, other = Playthrough.start(scenario, 0), Playthrough.start(scenario, 0)
    assert one.contact(MON_1000).outcome == "voicemail_free"  # a call the other game does not make
    one.contact(MON_1400)
    other.contact(MON_1400)
    assert one.drawn[MON_1400] != other.drawn[MON_1400]


def test_the_weeks_dice_give_each_moment_one_draw_whatever_came_before():
    dice = OfTheWeek(11, {})
    assert dice.draw(MON_1400) == dice.draw(MON_1400) == moment_draw(11, MON_1400)
    assert dice.draw(MON_1400) != dice.draw(MON_1500)


def test_the_weeks_dice_give_a_moment_the_trainee_rang_at_what_it_gave_the_trainee():
    assert OfTheWeek(11, {MON_1400: 0.25}).draw(MON_1400) == 0.25


def test_a_moments_draw_is_the_same_in_every_process_and_on_every_machine():
    assert moment_draw(0, Moment(1, 600)) == 0.4939848360534549


def test_a_game_is_still_played_with_its_own_stream_in_turn():
    play = Playthrough.start(SCENARIOS["three-quotes.en.yaml"], 5)
    assert isinstance(play.dice, InTurn) and play.dice.rng is play.rng


# --- the stronger phrasing, and what follows it ---------------------------------------------------

def test_a_prolonging_phrasing_with_a_stronger_one_is_replayed_with_it(tiny):
    play = Playthrough.start(tiny, 0, clock=lambda: 0.0)
    play.contact(MON_1000)
    turn = play.choose(1)  # "Fine, I will call next week."
    assert turn.verdict == "voortgang" and stronger_phrasing(play, turn) == 0


def test_a_phrasing_that_was_the_strongest_is_not_replayed(tiny):
    play = Playthrough.start(tiny, 0, clock=lambda: 0.0)
    play.contact(MON_1000)
    assert stronger_phrasing(play, play.choose(0)) is None


def test_a_contact_is_not_replayed(tiny):
    play = Playthrough.start(tiny, 0, clock=lambda: 0.0)
    assert stronger_phrasing(play, play.contact(Moment(1, 660))) is None


def test_a_game_without_a_seed_cannot_be_replayed(tiny):
    play = Playthrough.start(tiny, 0, clock=lambda: 0.0)
    play.contact(MON_1000)
    turn = play.choose(1)
    play.seed = None
    assert replayable(play) == []
    with pytest.raises(ValueError, match="without a seed"):
        same_week(play, turn, advance())


def week_with_a_prolonging_turn(tiny):
    """Monday 10:00 through, "I will call next week" (the call ends), Monday 14:00 and 15:00 through again."""
    play = Playthrough.start(tiny, 0, clock=lambda: 0.0)
    play.contact(MON_1000)
    turn = play.choose(1)
    play.contact(MON_1400)
    play.choose(1)
    play.contact(MON_1500)
    play.choose(2)
    play.finish()
    return play, turn


def test_the_own_way_makes_the_trainees_later_contact_and_says_what_they_said_where_they_were(tiny):
    play, turn = week_with_a_prolonging_turn(tiny)
    # The stronger phrasing reveals the position; at 'next' in the same call the trainee never was: the bot chooses.
    week = from_the_turn(play, 0, turn, 0)
    own = OwnChoices(play.turns[turn.number:], Strategy("prolong", bot_rng(0)), stops=True)
    play_on(week, own)
    contacts = [t.moment for t in week.turns if t.kind == "contact"]
    assert contacts[:3] == [MON_1000, MON_1400, MON_1500] and own.applied >= 2 and own.filled >= 1


def test_a_later_contact_already_past_is_left_out(tiny):
    play, turn = week_with_a_prolonging_turn(tiny)
    own = OwnChoices(play.turns[turn.number:], Refuses(), stops=True)
    week = Playthrough.start(tiny, 0, clock=lambda: 0.0)
    week.contact(Moment(1, 870))  # 14:30: the trainee's 14:00 call is past
    week.choose(1)
    assert own.contact(week) == (MON_1500, Channel.CALL)


def test_a_trainee_who_stopped_stops_once_their_own_contacts_are_spent(tiny):
    play, _ = week_with_a_prolonging_turn(tiny)
    assert play.stopped
    own = OwnChoices([], Refuses(), stops=True)
    assert own.contact(play) is None


def test_a_trainee_whose_week_ran_out_is_followed_by_then_once_their_own_contacts_are_spent(tiny):
    own = OwnChoices([], Strategy("advance", bot_rng(0)), stops=False)
    play = Playthrough.start(tiny, 0, clock=lambda: 0.0)
    assert own.contact(play) is not None and own.filled == 1


def test_the_strong_way_says_the_stronger_phrasing_there_and_then_what_the_bot_chooses(tiny):
    play, turn = week_with_a_prolonging_turn(tiny)
    week = same_week(play, turn, advance())
    said = [t for t in week.strong.turns[turn.number - 1:] if t.kind == "phrasing"]
    assert said[0].choice == 0 and all(t.aim == "advance" for t in said) and week.strong.phase == Phase.ENDED


def test_what_the_turn_cost_is_the_own_ways_score_beyond_the_trainees(tiny):
    play, turn = week_with_a_prolonging_turn(tiny)
    week = same_week(play, turn, advance())
    assert week.cost == week.own.score.total - play.score.total and week.cost > 0


def test_the_same_week_is_replayed_the_same_each_time():
    play = bot_game("one-more-question.en.yaml", 194, "random")
    turn, _ = replayable(play)[0]
    first, second = same_week(play, turn, advance(194)), same_week(play, turn, advance(194))
    assert first.own.turns == second.own.turns and first.strong.turns == second.strong.turns

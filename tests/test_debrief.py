from pathlib import Path

from game.bots.strategy import Strategy, bot_rng, play_out
from game.debrief import debrief, what_it_cost
from game.model.moment import Moment
from game.model.motive import Motive
from game.model.playthrough import Playthrough
from game.model.replay import replayable, same_week
from game.scenario.load import load_scenario
from game.text import day_label

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"

MON_0900, MON_1000 = Moment(1, 540), Moment(1, 600)


def played(tiny, *choices, at=MON_1000):
    play = Playthrough.start(tiny, 0, clock=lambda: 0.0)
    play.contact(at, "call")
    for choice in choices:
        play.choose(choice)
    return play


def test_the_debrief_names_the_phrasing_that_would_have_moved_the_deal(tiny):
    line = debrief(played(tiny, 1)).lines[1]
    assert line.verdict == "voortgang" and line.better == "Is working with us still what you want?"


def test_the_debrief_suggests_nothing_when_the_best_phrasing_was_chosen(tiny):
    assert debrief(played(tiny, 0)).lines[1].better == ""


def test_the_debrief_shows_the_verdicts_the_model_computed(tiny):
    play = played(tiny, 0, 1)
    assert [line.verdict for line in debrief(play).lines] == [t.verdict for t in play.turns]


def test_the_debrief_explains_a_blocked_call_by_the_ladder(tiny):
    play = Playthrough.start(tiny, 0)
    play.contact(MON_0900, "call")
    assert any("The boss ranks above you" in reason for reason in debrief(play).lines[0].reasons)


def test_the_debrief_explains_that_an_email_backfires(tiny):
    play = Playthrough.start(tiny, 0)
    play.contact(MON_1000, "email")
    assert any("next call gets harder" in reason for reason in debrief(play).lines[0].reasons)


def test_the_debrief_reveals_the_hidden_motive_in_the_scenarios_language(tiny):
    assert debrief(played(tiny, 0)).motive_name == "Internal blocker"


def test_the_debrief_score_is_the_playthroughs_score(tiny):
    play = played(tiny, 0, 0)
    assert debrief(play).score == play.score.total


def test_day_eight_is_named_as_the_monday_after():
    from game.text import day_name

    assert day_name("nl", 8) == "maandag"


# --- what a turn cost: the same week replayed -----------------------------------------------

def said_next_week(tiny):
    """A prolonging turn ("I will call next week"), then two more calls of the trainee's own, then a stop."""
    play = played(tiny, 1)
    turn = play.turns[-1]
    play.contact(Moment(1, 840), "call")
    play.choose(1)
    play.contact(Moment(1, 900), "call")
    play.choose(2)
    play.finish()
    return play, turn


def advance_bot(seed):
    return lambda: Strategy("advance", bot_rng(seed))


def test_what_a_prolonging_turn_cost_is_told_in_terms_of_the_deal_and_the_points(tiny):
    play, turn = said_next_week(tiny)
    week = same_week(play, turn, advance_bot(0))
    told = what_it_cost(play, turn, "en")
    assert told.startswith("With the stronger phrasing here and your own later choices, the same week ended with "
                           "the real position known") and f": {week.cost} points more than yours." in told


def test_what_a_turn_cost_is_told_in_dutch_too(tiny):
    play, turn = said_next_week(tiny)
    told = what_it_cost(play, turn, "nl")
    assert told.startswith("Met de sterkere formulering hier en uw eigen latere keuzes eindigde dezelfde week met de "
                           "echte positie op tafel") and "punten meer dan de uwe." in told


def test_the_strong_way_is_told_only_where_it_ended_otherwise_than_the_own_way(tiny):
    play, turn = said_next_week(tiny)
    week = same_week(play, turn, advance_bot(0))
    told = what_it_cost(play, turn, "en")
    assert week.strong.score.total != week.own.score.total
    assert f"Choosing what moves the deal from there on, it ended with the real position known, and no step kept: " \
           f"{week.strong.score.total - play.score.total} points more than yours." in told


def test_a_turn_whose_replay_would_have_ended_the_week_as_it_did_says_so():
    scenario = load_scenario(SCENARIOS / "two-minutes.en.yaml")
    for seed in range(60):
        play = play_out(Playthrough.start(scenario, seed, clock=lambda: 0.0), Strategy("random", bot_rng(seed)))
        for turn, _ in replayable(play):
            week = same_week(play, turn, advance_bot(seed))
            if (week.own.ending, week.own.score, week.own.turns[-1].moment) == \
                    (play.ending, play.score, play.turns[-1].moment) and week.strong.score == play.score:
                assert what_it_cost(play, turn, "en") == ("With the stronger phrasing here and your own later "
                                                          "choices, the same week would have ended just as yours did.")
                return
    raise AssertionError("no turn in 60 weeks whose replay ended alike")


def test_an_order_in_the_replay_names_the_day_it_came(tiny):
    play = played(tiny, 0, 1)  # the position revealed, then "Let us rethink the whole thing": the sale reopened
    turn = play.turns[-1]
    play.finish()
    told = what_it_cost(play, turn, "en")
    week = same_week(play, turn, advance_bot(0))
    assert week.own.ending in ("order", "clear_no")
    assert f"on {day_label('en', week.own.turns[-1].moment.day)}" in told


def test_a_turn_with_no_stronger_phrasing_has_no_cost_to_tell(tiny):
    play = played(tiny, 0)
    assert what_it_cost(play, play.turns[-1]) == "" and what_it_cost(play, play.turns[0]) == ""


def test_a_game_without_a_seed_has_no_cost_to_tell(tiny):
    play, turn = said_next_week(tiny)
    play.seed = None
    assert what_it_cost(play, turn) == ""


def test_the_debrief_itself_replays_nothing(tiny, monkeypatch):
    """The reaching scene asks for the debrief after every contact: the replays wait until a turn is shown."""
    monkeypatch.setattr("game.debrief.same_week", lambda *args: (_ for _ in ()).throw(AssertionError("replayed")))
    play, _ = said_next_week(tiny)
    assert debrief(play).lines


def ended(name, motive, ending, strategy):
    """The first game of a shipped scenario with `motive` forced that ends in `ending`."""
    scenario = load_scenario(SCENARIOS / name)
    for seed in range(500):
        play = play_out(Playthrough.start(scenario, seed, clock=lambda: 0.0, motive=motive),
                        Strategy(strategy, bot_rng(seed)))
        if play.ending == ending:
            return play
    raise AssertionError(f"no game of {name} ended in {ending}")


def test_a_clear_no_from_a_polite_no_reads_as_the_renewal_decided_not_as_a_price_lever():
    told = debrief(ended("three-quotes.en.yaml", Motive.POLITE_NO, "clear_no", "advance"))
    assert told.ending_title == "A renewal decided long ago" and "price" not in told.ending_text


def test_a_week_strung_along_by_an_internal_blocker_is_not_called_a_polite_no():
    told = debrief(ended("polite-no.en.yaml", Motive.INTERNAL_BLOCKER, "strung_along", "prolong"))
    assert "polite no" not in told.ending_text and "Someone else was holding it up" in told.ending_text

from game.debrief import debrief
from game.model.moment import Moment
from game.model.playthrough import Playthrough

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

from game.model.deal import Stage
from game.model.ending import EndingKind
from game.model.following import what_follows


def test_a_phrasing_without_next_leads_to_the_decision_point_written_below_it(tiny):
    call = tiny.calls[0]
    assert what_follows(call, "open", None, Stage.REACHED).point == "next"


def test_next_leads_to_the_decision_point_it_names(tiny):
    call = tiny.calls[0]
    assert what_follows(call, "next", "open", Stage.POSITION_KNOWN).point == "open"


def test_next_end_ends_the_call_and_not_the_game(tiny):
    following = what_follows(tiny.calls[0], "open", "end", Stage.REACHED)
    assert following.call_ends and following.ending is None


def test_the_last_decision_point_of_a_call_ends_it(tiny):
    call = tiny.calls[0]
    assert what_follows(call, call.points[-1].id, None, Stage.POSITION_KNOWN).call_ends


def test_a_closed_deal_ends_the_call_and_the_game_whatever_next_says(tiny):
    following = what_follows(tiny.calls[0], "open", "next", Stage.CLEAR_NO)
    assert following.call_ends and following.ending == EndingKind.CLEAR_NO

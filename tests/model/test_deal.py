import pytest

from game.model.deal import CLEAR_NO, ORDER, POSITION_KNOWN, QUOTE_SENT, REACHED, STEP_AGREED, Deal

ALLOWED = [
    (QUOTE_SENT, "reach", REACHED),
    (REACHED, "reveal", POSITION_KNOWN),
    (REACHED, "agree_step", STEP_AGREED),
    (POSITION_KNOWN, "agree_step", STEP_AGREED),
    (REACHED, "order", ORDER),
    (POSITION_KNOWN, "order", ORDER),
    (STEP_AGREED, "order", ORDER),
    (QUOTE_SENT, "decline", CLEAR_NO),
    (REACHED, "decline", CLEAR_NO),
    (POSITION_KNOWN, "decline", CLEAR_NO),
    (STEP_AGREED, "decline", CLEAR_NO),
    (POSITION_KNOWN, "reopen", REACHED),
    (STEP_AGREED, "reopen", REACHED),
]


@pytest.mark.parametrize(("start", "move", "end"), ALLOWED, ids=[f"{s} --{m}--> {e}" for s, m, e in ALLOWED])
def test_each_allowed_move_changes_the_stage(start, move, end):
    deal = Deal(start)
    assert deal.make(move) and deal.stage == end


def test_revealing_twice_changes_nothing_the_second_time():
    deal = Deal(REACHED)
    deal.make("reveal")
    assert not deal.make("reveal") and deal.stage == POSITION_KNOWN


def test_an_order_cannot_be_taken_before_the_buyer_is_reached():
    deal = Deal(QUOTE_SENT)
    assert not deal.make("order") and deal.stage == QUOTE_SENT


def test_reopening_a_deal_that_only_was_reached_changes_nothing():
    deal = Deal(REACHED)
    assert not deal.make("reopen")


def test_an_order_is_final():
    deal = Deal(ORDER)
    assert deal.is_closed and not any(deal.make(m) for m in ("reveal", "decline", "reopen", "agree_step"))


def test_a_clear_no_is_final():
    deal = Deal(CLEAR_NO)
    assert deal.is_closed and not deal.make("order")


def test_the_machine_tells_which_moves_are_possible():
    deal = Deal(POSITION_KNOWN)
    assert deal.allows("agree_step") and not deal.allows("reveal")

import pytest

from game.model.deal import Deal, Stage

ALLOWED = [
    (Stage.REACHED, "reveal", Stage.POSITION_KNOWN),
    (Stage.REACHED, "agree_step", Stage.STEP_AGREED),
    (Stage.POSITION_KNOWN, "agree_step", Stage.STEP_AGREED),
    (Stage.REACHED, "order", Stage.ORDER),
    (Stage.POSITION_KNOWN, "order", Stage.ORDER),
    (Stage.STEP_AGREED, "order", Stage.ORDER),
    (Stage.QUOTE_SENT, "decline", Stage.CLEAR_NO),
    (Stage.REACHED, "decline", Stage.CLEAR_NO),
    (Stage.POSITION_KNOWN, "decline", Stage.CLEAR_NO),
    (Stage.STEP_AGREED, "decline", Stage.CLEAR_NO),
    (Stage.POSITION_KNOWN, "reopen", Stage.REACHED),
    (Stage.STEP_AGREED, "reopen", Stage.REACHED),
]


@pytest.mark.parametrize(("start", "move", "end"), ALLOWED, ids=[f"{s} --{m}--> {e}" for s, m, e in ALLOWED])
def test_each_allowed_move_changes_the_stage(start, move, end):
    deal = Deal(start)
    assert deal.make(move) and deal.stage == end


def test_getting_through_again_changes_nothing():
    deal = Deal()
    deal.reach()
    deal.make("reveal")
    assert deal.reach() and deal.stage == Stage.POSITION_KNOWN


def test_revealing_twice_changes_nothing_the_second_time():
    deal = Deal(Stage.REACHED)
    deal.make("reveal")
    assert not deal.make("reveal") and deal.stage == Stage.POSITION_KNOWN


def test_an_order_cannot_be_taken_before_the_buyer_is_reached():
    deal = Deal(Stage.QUOTE_SENT)
    assert not deal.make("order") and deal.stage == Stage.QUOTE_SENT


def test_reopening_a_deal_that_only_was_reached_changes_nothing():
    deal = Deal(Stage.REACHED)
    assert not deal.make("reopen")


def test_an_order_is_final():
    deal = Deal(Stage.ORDER)
    assert deal.is_closed and not any(deal.make(m) for m in ("reveal", "decline", "reopen", "agree_step"))


def test_a_clear_no_is_final():
    deal = Deal(Stage.CLEAR_NO)
    assert deal.is_closed and not deal.make("order")


def test_the_machine_tells_which_moves_are_possible():
    deal = Deal(Stage.POSITION_KNOWN)
    assert deal.may_trigger("agree_step") and not deal.may_trigger("reveal")


def test_a_step_never_kept_lapses_to_where_the_deal_stood_before_it():
    known, reached = Deal(Stage.POSITION_KNOWN), Deal(Stage.REACHED)
    known.make("agree_step")
    reached.make("agree_step")
    assert known.lapse() and reached.lapse() and (known.stage, reached.stage) == (Stage.POSITION_KNOWN, Stage.REACHED)


def test_each_deal_has_its_own_machine():
    first, second = Deal(Stage.REACHED), Deal(Stage.REACHED)
    first.make("reveal")
    assert (first.stage, second.stage) == (Stage.POSITION_KNOWN, Stage.REACHED)

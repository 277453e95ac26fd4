from game.model.buyer import Attention, Buyer
from game.model.ladder import PriorityLadder

LADDER = PriorityLadder(("partner", "family", "boss", "customer", "supplier", "prospect"))


def test_a_free_buyer_takes_the_prospects_call():
    buyer = Buyer(LADDER)
    buyer.attend(None)
    assert buyer.answer(LADDER.prospect_rank) and buyer.state == Attention.ON_CALL


def test_a_buyer_with_a_supplier_does_not_take_the_prospects_call():
    buyer = Buyer(LADDER)
    buyer.attend("supplier")
    assert not buyer.answer(LADDER.prospect_rank) and buyer.state == Attention.CLAIMED


def test_a_buyer_with_a_supplier_takes_an_agreed_call():
    buyer = Buyer(LADDER)
    buyer.attend("supplier")
    assert buyer.answer(LADDER.rank_above("supplier"))


def test_a_buyer_in_a_boss_meeting_does_not_take_an_agreed_call():
    buyer = Buyer(LADDER)
    buyer.attend("boss")
    assert not buyer.answer(LADDER.rank_above("supplier"))


def test_the_partner_calling_cuts_the_prospects_call_short():
    buyer = Buyer(LADDER)
    buyer.attend(None)
    buyer.answer(LADDER.prospect_rank)
    assert buyer.call_in("partner") and buyer.state == Attention.CLAIMED


def test_a_supplier_calling_does_not_cut_an_agreed_call_short():
    buyer = Buyer(LADDER)
    buyer.attend(None)
    buyer.answer(LADDER.rank_above("supplier"))
    assert not buyer.call_in("supplier") and buyer.state == Attention.ON_CALL


def test_hanging_up_frees_the_buyer():
    buyer = Buyer(LADDER)
    buyer.attend(None)
    buyer.answer(LADDER.prospect_rank)
    buyer.hang_up()
    assert buyer.state == Attention.FREE


def test_a_free_buyer_who_does_not_feel_like_it_lets_the_phone_ring():
    buyer = Buyer(LADDER)
    buyer.attend(None)
    assert not buyer.answer(LADDER.prospect_rank, willing=lambda: False)
    assert buyer.state == Attention.FREE and buyer.let_it_ring


def test_a_buyer_held_by_the_boss_is_not_even_asked_whether_he_feels_like_it():
    asked = []
    buyer = Buyer(LADDER)
    buyer.attend("boss")
    buyer.answer(LADDER.prospect_rank, willing=lambda: asked.append(True) or True)
    assert asked == [] and not buyer.let_it_ring


def test_asking_whether_the_buyer_can_pick_up_changes_nothing():
    buyer = Buyer(LADDER)
    buyer.attend("customer")
    buyer.let_it_ring = True
    assert not buyer.may_pick_up() and buyer.state == Attention.CLAIMED and buyer.let_it_ring


def test_a_call_cut_short_leaves_the_buyer_with_whoever_cut_in_when_the_trainee_hangs_up():
    buyer = Buyer(LADDER)
    buyer.attend(None)
    buyer.answer(LADDER.prospect_rank)
    buyer.call_in("partner")
    buyer.hang_up()
    assert buyer.state == Attention.CLAIMED and buyer.claimed_by == "partner"

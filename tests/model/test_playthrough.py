from dataclasses import replace

import pytest

from game.model.moment import Moment
from game.model.playthrough import ENDED, IN_CALL, REACHING, Playthrough
from game.scenario.scenario import Claim

MON_0900, MON_1000, MON_1100 = Moment(1, 540), Moment(1, 600), Moment(1, 660)
TUE_1000, WED_1000, WED_1100 = Moment(2, 600), Moment(3, 600), Moment(3, 660)


def through(scenario, at=MON_1000, seed=0):
    play = Playthrough.start(scenario, seed, clock=lambda: 0.0)
    play.contact(at, "call")
    return play


def with_rules(scenario, **changes):
    return replace(scenario, rules=replace(scenario.rules, **changes))


def test_a_call_during_the_boss_meeting_reaches_the_colleague(tiny):
    play = Playthrough.start(tiny, 0)
    turn = play.contact(MON_0900, "call")
    assert turn.outcome == "colleague" and turn.claim_who == "boss" and play.phase == REACHING


def test_a_call_while_a_supplier_has_the_buyer_goes_to_voicemail(tiny):
    turn = Playthrough.start(tiny, 0).contact(MON_1100, "call")
    assert turn.outcome == "voicemail" and turn.claim_who == "supplier"


def test_a_call_at_a_free_moment_gets_through_and_reaches_the_buyer(tiny):
    play = through(tiny)
    assert play.phase == IN_CALL and play.deal.stage == "reached" and play.buyer_line.startswith("Ann here")


def test_a_free_buyer_may_still_let_the_phone_ring(tiny):
    play = Playthrough.start(with_rules(tiny, answer_chance=0.0), 0)
    assert play.contact(MON_1000, "call").outcome == "voicemail_free"


def test_an_email_never_gets_the_buyer_on_the_phone(tiny):
    play = Playthrough.start(tiny, 0)
    turn = play.contact(MON_1000, "email")
    assert turn.outcome == "email" and play.phase == REACHING and play.deal.stage == "quote_sent"


def test_an_email_makes_the_next_call_less_likely_to_be_answered(tiny):
    play = Playthrough.start(tiny, 0)
    play.contact(MON_1000, "email")
    assert play.answer_chance < tiny.rules.answer_chance


def test_a_closed_question_that_reveals_the_position_is_vooruitgang(tiny):
    turn = through(tiny).choose(0)
    assert turn.change.stage_after == "position_known" and turn.verdict == "vooruitgang"


def test_an_open_question_keeps_the_call_going_but_is_voortgang(tiny):
    play = through(tiny)
    turn = play.choose(2)
    assert turn.verdict == "voortgang" and play.phase == IN_CALL and play.point.id == "next"


def test_an_advancing_phrasing_that_changes_nothing_is_judged_voortgang(tiny):
    play = through(tiny)
    play.choose(0)
    turn = play.choose(3)  # aims to advance, but the position was already known
    assert turn.aim == "advance" and turn.verdict == "voortgang"


def test_reopening_the_sale_is_achteruitgang(tiny):
    play = through(tiny)
    play.choose(0)
    assert play.choose(1).verdict == "achteruitgang" and play.deal.stage == "reached"


def test_a_phrasing_that_ends_the_call_returns_to_reaching(tiny):
    play = through(tiny)
    turn = play.choose(1)
    assert turn.call_end == "ended" and play.phase == REACHING


def test_calling_again_after_a_prolonged_call_hears_the_same_opening(tiny):
    play = through(tiny)
    play.choose(1)
    play.contact(Moment(1, 840), "call")
    assert play.point.id == "open"


def test_a_deal_with_no_call_for_its_stage_gets_a_brush_off(tiny):
    play = through(tiny)
    play.choose(0)
    play.choose(3)  # the position stays known and the call ends after its last point
    turn = play.contact(Moment(1, 840), "call")
    assert turn.outcome == "no_news" and turn.reply == tiny.buyer.brush_off and play.phase == REACHING


def test_an_agreed_appointment_is_recorded_for_the_day_of_the_call(tiny):
    play = through(tiny)
    play.choose(0)
    turn = play.choose(0)
    assert turn.appointment == WED_1000 and play.appointment == WED_1000 and turn.verdict == "vooruitgang"


def test_an_agreed_call_is_answered_even_when_a_free_buyer_would_let_it_ring(tiny):
    play = through(tiny)
    play.choose(0)
    play.choose(0)
    play.answer_chance = 0.0  # from now on this buyer never picks up an unexpected call
    assert play.contact(WED_1000, "call").outcome == "through"


def test_an_agreed_call_gets_past_a_supplier(tiny):
    busy = Claim(day=3, start=600, minutes=30, who="supplier", what="the coffee supplier")
    play = through(replace(tiny, week=(*tiny.week, busy)))
    play.choose(0)
    play.choose(0)
    assert play.contact(WED_1000, "call").outcome == "through"


def test_an_unagreed_call_does_not_get_past_a_supplier(tiny):
    busy = Claim(day=3, start=600, minutes=30, who="supplier", what="the coffee supplier")
    play = Playthrough.start(replace(tiny, week=(*tiny.week, busy)), 0)
    assert play.contact(WED_1000, "call").outcome == "voicemail"


def test_letting_the_agreed_moment_pass_is_noticed_and_costs_points(tiny):
    play = through(tiny)
    play.choose(0)
    play.choose(0)
    turn = play.contact(WED_1100, "call")
    assert turn.missed == WED_1000 and "appointment_missed" in turn.judgement.reasons and turn.points < 0


def test_the_partner_calling_cuts_the_call_short(tiny):
    play = through(tiny, at=TUE_1000)
    turn = play.choose(0)  # two minutes: the partner calls at 10:02
    assert turn.call_end == "cut_short" and turn.claim_who == "partner" and play.phase == REACHING


def test_a_call_cut_short_resumes_where_it_stopped(tiny):
    play = through(tiny, at=TUE_1000)
    play.choose(0)
    play.contact(Moment(2, 660), "call")
    assert play.point.id == "next"


def test_the_order_ends_the_game_with_the_order_ending(tiny):
    play = through(tiny)
    play.choose(0)
    play.choose(0)
    play.contact(WED_1000, "call")
    play.choose(0)
    assert play.phase == ENDED and play.ending == "order" and play.score.total > 0


def test_a_clear_no_ends_the_game_with_the_clear_no_ending(tiny):
    play = through(tiny)
    play.choose(0)
    play.choose(2)
    assert play.phase == ENDED and play.ending == "clear_no"


def test_running_out_of_contacts_ends_the_game_strung_along(tiny):
    play = Playthrough.start(tiny, 0)
    for _ in range(tiny.rules.contacts):
        play.contact(play.moments()[0], "email")
    assert play.phase == ENDED and play.ending == "strung_along"


def test_a_moment_in_the_past_cannot_be_chosen(tiny):
    play = Playthrough.start(tiny, 0)
    play.contact(MON_1100, "call")
    with pytest.raises(ValueError):
        play.contact(MON_1000, "call")


def test_listeners_hear_every_turn_as_it_is_made(tiny):
    heard = []
    play = Playthrough.start(tiny, 0)
    play.listeners.append(lambda _, turn: heard.append(turn.number))
    play.contact(MON_1000, "call")
    play.choose(0)
    assert heard == [1, 2]


def test_replaying_the_actions_gives_the_same_game(tiny):
    play = through(tiny)
    play.choose(0)
    play.choose(0)
    again = Playthrough.replay(tiny, 0, play.actions)
    assert [t.change for t in again.turns] == [t.change for t in play.turns] and again.point == play.point


def test_a_reply_names_the_agreed_moment_in_the_scenarios_language(tiny):
    point = tiny.calls[0].points[1]
    phrasing = point.phrasings[0]
    named = replace(phrasing, response=replace(phrasing.response, reply="See you {appointment}."))
    calls = (replace(tiny.calls[0], points=(tiny.calls[0].points[0], replace(point, phrasings=(named,)))),)
    play = through(replace(tiny, calls=calls))
    play.choose(0)
    assert play.choose(0).reply == "See you Wednesday at 10:00."


def test_an_appointment_two_days_after_a_thursday_call_falls_on_monday(tiny):
    phrasing = tiny.calls[0].points[1].phrasings[0]
    assert phrasing.response.appointment.after(4) == Moment(8, 600)


def test_the_week_offers_no_moments_in_the_weekend(tiny):
    play = Playthrough.start(with_rules(tiny, days=8), 0)
    assert {m.day for m in play.moments()} == {1, 2, 3, 4, 5, 8}


def test_the_buyer_agrees_no_appointment_during_his_own_boss_meeting(tiny):
    meeting = Claim(day=3, start=600, minutes=60, who="boss", what="budget talk")
    play = through(replace(tiny, week=(*tiny.week, meeting)))
    play.choose(0)
    assert play.choose(0).appointment == Moment(3, 660)


def test_the_buyer_cannot_plan_around_a_surprise(tiny):
    surprise = Claim(day=3, start=600, minutes=60, who="partner", what="a call from home", visible=False)
    play = through(replace(tiny, week=(*tiny.week, surprise)))
    play.choose(0)
    assert play.choose(0).appointment == WED_1000


def test_an_appointment_for_earlier_today_becomes_the_first_moment_after_the_call(tiny):
    point = tiny.calls[0].points[1]
    phrasing = point.phrasings[0]
    today = replace(phrasing, response=replace(phrasing.response,
                                               appointment=replace(phrasing.response.appointment, days_later=0)))
    calls = (replace(tiny.calls[0], points=(tiny.calls[0].points[0], replace(point, phrasings=(today,)))),)
    play = through(replace(tiny, calls=calls), at=Moment(1, 900))
    play.choose(0)
    assert play.choose(0).appointment == Moment(1, 930)

from dataclasses import replace

import pytest
from transitions import MachineError

from game.model.moment import Moment
from game.model.playthrough import Phase, Playthrough
from game.model.scenario import Appointment, Claim
from game.text import replied, said

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
    assert turn.outcome == "colleague" and turn.claim_who == "boss" and play.phase == Phase.REACHING


def test_a_call_while_a_supplier_has_the_buyer_goes_to_voicemail(tiny):
    turn = Playthrough.start(tiny, 0).contact(MON_1100, "call")
    assert turn.outcome == "voicemail" and turn.claim_who == "supplier"


def test_a_call_at_a_free_moment_gets_through_and_reaches_the_buyer(tiny):
    play = through(tiny)
    assert play.phase == Phase.IN_CALL and play.deal.stage == "reached" and play.buyer_line.startswith("Ann here")


def test_a_free_buyer_may_still_let_the_phone_ring(tiny):
    play = Playthrough.start(with_rules(tiny, answer_chance=0.0), 0)
    assert play.contact(MON_1000, "call").outcome == "voicemail_free"


def test_an_email_never_gets_the_buyer_on_the_phone(tiny):
    play = Playthrough.start(tiny, 0)
    turn = play.contact(MON_1000, "email")
    assert turn.outcome == "email" and play.phase == Phase.REACHING and play.deal.stage == "quote_sent"


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
    assert turn.verdict == "voortgang" and play.phase == Phase.IN_CALL and play.point.id == "next"


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
    assert turn.call_end == "ended" and play.phase == Phase.REACHING


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
    assert turn.outcome == "no_news" and turn.reply == tiny.buyer.brush_off and play.phase == Phase.REACHING


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
    assert turn.call_end == "cut_short" and turn.claim_who == "partner" and play.phase == Phase.REACHING


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
    assert play.phase == Phase.ENDED and play.ending == "order" and play.score.total > 0


def test_a_clear_no_ends_the_game_with_the_clear_no_ending(tiny):
    play = through(tiny)
    play.choose(0)
    play.choose(2)
    assert play.phase == Phase.ENDED and play.ending == "clear_no"


def test_running_out_of_contacts_ends_the_game_strung_along(tiny):
    play = Playthrough.start(tiny, 0)
    for _ in range(tiny.rules.contacts):
        play.contact(play.moments()[0], "email")
    assert play.phase == Phase.ENDED and play.ending == "strung_along"


def test_a_moment_in_the_past_cannot_be_chosen(tiny):
    play = Playthrough.start(tiny, 0)
    play.contact(MON_1100, "call")
    with pytest.raises(ValueError):
        play.contact(MON_1000, "call")


def test_a_phrasing_cannot_be_said_before_the_buyer_is_on_the_phone(tiny):
    play = Playthrough.start(tiny, 0)
    with pytest.raises(MachineError):
        play.choose(0)
    assert play.phase == Phase.REACHING and play.turns == [] and play.actions == []


def test_no_contact_can_be_made_during_a_call(tiny):
    play = through(tiny)
    with pytest.raises(MachineError):
        play.contact(TUE_1000, "call")
    assert play.phase == Phase.IN_CALL and len(play.turns) == 1 and play.contacts_used == 1


def test_nothing_can_be_done_once_the_game_has_ended(tiny):
    play = through(tiny)
    play.choose(0)
    play.choose(2)  # the clear no
    assert play.phase == Phase.ENDED
    with pytest.raises(MachineError):
        play.contact(TUE_1000, "call")


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
    turn = play.choose(0)
    assert turn.reply == "See you {appointment}." and turn.offered == Moment(3, 600)
    assert replied("en", turn) == "See you Wednesday at 10:00."


def test_an_appointment_two_days_after_a_thursday_call_falls_on_monday(tiny):
    phrasing = tiny.calls[0].points[1].phrasings[0]
    assert phrasing.response.appointment.after(4) == Moment(8, 600)


def test_the_week_offers_no_moments_in_the_weekend(tiny):
    play = Playthrough.start(with_rules(tiny, days=8), 0)
    assert {m.day for m in play.moments()} == {1, 2, 3, 4, 5, 8}


def test_contact_can_be_made_at_exactly_the_moments_offered(tiny):
    play = Playthrough.start(with_rules(tiny, days=8), 0)
    play.contact(Moment(2, 600), "email")
    offered = set(play.moments())
    tried = {Moment(day, minute) for day in range(0, 10) for minute in range(0, 24 * 60, 15)}
    assert {moment for moment in tried if play.can_contact_at(moment)} == offered


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


# --- appointments kept, missed and left open; steps kept and never kept -----------------------

def agreed_step(tiny):
    """Reached on Monday 10:00, the position known, and a step with Henk agreed for Wednesday 10:00."""
    play = through(tiny)
    play.choose(0)
    play.choose(0)
    return play


def test_calling_at_the_agreed_moment_and_getting_through_is_vooruitgang_worth_the_kept_appointment(tiny):
    play = agreed_step(tiny)
    turn = play.contact(WED_1000, "call")
    weights = tiny.rules.score
    assert turn.verdict == "vooruitgang" and "appointment_kept" in turn.judgement.reasons
    assert turn.points == weights.kept_appointment - weights.per_contact


def test_a_moment_let_pass_costs_the_missed_appointment_and_what_agreeing_it_earned(tiny):
    play = agreed_step(tiny)
    turn = play.contact(WED_1100, "call")
    weights = tiny.rules.score
    assert turn.points == -weights.missed_appointment - weights.appointment - weights.per_contact


def test_stopping_with_nothing_left_open_adds_no_closing_turn(tiny):
    play = through(tiny)
    play.choose(0)
    play.choose(3)  # the position asked again: the call ends after its last point
    play.contact(Moment(1, 690), "call")
    play.finish()
    assert [t.kind for t in play.turns][-1] == "contact"  # nothing was left open: no closing turn


def test_stopping_after_agreeing_a_step_takes_the_step_back_in_a_closing_turn(tiny):
    play = agreed_step(tiny)
    play.finish()
    closing = play.turns[-1]
    assert closing.kind == "closing" and closing.outcome == "stopped" and closing.verdict == "achteruitgang"
    assert {"step_lapsed", "appointment_missed", "appointment_taken_back"} <= set(closing.judgement.reasons)
    assert play.deal.stage == "position_known" and play.ending == "objection"


def test_a_step_never_kept_is_worth_less_at_the_end_than_no_step_at_all(tiny):
    no_step = through(tiny)
    no_step.choose(0)
    no_step.finish()
    never_kept = agreed_step(tiny)
    never_kept.finish()
    assert never_kept.score.total < no_step.score.total


def test_a_step_is_kept_by_the_next_call_that_gets_through(tiny):
    play = agreed_step(tiny)
    play.contact(WED_1000, "call")
    play.choose(1)  # more information: the deal stays at the step
    play.finish()
    assert play.ending == "next_step" and play.turns[-1].kind == "phrasing"


def test_the_score_is_the_sum_of_the_turns_including_the_closing_one(tiny):
    play = agreed_step(tiny)
    play.finish()
    assert play.score.total == sum(t.points for t in play.turns)


def test_running_out_of_contacts_with_a_moment_open_ends_with_a_closing_turn(tiny):
    play = agreed_step(tiny)
    for _ in range(play.contacts_left):
        play.contact(play.moments()[0], "email")
    assert play.phase == Phase.ENDED and play.turns[-1].kind == "closing"


def test_a_closed_deal_leaves_no_closing_turn(tiny):
    play = agreed_step(tiny)
    play.contact(WED_1000, "call")
    play.choose(0)
    assert play.ending == "order" and play.turns[-1].kind == "phrasing"


def with_a_call_back_moment(tiny):
    """'Fine, I will call next week' agrees a moment: the next working day at 10:00."""
    point = tiny.calls[0].points[0]
    later = replace(point.phrasings[1], response=replace(point.phrasings[1].response,
                                                         appointment=Appointment(days_later=1, minute=600)))
    phrasings = (point.phrasings[0], later, point.phrasings[2])
    return replace(tiny, calls=(replace(tiny.calls[0], points=(replace(point, phrasings=phrasings),
                                                                *tiny.calls[0].points[1:])), *tiny.calls[1:]))


def test_a_second_moment_agreed_at_the_same_stage_is_one_more_call_not_progress(tiny):
    play = through(with_a_call_back_moment(tiny))
    first = play.choose(1)
    play.contact(TUE_1000, "call")
    second = play.choose(1)
    assert first.verdict == "vooruitgang" and "appointment_agreed" in first.judgement.reasons
    assert second.verdict == "voortgang" and "appointment_repeated" in second.judgement.reasons


def test_keeping_a_moment_that_counted_for_nothing_earns_nothing_either(tiny):
    play = through(with_a_call_back_moment(tiny))
    play.choose(1)
    play.contact(TUE_1000, "call")
    play.choose(1)
    kept_again = play.contact(WED_1000, "call")
    assert kept_again.verdict == "voortgang" and kept_again.points == -tiny.rules.score.per_contact


def test_an_appointment_after_the_last_day_of_the_week_extends_the_week_to_it(tiny):
    play = through(tiny, at=Moment(4, 600))  # Thursday: two working days later is Monday
    play.choose(0)
    turn = play.choose(0)
    assert turn.appointment == Moment(8, 600) and Moment(8, 600) in play.moments() and play.days == 8


def test_the_extended_week_offers_only_working_days(tiny):
    play = through(tiny, at=Moment(4, 600))
    play.choose(0)
    play.choose(0)
    assert play.working_days() == [1, 2, 3, 4, 5, 8]


def test_a_phrasing_that_proposes_a_moment_names_it_in_the_trainees_own_line(tiny):
    point = tiny.calls[0].points[1]
    phrasing = point.phrasings[0]
    named = replace(phrasing, say="Shall we meet Henk on {appointment}?")
    calls = (replace(tiny.calls[0], points=(tiny.calls[0].points[0], replace(point, phrasings=(named,)))),)
    play = through(replace(tiny, calls=calls))
    play.choose(0)
    assert play.proposes(0) == Moment(3, 600)
    turn = play.choose(0)
    assert turn.say == "Shall we meet Henk on {appointment}?" and turn.proposed == Moment(3, 600)
    assert said("en", turn) == "Shall we meet Henk on Wednesday at 10:00?"

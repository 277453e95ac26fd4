from game.model.scoring import ACHTERUITGANG, VOORTGANG, VOORUITGANG, Change, judge, score
from game.scenario.load import default_rules

WEIGHTS = default_rules().score


def test_a_pleasant_call_that_learns_nothing_is_voortgang():
    judgement = judge(Change("reached", "reached", minutes=3), WEIGHTS)
    assert judgement.verdict == VOORTGANG and judgement.reasons == ("nothing_changed",)


def test_a_turn_that_brings_the_real_position_to_light_is_vooruitgang():
    assert judge(Change("reached", "position_known", minutes=1), WEIGHTS).verdict == VOORUITGANG


def test_agreeing_a_concrete_next_contact_is_vooruitgang():
    assert judge(Change("reached", "reached", appointment_agreed=True), WEIGHTS).verdict == VOORUITGANG


def test_reopening_the_sale_is_achteruitgang():
    assert judge(Change("step_agreed", "reached", minutes=3), WEIGHTS).verdict == ACHTERUITGANG


def test_a_clear_no_is_vooruitgang():
    assert judge(Change("position_known", "clear_no"), WEIGHTS).verdict == VOORUITGANG


def test_a_clear_no_scores_above_an_endless_maybe():
    clear_no = score([Change("quote_sent", "reached", contacts=1), Change("reached", "clear_no", minutes=1)], WEIGHTS)
    maybe = score([Change("quote_sent", "reached", contacts=1)]
                  + [Change("reached", "reached", contacts=1, minutes=2)] * 5, WEIGHTS)
    assert clear_no.total > maybe.total


def test_every_contact_costs_points():
    assert judge(Change("quote_sent", "quote_sent", contacts=1), WEIGHTS).points < 0


def test_the_score_is_the_sum_of_the_turns():
    changes = [Change("quote_sent", "reached", contacts=1), Change("reached", "position_known", minutes=2),
               Change("position_known", "order", minutes=1)]
    assert score(changes, WEIGHTS).total == round(sum(judge(c, WEIGHTS).points for c in changes))


def test_a_missed_appointment_costs_points():
    assert judge(Change("reached", "reached", appointment_missed=True), WEIGHTS).points < 0

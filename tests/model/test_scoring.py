from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from game.model.deal import OPEN_STAGES, Stage, stage_rank
from game.model.scoring import Change, Verdict, judge, score
from game.scenario.load import default_rules

WEIGHTS = default_rules().score


def test_a_pleasant_call_that_learns_nothing_is_voortgang():
    judgement = judge(Change("reached", "reached", minutes=3), WEIGHTS)
    assert judgement.verdict == Verdict.VOORTGANG and judgement.reasons == ("nothing_changed",)


def test_a_turn_that_brings_the_real_position_to_light_is_vooruitgang():
    assert judge(Change("reached", "position_known", minutes=1), WEIGHTS).verdict == Verdict.VOORUITGANG


def test_agreeing_a_concrete_next_contact_is_vooruitgang():
    assert judge(Change("reached", "reached", appointment_agreed=True), WEIGHTS).verdict == Verdict.VOORUITGANG


def test_keeping_an_agreed_moment_is_vooruitgang():
    judgement = judge(Change("position_known", "position_known", appointment_kept=True, contacts=1), WEIGHTS)
    assert judgement.verdict == Verdict.VOORUITGANG and judgement.points > 0


def test_reopening_the_sale_is_achteruitgang():
    assert judge(Change("step_agreed", "reached", minutes=3), WEIGHTS).verdict == Verdict.ACHTERUITGANG


def test_a_clear_no_is_vooruitgang():
    assert judge(Change("position_known", "clear_no"), WEIGHTS).verdict == Verdict.VOORUITGANG


def test_a_clear_no_after_an_agreed_step_is_vooruitgang_with_points_above_zero():
    judgement = judge(Change("step_agreed", "clear_no", minutes=1), WEIGHTS)
    assert judgement.verdict == Verdict.VOORUITGANG and judgement.points > 0


def test_a_clear_no_is_worth_more_than_every_open_stage():
    assert all(WEIGHTS.stages["clear_no"] > WEIGHTS.stages[stage] for stage in OPEN_STAGES)


def test_a_clear_no_scores_above_an_endless_maybe():
    clear_no = score([Change("quote_sent", "reached", contacts=1), Change("reached", "clear_no", minutes=1)], WEIGHTS)
    maybe = score([Change("quote_sent", "reached", contacts=1)]
                  + [Change("reached", "reached", contacts=1, minutes=2)] * 5, WEIGHTS)
    assert clear_no.total > maybe.total


def test_a_move_that_takes_longer_than_it_is_worth_is_voortgang_and_says_why():
    judgement = judge(Change("reached", "reached", appointment_agreed=True, minutes=20), WEIGHTS)
    assert judgement.verdict == Verdict.VOORTGANG and judgement.points < 0 and "time_outweighs" in judgement.reasons


def test_a_step_that_lapses_at_the_end_is_achteruitgang():
    judgement = judge(Change("step_agreed", "position_known", step_lapsed=True), WEIGHTS)
    assert judgement.verdict == Verdict.ACHTERUITGANG and judgement.reasons == ("step_lapsed",)


def test_every_contact_costs_points():
    assert judge(Change("quote_sent", "quote_sent", contacts=1), WEIGHTS).points < 0


def test_the_score_is_the_sum_of_the_turns():
    changes = [Change("quote_sent", "reached", contacts=1), Change("reached", "position_known", minutes=2),
               Change("position_known", "order", minutes=1)]
    assert score(changes, WEIGHTS).total == sum(judge(c, WEIGHTS).points for c in changes)


def test_a_missed_appointment_costs_points():
    assert judge(Change("reached", "reached", appointment_missed=True), WEIGHTS).points < 0


def test_a_missed_appointment_that_counted_loses_what_agreeing_it_earned_too():
    missed = judge(Change("reached", "reached", appointment_missed=True, taken_back=1), WEIGHTS)
    assert missed.points == -WEIGHTS.missed_appointment - WEIGHTS.appointment


@st.composite
def changes(draw) -> Change:
    """What one turn can do: a contact (reaching, keeping or missing a moment), a phrasing (moving the deal,
    agreeing a moment) or the closing settlement (a step lapsing, a moment left open)."""
    kind = draw(st.sampled_from(("contact", "phrasing", "closing")))
    before = draw(st.sampled_from(OPEN_STAGES))
    missed = draw(st.booleans())
    if kind == "contact":
        after = Stage.REACHED if before == Stage.QUOTE_SENT else before
        kept = not missed and draw(st.booleans())
        return Change(before, after, appointment_missed=missed, contacts=1, appointment_kept=kept,
                      taken_back=draw(st.integers(0, 2)) if missed else 0)
    if kind == "closing":
        lapsed = before == Stage.STEP_AGREED and draw(st.booleans())
        after = draw(st.sampled_from((Stage.REACHED, Stage.POSITION_KNOWN))) if lapsed else before
        return Change(before, after, appointment_missed=missed, taken_back=draw(st.integers(0, 2)) if missed else 0,
                      step_lapsed=lapsed)
    after = draw(st.sampled_from(list(Stage)[1:]))
    agreed = draw(st.booleans())
    return Change(max(before, Stage.REACHED, key=stage_rank), after, appointment_agreed=agreed,
                  appointment_repeated=not agreed and draw(st.booleans()), minutes=draw(st.integers(0, 60)))


@given(changes())
def test_a_verdict_and_its_points_never_disagree_in_sign(change):
    judgement = judge(change, WEIGHTS)
    expected = {Verdict.VOORUITGANG: judgement.points > 0, Verdict.VOORTGANG: judgement.points <= 0,
                Verdict.ACHTERUITGANG: judgement.points < 0}
    assert expected[judgement.verdict]


@given(changes(), st.integers(0, 20), st.integers(0, 5))
def test_a_verdict_and_its_points_agree_for_any_weights_validate_accepts(change, kept, per_minute):
    weights = replace(WEIGHTS, kept_appointment=kept, per_minute=per_minute)
    judgement = judge(change, weights)
    expected = {Verdict.VOORUITGANG: judgement.points > 0, Verdict.VOORTGANG: judgement.points <= 0,
                Verdict.ACHTERUITGANG: judgement.points < 0}
    assert expected[judgement.verdict]

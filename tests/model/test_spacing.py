"""Practice what you missed: a missed moment comes back after 1, 3 and 7 days, by how it went."""

from game.model.spacing import DAY, INTERVALS, Answer, spacing

MISSED = 1_790_000_000.0


def days(n: float) -> float:
    return MISSED + n * DAY


def test_a_moment_never_missed_does_not_come_back():
    assert spacing([Answer(days(0), True)]) is None


def test_a_missed_moment_comes_back_after_one_day():
    found = spacing([Answer(days(0), False)])
    assert not found.is_due(days(0.99)) and found.is_due(days(1))


def test_answered_well_it_comes_back_after_three_days_then_seven_then_rests():
    answers = [Answer(days(0), False), Answer(days(1), True)]
    assert not spacing(answers).is_due(days(3.9)) and spacing(answers).is_due(days(4))
    answers.append(Answer(days(4), True))
    assert not spacing(answers).is_due(days(10.9)) and spacing(answers).is_due(days(11))
    answers.append(Answer(days(11), True))
    assert spacing(answers).learned and not spacing(answers).is_due(days(400))


def test_the_intervals_are_one_three_and_seven_days():
    assert INTERVALS == (1, 3, 7)


def test_answered_poorly_it_starts_again_at_one_day():
    found = spacing([Answer(days(0), False), Answer(days(1), True), Answer(days(4.5), False)])
    assert found.step == 0 and found.due == days(5.5) and found.missed == days(4.5)


def test_a_good_answer_before_the_moment_is_due_leaves_it_where_it_was():
    found = spacing([Answer(days(0), False), Answer(days(0.2), True)])
    assert found.step == 0 and found.due == days(1)


def test_answers_count_in_time_order_whatever_order_they_arrive_in():
    answers = [Answer(days(1), True), Answer(days(0), False), Answer(days(4), True)]
    assert spacing(answers).step == 2


def test_the_days_until_a_moment_comes_back_are_rounded_up():
    found = spacing([Answer(days(0), False), Answer(days(1), True)])
    assert found.days_until(days(1)) == 3 and found.days_until(days(3.5)) == 1 and found.days_until(days(9)) == 0

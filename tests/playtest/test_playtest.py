"""Playtests: scripted choices through a scenario, checked like unit tests, failures located."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.model.moment import Moment
from game.playtest import run_file
from game.playtest.spec import parse_moment

ROOT = Path(__file__).resolve().parents[2]
QUIET_WEEK_TESTS = ROOT / "scenarios" / "playtests" / "quiet-week.en.yaml"

ONE_TEST = """scenario: quiet-week.en.yaml
tests:
  - name: Straight to the order
    seed: 3
    motive: real_interest
    steps:
{steps}
    expect:
{expect}
"""
TO_THE_ORDER = "      - call: Monday 11:00\n      - say: 2\n      - say: 2\n      - say: 1"


@pytest.fixture
def playtest(tmp_path):
    shutil.copy(ROOT / "scenarios" / "quiet-week.en.yaml", tmp_path / "quiet-week.en.yaml")
    (tmp_path / "playtests").mkdir()

    def write(steps: str = TO_THE_ORDER, expect: str = "      outcome: order", text: str | None = None) -> Path:
        path = tmp_path / "playtests" / "quiet-week.en.yaml"
        path.write_text(text or ONE_TEST.format(steps=steps, expect=expect), encoding="utf-8")
        return path

    return write


def _only_failure(result):
    [test] = result.results
    [failure] = test.failures
    return failure


def test_the_playtests_of_the_quiet_week_pass():
    result = run_file(QUIET_WEEK_TESTS)
    assert result.passed and len(result.results) >= 5


def test_a_wrong_outcome_fails_at_the_line_of_the_expectation(playtest):
    path = playtest(expect="      outcome: clear_no")
    failure = _only_failure(run_file(path))
    assert (failure.line, failure.message) == (12, "expected outcome clear_no, got order")


def test_a_score_outside_the_range_fails_with_the_score_it_got(playtest):
    failure = _only_failure(run_file(playtest(expect="      score: [0, 50]")))
    assert failure.message == "expected a score from 0 to 50, got 94"


def test_a_wrong_verdict_names_the_turn_and_what_was_said(playtest):
    failure = _only_failure(run_file(playtest(expect="      verdicts: {2: voortgang}")))
    assert failure.message.startswith("expected turn 2 to be voortgang, got vooruitgang (Understood.")


def test_saying_something_when_no_call_is_in_progress_fails_at_that_step(playtest):
    failure = _only_failure(run_file(playtest(steps="      - call: Monday 9:00\n      - say: 1")))
    assert failure.line == 8 and "no call is in progress" in failure.message and "answers" in failure.message


def test_a_moment_already_past_fails_and_names_the_next_free_moment(playtest):
    failure = _only_failure(run_file(playtest(steps="      - call: Tuesday 9:00\n      - call: Monday 14:00")))
    assert failure.message.endswith("that moment has passed; the next free moment is Tuesday 09:30")


def test_a_phrasing_number_beyond_the_choices_fails_instead_of_crashing(playtest):
    failure = _only_failure(run_file(playtest(steps="      - call: Monday 11:00\n      - say: 4")))
    assert failure.message == "'say: 4': decision point 'opening' has only 3 phrasings"


def test_an_unknown_key_in_the_playtest_is_reported_with_a_suggestion(playtest):
    result = run_file(playtest(expect="      outcom: order"))
    assert "unknown key 'outcom'" in result.problems[0].message and "outcome" in result.problems[0].hint


def test_a_scenario_that_cannot_be_found_is_reported_at_its_line(playtest):
    result = run_file(playtest(text=ONE_TEST.format(steps=TO_THE_ORDER, expect="      outcome: order")
                               .replace("scenario: quiet-week.en.yaml", "scenario: nowhere.en.yaml")))
    assert result.problems[0].line == 1 and "cannot find the scenario 'nowhere.en.yaml'" in result.problems[0].message


@pytest.mark.parametrize("text, moment", [("Monday 11:00", Moment(1, 660)), ("dinsdag 9:30", Moment(2, 570)),
                                          ("3 14:00", Moment(3, 840)), ("FRIDAY 08.30", Moment(5, 510))])
def test_a_moment_is_a_day_in_either_language_or_number_and_a_time(text, moment):
    assert parse_moment(text) == moment


def test_the_command_finds_the_playtest_of_a_scenario_and_exits_1_on_failure(playtest, capsys):
    written = playtest(expect="      outcome: clear_no")
    assert main(["test", str(written.parent.parent / "quiet-week.en.yaml")]) == 1
    out = capsys.readouterr().out
    assert "FAIL  Straight to the order" in out and "expected outcome clear_no, got order" in out


def test_the_command_passes_the_quiet_week(capsys):
    assert main(["test", str(ROOT / "scenarios" / "quiet-week.en.yaml")]) == 0
    assert "0 failed" in capsys.readouterr().out


def test_a_call_that_must_not_get_through_fails_at_its_own_line_when_it_does(playtest):
    failure = _only_failure(run_file(playtest(steps="      - call: Monday 11:00\n        through: no\n"
                                                    "      - say: 2\n      - say: 2\n      - say: 1")))
    assert failure.line == 7 and failure.message.startswith("'call: Monday 11:00': expected it not to get through")


def test_a_call_that_must_get_through_fails_with_what_happened_instead(playtest):
    failure = _only_failure(run_file(playtest(steps="      - call: Monday 9:00\n        through: yes")))
    assert failure.message == ("'call: Monday 9:00': expected it to get through, but: Bas from reception answers: "
                               "Sanne Vermeulen is busy (management meeting). A message is taken.")


def test_a_verdict_that_must_not_be_vooruitgang_fails_when_it_is(playtest):
    failure = _only_failure(run_file(playtest(expect="      verdicts: {2: not vooruitgang}")))
    assert failure.message.startswith("expected turn 2 to be not vooruitgang, got vooruitgang")


def test_a_failing_verdict_is_reported_at_the_line_of_that_turn(playtest):
    path = playtest(expect="      verdicts:\n        2: vooruitgang\n        3: voortgang")
    failure = _only_failure(run_file(path))
    assert path.read_text().splitlines()[failure.line - 1].strip() == "3: voortgang"


def test_the_number_of_turns_can_be_a_range(playtest):
    assert run_file(playtest(expect="      turns: [3, 6]")).passed


def test_a_number_of_turns_outside_the_range_fails(playtest):
    failure = _only_failure(run_file(playtest(expect="      turns: [5, 6]")))
    assert failure.message == "expected from 5 to 6 turns, got 4"


TWO_TESTS = """scenario: quiet-week.en.yaml
tests:
  - name: Straight to the order
    seed: 3
    motive: real_interest
    steps:
      - call: Monday 11:00
      - say: 2
      - say: 2
      - say: 1
    expect:
      score_above: {other}
  - name: Friendly delay
    seed: 3
    motive: real_interest
    steps:
      - call: Monday 11:00
      - say: 1
    expect:
      score_above: {again}
"""


def test_a_test_can_require_a_score_above_another_tests(playtest):
    results = run_file(playtest(text=TWO_TESTS.format(other="Friendly delay", again="Straight to the order"))).results
    assert [r.passed for r in results] == [True, False]
    assert results[1].failures[0].message.startswith("expected a score above 'Straight to the order' (94), got")


def test_score_above_a_test_that_does_not_exist_is_reported_with_a_suggestion(playtest):
    result = run_file(playtest(text=TWO_TESTS.format(other="Friendly dely", again="Straight to the order")))
    [problem] = result.problems
    assert (problem.line, problem.message) == (12, "'score_above: Friendly dely' names no test in this file")
    assert "did you mean 'Friendly delay'?" in problem.hint


def test_through_is_refused_on_a_step_that_says_something(playtest):
    result = run_file(playtest(steps="      - call: Monday 11:00\n      - say: 2\n        through: yes"))
    assert "'through' belongs to a call or an e-mail" in result.problems[0].message


def test_a_step_left_unkept_at_the_end_of_the_steps_is_settled_as_the_game_would(playtest):
    steps = "      - call: Monday 11:00\n      - say: 2\n      - say: 3\n      - call: Tuesday 11:00\n" \
            "      - say: 3\n      - say: 1"
    text = ONE_TEST.format(steps=steps, expect="      outcome: objection").replace("real_interest", "internal_blocker")
    assert run_file(playtest(text=text)).passed

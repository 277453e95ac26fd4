"""lint: the design problems a trainer cares about, each located with a hint."""

from __future__ import annotations

from game.lint import lint_file
from game.lint.flow import explore
from game.scenario.load import load_scenario
from tests.lint.big_scenario import big_scenario
from tests.lint.conftest import ROOT, STARTER

OPENING_ADVANCE = "            deal: reveal               # the real position is now known\n"
NEXT_STEP_PROLONG = "            reply: I will.\n"


def _messages(findings, severity="warning"):
    return [p.message for p in findings.problems if p.severity == severity]


def _line_with(text, start):
    return next(line + "\n" for line in text.splitlines() if line.startswith(start))


def _line_of(path, text):
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_the_starter_scenario_has_nothing_to_report(scenario_file):
    assert lint_file(scenario_file()).problems == []


def test_a_decision_point_no_path_leads_to_is_reported_at_its_line(scenario_file):
    path = scenario_file((OPENING_ADVANCE, OPENING_ADVANCE + "            next: end\n"))
    findings = lint_file(path)
    unreachable = [p for p in findings.problems if "no path leads to decision point 'next_step'" in p.message]
    assert [p.line for p in unreachable] == [_line_of(path, "- id: next_step")]


def test_a_call_no_path_starts_is_reported(scenario_file):
    path = scenario_file((OPENING_ADVANCE, OPENING_ADVANCE + "            next: end\n"))
    assert any("no path starts call 'the_visit'" in m for m in _messages(lint_file(path)))


def test_a_stage_no_call_starts_in_is_a_dead_end(scenario_file):
    findings = lint_file(scenario_file(("stages: [position_known]", "stages: [step_agreed]")))
    assert any(m.startswith("dead end: after this the deal stands at position_known") for m in _messages(findings))


def test_a_next_that_leads_back_without_progress_is_a_loop(scenario_file):
    path = scenario_file((NEXT_STEP_PROLONG, NEXT_STEP_PROLONG + "            next: next_step\n"))
    loops = [p for p in lint_file(path).problems if p.message.startswith("loop:")]
    assert [p.line for p in loops] == [_line_of(path, "say: Let me know when you have had time")]


def test_a_call_that_can_never_end_is_an_error(scenario_file):
    path = scenario_file((NEXT_STEP_PROLONG, NEXT_STEP_PROLONG + "            next: next_step\n"),
                         ("            principle: concrete_next_contact\n          - say: Let me know",
                          "            next: next_step\n            principle: concrete_next_contact\n"
                          "          - say: Let me know"))
    assert any("ever ends the call" in m for m in _messages(lint_file(path), "error"))


def test_a_decision_point_without_a_prolonging_phrasing_is_reported(scenario_file):
    path = scenario_file(("aim: prolong\n            reply: Not yet.", "aim: advance\n            reply: Not yet."))
    assert any("has no phrasing with 'aim: prolong'" in m for m in _messages(lint_file(path)))


def test_a_phrasing_written_to_advance_that_never_moves_the_deal_is_reported(scenario_file):
    path = scenario_file(("aim: prolong\n            reply: Not yet.", "aim: advance\n            reply: Not yet."))
    findings = lint_file(path)
    found = [p for p in findings.problems if "is written to advance, but never moves the deal" in p.message]
    assert [p.line for p in found] == [_line_of(path, "say: Have you been able to decide yet?")]


def test_a_phrasing_written_to_prolong_that_agrees_a_moment_scores_as_vooruitgang(scenario_file):
    appointment = '            appointment: {days_later: 1, at: "09:00"}\n'
    path = scenario_file((NEXT_STEP_PROLONG, NEXT_STEP_PROLONG + appointment))
    found = [m for m in _messages(lint_file(path)) if "written to prolong, but it scores as vooruitgang" in m]
    assert found and "agrees a moment for the next contact" in found[0]


def test_an_ending_no_path_reaches_is_reported(scenario_file):
    path = scenario_file(("    polite_no: 1\n", ""))
    assert "no path reaches the ending 'clear_no'" in _messages(lint_file(path))


def test_a_text_too_long_for_its_box_is_reported_at_the_text(scenario_file):
    long_say = "Shall I " + "really " * 30 + "call you again?"
    path = scenario_file(("say: Then I'll call you again next week.", f"say: {long_say}"))
    found = [p for p in lint_file(path).problems if "phrasing box on screen holds 150" in p.message]
    assert [(p.line, p.column) for p in found] == [(_line_of(path, long_say), 18)]


def test_a_scenario_in_one_language_is_not_asked_for_a_translation(scenario_file):
    assert lint_file(scenario_file(name="coffee.en.yaml")).problems == []


def test_a_translation_with_another_number_of_phrasings_is_reported_at_the_decision_point(scenario_file):
    scenario_file(name="coffee.nl.yaml", text=(scenario_file().read_text().replace("language: en", "language: nl")))
    path = scenario_file(("          - say: Have you been able to decide yet?\n            aim: prolong\n"
                          "            reply: Not yet.\n            feedback: Polling the decision only records the "
                          "status.\n            principle: polling_is_static\n",
                          "          - say: Have you been able to decide yet?\n            aim: prolong\n"
                          "            reply: Not yet.\n            feedback: Polling the decision only records the "
                          "status.\n          - say: Or shall I wait?\n            aim: prolong\n"
                          "            reply: Wait.\n            feedback: Waiting.\n"), name="coffee.en.yaml")
    found = [p for p in lint_file(path).problems if "in coffee.nl.yaml" in p.message]
    assert [p.message for p in found] == ["decision point 'follow_up-1' has 3 phrasings here, 2 in coffee.nl.yaml"]


def test_the_loaders_problems_come_instead_of_the_design_findings(scenario_file):
    findings = lint_file(scenario_file(("aim: prolong               #", "aim: linger #")))
    assert [p.severity for p in findings.problems] == ["error"] and "'aim'" in findings.problems[0].message
    assert findings.statistics is None


def test_the_statistics_give_the_best_and_worst_reachable_score(scenario_file):
    stats = lint_file(scenario_file()).statistics
    assert (stats.decision_points, stats.best, stats.worst) == (4, 101, 1)


def test_the_statistics_count_every_path_through_the_starter(scenario_file):
    assert lint_file(scenario_file()).statistics.paths == 7


def test_the_exploration_of_a_thousand_decision_points_stays_within_points_stages_and_motives(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text(big_scenario(1000), encoding="utf-8")
    flow = explore(load_scenario(path))
    assert 0 < len(flow.states) <= 1000 * 3 * 4


def test_a_weekday_named_for_an_appointment_that_moves_with_the_call_is_reported(scenario_file):
    path = scenario_file(("{appointment} to settle", "Wednesday at ten to settle"))
    found = [m for m in _messages(lint_file(path)) if m.startswith("the text names Wednesday")]
    assert found == ["the text names Wednesday, but the appointment is at 10:00, 2 days after the call, "
                     "so it is Wednesday only when the call is on Monday"]


def test_a_translation_that_does_something_else_to_the_deal_is_reported(scenario_file):
    nl = (ROOT / "docs" / "examples" / "starter.nl.yaml").read_text(encoding="utf-8")
    scenario_file(name="coffee.nl.yaml", text=nl.replace("deal: reveal ", "deal: agree_step ", 1))
    findings = lint_file(scenario_file(name="coffee.en.yaml"))
    assert _messages(findings) == ["phrasing 2 of 'opening' differs from coffee.nl.yaml in deal: reveal here, "
                                   "agree_step there"]


def test_a_claim_that_sends_calls_to_a_colleague_the_buyer_does_not_have_is_reported(scenario_file):
    path = scenario_file(("  colleague: Ria from reception      # answers when a claim says 'unreachable: colleague'\n",
                          ""))
    found = [p for p in lint_file(path).problems if "the buyer has no colleague" in p.message]
    assert [p.line for p in found] == [_line_of(path, "  - day: 1")]


def test_a_claim_outside_the_calling_hours_is_reported(scenario_file):
    path = scenario_file(('at: "09:00"', 'at: "18:00"'))
    assert any("outside the hours the trainee can call (08:30-17:00)" in m for m in _messages(lint_file(path)))


def test_a_scenario_without_calls_is_an_error(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("title: X\nlanguage: en\nbuyer:\n  name: A\nquote:\n  what: b\ncalls: []\n", encoding="utf-8")
    assert _messages(lint_file(path), "error") == ["the scenario has no calls, so there is nothing to play"]


BOSS_ON_WEDNESDAY = ("week:\n", "week:\n  - {day: 3, at: \"09:30\", minutes: 60, who: boss, what: board meeting}\n")


def test_an_appointment_written_into_the_buyers_week_is_reported_at_the_appointment_and_the_claim(scenario_file):
    path = scenario_file(BOSS_ON_WEDNESDAY)
    [found] = [p for p in lint_file(path).problems if p.message.startswith("agreed in a call on Monday")]
    text = path.read_text().splitlines()
    assert "appointment: {days_later: 2" in text[found.line - 1] and "'board meeting' (line " in found.message
    claim_line = int(found.message.split("(line ")[1].split(",")[0])
    assert "board meeting" in text[claim_line - 1] and "agrees Wednesday 10:30 instead" in found.message


def test_an_appointment_at_a_free_moment_is_not_reported_as_moved(scenario_file):
    assert not [p for p in lint_file(scenario_file()).problems if "agreed in a call" in p.message]


def test_tomorrow_for_an_appointment_two_working_days_later_is_reported(scenario_file):
    path = scenario_file(("Shall I come by {appointment} to settle", "Shall I come by tomorrow at ten to settle"))
    found = [m for m in _messages(lint_file(path)) if m.startswith("the text says 'tomorrow'")]
    assert found == ["the text says 'tomorrow', but for a call on Monday the appointment is Wednesday 10:00 "
                     "(2 working days later)"]


def test_tomorrow_for_the_next_working_day_is_reported_for_a_call_on_friday(scenario_file):
    path = scenario_file(("Shall I come by {appointment} to settle", "Shall I come by tomorrow at ten to settle"),
                         ("days_later: 2", "days_later: 1"))
    found = [m for m in _messages(lint_file(path)) if m.startswith("the text says 'tomorrow'")]
    assert found == ["the text says 'tomorrow', but for a call on Friday the appointment is Monday 10:00 "
                     "(1 working day later)"]


def test_morgen_in_a_dutch_text_is_checked_as_tomorrow(tmp_path):
    nl = (ROOT / "docs" / "examples" / "starter.nl.yaml").read_text(encoding="utf-8")
    path = tmp_path / "koffie.nl.yaml"
    path.write_text(nl.replace("Zal ik {appointment} langskomen", "Zal ik morgen om tien uur langskomen"), "utf-8")
    assert any(m.startswith("the text says 'morgen'") for m in _messages(lint_file(path)))


def test_a_phrasing_whose_minutes_outweigh_its_move_is_reported(scenario_file):
    path = scenario_file(("            deal: agree_step\n", "            deal: agree_step\n            minutes: 30\n"))
    found = [m for m in _messages(lint_file(path)) if "minutes cost more than the move gains" in m]
    assert found == ["'Shall I come by {appointment} to settle the las…' moves the deal, but its 30 "
                     "minutes cost more than the move gains (-10 points at position_known, motive real_interest), "
                     "so the debrief calls it voortgang"]


def test_a_pass_score_above_the_best_reachable_score_is_reported_at_its_line(scenario_file):
    path = scenario_file(("difficulty: easy", "pass_score: 150\ndifficulty: easy"))
    problem = next(p for p in lint_file(path).problems if "pass_score" in p.message)
    assert (problem.line, "no one passes" in problem.message) == (_line_of(path, "pass_score"), True)


def test_a_pass_score_no_playthrough_can_miss_is_reported(scenario_file):
    path = scenario_file(("difficulty: easy", "pass_score: 0\ndifficulty: easy"))
    assert any("everyone passes" in message for message in _messages(lint_file(path)))


def test_a_pass_score_within_reach_is_not_reported(scenario_file):
    assert lint_file(scenario_file(("difficulty: easy", "pass_score: 60\ndifficulty: easy"))).problems == []


def test_a_buyer_without_a_portrait_hint_is_reported_at_the_buyer(scenario_file):
    path = scenario_file((_line_with(STARTER, "  portrait:"), ""))
    warnings = [p for p in lint_file(path).problems if "portrait" in p.message]
    assert len(warnings) == 1
    assert warnings[0].line == _line_of(path, "buyer:")


def test_a_portrait_hint_that_says_neither_woman_nor_man_is_reported_at_the_hint(scenario_file):
    path = scenario_file(("portrait: man in his fifties,", "portrait: in his fifties,"))
    warnings = [p for p in lint_file(path).problems if "portrait" in p.message]
    assert len(warnings) == 1
    assert warnings[0].line == _line_of(path, "portrait:")


def test_a_dutch_portrait_hint_that_says_vrouw_is_not_reported(scenario_file):
    path = scenario_file(("portrait: man in his fifties,", "portrait: vrouw van in de vijftig,"))
    assert not [p for p in lint_file(path).problems if "portrait" in p.message]

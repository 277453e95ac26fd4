from pathlib import Path

from game.scenario.load import load_bytes, load_scenario
from game.scenario.problem import ScenarioError

from .minimal import MINIMAL, broken

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_the_minimal_scenario_loads_with_defaults_filled_in():
    scenario = load_bytes(MINIMAL.encode(), "tiny.yaml")
    assert scenario.difficulty == "medium" and scenario.rules.contacts == 6 and scenario.week == ()


def test_decision_points_without_an_id_get_one_from_their_call():
    scenario = load_bytes(MINIMAL.encode(), "tiny.yaml")
    assert scenario.calls[0].id == "call1" and scenario.calls[0].points[0].id == "call1-1"


def test_a_file_saved_on_windows_with_bom_and_crlf_loads_like_any_other():
    windows = b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode()
    assert load_bytes(windows, "win.yaml") == load_bytes(MINIMAL.encode(), "win.yaml")


def test_the_version_of_a_scenario_follows_its_content():
    changed = broken("title: Tiny", "title: Tinier")
    assert load_bytes(MINIMAL.encode(), "a.yaml").version != load_bytes(changed.encode(), "a.yaml").version


def test_a_time_like_10_30_is_read_as_a_time_not_a_number():
    text = MINIMAL + "week:\n  - {day: 1, at: 10:30, who: boss, what: meeting}\n"
    assert load_bytes(text.encode(), "t.yaml").week[0].start == 10 * 60 + 30


def test_a_yes_or_no_word_in_a_text_is_kept_as_written():
    scenario = load_bytes(broken("say: I'll call again.", "say: No").encode(), "t.yaml")
    assert scenario.calls[0].points[0].phrasings[1].say == "No"


def test_a_motive_override_keeps_the_phrasings_other_answers():
    text = broken("            deal: order\n",
                  "            deal: order\n            if_motive:\n              polite_no: {reply: No thanks.}\n")
    phrasing = load_bytes(text.encode(), "t.yaml").calls[0].points[0].phrasings[0]
    response = phrasing.response_for("polite_no")
    assert response.reply == "No thanks." and response.moves == ("order",)


def test_a_scenario_can_change_a_rule_and_keep_the_others():
    text = MINIMAL + "rules:\n  contacts: 9\n"
    rules = load_bytes(text.encode(), "t.yaml").rules
    assert rules.contacts == 9 and rules.call_patience == 6


def test_missing_endings_get_the_default_texts_in_the_scenarios_language():
    scenario = load_bytes(broken("language: en", "language: nl").encode(), "t.yaml")
    assert scenario.endings["order"].title == "De order is binnen"


def test_the_test_fixture_scenario_loads():
    assert load_scenario(FIXTURES / "tiny.en.yaml").title == "Tiny"


def test_an_override_can_cancel_an_inherited_appointment():
    text = broken("            deal: order\n",
                  "            deal: order\n            appointment: {days_later: 1, at: '10:00'}\n"
                  "            if_motive:\n              polite_no: {appointment: none}\n")
    phrasing = load_bytes(text.encode(), "t.yaml").calls[0].points[0].phrasings[0]
    assert phrasing.response.appointment is not None and phrasing.response_for("polite_no").appointment is None


def test_a_reply_that_names_the_appointment_needs_one():
    text = broken("            reply: Fine.", "            reply: Fine, {appointment} then.")
    try:
        load_bytes(text.encode(), "t.yaml")
    except ScenarioError as error:
        assert "names {appointment}" in error.problems[0].message
    else:
        raise AssertionError("the file loaded")


def _problems(text: str) -> list[str]:
    try:
        load_bytes(text.encode(), "t.yaml")
    except ScenarioError as error:
        return [f"{p.message} | {p.hint}" for p in error.problems]
    return []


def test_score_weights_that_value_a_step_above_a_clear_no_are_refused():
    [problem] = _problems(MINIMAL + "rules:\n  score:\n    stages: {clear_no: 40}\n")
    assert "must rise in this order" in problem and "step_agreed is 45 and clear_no is 40" in problem


def test_a_score_weight_with_a_fraction_is_refused_so_the_score_stays_the_sum_of_whole_turns():
    [problem] = _problems(MINIMAL + "rules:\n  score:\n    per_minute: 0.5\n")
    assert "'per_minute' in the score weights must be a whole number" in problem


def test_an_appointment_worth_as_much_as_bringing_out_the_position_is_refused():
    [problem] = _problems(MINIMAL + "rules:\n  score:\n    appointment: 30\n")
    assert "'appointment' (30) must be less than position_known minus reached (22)" in problem


def test_an_appointment_at_a_moment_the_trainee_cannot_choose_is_refused_with_the_nearest_one():
    text = broken("            deal: order\n", "            deal: order\n            appointment: {at: \"10:20\"}\n")
    [problem] = _problems(text)
    assert "10:20 is not a moment the trainee can choose" in problem and 'at: "10:30"' in problem


def test_an_appointment_further_away_than_the_week_reaches_is_refused():
    text = broken("            deal: order\n",
                  "            deal: order\n            appointment: {days_later: 5, at: \"10:00\"}\n")
    [problem] = _problems(text)
    assert "further than this week of 5 working days reaches" in problem and "days_later: 4" in problem


def test_the_trainees_line_may_name_the_moment_its_phrasing_proposes():
    text = broken("          - say: Shall we settle it?\n            aim: advance\n",
                  "          - say: Shall we settle it {appointment}?\n            aim: advance\n"
                  "            appointment: {days_later: 1, at: \"10:00\"}\n")
    assert _problems(text) == []


def test_the_trainees_line_cannot_name_a_moment_its_phrasing_does_not_propose():
    [problem] = _problems(broken("say: Shall we settle it?", "say: Shall we settle it {appointment}?"))
    assert problem.startswith("the trainee's line names {appointment}, but the phrasing proposes no moment")


def test_a_placeholder_the_game_does_not_know_is_refused_with_a_suggestion():
    [problem] = _problems(broken("reply: Fine.", "reply: Fine, {apointment} then."))
    assert "'{apointment}' is not a placeholder the game knows" in problem and "did you mean {appointment}?" in problem


def test_the_agreed_moment_cannot_be_named_outside_a_phrasing():
    [problem] = _problems(broken("title: Tiny", "title: Tiny {appointment}"))
    assert problem.startswith("'title' cannot name {appointment}")


ENDING_PER_MOTIVE = ("endings:\n  clear_no:\n    title: Only a price lever\n    text: Stop sending discounts.\n"
                     "    if_motive:\n      polite_no: {text: The renewal was decided long ago.}\n")


def test_an_ending_can_have_its_own_text_for_a_motive_and_keeps_its_title():
    ending = load_bytes((MINIMAL + ENDING_PER_MOTIVE).encode(), "t.yaml").endings["clear_no"]
    polite = ending.for_motive("polite_no")
    assert (polite.title, polite.text) == ("Only a price lever", "The renewal was decided long ago.")


def test_an_ending_reads_as_written_for_a_motive_it_gives_nothing_for():
    ending = load_bytes((MINIMAL + ENDING_PER_MOTIVE).encode(), "t.yaml").endings["clear_no"]
    assert ending.for_motive("price_lever").text == "Stop sending discounts."


def test_a_misspelt_motive_under_an_endings_if_motive_is_named_with_a_suggestion():
    text = MINIMAL + ENDING_PER_MOTIVE.replace("polite_no:", "polite_noo:")
    try:
        load_bytes(text.encode(), "t.yaml")
    except ScenarioError as error:
        assert "polite_noo" in str(error) and "polite_no" in str(error).replace("polite_noo", "")
    else:
        raise AssertionError("a misspelt motive loaded")


def test_the_buyer_is_read_after_the_first_call_unless_the_scenario_says_otherwise():
    from game.scenario.load import load_bytes
    from tests.scenario.minimal import MINIMAL

    assert load_bytes(MINIMAL.encode(), "tiny.en.yaml").read_the_buyer == "first_call"
    at_point = MINIMAL.replace("title: Tiny", "title: Tiny\nread_the_buyer: call1-1")
    assert load_bytes(at_point.encode(), "tiny.en.yaml").read_the_buyer == "call1-1"

"""Every kind of mistake a trainer makes gets a located message that says what to do."""

import pytest

from game.scenario.load import load_bytes
from game.scenario.problem import ScenarioError

from .minimal import MINIMAL, broken

CASES = [
    ("a moment to read the buyer that is no word and no decision point lists both",
     broken("title: Tiny", "title: Tiny\nread_the_buyer: first_cal"), 2, 17, "'read_the_buyer: first_cal' is no moment",
     "did you mean 'first_call'? Write one of: first_call, end, never, or the id of a decision point "
     "(such as call1-1)"),
    ("an unknown top-level key suggests the right one",
     broken("title: Tiny", "titel: Tiny"), 1, 1, "unknown key 'titel'", "did you mean 'title'"),
    ("a misspelt key in a phrasing suggests the right one",
     broken("            reply: Fine.", "            repley: Fine."), 18, 13, "unknown key 'repley'", "'reply'"),
    ("a missing title is named",
     broken("title: Tiny\n", ""), 1, 1, "needs 'title'", "add a line 'title: ...'"),
    ("an unknown language lists the languages",
     broken("language: en", "language: de"), 2, 11, "'language'", "nl, en"),
    ("a missing aim is named",
     broken("            aim: prolong\n", ""), 16, 13, "needs 'aim'", "advance"),
    ("an unknown deal move lists the moves",
     broken("deal: order", "deal: win"), 14, 19, "'win' is not something", "reveal"),
    ("a next that names no decision point lists the ids",
     broken("            feedback: Nothing agreed.", "            feedback: Nothing agreed.\n            next: later"),
     16, 13, "'next: later' names no decision point", "call1-1"),
    ("a decision point with one phrasing asks for a real choice",
     MINIMAL.split("          - say: I'll call again.")[0], 11, 11, "has 1 phrasings", "no choice"),
    ("an unknown motive lists the motives",
     broken("  name: Ann", "  name: Ann\n  motive: greed"), 5, 11, "'greed' is not a motive", "price_lever"),
    ("a time that is no time is explained",
     MINIMAL + "week:\n  - {day: 1, at: '25:00', who: boss, what: meeting}\n", 21, 18, "a time like", ""),
    ("a claim by someone not on the ladder lists the ladder",
     MINIMAL + "week:\n  - {day: 1, at: '09:00', who: cat, what: feeding}\n", 21, 32,
     "'cat' is not on the buyer's ladder",
     "boss"),
    ("a tab in the indentation asks for spaces",
     broken("  name: Ann", "\tname: Ann"), 4, 1, "YAML syntax", "spaces"),
    ("a colon inside an unquoted text asks for quotes",
     broken("say: I'll call again.", "say: Note: I'll call again."), 16, 18, "contains ': '", "in quotes"),
    ("a key written twice names the first line",
     broken("title: Tiny", "title: Tiny\ntitle: Small"), 2, 1, "appears twice", "keep one"),
    ("a text where a list belongs says what shape is wanted",
     broken("calls:\n  - points:", "calls: soon\nnothing:\n  - points:"), 7, 8, "must be a list", ""),
    ("a word where a number belongs gives an example",
     broken("title: Tiny", "title: Tiny\nminutes: ten"), 2, 10,
     "'minutes' in the scenario must be a whole number", "minutes:"),
    ("a python tag is refused",
     broken("title: Tiny", "title: !!python/object/apply:os.system ['echo hi']"), 1, 8, "tag", "remove it"),
    ("an anchor is refused",
     broken("title: Tiny", "title: &t Tiny\ngoal: *t"), 1, 8, "anchors", ""),
    ("a second document is refused",
     MINIMAL + "---\ntitle: Other\n", 20, 1, "second YAML document", "one scenario"),
    ("motive weights that add up to nothing are refused",
     broken("  name: Ann", "  name: Ann\n  motive: {real_interest: 0}"), 5, 11, "add up to nothing", "weight above 0"),
    ("a ladder without the trainee is refused",
     broken("  name: Ann", "  name: Ann\n  ladder: [partner, boss]"), 5, 11, "must include 'prospect'", ""),
    ("an empty file is named",
     "", 1, 1, "the file is empty", "python main.py new"),
    ("a file that is only a list says what it needs",
     "- one\n- two\n", 1, 1, "must be a set of 'key: value' lines", ""),
]


@pytest.mark.parametrize(("text", "line", "column", "message", "hint"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_broken_file_gets_a_located_message(text, line, column, message, hint):
    with pytest.raises(ScenarioError) as caught:
        load_bytes(text.encode(), "broken.yaml")
    matching = [p for p in caught.value.problems if message in p.message]
    assert matching, [str(p) for p in caught.value.problems]
    assert (matching[0].line, matching[0].column) == (line, column), str(matching[0])
    assert hint in matching[0].hint


def test_a_file_that_is_not_utf8_says_so_with_its_line():
    data = broken("  name: Ann", "  name: Ann\n  role: Directrice g\xe9n\xe9rale").encode("latin-1")
    with pytest.raises(ScenarioError) as caught:
        load_bytes(data, "latin.yaml")
    problem = caught.value.problems[0]
    assert "not UTF-8" in problem.message and problem.line == 5


def test_all_problems_of_a_file_are_reported_in_one_pass():
    text = broken("title: Tiny", "titel: Tiny").replace("deal: order", "deal: win")
    text = text.replace("aim: prolong", "aim: stall")
    with pytest.raises(ScenarioError) as caught:
        load_bytes(text.encode(), "many.yaml")
    messages = " | ".join(p.message for p in caught.value.problems)
    assert "'titel'" in messages and "'win'" in messages and "'stall'" in messages


def test_a_problem_prints_as_file_line_column_message_and_hint():
    with pytest.raises(ScenarioError) as caught:
        load_bytes(broken("title: Tiny", "titel: Tiny").encode(), "scenarios/x.yaml")
    assert str(caught.value.problems[0]).startswith("scenarios/x.yaml:1:1: unknown key 'titel'")
    assert "\n    hint: did you mean 'title'?" in str(caught.value.problems[0])


def first_problem(text: str):
    with pytest.raises(ScenarioError) as caught:
        load_bytes(text.encode(), "t.yaml")
    return caught.value.problems[0]


def test_a_language_in_capitals_is_pointed_to_small_letters():
    assert "did you mean 'en' (small letters)?" in first_problem(broken("language: en", "language: EN")).hint


def test_a_dutch_thousands_separator_in_the_amount_is_refused_with_the_fix():
    problem = first_problem(broken("  what: Ten chairs", "  what: Ten chairs\n  amount: 24.000"))
    assert "ambiguous" in problem.message and "amount: 24000" in problem.hint


def test_a_day_written_as_a_name_asks_for_its_number():
    problem = first_problem(MINIMAL + "week:\n  - {day: maandag, at: '09:00', who: boss, what: meeting}\n")
    assert "must be a number" in problem.message and "1 is Monday (maandag)" in problem.hint


def test_two_moves_written_with_a_comma_are_shown_as_a_list():
    problem = first_problem(broken("deal: order", "deal: reveal, order"))
    assert "deal: [reveal, order]" in problem.hint


def test_a_misspelt_next_suggests_the_decision_point_once():
    text = broken("          - say: I'll call again.", "          - say: I'll call again.\n            next: clsoing")
    text = text.replace("  - points:\n      - buyer", "  - points:\n      - id: closing\n        buyer")
    text = text.replace("            feedback: Nothing agreed.",
                        "            feedback: Nothing agreed.\n            if_motive: {polite_no: {reply: No.}}")
    with pytest.raises(ScenarioError) as caught:
        load_bytes(text.encode(), "t.yaml")
    problems = [p for p in caught.value.problems if "next: clsoing" in p.message]
    assert len(problems) == 1 and "did you mean 'closing'?" in problems[0].hint


def test_a_scenario_with_an_empty_list_of_calls_is_refused():
    problem = first_problem(broken("calls:\n  - points:", "calls: []\nunused:\n  - points:"))
    assert problem.message == "the scenario has no calls, so there is nothing to play"

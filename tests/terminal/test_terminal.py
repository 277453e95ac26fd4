"""The game in a terminal: typed moments and choices, the same model, and the debrief at the end."""

from __future__ import annotations

import io
import re
from pathlib import Path

from game.cli import main
from game.model.playthrough import Playthrough
from game.scenario.load import load_scenario
from game.terminal import TerminalGame
from game.terminal.typed import day_number, read_contact

ROOT = Path(__file__).resolve().parents[2]
QUIET_WEEK = ROOT / "scenarios" / "quiet-week.en.yaml"
STARTER_NL = ROOT / "docs" / "examples" / "starter.nl.yaml"
# A step with Henk agreed on the second call (the reading of the buyer skipped after the first), then a stop.
STEP_NEVER_KEPT = ["mon 11:00", "2", "3", "", "tue 11:00", "3", "1", "stop"]


def _play(path, typed, seed=3, width=70, motive=None):
    lines = iter(typed)
    shown = []

    def read(prompt):
        shown.append(prompt)
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None

    game = TerminalGame(Playthrough.start(load_scenario(path), seed, motive=motive), read=read, write=shown.append,
                        width=width)
    code = game.run()
    return code, "\n".join(shown)


def test_a_game_played_to_the_order_ends_with_the_debrief_and_its_score():
    code, text = _play(QUIET_WEEK, ["mon 11:00", "2", "2", "1"])
    assert code == 0 and "== Debrief ==" in text and "Score: 94" in text


def test_the_week_shows_who_has_the_buyer_by_their_rung_on_the_ladder():
    _, text = _play(QUIET_WEEK, [])
    assert "management meeting (The boss)" in text


def test_the_end_of_the_input_still_shows_the_debrief():
    code, text = _play(QUIET_WEEK, ["mon 11:00"])
    assert code == 0 and "== Debrief ==" in text


def test_a_moment_that_cannot_be_chosen_is_explained_and_asked_again():
    _, text = _play(QUIET_WEEK, ["tue 9:00", "mon 10:00"])
    assert "'mon 10:00' is not a moment you can still choose" in text


def test_a_choice_that_is_not_on_the_list_is_asked_again():
    _, text = _play(QUIET_WEEK, ["mon 11:00", "7"])
    assert "Choose a number from 1 to 3." in text


def test_ctrl_c_stops_the_game_without_a_traceback():
    def interrupted(prompt):
        raise KeyboardInterrupt

    shown = []
    game = TerminalGame(Playthrough.start(load_scenario(QUIET_WEEK), 3), read=interrupted, write=shown.append)
    assert game.run() == 130 and shown[-1] == "Stopped."


def test_a_dutch_scenario_is_played_in_dutch():
    _, text = _play(STARTER_NL, ["di 11:00", "stop"])
    assert "Wanneer neemt u contact op?" in text and "Nabespreking" in text


def test_every_line_fits_the_width_of_the_terminal():
    _, text = _play(QUIET_WEEK, ["mon 11:00", "2", "2", "1"], width=60)
    assert max(len(line) for line in text.split("\n")) <= 60


def test_a_day_may_be_typed_short_in_either_language():
    assert (day_number("ma"), day_number("tue"), day_number("do"), day_number("fri")) == (1, 2, 4, 5)


def test_email_before_the_moment_chooses_the_email_channel():
    assert read_contact("nl", "mail wo 10:00", today=1).channel == "email"


def test_the_command_plays_from_piped_input(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("mon 11:00\n2\n2\n1\n"))
    assert main(["play", "--text", str(QUIET_WEEK), "--seed", "3"]) == 0
    assert "Score: 94" in capsys.readouterr().out


def test_the_score_is_the_sum_of_the_points_the_terminal_shows_per_turn():
    _, text = _play(QUIET_WEEK, STEP_NEVER_KEPT, motive="internal_blocker")
    shown = [int(m.replace("−", "-")) for m in re.findall(r", ([+−]?\d+) points?$", text, re.MULTILINE)]
    score = int(re.search(r"^Score: (−?\d+)$", text, re.MULTILINE)[1].replace("−", "-"))
    assert len(shown) == 7 and sum(shown) == score


def test_the_week_ending_with_a_moment_never_kept_is_its_own_turn_in_the_terminal_debrief():
    _, text = _play(QUIET_WEEK, STEP_NEVER_KEPT, motive="internal_blocker")
    assert "7. " in text and "You stopped" in text and "was never kept" in text


def test_typing_week_shows_the_week_again():
    _, text = _play(QUIET_WEEK, ["week"])
    assert text.count("management meeting (The boss)") == 2


def test_the_terminal_debrief_says_what_a_prolonging_turn_cost_in_the_same_week():
    _, text = _play(QUIET_WEEK, STEP_NEVER_KEPT, width=200)
    assert ("What this turn cost: With the stronger phrasing here and your own later choices, the same week ended in "
            "an order on Monday: 4 points more than yours.") in text


def test_the_buyer_is_read_once_the_first_call_is_over_and_the_debrief_says_whether_it_was_right():
    _, text = _play(QUIET_WEEK, ["mon 11:00", "2", "3", "4", "2", "tue 11:00", "3", "1", "stop"],
                    motive="internal_blocker")
    asked = text.index("== Reading the buyer ==")
    ended = text.index("- The call has ended. -")
    assert ended < asked < text.index("Now: ", ended)
    assert text.count("== Reading the buyer ==") == 1
    assert "Your reading: Internal blocker, fairly sure. That was right." in text


def test_a_wrong_reading_is_named_in_the_debrief_and_leaves_the_score_as_it_was():
    right = _play(QUIET_WEEK, ["mon 11:00", "2", "3", "4", "3", "tue 11:00", "3", "1", "stop"],
                  motive="internal_blocker")[1]
    wrong = _play(QUIET_WEEK, ["mon 11:00", "2", "3", "3", "3", "tue 11:00", "3", "1", "stop"],
                  motive="internal_blocker")[1]
    assert "Your reading: Polite no, sure. That was not it." in wrong
    assert re.search(r"^Score: .*$", right, re.MULTILINE)[0] == re.search(r"^Score: .*$", wrong, re.MULTILINE)[0]


def test_enter_skips_the_reading_and_it_is_not_asked_again():
    _, text = _play(QUIET_WEEK, STEP_NEVER_KEPT, motive="internal_blocker")
    assert text.count("== Reading the buyer ==") == 1 and "Your reading:" not in text


def test_a_game_that_ends_in_the_first_call_asks_for_the_reading_before_the_debrief():
    _, text = _play(QUIET_WEEK, ["mon 11:00", "2", "2", "1", "1", "1"])
    assert text.index("== Reading the buyer ==") < text.index("== Debrief ==")
    assert "Your reading: Real interest, just a guess." in text


def test_a_dutch_game_reads_the_buyer_in_dutch():
    _, text = _play(STARTER_NL, ["ma 11:00", "2", "3", "3", "2", "stop"])
    assert "== De inkoper inschatten ==" in text and "Uw inschatting (1-4)" in text

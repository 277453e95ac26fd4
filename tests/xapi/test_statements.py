"""The statements a results file gives, read as an LMS would read them (no store needed)."""

from __future__ import annotations

import itertools

import pytest

from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.motive import Motive
from game.model.playthrough import Playthrough
from game.model.reading import Confidence, Reading
from game.scenario.load import load_scenario
from game.workshop.entries import Practised, read
from game.workshop.journal import Journal
from game.xapi import vocabulary as v
from game.xapi.outbox import collect
from game.xapi.scenarios import PlayedScenario, ScenarioShelf
from game.xapi.statements import decision_point, duration, scaled, timestamp
from game.xapi.trainees import Trainees
from tests.conftest import FIXTURES, ROOT

TINY = FIXTURES / "tiny.en.yaml"


def record(journal: Journal, scenario=None, trainee="Anouk", workshop="W1", seed=1, strategy="advance",
           finish=True, start=1_700_000_000.0) -> str:
    """One game played into the journal on a clock that ticks 30 seconds per look; returns the play's uuid."""
    ticks = itertools.count()
    game = Playthrough.start(scenario or load_scenario(TINY), seed, clock=lambda: start + 30 * next(ticks))
    play_id = journal.begin(game, trainee, workshop, seed)
    play_out(game, Strategy(strategy, bot_rng(seed)))
    if finish:
        journal.finish(play_id, game)
    return journal.connection.execute("SELECT uuid FROM plays WHERE id = ?", (play_id,)).fetchone()[0]


def statements(journal: Journal, **trainees) -> list[dict]:
    return collect(journal, ScenarioShelf(), Trainees(**trainees)).statements


def by_verb(found: list[dict], verb: str) -> list[dict]:
    return [s for s in found if s["verb"]["id"] == verb]


@pytest.fixture
def journal(tmp_path):
    with Journal.open(tmp_path / "results.sqlite") as opened:
        yield opened


def test_each_phrasing_said_is_one_answered_statement_and_a_finished_game_one_completed(journal):
    record(journal)
    found = statements(journal)
    phrasings = journal.connection.execute("SELECT count(*) FROM turns WHERE kind = 'phrasing'").fetchone()[0]
    assert len(by_verb(found, v.ANSWERED)) == phrasings > 0
    assert len(by_verb(found, v.COMPLETED)) == 1
    assert found[-1]["verb"]["id"] == v.COMPLETED


def test_the_same_results_give_the_same_statements_every_time(journal):
    record(journal)
    assert statements(journal) == statements(journal)


def test_every_statement_has_its_own_id(journal):
    record(journal, seed=1)
    record(journal, seed=2)
    ids = [s["id"] for s in statements(journal)]
    assert len(ids) == len(set(ids))


def test_an_answered_decision_point_lists_every_phrasing_in_the_scenarios_language(journal):
    record(journal)
    first = by_verb(statements(journal), v.ANSWERED)[0]
    definition = first["object"]["definition"]
    assert definition["type"] == v.INTERACTION and definition["interactionType"] == "choice"
    assert [c["description"]["en"] for c in definition["choices"]] == [
        "Is working with us still what you want?", "Fine, I will call next week.", "What matters most to you?"]
    assert definition["description"] == {"en": "Ann here. I have not read it yet."}
    assert first["result"]["response"] in {c["id"] for c in definition["choices"]}


def test_the_response_is_the_phrasing_the_trainee_chose(journal):
    record(journal)
    choice = journal.connection.execute(
        "SELECT choice FROM turns WHERE kind = 'phrasing' ORDER BY number").fetchone()[0]
    assert by_verb(statements(journal), v.ANSWERED)[0]["result"]["response"] == str(choice + 1)


def test_a_turns_points_verdict_and_stages_are_read_from_the_journal(journal):
    record(journal)
    journal.connection.execute("UPDATE turns SET points = 7.5, verdict = 'voortgang', stage_before = 'reached', "
                               "stage_after = 'reached' WHERE kind = 'phrasing'")
    result = by_verb(statements(journal), v.ANSWERED)[0]["result"]
    assert result["score"]["raw"] == 7.5
    assert result["extensions"][v.RESULT_EXTENSION] | {"aim": ""} == {
        "verdict": "voortgang", "stage_before": "reached", "stage_after": "reached", "aim": ""}


def test_the_completed_statement_carries_the_journals_score_scaled_duration_and_outcome(journal):
    record(journal)
    journal.connection.execute("UPDATE plays SET score = 12, outcome = 'next_step', stage = 'step_agreed'")
    started, finished = journal.connection.execute("SELECT started, finished FROM plays").fetchone()
    result = by_verb(statements(journal), v.COMPLETED)[0]["result"]
    assert result["completion"] is True
    assert result["score"]["raw"] == 12
    assert -1 <= result["score"]["scaled"] <= 1
    assert result["duration"] == duration(finished - started)
    assert result["extensions"][v.RESULT_EXTENSION] == {"outcome": "next_step", "stage": "step_agreed"}


def test_a_game_left_halfway_sends_its_decisions_but_no_completion(journal):
    record(journal, finish=False)
    found = statements(journal)
    assert by_verb(found, v.ANSWERED) and not by_verb(found, v.COMPLETED)


def test_registration_parent_and_grouping_name_the_playthrough_the_scenario_version_and_the_workshop(journal):
    play_uuid = record(journal, workshop="Utrecht-3")
    answered = by_verb(statements(journal), v.ANSWERED)[0]
    context = answered["context"]
    version = load_scenario(TINY).version
    assert context["registration"] == play_uuid
    assert context["contextActivities"]["parent"][0]["id"] == v.scenario_iri("tiny.en", version)
    assert context["contextActivities"]["grouping"][0]["id"] == v.workshop_iri("Utrecht-3")
    assert answered["object"]["id"].startswith(v.scenario_iri("tiny.en", version) + "/")


def test_a_game_without_a_workshop_code_has_no_grouping(journal):
    record(journal, workshop="")
    assert all("grouping" not in s["context"].get("contextActivities", {}) for s in statements(journal))


def test_every_statement_has_a_timestamp_of_when_it_happened(journal):
    record(journal, start=1_700_000_000.0)
    found = statements(journal)
    assert all(s["timestamp"].endswith("Z") for s in found)
    assert found[0]["timestamp"].startswith("2023-11-14T22:")


def test_the_actor_is_an_account_with_the_trainees_name_and_no_email(journal):
    record(journal, trainee="Anouk de Vries")
    actor = statements(journal, home_page="https://lms.example.org/")[0]["actor"]
    assert actor["account"] == {"homePage": "https://lms.example.org/", "name": "Anouk de Vries"}
    assert "mbox" not in actor and "mbox_sha1sum" not in actor


def test_anonymous_trainees_keep_one_pseudonym_that_does_not_show_the_name(journal):
    record(journal, trainee="Anouk", seed=1)
    record(journal, trainee="anouk ", seed=2)
    record(journal, trainee="Bram", seed=3)
    first = {s["actor"]["account"]["name"] for s in statements(journal, anonymous=True)}
    again = {s["actor"]["account"]["name"] for s in statements(journal, anonymous=True)}
    assert first == again and len(first) == 2
    assert not any("nouk" in name.lower() or "bram" in name.lower() for name in first)
    assert all("name" not in s["actor"] for s in statements(journal, anonymous=True))


def test_a_scenario_with_a_pass_score_adds_passed_or_failed(journal, tmp_path):
    strict = tmp_path / "tiny-strict.en.yaml"
    strict.write_text(TINY.read_text(encoding="utf-8") + "\npass_score: 1000\n", encoding="utf-8")
    easy = tmp_path / "tiny-easy.en.yaml"
    easy.write_text(TINY.read_text(encoding="utf-8") + "\npass_score: -1000\n", encoding="utf-8")
    record(journal, scenario=load_scenario(strict))
    record(journal, scenario=load_scenario(easy))
    found = statements(journal)
    failed, passed = by_verb(found, v.FAILED), by_verb(found, v.PASSED)
    assert len(failed) == len(passed) == 1
    assert failed[0]["result"]["success"] is False and passed[0]["result"]["success"] is True


def test_a_scenario_without_a_pass_score_sends_neither_passed_nor_failed(journal):
    record(journal)
    verbs = {s["verb"]["id"] for s in statements(journal)}
    assert verbs == {v.ANSWERED, v.COMPLETED}


def test_a_game_whose_scenario_version_is_not_found_is_left_out_and_counted(journal, tmp_path):
    edited = tmp_path / "tiny.en.yaml"
    edited.write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    record(journal, scenario=load_scenario(edited))
    edited.write_text(TINY.read_text(encoding="utf-8").replace("Ten chairs", "Twelve chairs"), encoding="utf-8")
    outbox = collect(journal, ScenarioShelf(), Trainees())
    assert outbox.statements == []
    assert list(outbox.unfound.values()) == [1]


def test_a_scenario_moved_to_another_folder_is_found_there(journal, tmp_path):
    played = tmp_path / "laptop" / "tiny.en.yaml"
    played.parent.mkdir()
    played.write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    record(journal, scenario=load_scenario(played))
    played.unlink()
    assert collect(journal, ScenarioShelf([FIXTURES]), Trainees()).statements


@pytest.mark.parametrize("score, expected", [(90, 1.0), (45, 0.5), (0, 0.0), (-10, -0.5), (-20, -1.0),
                                             (120, 1.0), (-50, -1.0)])
def test_the_scaled_score_is_minus_one_at_the_worst_zero_at_nothing_and_one_at_the_best(score, expected):
    assert scaled(score, best=90, worst=-20) == expected


@pytest.mark.parametrize("seconds, expected", [(0, "PT0S"), (5.25, "PT5.25S"), (65, "PT1M5S"),
                                               (3600, "PT1H"), (3725.5, "PT1H2M5.5S"), (600, "PT10M")])
def test_durations_are_iso_8601(seconds, expected):
    assert duration(seconds) == expected


def test_timestamps_are_utc_to_the_millisecond():
    assert timestamp(1_700_000_000.25) == "2023-11-14T22:13:20.250Z"



def test_a_choice_that_proposes_a_moment_names_it_as_the_buyer_would_hear_it():
    played = PlayedScenario(load_scenario(ROOT / "scenarios" / "two-minutes.en.yaml"), "two-minutes.en")
    activity = decision_point(played, "first", "rushing")
    choices = [choice["description"]["en"] for choice in activity["definition"]["choices"]]
    assert choices[0] == "One thing before you go - tomorrow at 08:30, five minutes, I call you?"


def read_the_buyer(journal: Journal, play_uuid: str, motive: str, confidence="fairly_sure", after=1,
                   wall_time=1_700_000_100.0) -> None:
    journal.write([read(play_uuid, Reading(Motive(motive), Confidence(confidence), after, wall_time))])


def readings(found: list[dict]) -> list[dict]:
    return [s for s in found if s["object"]["id"].endswith("/reading")]


def test_a_reading_of_the_buyer_is_one_answered_question_with_the_four_motives_as_its_choices(journal):
    play_uuid = record(journal)
    read_the_buyer(journal, play_uuid, "polite_no")
    [reading] = readings(statements(journal))
    definition = reading["object"]["definition"]
    assert reading["verb"]["id"] == v.ANSWERED
    assert definition["type"] == v.INTERACTION and definition["interactionType"] == "choice"
    assert [c["id"] for c in definition["choices"]] == [str(motive) for motive in Motive]
    assert reading["result"]["response"] == "polite_no"


def test_a_reading_names_no_right_answer_in_the_question_as_the_motive_differs_per_game(journal):
    read_the_buyer(journal, record(journal), "polite_no")
    assert "correctResponsesPattern" not in readings(statements(journal))[0]["object"]["definition"]


def test_a_right_reading_is_a_success_with_how_sure_and_the_motive_it_was(journal):
    play_uuid = record(journal)
    motive = journal.connection.execute("SELECT motive FROM plays").fetchone()[0]
    read_the_buyer(journal, play_uuid, motive, confidence="sure")
    result = readings(statements(journal))[0]["result"]
    assert result["success"] is True
    assert result["extensions"][v.RESULT_EXTENSION] == {"confidence": "sure", "motive": motive}


def test_a_wrong_reading_is_no_success(journal):
    play_uuid = record(journal)
    motive = journal.connection.execute("SELECT motive FROM plays").fetchone()[0]
    read_the_buyer(journal, play_uuid, next(m for m in Motive if m != motive))
    assert readings(statements(journal))[0]["result"]["success"] is False


def test_a_reading_carries_no_score_as_it_counts_in_none(journal):
    read_the_buyer(journal, record(journal), "real_interest")
    assert "score" not in readings(statements(journal))[0]["result"]


def test_the_reading_stands_between_the_turns_it_was_made_after_and_those_after_it(journal):
    play_uuid = record(journal)
    first_said = journal.connection.execute("SELECT min(number) FROM turns WHERE kind = 'phrasing'").fetchone()[0]
    read_the_buyer(journal, play_uuid, "price_lever", after=first_said)
    found = statements(journal)
    kinds = ["reading" if s in readings(found) else s["verb"]["id"] for s in found]
    assert kinds[:3] == [v.ANSWERED, "reading", v.ANSWERED]
    assert found[-1]["verb"]["id"] == v.COMPLETED


def test_a_reading_keeps_its_id_and_its_time_in_every_sync(journal):
    read_the_buyer(journal, record(journal), "price_lever", wall_time=1_700_000_123.5)
    first, again = readings(statements(journal)), readings(statements(journal))
    assert first == again
    assert first[0]["timestamp"] == "2023-11-14T22:15:23.500Z"


def test_a_game_without_a_reading_sends_no_reading(journal):
    record(journal)
    assert readings(statements(journal)) == []


def test_a_practice_answer_sends_nothing_as_practice_is_no_play(journal):
    play_uuid = record(journal)
    before = statements(journal)
    journal.write([Practised({"uuid": "p-1", "trainee": "Anouk", "scenario_key": "tiny.en.yaml", "call_id": "first",
                              "point_id": "open", "play_uuid": play_uuid, "number": 2, "choice": 0,
                              "say": "Is working with us still what you want?", "verdict": "vooruitgang",
                              "points": 20, "good": 1, "wall_time": 1_700_090_000.0})])
    assert len(journal.practice("Anouk")) == 1
    assert statements(journal) == before

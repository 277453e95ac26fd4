"""`sync` against a real learning record store (Ralph on 127.0.0.1): what the store holds afterwards,
counted, also when the store goes down, refuses or answers late along the way."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections import Counter

import pytest

from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.playthrough import Phase, Playthrough
from game.scenario.load import load_scenario
from game.workshop.journal import Journal
from game.xapi import vocabulary as v
from game.xapi.delivery import deliver, forward, sent_to
from game.xapi.lrs import LRS, Credentials, ServerError, TooSlow, WrongCredentials
from game.xapi.outbox import collect
from game.xapi.scenarios import ScenarioShelf
from game.xapi.trainees import Trainees
from tests.xapi.conftest import LRS_PYTHON, PASSWORD, ROOT, SCENARIO, USER, free_port, record_workshop, run_game


@pytest.fixture
def results(tmp_path):
    return record_workshop(tmp_path / "results.sqlite")


def expected_ids(path) -> list[str]:
    with Journal.open(path) as journal:
        return [s["id"] for s in collect(journal, ScenarioShelf(), Trainees()).statements]


def marked(path, lrs_url) -> set[str]:
    with Journal.open(path) as journal:
        return sent_to(journal, LRS(lrs_url).endpoint)


def sync(results, url, *extra, password=PASSWORD):
    return run_game("sync", "--lrs", url, "--user", USER, "--password", password, "--db", str(results),
                    "--lang", "en", *extra)


def held_once(ralph, ids) -> bool:
    counts = Counter(statement["id"] for statement in ralph.statements())
    return set(counts) == set(ids) and set(counts.values()) == {1}


def test_every_statement_is_stored_and_comes_back_with_our_ids(ralph, results):
    done = sync(results, ralph.url)
    assert done.returncode == 0, done.stderr
    ids = expected_ids(results)
    assert len(ids) > 10
    assert sorted(s["id"] for s in ralph.statements()) == sorted(ids)
    assert f"{len(ids)} new statements stored" in done.stdout


def test_what_the_store_holds_passes_ralphs_own_strict_xapi_model(ralph, results):
    sync(results, ralph.url)
    stored = ralph.statements()
    check = ("import json, sys\n"
             "from ralph.models.xapi.base.statements import BaseXapiStatement\n"
             "for line in sys.stdin: BaseXapiStatement.model_validate(json.loads(line))\n"
             "print('valid')")
    found = subprocess.run([str(LRS_PYTHON), "-c", check], input="".join(json.dumps(s) + "\n" for s in stored),
                           capture_output=True, text=True, timeout=120)
    assert found.stdout.strip() == "valid", found.stderr[-2000:]


def test_the_store_keeps_what_a_turn_was(ralph, results):
    sync(results, ralph.url)
    answered = [s for s in ralph.statements()
                if s["verb"]["id"].endswith("/answered") and not s["object"]["id"].endswith("/reading")]
    with Journal.open(results) as journal:
        first_turn = journal.connection.execute(
            "SELECT points, choice, verdict FROM turns WHERE kind = 'phrasing' ORDER BY play_id, number").fetchone()
    first = answered[0]
    assert (first["result"]["score"]["raw"], first["result"]["response"]) == (first_turn[0], str(first_turn[1] + 1))
    assert first["object"]["definition"]["interactionType"] == "choice"
    assert len(first["object"]["definition"]["choices"]) >= 2
    assert first["timestamp"].endswith("Z")


def test_the_store_keeps_each_reading_of_the_buyer_with_how_sure_and_whether_it_was_right(ralph, results):
    sync(results, ralph.url)
    stored = {s["context"]["registration"]: s for s in ralph.statements() if s["object"]["id"].endswith("/reading")}
    with Journal.open(results) as journal:
        kept = journal.connection.execute("SELECT r.play_uuid, r.motive, r.confidence, p.motive FROM readings r "
                                          "JOIN plays p ON p.uuid = r.play_uuid").fetchall()
    assert len(kept) == 3
    assert {uuid: (s["result"]["response"], s["result"]["success"],
                   s["result"]["extensions"][v.RESULT_EXTENSION]) for uuid, s in stored.items()} == {
        uuid: (read, read == motive, {"confidence": confidence, "motive": motive})
        for uuid, read, confidence, motive in kept}
    assert {s["object"]["definition"]["interactionType"] for s in stored.values()} == {"choice"}


def test_a_second_sync_sends_nothing_and_the_store_holds_each_statement_once(ralph, results):
    sync(results, ralph.url)
    again = sync(results, ralph.url)
    assert again.returncode == 0
    assert "Nothing new" in again.stdout
    assert held_once(ralph, expected_ids(results))


def test_a_store_that_holds_the_statements_already_is_no_error(ralph, results, tmp_path):
    sync(results, ralph.url)
    copy = tmp_path / "copy.sqlite"  # the same results on another laptop, that never synced
    with sqlite3.connect(results) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with Journal.open(copy) as journal:
        journal.connection.execute("DELETE FROM xapi_sent")
    again = sync(copy, ralph.url)
    assert again.returncode == 0, again.stderr
    assert "were in the store already" in again.stdout
    assert held_once(ralph, expected_ids(results))


def test_a_wrong_password_says_so_marks_nothing_and_the_right_one_then_sends_all(ralph, results):
    wrong = sync(results, ralph.url, password="kwartaal-41")
    assert wrong.returncode == 1
    assert "refused the user name or password" in wrong.stderr
    assert "Traceback" not in wrong.stderr and "kwartaal" not in wrong.stderr + wrong.stdout
    assert marked(results, ralph.url) == set()
    assert ralph.statements() == []
    assert sync(results, ralph.url).returncode == 0
    assert held_once(ralph, expected_ids(results))


def test_a_wrong_password_is_told_also_when_there_is_nothing_new_to_send(ralph, results):
    sync(results, ralph.url)
    wrong = sync(results, ralph.url, password="kwartaal-41")
    assert wrong.returncode == 1
    assert "refused the user name or password" in wrong.stderr
    assert "Nothing new" not in wrong.stdout


def test_a_store_that_is_down_says_so_in_one_line(results):
    down = sync(results, f"http://127.0.0.1:{free_port()}/xAPI/")
    assert down.returncode == 1
    assert "cannot be reached (nothing answers at that address and port)" in down.stderr
    assert "Nothing was stored; " in down.stderr
    assert "Traceback" not in down.stderr
    assert marked(results, "http://127.0.0.1:1/xAPI") == set()


def test_a_store_killed_mid_sync_loses_nothing_and_the_next_sync_completes(ralph, tmp_path):
    results = record_workshop(tmp_path / "big.sqlite", trainees=6, runs=3)
    ids = expected_ids(results)
    env_python = [sys.executable, str(ROOT / "main.py"), "sync", "--lrs", ralph.url, "--user", USER,
                  "--password", PASSWORD, "--db", str(results), "--batch", "1", "--lang", "en"]
    process = subprocess.Popen(env_python, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(marked(results, ralph.url)) < 6 and time.monotonic() < deadline:
        time.sleep(0.01)
    ralph.kill()
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1, out + err
    assert "cannot be reached" in err and "Run the same sync again" in err
    assert "Traceback" not in err
    before = marked(results, ralph.url)
    assert 6 <= len(before) < len(ids)
    ralph.start()  # the same files: what it stored before the kill is still there
    assert before <= {s["id"] for s in ralph.statements()}  # nothing marked that the store does not hold
    again = sync(results, ralph.url)
    assert again.returncode == 0, again.stderr
    assert held_once(ralph, ids)


def test_a_server_error_stops_the_sync_and_the_next_one_sends_the_rest(ralph, proxy, results):
    proxy.errors = [503]
    with Journal.open(results) as journal:
        statements = collect(journal, ScenarioShelf(), Trainees()).statements
        lrs = LRS(proxy.url, Credentials(USER, PASSWORD))
        first = deliver(journal, lrs, statements[:4], batch=2)
        assert first.stored == 0 and first.left == 4 and isinstance(first.stopped, ServerError)
        assert sent_to(journal, lrs.endpoint) == set()
        proxy.errors = [None, 502]  # the second batch fails this time
        second = deliver(journal, lrs, statements, batch=2)
        assert second.stored == 2 and isinstance(second.stopped, ServerError)
        assert sent_to(journal, lrs.endpoint) <= {s["id"] for s in ralph.statements()}
        third = deliver(journal, lrs, statements, batch=2)
        assert third.stopped is None and third.left == 0
    assert held_once(ralph, [s["id"] for s in statements])


def test_a_late_answer_is_not_counted_as_stored_and_the_next_sync_completes(ralph, proxy, results):
    proxy.late = [0.0, 3.0]  # the store stores the second batch, but its answer comes after the timeout
    with Journal.open(results) as journal:
        statements = collect(journal, ScenarioShelf(), Trainees()).statements
        lrs = LRS(proxy.url, Credentials(USER, PASSWORD), timeout=1.0)
        first = deliver(journal, lrs, statements, batch=3)
        assert isinstance(first.stopped, TooSlow) and first.stored == 3
        assert sent_to(journal, lrs.endpoint) == {s["id"] for s in statements[:3]}
        time.sleep(2.5)  # the late answer arrives into nothing
        second = deliver(journal, lrs, statements, batch=3)
        assert second.stopped is None
        assert second.already == 3  # the batch whose answer was lost: the store had it
    assert held_once(ralph, [s["id"] for s in statements])


def test_the_slow_answer_message_names_the_time_waited(ralph, proxy, results):
    proxy.late = [3.0]
    done = sync(results, proxy.url, "--timeout", "1.5")
    assert done.returncode == 1
    assert "no answer within 1.5 seconds" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_server_error_message_names_the_status(ralph, proxy, results):
    proxy.errors = [500]
    done = sync(results, proxy.url)
    assert done.returncode == 1
    assert "had an error of its own (500)" in done.stderr


def test_wrong_credentials_are_an_lrs_error_not_a_crash(ralph):
    lrs = LRS(ralph.url, Credentials(USER, "nope"))
    with pytest.raises(WrongCredentials):
        lrs.post([])


def test_a_host_forwarding_turns_as_they_arrive_sends_each_once(ralph, tmp_path):
    lrs = LRS(ralph.url, Credentials(USER, PASSWORD))
    shelf, trainees = ScenarioShelf(), Trainees()
    with Journal.open(tmp_path / "live.sqlite") as journal:
        game = Playthrough.start(load_scenario(SCENARIO), 5, clock=time.time)
        play_id = journal.begin(game, "Anouk", "LIVE", 5)
        play_uuid = journal.connection.execute("SELECT uuid FROM plays WHERE id = ?", (play_id,)).fetchone()[0]
        bot = Strategy("advance", bot_rng(5))
        sent_per_step = []
        while game.phase != Phase.ENDED:
            play_out(game, bot, max_actions=1)  # one action, committed by the journal as in the game
            sent_per_step.append(forward(journal, lrs, [play_uuid], shelf, trainees).stored)
        journal.finish(play_id, game)
        sent_per_step.append(forward(journal, lrs, [play_uuid], shelf, trainees).stored)
        everything = collect(journal, shelf, trainees).statements
    assert sent_per_step[-1] == 1  # the completion, once finished
    assert sum(sent_per_step) == len(everything)
    assert held_once(ralph, [s["id"] for s in everything])

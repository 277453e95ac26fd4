"""`sync` and `export --xapi` as a trainer types them: credentials from where a trainer keeps them, one clear
line for every mistake, never a traceback, never the password."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from game.workshop import schema
from game.workshop.journal import Journal
from tests.xapi.conftest import PASSWORD, USER, free_port, record_workshop, run_game


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return record_workshop(tmp_path_factory.mktemp("results") / "results.sqlite", trainees=2, runs=1)


def no_traceback(done) -> bool:
    return "Traceback" not in done.stderr + done.stdout


def test_an_address_that_is_no_web_address_gets_one_line(results):
    done = run_game("sync", "--lrs", "lrs.example.org/xAPI", "--user", "u", "--password", "p", "--db", str(results),
                    "--lang", "en")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "'lrs.example.org/xAPI' is not a web address. Give the LRS's xAPI address, "
        "for example https://lrs.example.org/xAPI/"]


def test_without_credentials_the_trainer_is_told_where_they_can_come_from(results):
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOORUITGANG_LRS")}
    done = run_game("sync", "--lrs", "http://127.0.0.1:9/xAPI/", "--db", str(results), "--lang", "en", env=env)
    assert done.returncode == 2
    assert "VOORUITGANG_LRS_USER" in done.stderr and no_traceback(done)


def test_a_credentials_file_that_is_not_toml_is_named_without_showing_its_password(results, tmp_path):
    secrets = tmp_path / "lrs.toml"
    secrets.write_text('user = "trainer"\npassword: geheim-123\n', encoding="utf-8")
    done = run_game("sync", "--lrs", "http://127.0.0.1:9/xAPI/", "--credentials", str(secrets), "--db", str(results))
    assert done.returncode == 2
    assert str(secrets) in done.stderr and "geheim-123" not in done.stderr and no_traceback(done)


def test_a_credentials_file_others_can_read_gets_a_warning(results, tmp_path):
    secrets = tmp_path / "lrs.toml"
    secrets.write_text('user = "trainer"\npassword = "geheim-123"\n', encoding="utf-8")
    secrets.chmod(0o644)
    done = run_game("sync", "--lrs", f"http://127.0.0.1:{free_port()}/xAPI/", "--credentials", str(secrets),
                    "--db", str(results), "--lang", "en")
    assert f"chmod 600 {secrets}" in done.stderr
    assert "geheim-123" not in done.stderr + done.stdout


def test_credentials_from_a_file_reach_the_store(ralph, results, tmp_path):
    secrets = tmp_path / "lrs.toml"
    secrets.write_text(f'user = "{USER}"\npassword = "{PASSWORD}"\n', encoding="utf-8")
    secrets.chmod(0o600)
    done = run_game("sync", "--lrs", ralph.url, "--credentials", str(secrets), "--db", str(results), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and len(ralph.statements()) > 0


def test_credentials_from_the_environment_reach_the_store(ralph, results):
    env = os.environ | {"VOORUITGANG_LRS_USER": USER, "VOORUITGANG_LRS_PASSWORD": PASSWORD}
    done = run_game("sync", "--lrs", ralph.url, "--db", str(results), "--lang", "en", env=env)
    assert done.returncode == 0, done.stderr
    assert len(ralph.statements()) > 0


def test_a_home_page_that_is_no_web_address_gets_one_line(results):
    done = run_game("export", "--xapi", "out.jsonl", "--db", str(results), "--home-page", "our LMS", "--lang", "en")
    assert done.returncode == 2
    assert "'our LMS' is not a web address" in done.stderr and no_traceback(done)


def test_sync_without_a_results_file_says_there_is_none(tmp_path):
    done = run_game("sync", "--lrs", "http://127.0.0.1:9/xAPI/", "--user", "u", "--password", "p",
                    "--db", str(tmp_path / "none.sqlite"), "--lang", "en")
    assert done.returncode == 2
    assert "There is no results file" in done.stderr


def test_export_xapi_writes_one_statement_per_line(results, tmp_path):
    out = tmp_path / "statements.jsonl"
    done = run_game("export", "--xapi", str(out), "--db", str(results), "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert done.stdout.strip() == f"{len(lines)} statements written to {out}."
    assert all(json.loads(line)["id"] for line in lines)


def test_export_xapi_writes_what_sync_sends(ralph, results, tmp_path):
    out = tmp_path / "statements.jsonl"
    run_game("export", "--xapi", str(out), "--db", str(results))
    run_game("sync", "--lrs", ralph.url, "--user", USER, "--password", PASSWORD, "--db", str(results))
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    stored = {s["id"]: s for s in ralph.statements()}
    assert [stored[s["id"]]["result"] for s in exported] == [s["result"] for s in exported]


def test_export_still_writes_results_for_merging(results, tmp_path):
    out = tmp_path / "results.json"
    assert run_game("export", "--out", str(out), "--db", str(results)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "vooruitgang-results"


def test_a_results_file_from_before_xapi_gets_the_sync_tables(tmp_path):
    older = tmp_path / "older.sqlite"
    with sqlite3.connect(older) as db:
        db.executescript(schema.MIGRATIONS[0])
        db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        db.execute("PRAGMA user_version = 1")
    with Journal.open(older) as journal:
        tables = {name for (name,) in journal.connection.execute("SELECT name FROM sqlite_master")}
    assert {"xapi_sent", "xapi_pseudonyms"} <= tables

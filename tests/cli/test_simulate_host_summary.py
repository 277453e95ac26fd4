"""`simulate --host` says truly what it sent: this run's turns, and what an earlier run left waiting."""

from __future__ import annotations

import re
import subprocess
import sys

from game.workshop.journal import Journal
from tests.room.conftest import CODE, ROOT, RunningHost, free_port

SCENARIO = str(ROOT / "tests" / "fixtures" / "tiny.en.yaml")


def _simulate(url: str, db, *more: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "main.py"), "simulate", SCENARIO, "--strategy", "random", "--host", url,
               "--trainee", "Anouk", "--workshop", CODE, "--db", str(db), *more]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _waiting(db) -> int:
    """Turns and endings in the file: all of them wait when no host ever acknowledged one."""
    with Journal.open(db) as journal:
        turns = journal.connection.execute("SELECT count(*) FROM turns").fetchone()[0]
        endings = journal.connection.execute("SELECT count(*) FROM plays WHERE finished IS NOT NULL").fetchone()[0]
    return turns + endings


def test_the_summary_counts_what_an_earlier_run_left_waiting_apart_from_this_runs_turns(tmp_path):
    db = tmp_path / "laptop.sqlite"
    _simulate(f"http://127.0.0.1:{free_port()}", db, "--runs", "2", "--patience", "0")
    earlier = _waiting(db)
    (tmp_path / "host-side").mkdir()
    host = RunningHost(tmp_path / "host-side").start()
    try:
        said = _simulate(host.url, db, "--runs", "1", "--seed", "7").stderr
    finally:
        host.stop()
    summary = next(line for line in said.splitlines() if line.startswith("host "))
    assert re.search(rf"\b{earlier}\b[^;]*earlier run", summary), summary

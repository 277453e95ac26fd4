"""Bad input gets a clear message and a non-zero exit, never a traceback; a long run streams."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults.workshop import read_only

ROOT = Path(__file__).resolve().parents[2]
QUIET_WEEK = str(ROOT / "scenarios" / "quiet-week.en.yaml")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env={**os.environ, "VOORUITGANG_HOME": str(cwd)})


def told(result: subprocess.CompletedProcess) -> tuple[bool, bool]:
    """(exited non-zero, said something) and never a traceback."""
    assert "Traceback" not in result.stderr + result.stdout
    return result.returncode != 0, bool((result.stderr + result.stdout).strip())


def test_shots_with_a_size_that_is_no_size(tmp_path):
    assert told(run("shots", QUIET_WEEK, "--out", str(tmp_path / "s"), "--size", "abc")) == (True, True)


def test_shots_into_a_read_only_folder(tmp_path):
    with read_only(tmp_path):
        assert told(run("shots", QUIET_WEEK, "--out", str(tmp_path / "s"), "--size", "1024x600")) == (True, True)


def test_a_recorded_seed_too_large_for_the_results_file(tmp_path):
    result = run("simulate", QUIET_WEEK, "--seed", str(10**30), "--record", "--db", str(tmp_path / "r.sqlite"))
    assert (told(result), (tmp_path / "r.sqlite").exists()) == ((True, True), False)


def test_simulate_with_no_runs_at_all(tmp_path):
    assert told(run("simulate", QUIET_WEEK, "--runs", "0", cwd=tmp_path)) == (True, True)


def test_simulate_recording_into_a_folder_where_a_file_should_be(tmp_path):
    assert told(run("simulate", QUIET_WEEK, "--record", "--db", str(tmp_path))) == (True, True)


def test_an_error_of_our_own_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    from game.cli import main, simulate

    monkeypatch.setattr(simulate, "loaded_or_told", lambda path: 1 / 0)
    code = main(["simulate", QUIET_WEEK])
    said = capsys.readouterr().err
    assert (code, said.count("\n"), "ZeroDivisionError" in said) == (70, 1, True)


def memory_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads memory from /proc (Linux, as CI)")
def test_a_billion_runs_print_as_they_go_and_memory_stays_flat(tmp_path):
    player = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "simulate", QUIET_WEEK, "--runs", "1000000000",
                               "--strategy", "random"], stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        start = time.monotonic()
        first = player.stdout.readline()
        soon = time.monotonic() - start
        for _ in range(500):
            player.stdout.readline()
        early = memory_kb(player.pid)
        for _ in range(5000):
            player.stdout.readline()
        later = memory_kb(player.pid)
    finally:
        player.kill()
        player.wait()
    assert (first.startswith("seed 0:"), soon < 30, later - early < 5_000) == (True, True, True)

"""A real host process on 127.0.0.1 with bots as games: what the games committed is on the host exactly once,
through a kill -9 of the host, a cut connection and turns sent twice."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from game.room.client import RoomClient
from game.room.lan import find
from game.room.outbox import post_of
from game.workshop.journal import Journal
from tests.room.conftest import CODE, ROOT, RunningHost, free_port, held_turns
from tests.room.proxy import Proxy

SCENARIO = str(ROOT / "tests" / "fixtures" / "tiny.en.yaml")


def simulate(url: str, trainee: str, db, *more: str) -> subprocess.Popen:
    """`simulate --host` as a separate program: a game's turns, committed locally first, posted to the host."""
    command = [sys.executable, str(ROOT / "main.py"), "simulate", SCENARIO, "--strategy", "random",
               "--host", url, "--trainee", trainee, "--workshop", CODE, "--db", str(db), *more]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def committed(*dbs) -> list[tuple[str, int]]:
    return sorted(turn for db in dbs for turn in held_turns(db))


def test_every_turn_the_bots_committed_is_on_the_host_once(running_host, tmp_path):
    games = [simulate(running_host.url, f"Bot {n}", tmp_path / f"bot{n}.sqlite", "--runs", "3", "--seed", str(n * 10))
             for n in range(3)]
    finished = [game.communicate(timeout=120) for game in games]
    assert [game.returncode for game in games] == [0, 0, 0], finished
    assert held_turns(running_host.db) == committed(*(tmp_path / f"bot{n}.sqlite" for n in range(3)))


def test_a_room_of_bots_sharing_one_new_results_file_all_play_and_all_arrive(running_host, tmp_path):
    """Forty bots start at once on a file none of them has made yet: each must find it made, none a stranger's."""
    room = simulate(running_host.url, "Bot", tmp_path / "room.sqlite", "--bots", "40")
    _, said = room.communicate(timeout=180)
    with Journal.open(running_host.db) as journal:
        trainees = journal.connection.execute("SELECT COUNT(DISTINCT trainee) FROM plays").fetchone()[0]
    assert (room.returncode, "Traceback" in said, trainees) == (0, False, 40), said


def test_the_host_is_found_on_the_network_by_its_code(tmp_path):
    host = RunningHost(tmp_path, announce=True).start()
    try:
        found = find(CODE.lower(), timeout=5, interface="127.0.0.1")
    finally:
        host.stop()
    assert found is not None and found.url == host.url


@pytest.mark.slow
def test_nothing_is_lost_or_doubled_through_a_kill_a_cut_and_a_repeat(tmp_path):
    """Three games at a person's pace; the host is killed with -9 and restarted, one game's connection is cut
    for a minute, and afterwards every game sends all its turns again. Counted: each committed turn once."""
    host = RunningHost(tmp_path).start()
    cut_off = Proxy(host.port)
    dbs = [tmp_path / f"game{n}.sqlite" for n in range(3)]
    pace = ("--pace", "0.2-0.6", "--runs", "6", "--patience", "180")
    games = [simulate(host.url, "Anouk", dbs[0], *pace, "--seed", "0"),
             simulate(host.url, "Bram", dbs[1], *pace, "--seed", "100"),
             simulate(cut_off.url, "Chantal", dbs[2], *pace, "--seed", "200")]
    try:
        time.sleep(3)
        cut_off.cut()
        time.sleep(2)
        host.kill()  # mid-session: games go on committing locally
        time.sleep(3)
        host.start()
        time.sleep(60 - 5)
        cut_off.mend()
        outputs = [game.communicate(timeout=240) for game in games]
        assert [game.returncode for game in games] == [0, 0, 0], outputs
        resent = _send_everything_again(host.url, dbs)
        on_host = held_turns(host.db)
    finally:
        cut_off.close()
        host.stop()
    made = committed(*dbs)
    assert (len(on_host), on_host, resent) == (len(made), made, 0)


def _send_everything_again(url: str, dbs) -> int:
    """Every play of every game, posted whole once more: returns how many turns the host added (none)."""
    client = RoomClient(url, CODE)
    added = 0
    for db in dbs:
        with Journal.open(db) as journal:
            for (play_id,) in journal.connection.execute("SELECT id FROM plays").fetchall():
                added += client.post(post_of(journal.connection, play_id, 0)).added
    client.close()
    return added


def test_a_game_whose_connection_is_cut_delivers_when_it_comes_back(running_host, tmp_path):
    proxy = Proxy(running_host.port)
    proxy.cut()
    game = simulate(proxy.url, "Dewi", tmp_path / "dewi.sqlite", "--runs", "2", "--patience", "60")
    threading.Timer(4, proxy.mend).start()
    try:
        game.communicate(timeout=90)
    finally:
        proxy.close()
    assert (game.returncode, held_turns(running_host.db)) == (0, committed(tmp_path / "dewi.sqlite"))


def test_a_stopped_host_gives_the_report_command_to_paste_with_a_path_that_has_spaces(tmp_path):
    folder = tmp_path / "Anne de Vries"
    folder.mkdir()
    host = RunningHost(folder).start()
    host.stop()
    said = (folder / "host.log").read_text(encoding="utf-8").splitlines()
    assert said[-1] == (f'python main.py report --db "{host.db}" --workshop {CODE} --html {CODE.lower()}.html'
                        " --anonymous"), said[-3:]


def test_a_bot_that_found_no_host_says_its_turns_wait_in_its_file(tmp_path):
    free_address = f"http://127.0.0.1:{free_port()}"  # nobody listens
    lone = simulate(free_address, "Lone", tmp_path / "lone.sqlite", "--patience", "0.5")
    _, said = lone.communicate(timeout=120)
    assert (lone.returncode, said.splitlines()[-1]) == (1, (
        f"host {free_address}: 1 trainee played {len(held_turns(tmp_path / 'lone.sqlite'))} turns in this run; "
        "0 posts; "
        f"not delivered for 1 trainee: the turns wait in {tmp_path / 'lone.sqlite'}, and the next run with that "
        "--db sends them")), said

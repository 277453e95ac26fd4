"""`host --lrs`: the live host forwards the room's results to a real learning record store (Ralph on 127.0.0.1)
as they come in, off the path of the games' posts; counted afterwards, also through a store and a host that
were killed along the way."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter

from game.workshop.journal import Journal
from game.xapi.outbox import collect
from game.xapi.scenarios import ScenarioShelf
from game.xapi.trainees import Trainees
from tests.room.conftest import CODE, RunningHost
from tests.xapi.conftest import PASSWORD, ROOT, USER

FIXTURES = ROOT / "tests" / "fixtures"


def forwarding_host(folder, lrs_url: str, port: int | None = None) -> RunningHost:
    folder.mkdir(exist_ok=True)
    return RunningHost(folder, port=port, options=("--lrs", lrs_url, "--user", USER, "--password", PASSWORD,
                                                   "--scenarios", str(FIXTURES)))


def bots(url: str, trainee: str, db, *more: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "simulate", str(FIXTURES / "tiny.en.yaml"),
                             "--strategy", "random", "--host", url, "--trainee", trainee, "--workshop", CODE,
                             "--db", str(db), *more], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def expected(host_db) -> list[str]:
    """Every statement the host's results give, as `sync` would send them."""
    with Journal.open(host_db) as journal:
        return [statement["id"] for statement in collect(journal, ScenarioShelf([FIXTURES]), Trainees()).statements]


def stored_counts(ralph) -> Counter:
    return Counter(statement["id"] for statement in ralph.statements())


def until_stored(ralph, host_db, seconds: float = 60.0) -> tuple[list[str], Counter]:
    deadline = time.monotonic() + seconds
    while True:
        ids, held = expected(host_db), stored_counts(ralph)
        if (ids and set(held) >= set(ids)) or time.monotonic() > deadline:
            return ids, held
        time.sleep(0.5)


def test_every_statement_of_the_room_reaches_the_store_once_while_the_room_plays(ralph, tmp_path):
    host = forwarding_host(tmp_path / "host", ralph.url).start()
    try:
        games = [bots(host.url, f"Bot {n}", tmp_path / f"bot{n}.sqlite", "--runs", "2", "--seed", str(n * 10))
                 for n in range(2)]
        assert [game.wait(timeout=120) for game in games] == [0, 0]
        ids, held = until_stored(ralph, host.db)
    finally:
        host.stop()
    print(f"\n{len(ids)} statements expected, {len(held)} held by the store, {sum(held.values())} stored in all")
    assert (len(ids) > 10, sorted(held), set(held.values())) == (True, sorted(ids), {1})


def test_a_store_and_a_host_killed_mid_workshop_lose_and_double_nothing(ralph, tmp_path):
    """Bots play at a person's pace; the store is killed -9 and comes back; then the host is killed -9 and
    started again. Afterwards: every statement of every turn the host holds is in the store, each once."""
    host = forwarding_host(tmp_path / "host", ralph.url).start()
    pace = ("--pace", "0.2-0.5", "--runs", "3", "--patience", "120")
    games = [bots(host.url, f"Bot {n}", tmp_path / f"bot{n}.sqlite", *pace, "--seed", str(n * 10)) for n in range(3)]
    try:
        time.sleep(2)
        ralph.kill()
        time.sleep(3)
        ralph.start()
        time.sleep(2)
        host.kill()
        time.sleep(1)
        host.start()
        assert [game.wait(timeout=240) for game in games] == [0, 0, 0]
        ids, held = until_stored(ralph, host.db, seconds=120)
    finally:
        host.stop()
    print(f"\n{len(ids)} statements expected, {len(held)} held by the store, {sum(held.values())} stored in all")
    assert (sorted(held), set(held.values())) == (sorted(ids), {1})

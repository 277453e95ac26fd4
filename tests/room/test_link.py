"""The game's link to the room: it finds the host (by the code, or at the address typed in Settings), sends on
its own thread, and says how it goes; the window never waits for it."""

from __future__ import annotations

import threading
import time

import pytest

from game.room.link import Connection, Link
from tests.room.conftest import CODE, RunningHost, held_turns
from tests.room.test_outbox import laptop


def until(check, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.05)
    raise AssertionError(f"not within {seconds} s")


@pytest.fixture
def game_file(tmp_path, tiny):
    laptop(tmp_path / "game.sqlite", tiny, seeds=(1, 2))
    return tmp_path / "game.sqlite"


@pytest.fixture
def host(announced_host):
    return announced_host


@pytest.fixture
def link(game_file):
    made: list[Link] = []

    def make(**options) -> Link:
        made.append(Link(lambda: game_file, **options))
        return made[-1]

    yield make
    for each in made:
        each.close()


def test_the_host_is_found_by_the_code_and_every_turn_sent(link, host, game_file):
    joined = link()
    joined.join(CODE.lower())
    until(lambda: joined.status.connection == Connection.CONNECTED and joined.status.waiting == 0)
    assert held_turns(host.db) == held_turns(game_file)


def test_the_address_the_projector_shows_can_be_typed_instead(link, tmp_path, game_file):
    (tmp_path / "quiet").mkdir()
    quiet = RunningHost(tmp_path / "quiet").start()  # not announced on the network
    try:
        joined = link(find=lambda code, seconds: None)
        joined.join(CODE, f"{quiet.url}/w/{CODE}")
        until(lambda: joined.status.waiting == 0 and joined.status.connection == Connection.CONNECTED)
        on_host = held_turns(quiet.db)
    finally:
        quiet.stop()
    assert on_host == held_turns(game_file)


def test_the_status_names_the_code_as_the_trainer_spelled_it(link, host):
    joined = link()
    joined.join(f" {CODE.lower()} ")
    assert until(lambda: joined.status.connection == Connection.CONNECTED and joined.status).code == CODE


def test_a_game_that_lost_its_host_still_names_the_code_as_the_trainer_spelled_it(link, host):
    joined = link()
    joined.join(CODE.lower())
    until(lambda: joined.status.connection == Connection.CONNECTED)
    host.kill()
    joined.nudge()
    assert until(lambda: joined.status.connection == Connection.LOOKING and joined.status, seconds=60).code == CODE


def test_while_no_host_answers_the_status_says_how_many_turns_wait(link, game_file):
    joined = link(find=lambda code, seconds: None)
    joined.join(CODE)
    status = until(lambda: joined.status.connection == Connection.LOOKING and joined.status)
    assert status.waiting == len(held_turns(game_file)) + 2  # every turn, and both endings


def test_an_address_of_another_workshops_host_is_said_to_be_so(link, tmp_path):
    (tmp_path / "other").mkdir()
    other = RunningHost(tmp_path / "other", code="OTHER-2").start()
    try:
        joined = link(find=lambda code, seconds: None)
        joined.join(CODE, other.url)
        until(lambda: joined.status.connection == Connection.WRONG_HOST)
        on_host = held_turns(other.db)
    finally:
        other.stop()
    assert on_host == []


def test_joining_and_nudging_never_wait_for_the_network(link):
    """Looking the host up takes seconds on a real network; the window's calls return at once meanwhile."""
    looking = threading.Event()
    release = threading.Event()

    def slow_find(code: str, seconds: float):
        looking.set()
        release.wait(30)
        return None

    joined = link(find=slow_find)
    joined.join(CODE)
    assert looking.wait(10)
    started = time.perf_counter()
    joined.nudge()
    joined.join(CODE.lower())
    joined.status  # noqa: B018 - what the window reads each frame
    took = time.perf_counter() - started
    release.set()
    assert took < 5  # the lookup holds on for 30 s: the calls did not wait for it


def test_without_a_code_nothing_is_sent(link, host):
    joined = link()
    joined.join("")
    time.sleep(1.0)
    assert (joined.status.connection, held_turns(host.db)) == (Connection.OFF, [])


def test_a_host_that_comes_back_after_a_kill_gets_what_waited(link, host, game_file, tiny):
    joined = link(find=lambda code, seconds: None)
    joined.join(CODE, host.url)
    until(lambda: joined.status.connection == Connection.CONNECTED and joined.status.waiting == 0)
    host.kill()
    laptop(game_file, tiny, seeds=(3,))  # the game plays on meanwhile
    joined.nudge()
    until(lambda: joined.status.connection == Connection.UNREACHABLE and joined.status.waiting > 0)
    host.start()
    until(lambda: joined.status.connection == Connection.CONNECTED and joined.status.waiting == 0, seconds=40)
    assert held_turns(host.db) == held_turns(game_file)

"""What the host keeps of a posted play's turns: what the game's own results file keeps, the turn made last."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.room.protocol import Address, address_of, taken


def turn(number: int, made: float) -> dict:
    return {"number": number, "wall_time": made, "say": f"said at {made}"}


def held_after(held: dict[int, float], turns: list[dict]) -> dict[int, float]:
    kept, replaced = taken(held, turns)
    after = {n: t for n, t in held.items() if n not in replaced}
    return after | {t["number"]: t["wall_time"] for t in kept}


def test_new_turns_are_taken():
    assert held_after({1: 1.0}, [turn(2, 2.0), turn(3, 3.0)]) == {1: 1.0, 2: 2.0, 3: 3.0}


def test_the_same_turns_twice_add_nothing():
    assert taken({1: 1.0, 2: 2.0}, [turn(1, 1.0), turn(2, 2.0)]) == ([], set())


def test_a_turn_made_later_replaces_the_turns_from_its_number_on():
    """After a reload (F5) the game went on from turn 2: its new turn 2 replaces the old 2, 3 and 4."""
    assert held_after({1: 1.0, 2: 2.0, 3: 3.0, 4: 4.0}, [turn(2, 9.0)]) == {1: 1.0, 2: 9.0}


def test_a_post_that_arrives_after_its_turns_were_replaced_changes_nothing():
    """A post held up on the way (a dropped Wi-Fi) arrives after the game had replaced its turns."""
    assert taken({1: 1.0, 2: 9.0}, [turn(3, 3.0), turn(4, 4.0)]) == ([], set())


def test_an_older_version_of_a_held_turn_is_left_out():
    assert taken({1: 1.0, 2: 9.0}, [turn(2, 2.0)]) == ([], set())


@st.composite
def a_game_and_its_posts(draw):
    """A game's results file as it changes (turns made, reloads going on from an earlier turn), and the posts
    its sender made along the way: each a snapshot of the file from some turn on, arriving in any order and
    some twice. Returns (the file at the end, the posts)."""
    file: dict[int, float] = {}
    snapshots = []
    for moment in range(1, draw(st.integers(1, 25)) + 1):
        number = draw(st.integers(1, len(file) + 1)) if file and draw(st.booleans()) else len(file) + 1
        file = {n: t for n, t in file.items() if n < number} | {number: float(moment)}
        start = draw(st.integers(1, max(file)))
        snapshots.append([turn(n, t) for n, t in sorted(file.items()) if n >= start])
        snapshots.append([turn(n, t) for n, t in sorted(file.items())])
    posts = draw(st.permutations(snapshots + draw(st.lists(st.sampled_from(snapshots), max_size=5))))
    return file, posts


@given(a_game_and_its_posts())
def test_in_whatever_order_posts_arrive_the_host_ends_with_the_games_own_turns(game):
    file, posts = game
    held: dict[int, float] = {}
    for post in posts:
        held = held_after(held, post)
    assert held == file


@pytest.mark.parametrize(("typed", "url", "code"), [
    (" http://192.168.1.20:8765/w/ACME-3 ", "http://192.168.1.20:8765", "ACME-3"),  # the projector's, and its QR code
    ("http://192.168.1.20:8765/w/ACME-3/trainer", "http://192.168.1.20:8765", "ACME-3"),
    ("192.168.1.20:8765", "http://192.168.1.20:8765", ""),
    ("192.168.1.20", "http://192.168.1.20:8765", ""),  # the host's own port when none is typed
    ("HTTP://Laptop.local:9000/", "http://laptop.local:9000", ""),
])
def test_an_address_is_read_as_a_trainee_types_it(typed, url, code):
    assert address_of(typed) == Address(url, code)


@pytest.mark.parametrize("typed", ["", "https://192.168.1.20", "ftp://x", "http://a:b", "http://user:pw@x"])
def test_what_cannot_be_a_hosts_address_is_none(typed):
    assert address_of(typed) is None

"""Whatever a file holds, loading it ends in a Scenario or in located problems: never another
exception, never a hang. And a file that loads can be played to the end."""

from __future__ import annotations

import copy
import signal
from contextlib import contextmanager

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.hostile import SHIPPED
from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.playthrough import Playthrough
from game.model.scenario import Scenario
from game.scenario.load import load_bytes
from game.scenario.problem import ScenarioError

HANG_SECONDS = 20  # far above any real load; only a loop that never ends reaches it
EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SHIPPED_DATA = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in SHIPPED]
SHIPPED_TEXT = [path.read_text(encoding="utf-8") for path in SHIPPED]


def _keys_of(value: object, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        found.update(str(key) for key in value)
        for child in value.values():
            _keys_of(child, found)
    elif isinstance(value, list):
        for child in value:
            _keys_of(child, found)
    return found


KNOWN_KEYS = sorted(_keys_of(SHIPPED_DATA, set()))


class Hang(Exception):
    pass


@contextmanager
def no_hang():
    def stop(*_: object) -> None:
        raise Hang(f"still loading after {HANG_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def load_or_problems(data: bytes) -> Scenario | None:
    """The loaded scenario, or None after checking that every problem is located and explained."""
    with no_hang():
        try:
            return load_bytes(data, "arbitrary.yaml")
        except ScenarioError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.line >= 1 and problem.column >= 1 and problem.message.strip(), problem
            return None


def play_if_loaded(data: bytes) -> None:
    scenario = load_or_problems(data)
    if scenario is None:
        return
    for seed in range(3):
        play = play_out(Playthrough.start(scenario, seed, clock=lambda: 0.0), Strategy("random", bot_rng(seed)))
        assert play.turns or not scenario.calls


# --- arbitrary text and bytes --------------------------------------------------------------

@EXAMPLES
@given(st.text(max_size=400))
def test_any_text_loads_or_is_refused_with_located_problems(text):
    load_or_problems(text.encode("utf-8"))


@EXAMPLES
@given(st.binary(max_size=400))
def test_any_bytes_load_or_are_refused_with_located_problems(data):
    load_or_problems(data)


# --- arbitrary YAML ------------------------------------------------------------------------

_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
_keys = st.sampled_from(KNOWN_KEYS) | st.text(max_size=12)
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=6),
                       max_leaves=30)


@EXAMPLES
@given(st.dictionaries(_keys, _values, max_size=10) | _values)
def test_any_yaml_loads_or_is_refused_with_located_problems(value):
    load_or_problems(yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))


# --- shipped scenarios, broken one way or another --------------------------------------------

def _places(value: object, path: tuple = ()) -> list[tuple]:
    """The path to every value inside `value`, itself included."""
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _places(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _places(child, (*path, index))
    return found


def _at(root: object, path: tuple) -> object:
    for step in path:
        root = root[step]
    return root


MUTATIONS = ("delete", "duplicate", "retype", "change", "rename")


def _mutate(root: object, path: tuple, how: str, draw) -> object:
    if not path:
        return draw(_values)
    parent, step = _at(root, path[:-1]), path[-1]
    if how == "delete":
        del parent[step]
    elif how == "duplicate" and isinstance(parent, list):
        parent.insert(step, copy.deepcopy(parent[step]))
    elif how == "duplicate":
        parent[draw(_keys)] = copy.deepcopy(parent[step])
    elif how == "retype":
        parent[step] = draw(st.sampled_from([None, 0, -1, 10**30, 2.5, True, "", "text", [], {}, [1, 2], {"a": 1}]))
    elif how == "change":
        parent[step] = draw(_scalars)
    elif isinstance(parent, dict):
        parent[draw(_keys)] = parent.pop(step)
    return root


@EXAMPLES
@given(st.data())
def test_a_shipped_scenario_broken_anywhere_loads_or_is_refused_with_located_problems(data):
    root = copy.deepcopy(data.draw(st.sampled_from(SHIPPED_DATA)))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_places(root)))
        root = _mutate(root, path, data.draw(st.sampled_from(MUTATIONS)), data.draw)
    play_if_loaded(yaml.safe_dump(root, allow_unicode=True, sort_keys=False).encode("utf-8"))


@EXAMPLES
@given(st.data())
def test_a_shipped_file_with_lines_cut_doubled_or_typed_into_loads_or_is_refused(data):
    lines = data.draw(st.sampled_from(SHIPPED_TEXT)).split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(lines) - 1))
        how = data.draw(st.sampled_from(("cut", "double", "type", "indent")))
        if how == "cut":
            del lines[index]
        elif how == "double":
            lines.insert(index, lines[index])
        elif how == "type":
            at = data.draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:at] + data.draw(st.text(min_size=1, max_size=3)) + lines[index][at:]
        else:
            lines[index] = data.draw(st.sampled_from(("  ", "\t", " "))) + lines[index]
    play_if_loaded("\n".join(lines).encode("utf-8"))

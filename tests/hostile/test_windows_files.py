"""A scenario saved on Windows (byte order mark, CRLF line ends) loads like any other."""

from __future__ import annotations

import pytest

from bench.hostile import SHIPPED
from game.scenario.load import load_bytes


def windows_copy(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_a_scenario_saved_with_a_bom_and_crlf_loads_as_the_same_scenario(path):
    data = path.read_bytes()
    assert load_bytes(windows_copy(data), path.name) == load_bytes(data, path.name)


def test_a_problem_in_a_windows_file_is_found_on_the_same_line_and_column():
    data = b"title: Tiny\nlanguage: de\n"
    unix = load_bytes_problems(data)
    assert unix and load_bytes_problems(windows_copy(data)) == unix


def load_bytes_problems(data: bytes) -> list[tuple[int, int, str]]:
    from game.scenario.problem import ScenarioError

    try:
        load_bytes(data, "windows.yaml")
    except ScenarioError as error:
        return [(p.line, p.column, p.message) for p in error.problems]
    return []

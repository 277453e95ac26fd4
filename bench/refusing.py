"""How fast each hostile file in bench/hostile.py is refused: the brief asks for within a second."""

from __future__ import annotations

import time

from bench.hostile import cases


def refusal_seconds() -> dict[str, float]:
    from game.scenario.load import default_rules, load_bytes
    from game.scenario.problem import ScenarioError

    default_rules()
    found = {}
    for case in cases():
        start = time.perf_counter()
        try:
            load_bytes(case.data, f"{case.name}.yaml")
        except ScenarioError:
            pass
        else:
            raise AssertionError(f"{case.name} was not refused")
        found[case.name] = round(time.perf_counter() - start, 4)
    return found

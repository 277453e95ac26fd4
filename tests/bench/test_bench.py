"""The benchmark's own parts: the generated scenarios are valid, and a part that could not be
measured shows as such instead of hiding the others."""

from __future__ import annotations

import pytest

from bench.generated import scenario_yaml
from bench.suite import lines
from game.scenario.load import load_bytes


@pytest.mark.parametrize("points", [1, 10, 25])
def test_a_generated_scenario_loads_with_the_number_of_decision_points_asked_for(points):
    scenario = load_bytes(scenario_yaml(points).encode("utf-8"), f"generated-{points}.en.yaml")
    assert len(scenario.decision_points) == points
    assert all(len(point.phrasings) == 3 for point in scenario.decision_points)


def test_the_same_size_and_seed_always_generate_the_same_file():
    assert scenario_yaml(20, seed=3) == scenario_yaml(20, seed=3) != scenario_yaml(20, seed=4)


def test_a_figure_that_was_not_measured_is_shown_with_its_note():
    results = {
        "machine": {"cpu": "test cpu", "cores": 2, "system": "Linux", "python": "3.11", "pygame": "2.5", "sdl": "2.32"},
        "load_average": 0.5, "notes": ["time to the first frame: not measured (no window yet)"],
        "first_frame_s": None, "scene_frame_ms": None, "idle_cpu_percent": None, "load_s": {"1000": 0.7},
        "load_peak_mb": {"1000": 18.0}, "lint_s": {"1000": 0.9},
        "playthroughs_per_s_by_scenario": {"quiet-week.en.yaml": 2000},
        "hostile_refusal_s": None,
    }
    shown = "\n".join(lines(results))
    assert "first frame (s)" in shown and "not measured" in shown and "no window yet" in shown
    assert "load + validate 1,000 points" in shown and "MISSED" in shown and "lint 1,000 points (s)" in shown

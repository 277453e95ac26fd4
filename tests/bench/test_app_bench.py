"""The built app's figures in the bench table: beside their targets, or 'not measured' before `make dist`."""

import pytest

from bench import built_app
from bench.suite import lines

RESULTS = {
    "machine": {"cpu": "test cpu", "cores": 2, "system": "Linux", "python": "3.11", "pygame": "2.5", "sdl": "2.32"},
    "load_average": 0.5, "notes": [], "first_frame_s": 0.4, "scene_frame_ms": None, "idle_cpu_percent": None,
    "load_s": None, "load_peak_mb": None, "lint_s": None, "playthroughs_per_s_by_scenario": None,
    "hostile_refusal_s": None,
}


def _row(shown: list[str], start: str) -> str:
    return next(line for line in shown if line.startswith(start))


def test_the_zip_and_the_apps_first_frame_are_shown_beside_their_targets():
    shown = lines({**RESULTS, "app": {"zip_mb": 72.0, "app_first_frame_s": 0.3, "source_first_frame_s": 0.4}})
    assert "MISSED" in _row(shown, "built app: zip (MB)")
    assert "ok" in _row(shown, "built app: first frame (s)")
    assert "0.4" in _row(shown, "python main.py: first frame, same run (s)")


def test_before_make_dist_the_app_is_not_measured():
    assert "not measured" in _row(lines({**RESULTS, "app": None}), "built app: first frame (s)")


def test_measuring_without_a_built_app_says_to_run_make_dist(monkeypatch, tmp_path):
    monkeypatch.setattr(built_app, "ROOT", tmp_path)
    with pytest.raises(FileNotFoundError, match="run make dist first"):
        built_app.measure(1)

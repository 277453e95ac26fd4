"""Run every benchmark and show the figures beside their targets; `python main.py bench`."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import built_app, linting, loading, playing, refusing, targets, window
from bench.machine import describe


def measure_all(quick: bool = False, say: Callable[[str], None] = print) -> dict[str, Any]:
    """Every figure; a part that cannot be measured is None, with a note saying why."""
    results: dict[str, Any] = {"machine": describe(), "load_average": os.getloadavg()[0], "notes": []}
    runs = 1 if quick else 3

    def part(key: str, what: str, measure: Callable[[], Any]) -> None:
        say(f"measuring {what} ...")
        try:
            results[key] = measure()
        except Exception as error:  # a part not ready yet must not hide the others
            results[key] = None
            results["notes"].append(f"{what}: not measured ({type(error).__name__}: {error})".strip())

    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        part("first_frame_s", "time to the first frame", lambda: window.first_frame_seconds(3 if quick else 7))
        part("scene_frame_ms", "frame time of each scene", window.scene_frames)
        part("idle_cpu_percent", "CPU of an idle choice screen", window.idle_cpu_percent)
        part("loading", "load and validation", lambda: loading.measure(scratch, runs=runs))
        part("lint_s", "lint", lambda: linting.lint_seconds(scratch, runs=runs))
        part("playthroughs_per_s_by_scenario", "headless playthroughs",
             lambda: playing.measure(0.5 if quick else playing.SECONDS))
        part("hostile_refusal_s", "refusing hostile files", refusing.refusal_seconds)
        part("app", "the built app beside the source", lambda: built_app.measure(3 if quick else built_app.RUNS))
    loaded = results.pop("loading") or {}
    results["load_s"] = loaded.get("load_s")
    results["load_peak_mb"] = loaded.get("load_peak_mb")
    rates = results["playthroughs_per_s_by_scenario"] or {}
    results["playthroughs_per_s"] = min(rates.values()) if rates else None  # the slowest shipped scenario
    return results


def lines(results: dict[str, Any]) -> list[str]:
    """The figures as a table: what, measured, target, whether it is met."""
    machine = results["machine"]
    out = [f"machine: {machine['cpu']}, {machine['cores']} cores, {machine['system']}, Python {machine['python']}, "
           f"pygame-ce {machine['pygame']}, SDL {machine['sdl']}, bytecode cache {machine.get('bytecode_cache', '?')}; "
           f"load average {results['load_average']:.2f}", ""]
    rows = [("first frame (s)", results["first_frame_s"], targets.FIRST_FRAME_S, "max")]
    for scene, spread in (results["scene_frame_ms"] or {}).items():
        rows.append((f"frame {scene} (ms, median / p99)", spread, targets.SCENE_FRAME_MS, "max"))
    rows.append(("idle choice screen (% of a core)", results["idle_cpu_percent"], targets.IDLE_CPU_PERCENT, "max"))
    load_targets = {"shipped": targets.LOAD_SHIPPED_S, str(loading.POINTS): targets.LOAD_1000_S}
    for name, seconds in (results["load_s"] or {}).items():
        peak = (results["load_peak_mb"] or {}).get(name, 0)
        rows.append((f"load + validate {_file(name)} (s; at most {peak:.0f} MB held)", seconds, load_targets.get(name),
                     "max"))
    for name, seconds in (results.get("lint_s") or {}).items():
        rows.append((f"lint {_file(name)} (s)", seconds, None, "max"))
    for name, rate in (results["playthroughs_per_s_by_scenario"] or {}).items():
        rows.append((f"playthroughs/s {name}", rate, targets.PLAYTHROUGHS_PER_S, "min"))
    refusals = results["hostile_refusal_s"] or {}
    if refusals:
        slowest = max(refusals, key=refusals.get)
        rows.append((f"slowest hostile refusal (s): {slowest}", refusals[slowest], targets.HOSTILE_REFUSAL_S, "max"))
    built = results.get("app") or {}
    rows.append(("built app: zip (MB)", built.get("zip_mb"), targets.ZIP_MB, "max"))
    rows.append(("built app: first frame (s)", built.get("app_first_frame_s"), targets.APP_FIRST_FRAME_S, "max"))
    rows.append(("python main.py: first frame, same run (s)", built.get("source_first_frame_s"), None, "max"))
    rows.append(("built app under Xvfb, no audio driver: first frame (s)", built.get("app_first_frame_x11_s"),
                 targets.APP_FIRST_FRAME_S, "max"))
    rows.append(("python main.py under Xvfb, same run (s)", built.get("source_first_frame_x11_s"), None, "max"))
    out += [_row(*row) for row in rows]
    out += [f"note: {note}" for note in results["notes"]]
    return out


def _file(name: str) -> str:
    """'the largest shipped scenario', '1,000 points'."""
    return "the largest shipped scenario" if name == "shipped" else f"{int(name):,} points"


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return f"{value['median']:.2f} / {value['p99']:.2f}"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def _row(what: str, value: Any, target: float | None, kind: str) -> str:
    if value is None:
        return f"{what:<60} {'-':>16}   not measured"
    line = f"{what:<60} {_shown(value):>16}"
    if target is None:
        return line
    compared = value["median"] if isinstance(value, dict) else value
    met = compared <= target if kind == "max" else compared >= target
    return f"{line}   target {'<=' if kind == 'max' else '>='} {target:g}: {'ok' if met else 'MISSED'}"

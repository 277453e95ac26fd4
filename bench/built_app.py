"""The built app beside the source: the zip's size, and the time to the first frame of each.

Needs `make dist` first (dist/Vooruitgang and dist/vooruitgang-<version>-<os>.zip). Both
programs run turn about, RUNS times each, in fresh processes with a throw-away user data
folder, so the machine's drift touches both alike: with SDL's dummy drivers as the rest of the
bench, and in a real X server (Xvfb, when installed) with no audio driver, as on a laptop
without a sound card.

    python -m bench.built_app [RUNS]    # one JSON line of figures
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.fresh import ROOT, headless_env
from bench.window import _FIRST_FRAME
from release.build import NAME, zip_name
from release.smoke import xvfb

RUNS = 7


def built_zip() -> Path:
    archive = ROOT / "dist" / zip_name()
    if not archive.is_file():
        raise FileNotFoundError(f"{archive.relative_to(ROOT)} is missing: run make dist first")
    return archive


def app_program() -> Path:
    """The program that prints, in the unzipped app `make dist` leaves in dist/."""
    folder = ROOT / "dist" / NAME
    program = {"win32": folder / f"{NAME}-console.exe",
               "darwin": folder / f"{NAME}.app" / "Contents" / "MacOS" / NAME}.get(sys.platform, folder / NAME)
    if not program.is_file():
        raise FileNotFoundError(f"{program.relative_to(ROOT)} is missing: run make dist first")
    return program


def first_frame(program: list[str], env: dict[str, str]) -> float:
    """Seconds from process start to the first drawn frame, as the program reports it."""
    done = subprocess.run(program, cwd=ROOT, env={**env, "VOORUITGANG_FIRST_FRAME": "1"}, capture_output=True,
                          text=True, timeout=60, check=False)
    found = _FIRST_FRAME.search(done.stdout)
    if done.returncode != 0 or not found:
        raise RuntimeError(f"{' '.join(program)} did not report its first frame:\n{done.stderr[-2000:]}")
    return float(found.group(1))


def side_by_side(env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median first frame of the app and of `python main.py`, run turn about."""
    app, source = [], []
    for _ in range(runs):
        app.append(first_frame([str(app_program())], env))
        source.append(first_frame([sys.executable, "main.py"], env))
    return statistics.median(app), statistics.median(source)


def measure(runs: int = RUNS) -> dict[str, float | None]:
    figures: dict[str, float | None] = {"zip_mb": round(built_zip().stat().st_size / 1e6, 1)}
    with tempfile.TemporaryDirectory() as home:
        dummy = headless_env(VOORUITGANG_HOME=home)
        figures["app_first_frame_s"], figures["source_first_frame_s"] = side_by_side(dummy, runs)
        figures["app_first_frame_x11_s"] = figures["source_first_frame_x11_s"] = None
        if shutil.which("Xvfb"):
            with xvfb() as display:
                real = {key: value for key, value in os.environ.items() if not key.startswith("SDL_")}
                real.update(DISPLAY=display, VOORUITGANG_HOME=home)
                figures["app_first_frame_x11_s"], figures["source_first_frame_x11_s"] = side_by_side(real, runs)
    return figures


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)))

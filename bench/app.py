"""The built app beside the source: the zip's size, and the time to the first frame of each.

Needs `make dist` first (dist/Vooruitgang and dist/vooruitgang-<version>-<os>.zip). Both
programs run turn about, RUNS times each, in fresh processes with SDL's dummy video driver and
a throw-away user data folder, so the machine's drift touches both alike:

    python -m bench.app     # one JSON line: zip_mb, app_first_frame_s, source_first_frame_s
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.fresh import ROOT
from bench.window import first_frame_seconds
from release.build import NAME, zip_name

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


def measure(runs: int = RUNS) -> dict[str, float]:
    """The zip in MB, and the median first frame of the app and of `python main.py`, measured turn about."""
    size = built_zip().stat().st_size / 1e6
    app, source = [], []
    for _ in range(runs):
        app.append(first_frame_seconds(1, [str(app_program())]))
        source.append(first_frame_seconds(1))
    app.sort()
    source.sort()
    return {"zip_mb": round(size, 1), "app_first_frame_s": app[len(app) // 2],
            "source_first_frame_s": source[len(source) // 2]}


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)))

"""Run a measurement in a fresh Python process, as a trainer's machine would: no warm caches, no shared heap."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADLESS = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}


def headless_env(**extra: str) -> dict[str, str]:
    return {**os.environ, **HEADLESS, **extra}


def run_module(module: str, *args: str, timeout: float = 300) -> dict:
    """Run `python -m module args` from the project folder; its last output line is a JSON object."""
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, env=headless_env(),
                          capture_output=True, text=True, timeout=timeout, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{done.stderr.strip()[-2000:]}")
    return json.loads(lines[-1])

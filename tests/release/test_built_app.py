"""The Linux app, built by `make dist` in a clean clone, passes every step of the smoke test.

Slow (a clone, a virtual environment, PyInstaller, then the app run a few dozen times): kept
out of the quick loop, `pytest -m "not slow"`; `make test` and .ci/run run it.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from release.build import zip_name
from release.smoke import Place, steps_here

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def _without_virtual_environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join(entry for entry in env["PATH"].split(os.pathsep)
                                  if not (Path(entry).parent / "pyvenv.cfg").exists())
    return env


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """dist/vooruitgang-<version>-linux.zip of this commit, made by `make dist` in a fresh clone."""
    clone = tmp_path_factory.mktemp("clone") / "vooruitgang"
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.strip()
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "checkout", "-q", commit], cwd=clone, check=True)
    python = getattr(sys, "_base_executable", sys.executable)  # the Python the venv was made from
    done = subprocess.run(["make", "dist", f"PYTHON={python}"], cwd=clone, env=_without_virtual_environment(),
                          capture_output=True, text=True, timeout=1200, check=False)
    assert done.returncode == 0, f"make dist failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return clone / "dist" / zip_name("linux")


@pytest.fixture(scope="module")
def place(tmp_path_factory) -> Place:
    return Place(tmp_path_factory.mktemp("smoke"))


@pytest.mark.parametrize("step", steps_here(), ids=lambda step: step.key)
def test_the_app_built_from_a_clean_clone_passes_the_smoke_step(step, built, place):
    print(f"{step.name}: {step.check(place, built)}")


def test_the_app_ships_exactly_the_scenarios_of_the_checkout(built, place):
    assert {path.name for path in place.shipped()} == {path.name for path in (ROOT / "scenarios").glob("*.yaml")}

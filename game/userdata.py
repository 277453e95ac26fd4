"""Where the game keeps a trainee's settings and results on this computer.

VOORUITGANG_HOME overrides the place (tests and shared classroom laptops use it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def user_data_dir() -> Path:
    """The folder for settings and results, created when missing."""
    folder = _chosen_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _chosen_folder() -> Path:
    if os.environ.get("VOORUITGANG_HOME"):
        return Path(os.environ["VOORUITGANG_HOME"])
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "Vooruitgang"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Vooruitgang"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "vooruitgang"

"""The assets folder and how its trusted YAML files (texts, theme, limits) are read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from game.installation import shipped_root

ASSETS = shipped_root() / "assets"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has it: 10x faster


def read_yaml(path: Path) -> Any:
    """A YAML file shipped with the game, read safely; an empty file gives an empty mapping."""
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader) or {}

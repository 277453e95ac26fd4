"""Scenario files for the lint tests: the guide's starter, changed in one place."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTER = (ROOT / "docs" / "examples" / "starter.en.yaml").read_text(encoding="utf-8")


@pytest.fixture
def scenario_file(tmp_path):
    """Write the starter with each (old, new) replaced once; named without a language, unless `name` says."""

    def write(*changes: tuple[str, str], name: str = "scenario.yaml", text: str = STARTER) -> Path:
        for old, new in changes:
            assert old in text, f"the starter no longer has: {old!r}"
            text = text.replace(old, new, 1)
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write

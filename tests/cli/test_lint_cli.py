"""`python main.py lint`: located lines, statistics, and an exit code that follows --strict."""

from __future__ import annotations

from pathlib import Path

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
STARTER = (ROOT / "docs" / "examples" / "starter.en.yaml").read_text(encoding="utf-8")


def _write(tmp_path, text=STARTER, name="coffee.en.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_warning_is_printed_as_file_line_column_severity_and_message(tmp_path, capsys):
    path = _write(tmp_path)
    main(["lint", str(path)])
    assert f"{path}:1:1: warning: no Dutch version: coffee.nl.yaml is missing" in capsys.readouterr().out


def test_warnings_do_not_fail_without_strict(tmp_path):
    assert main(["lint", str(_write(tmp_path))]) == 0


def test_warnings_fail_with_strict(tmp_path):
    assert main(["lint", "--strict", str(_write(tmp_path))]) == 1


def test_a_file_that_does_not_load_fails_with_the_loaders_message_first(tmp_path, capsys):
    path = _write(tmp_path, STARTER.replace("aim: prolong               #", "aim: linger #", 1))
    assert main(["lint", str(path)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{path}:") and ": error: 'aim'" in first


def test_the_statistics_close_the_report(tmp_path, capsys):
    main(["lint", str(_write(tmp_path, name="coffee.yaml"))])
    out = capsys.readouterr().out
    assert "decision points: 4" in out and "best reachable score: 100" in out and "median length:" in out


def test_the_shipped_example_passes_strict_lint():
    assert main(["lint", "--strict", str(ROOT / "docs" / "examples" / "starter.en.yaml"),
                 str(ROOT / "docs" / "examples" / "starter.nl.yaml")]) == 0

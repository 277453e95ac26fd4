"""`python main.py lint`: located lines, statistics, and an exit code that follows --strict."""

from __future__ import annotations

from pathlib import Path

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
STARTER = (ROOT / "docs" / "examples" / "starter.en.yaml").read_text(encoding="utf-8")


COLLEAGUE_LINE = "  colleague: Ria from reception      # answers when a claim says 'unreachable: colleague'\n"
NO_COLLEAGUE = STARTER.replace(COLLEAGUE_LINE, "")


def _write(tmp_path, text=NO_COLLEAGUE, name="coffee.en.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_warning_is_printed_as_file_line_column_severity_and_message(tmp_path, capsys):
    path = _write(tmp_path)
    main(["lint", str(path)])
    line = NO_COLLEAGUE.splitlines().index("  - day: 1                           # 1 is Monday") + 1
    assert f"{path}:{line}:5: warning: 'unreachable: colleague', but the buyer has no colleague" \
        in capsys.readouterr().out


def test_warnings_do_not_fail_without_strict(tmp_path):
    assert main(["lint", str(_write(tmp_path))]) == 0


def test_warnings_fail_with_strict(tmp_path):
    assert main(["lint", "--strict", str(_write(tmp_path))]) == 1


def test_a_scenario_in_one_language_passes_strict_lint(tmp_path):
    assert main(["lint", "--strict", str(_write(tmp_path, STARTER))]) == 0


def test_a_file_that_does_not_load_fails_with_the_loaders_message_first(tmp_path, capsys):
    path = _write(tmp_path, STARTER.replace("aim: prolong               #", "aim: linger #", 1))
    assert main(["lint", str(path)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{path}:") and ": error: 'aim'" in first


def test_the_statistics_close_the_report(tmp_path, capsys):
    main(["lint", str(_write(tmp_path, name="coffee.yaml"))])
    out = capsys.readouterr().out
    assert "decision points: 4" in out and "best reachable score: 101" in out and "median length:" in out


def test_the_shipped_example_passes_strict_lint():
    assert main(["lint", "--strict", str(ROOT / "docs" / "examples" / "starter.en.yaml"),
                 str(ROOT / "docs" / "examples" / "starter.nl.yaml")]) == 0

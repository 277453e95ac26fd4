import subprocess
import sys
from pathlib import Path

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "fixtures" / "tiny.en.yaml"


def test_validate_accepts_a_valid_scenario(capsys):
    assert main(["validate", str(TINY)]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")


def test_validate_exits_1_with_located_messages_for_a_broken_file(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(TINY.read_text().replace("title: Tiny", "titel: Tiny"), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert f"{bad}:2:1: unknown key 'titel'" in capsys.readouterr().out


def test_validate_reports_each_file_and_fails_if_any_fails(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    assert main(["validate", str(TINY), str(bad)]) == 1
    out = capsys.readouterr().out
    assert "tiny.en.yaml: ok" in out and "bad.yaml:1:1:" in out


def test_validate_names_a_missing_file_without_a_traceback(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nowhere.yaml")]) == 1
    assert "cannot read the file" in capsys.readouterr().out


def test_validate_of_hostile_yaml_prints_no_traceback(tmp_path):
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text("title: !!python/object/apply:os.system ['touch pwned']\n" + "x: [" * 5000, encoding="utf-8")
    result = subprocess.run([sys.executable, "main.py", "validate", str(hostile)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert not (ROOT / "pwned").exists()

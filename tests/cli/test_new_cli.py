"""`python main.py new`: a commented starting scenario that validates and lints, never over a file."""

from __future__ import annotations

from game.cli import main
from game.lint import lint_file


def test_a_new_english_scenario_validates_and_has_no_design_problems(tmp_path):
    out = tmp_path / "printer-lease.en.yaml"
    assert main(["new", "printer-lease", "--lang", "en", "--out", str(out)]) == 0
    assert lint_file(out).problems == []


def test_a_new_dutch_scenario_is_written_in_dutch(tmp_path):
    out = tmp_path / "printer-lease.nl.yaml"
    main(["new", "printer-lease", "--lang", "nl", "--out", str(out)])
    text = out.read_text(encoding="utf-8")
    assert "language: nl" in text and "# De gesprekken." in text


def test_the_new_scenario_is_titled_after_its_name(tmp_path):
    out = tmp_path / "x.en.yaml"
    main(["new", "printer-lease", "--lang", "en", "--out", str(out)])
    assert "\ntitle: Printer lease\n" in out.read_text(encoding="utf-8")


def test_the_new_scenario_points_the_editor_at_the_schema(tmp_path):
    out = tmp_path / "x.en.yaml"
    main(["new", "x", "--lang", "en", "--out", str(out)])
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=") and first.endswith("scenarios/scenario.schema.json")


def test_an_existing_file_is_never_overwritten(tmp_path, capsys):
    out = tmp_path / "mine.en.yaml"
    out.write_text("my work", encoding="utf-8")
    assert main(["new", "mine", "--lang", "en", "--out", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "my work" and "already exists" in capsys.readouterr().out


def test_a_name_with_spaces_gives_a_file_name_without_them_and_the_title_as_typed(tmp_path, monkeypatch):
    monkeypatch.setattr("game.cli.new.new_scenarios", lambda: tmp_path)
    assert main(["new", "Offerte ACME stoelen", "--lang", "nl"]) == 0
    text = (tmp_path / "offerte-acme-stoelen.nl.yaml").read_text(encoding="utf-8")
    assert "\ntitle: Offerte ACME stoelen\n" in text


def test_the_next_command_quotes_a_path_with_spaces_so_it_can_be_pasted(tmp_path, capsys):
    out = tmp_path / "Anne de Vries" / "x.en.yaml"
    main(["new", "x", "--lang", "en", "--out", str(out)])
    assert capsys.readouterr().out.rstrip().endswith(f'lint "{out}"')

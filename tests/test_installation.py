"""game.installation: where the game finds its own files and the trainer's, in a checkout and in the built app."""

import sys
from pathlib import Path

import pytest

from game import installation

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data(monkeypatch, tmp_path) -> Path:
    monkeypatch.setenv("VOORUITGANG_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def _built_app(monkeypatch, program: Path, contents: Path, platform: str = "linux") -> None:
    """This process as PyInstaller's bootloader starts it: sys.frozen, sys._MEIPASS, the program."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(contents), raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    monkeypatch.setattr(sys, "platform", platform)


def test_a_checkout_finds_the_shipped_scenarios_in_the_repository():
    assert installation.shipped_scenarios() == ROOT / "scenarios"


def test_a_checkout_lists_the_data_folder_and_the_shipped_scenarios(data):
    assert installation.scenario_folders() == [data / "scenarios", ROOT / "scenarios"]


def test_a_built_app_finds_its_files_in_its_contents_folder(monkeypatch, tmp_path, data):
    _built_app(monkeypatch, tmp_path / "Vooruitgang" / "Vooruitgang", tmp_path / "Vooruitgang" / "_internal")
    assert installation.shipped_scenarios() == tmp_path / "Vooruitgang" / "_internal" / "scenarios"


def test_a_built_app_lists_beside_the_app_then_the_data_folder_then_the_shipped_scenarios(monkeypatch, tmp_path,
                                                                                         data):
    app = tmp_path / "Vooruitgang"
    _built_app(monkeypatch, app / "Vooruitgang", app / "_internal")
    assert installation.scenario_folders() == [app / "scenarios", data / "scenarios", app / "_internal" / "scenarios"]


def test_a_macos_bundle_looks_for_the_trainers_folder_beside_the_bundle(monkeypatch, tmp_path, data):
    app = tmp_path / "Vooruitgang"
    bundle = app / "Vooruitgang.app" / "Contents"
    _built_app(monkeypatch, bundle / "MacOS" / "Vooruitgang", bundle / "Frameworks", "darwin")
    assert installation.app_folder() == app


def test_new_writes_into_the_repository_in_a_checkout():
    assert installation.new_scenarios() == ROOT / "scenarios"


def test_new_writes_into_the_data_folder_in_a_built_app_where_an_update_leaves_it(monkeypatch, tmp_path, data):
    _built_app(monkeypatch, tmp_path / "Vooruitgang" / "Vooruitgang", tmp_path / "Vooruitgang" / "_internal")
    assert installation.new_scenarios() == data / "scenarios"


def test_hints_name_python_main_py_in_a_checkout():
    assert installation.console_program() == "python main.py"


def test_hints_name_the_app_on_linux(monkeypatch, tmp_path):
    _built_app(monkeypatch, tmp_path / "Vooruitgang", tmp_path / "_internal")
    assert installation.console_program() == "Vooruitgang"


def test_hints_name_the_console_twin_on_windows(monkeypatch, tmp_path):
    _built_app(monkeypatch, tmp_path / "Vooruitgang.exe", tmp_path / "_internal", "win32")
    assert installation.console_program() == "Vooruitgang-console"


def test_hints_in_the_console_twin_name_itself(monkeypatch, tmp_path):
    _built_app(monkeypatch, tmp_path / "Vooruitgang-console.exe", tmp_path / "_internal", "win32")
    assert installation.console_program() == "Vooruitgang-console"


def _shown(argv: list[str], language: str = "en") -> tuple[int, str, str]:
    """Run a command as the windowed Windows app does; what its message box would say."""
    from game.cli import main

    boxes = []
    code = installation.run_without_console(main, argv, language, show=lambda title, text: boxes.append((title, text)))
    assert len(boxes) == 1
    return code, *boxes[0]


def test_a_command_in_the_windowed_app_shows_its_result_in_a_box():
    code, title, text = _shown(["validate", str(ROOT / "scenarios" / "polite-no.nl.yaml")])
    assert (code, title) == (0, "Vooruitgang")
    assert "polite-no.nl.yaml: ok" in text


def test_the_box_names_the_program_that_prints_and_the_same_arguments():
    _, _, text = _shown(["validate", "x.yaml"])
    assert text.endswith("python main.py validate x.yaml")


def test_a_mistyped_command_in_the_windowed_app_shows_the_usage_and_fails():
    code, _, text = _shown(["valdiate", "x.yaml"])
    assert code == 2
    assert "invalid choice" in text


def test_the_box_speaks_the_trainees_language():
    _, _, text = _shown(["validate", "x.yaml"], "nl")
    assert "opdrachtprompt" in text


def test_a_long_output_keeps_its_last_lines_and_says_how_many_were_left_out(capsys):
    def chatty(argv):
        for number in range(100):
            print(f"line {number}")
        return 0

    boxes = []
    installation.run_without_console(chatty, ["x"], "en", show=lambda title, text: boxes.append(text))
    lines = boxes[0].splitlines()
    assert lines[0] == f"({100 - installation.MESSAGE_LINES} lines above left out)"
    assert lines[installation.MESSAGE_LINES] == "line 99"

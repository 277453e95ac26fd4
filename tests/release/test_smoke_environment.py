"""The smoke test runs the app as a new laptop would: no venv, no Python variables, no audio driver, a new home."""

from pathlib import Path

from release.smoke import Place, clean_environment


def test_the_app_runs_without_an_audio_driver_even_when_the_tests_set_one(monkeypatch, tmp_path):
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    assert "SDL_AUDIODRIVER" not in clean_environment(Place(tmp_path))


def test_the_app_runs_with_no_virtual_environment_on_the_path(monkeypatch, tmp_path):
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n")
    monkeypatch.setenv("PATH", f"{venv / 'bin'}:/usr/bin")
    monkeypatch.setenv("VIRTUAL_ENV", str(venv))
    env = clean_environment(Place(tmp_path))
    assert env["PATH"].split(":") == ["/usr/bin"]
    assert "VIRTUAL_ENV" not in env


def test_the_app_finds_a_new_home_and_not_a_chosen_results_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("VOORUITGANG_HOME", "/somewhere")
    monkeypatch.setenv("XDG_DATA_HOME", "/elsewhere")
    env = clean_environment(Place(tmp_path))
    assert Path(env["HOME"]) == tmp_path / "home"
    assert "VOORUITGANG_HOME" not in env and "XDG_DATA_HOME" not in env

import pygame

from game.app import App
from game.scenes.confirm import ConfirmScene
from game.scenes.title import TitleScene


def key(app, code):
    app.handle(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=""))


def start_with_garbage_results(tmp_path, monkeypatch):
    monkeypatch.setenv("VOORUITGANG_HOME", str(tmp_path))
    if not (tmp_path / "results.sqlite").exists():
        (tmp_path / "results.sqlite").write_bytes(b"not a results file")
    return App(size=(1024, 600), sound=False)


def test_a_damaged_results_file_makes_the_game_offer_a_new_one(tmp_path, monkeypatch):
    app = start_with_garbage_results(tmp_path, monkeypatch)
    try:
        assert isinstance(app.stack.top, ConfirmScene) and app.recorder.writer is None
    finally:
        app.close()


def test_enter_on_the_offer_starts_a_new_results_file_and_leaves_the_old_one_untouched(tmp_path, monkeypatch):
    app = start_with_garbage_results(tmp_path, monkeypatch)
    key(app, pygame.K_RETURN)
    app.close()
    assert (tmp_path / "results-2.sqlite").exists() and (tmp_path / "results.sqlite").read_bytes() == \
        b"not a results file"


def test_choosing_to_play_without_recording_records_nothing(tmp_path, monkeypatch):
    app = start_with_garbage_results(tmp_path, monkeypatch)
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)
    app.close()
    assert (app.recorder.writer, sorted(p.name for p in tmp_path.iterdir())) == (None, ["results.sqlite"])


def test_the_next_launch_goes_on_in_the_new_file_without_asking_again(tmp_path, monkeypatch):
    first = start_with_garbage_results(tmp_path, monkeypatch)
    key(first, pygame.K_RETURN)
    first.close()
    again = start_with_garbage_results(tmp_path, monkeypatch)
    again.close()
    assert (isinstance(again.stack.top, TitleScene), again.recorder.path.name,
            sorted(p.name for p in tmp_path.glob("results*.sqlite"))) == (
        True, "results-2.sqlite", ["results-2.sqlite", "results.sqlite"])

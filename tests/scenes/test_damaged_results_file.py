import pygame

from game.app import App
from game.scenes.confirm import ConfirmScene


def key(app, code):
    app.handle(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=""))


def start_with_garbage_results(tmp_path, monkeypatch):
    monkeypatch.setenv("VOORUITGANG_HOME", str(tmp_path))
    (tmp_path / "results.sqlite").write_bytes(b"not a results file")
    return App(size=(1024, 600), sound=False)


def test_a_damaged_results_file_makes_the_game_offer_a_new_one(tmp_path, monkeypatch):
    app = start_with_garbage_results(tmp_path, monkeypatch)
    assert isinstance(app.stack.top, ConfirmScene) and app.recorder.journal is None


def test_accepting_the_offer_records_in_a_new_file_and_leaves_the_old_one_untouched(tmp_path, monkeypatch):
    app = start_with_garbage_results(tmp_path, monkeypatch)
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)
    assert app.recorder.journal is not None and (tmp_path / "results-2.sqlite").exists()
    assert (tmp_path / "results.sqlite").read_bytes() == b"not a results file"

"""The scenario list reads every folder: the trainer's first, a trainer's copy in place of a shipped file."""

from pathlib import Path

from game.library import scenario_paths


def _files(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text("title: x\n", encoding="utf-8")
    return folder


def test_the_list_holds_the_files_of_every_folder_the_first_folders_first(tmp_path):
    beside = _files(tmp_path / "beside", "client.nl.yaml")
    own = _files(tmp_path / "own", "mine.en.yaml")
    shipped = _files(tmp_path / "shipped", "polite-no.nl.yaml", "polite-no.en.yaml")
    assert scenario_paths([beside, own, shipped]) == [beside / "client.nl.yaml", own / "mine.en.yaml",
                                                      shipped / "polite-no.en.yaml", shipped / "polite-no.nl.yaml"]


def test_a_trainers_file_takes_the_place_of_a_shipped_file_of_the_same_name(tmp_path):
    own = _files(tmp_path / "own", "polite-no.nl.yaml")
    shipped = _files(tmp_path / "shipped", "polite-no.nl.yaml")
    assert scenario_paths([own, shipped]) == [own / "polite-no.nl.yaml"]


def test_a_folder_that_does_not_exist_adds_nothing(tmp_path):
    shipped = _files(tmp_path / "shipped", "polite-no.nl.yaml")
    assert scenario_paths([tmp_path / "no such folder", shipped]) == [shipped / "polite-no.nl.yaml"]


def test_playtests_and_other_files_stay_out_of_the_list(tmp_path):
    shipped = _files(tmp_path / "shipped", "polite-no.nl.yaml", "README.txt", "scenario.schema.json")
    _files(shipped / "playtests", "polite-no.nl.yaml")
    assert scenario_paths([shipped]) == [shipped / "polite-no.nl.yaml"]

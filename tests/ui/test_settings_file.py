from game.settings import Settings, load_settings, save_settings


def test_saved_settings_come_back_the_next_time(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(language="en", text_size="large", call_clock=False, trainee="Joëlle"), path)
    loaded = load_settings(path)
    assert (loaded.language, loaded.text_size, loaded.call_clock, loaded.trainee) == ("en", "large", False, "Joëlle")


def test_a_damaged_settings_file_gives_the_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path).text_size == "normal"


def test_the_language_comes_from_the_system_when_nothing_is_saved(tmp_path, monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert load_settings(tmp_path / "none.json").language == "en"


def test_an_unknown_system_language_means_dutch(tmp_path, monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.setenv(name, "fr_FR.UTF-8")
    monkeypatch.setattr("locale.getlocale", lambda: ("fr_FR", "UTF-8"))
    assert load_settings(tmp_path / "none.json").language == "nl"

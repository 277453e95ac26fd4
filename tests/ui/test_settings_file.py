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


def test_the_speech_settings_come_back_the_next_time(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(speech=True, speech_speed="slow", speech_volume=50, self_voicing=True), path)
    loaded = load_settings(path)
    assert (loaded.speech, loaded.speech_speed, loaded.speech_volume, loaded.self_voicing) == (True, "slow", 50, True)


def test_a_settings_file_from_before_speech_loads_with_speech_off(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"language": "en", "text_size": "large", "high_contrast": false, "call_clock": true, '
                    '"sound": true, "trainee": "Sam", "workshop": "ACME-3"}', encoding="utf-8")
    loaded = load_settings(path)
    assert (loaded.text_size, loaded.trainee, loaded.speech, loaded.self_voicing) == ("large", "Sam", False, False)


def test_a_speaking_speed_the_game_does_not_know_becomes_normal(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"speech_speed": "ludicrous"}', encoding="utf-8")
    assert load_settings(path).speech_speed == "normal"


def test_a_hand_edited_volume_becomes_the_nearest_step(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"speech_volume": 60}', encoding="utf-8")
    assert load_settings(path).speech_volume == 50

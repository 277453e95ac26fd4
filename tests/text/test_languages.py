"""Every word the game shows exists in Dutch and in English: window, terminal, report, room, xAPI and speech."""

from game.text import catalog


def _keys(tree: dict, prefix: str = "") -> set[str]:
    found = set()
    for key, value in tree.items():
        found |= _keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}"}
    return found


def test_every_text_exists_in_dutch_and_english():
    assert _keys(catalog("nl")) == _keys(catalog("en"))


def test_the_catalogue_holds_the_texts_of_every_part_of_the_game():
    assert {"ui", "terminal", "report", "room", "xapi", "voice"} <= catalog("en").keys()

from game.text import catalog


def _keys(tree: dict, prefix: str = "") -> set[str]:
    found = set()
    for key, value in tree.items():
        found |= _keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}"}
    return found


def test_every_interface_text_exists_in_dutch_and_english():
    assert _keys(catalog("nl")["ui"]) == _keys(catalog("en")["ui"])

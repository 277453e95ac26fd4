from game.scenario.appearance import FEMALE, MALE, Appearance, appearance


def test_a_woman_in_her_late_forties_is_a_woman_of_about_forty_eight():
    assert appearance("woman in her late forties, blazer, bright red glasses") == Appearance(FEMALE, 48)


def test_a_dutch_hint_gives_the_man_and_his_decade():
    assert appearance("man van in de zestig, verzorgde grijze baard") == Appearance(MALE, 65)


def test_early_in_a_decade_is_early_in_dutch_too():
    assert appearance("vrouw van begin veertig, krullend haar") == Appearance(FEMALE, 42)


def test_a_young_man_without_a_decade_is_young():
    assert appearance("a young man with a laptop bag") == Appearance(MALE, 28)


def test_a_hint_that_does_not_say_leaves_gender_and_age_open():
    assert appearance("reading glasses on a cord") == Appearance("", None)


def test_a_manager_is_not_a_man():
    assert appearance("facility manager with a lanyard").gender == ""

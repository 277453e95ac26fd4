from game.ui.portrait import face_from


def test_the_portrait_follows_the_scenarios_hint():
    face = face_from("woman in her forties, short grey hair, reading glasses on a cord")
    assert (face.woman, face.hair, face.glasses, face.style) == (True, "grey", "frame", "short")


def test_a_colour_before_the_glasses_colours_the_frames_not_the_hair():
    face = face_from("woman in her late forties, blazer, bright red glasses")
    assert (face.glasses, face.hair) == ("red", "brown")


def test_a_dutch_hint_works_too():
    face = face_from("man van in de zestig, verzorgde grijze baard, een stropdas met kleine ankertjes")
    assert (face.woman, face.beard, face.hair) == (False, True, "grey")


def test_a_dutch_silver_bob_is_drawn_as_one():
    face = face_from("vrouw van in de vijftig, zilvergrijs boblijntje, een vulpen in de hand")
    assert (face.woman, face.style, face.hair) == (True, "bob", "white")


def _drawn(hint: str):
    import pygame

    from game.ui.portrait import draw_portrait
    from game.ui.theme import load_theme

    surface = pygame.Surface((200, 200))
    draw_portrait(surface, surface.get_rect(), face_from(hint, "Sam"), load_theme().portrait)
    return pygame.image.tobytes(surface, "RGB")


def test_a_woman_with_short_grey_hair_is_not_drawn_as_a_man_with_short_grey_hair():
    assert _drawn("woman in her forties, short grey hair") != _drawn("man in his forties, short grey hair")

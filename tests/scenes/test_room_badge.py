"""The window's side of the live workshop room: the badge that says how the results reach the host, and the
host's address in Settings."""

from __future__ import annotations

import pygame
import pytest

from game.room.link import Connection, Status
from game.scenes.address import AddressScene
from game.scenes.settings_screen import SettingsScene
from game.scenes.signin import SignInScene
from tests.scenes.driving import press, type_text


class StandIn:
    """A link that is where the test says it is (the real one is tested in tests/room)."""

    def __init__(self, status: Status):
        self.status = status
        self.joined: list[tuple[str, str]] = []

    def join(self, code: str, address: str = "") -> None:
        self.joined.append((code, address))

    def nudge(self) -> None:
        pass

    def close(self) -> None:
        pass


SCREENS = {"title": 0, "sign-in": 1, "choice": 2, "briefing": 3, "week": 4}  # Enter presses from the title


def drawn_on(app, screen: str) -> dict[str, pygame.Rect]:
    press(app, pygame.K_RETURN, times=SCREENS[screen])
    app.look.drawn = []
    app.dirty = True
    app.frame(0.0)
    return {text: used for text, used, _ in app.look.drawn}


def badge_text(app, drawn: dict[str, pygame.Rect]) -> str:
    return next((text for text in app.room_lines() if text in drawn), "")


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_how_many_turns_wait_shows_beside_the_hints_at_the_smallest_window_with_large_text(open_app, screen,
                                                                                           language):
    app = open_app(size=(1024, 600), language=language, text_size="large")
    app.room = StandIn(Status(Connection.UNREACHABLE, "ACME-3", 12))
    drawn = drawn_on(app, screen)
    shown = badge_text(app, drawn)
    assert ("12" in shown, drawn[shown].right < app.look.hints_left) == (True, True)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_connected_game_says_so_with_the_workshop_code(open_app, language):
    app = open_app(language=language)
    app.room = StandIn(Status(Connection.CONNECTED, "ACME-3", 0))
    drawn = drawn_on(app, "choice")
    assert badge_text(app, drawn) == f"Workshop ACME-3 · {app.look.t('room.connected')}"


def test_a_game_without_a_workshop_shows_no_badge(open_app):
    app = open_app()
    drawn = drawn_on(app, "week")
    assert (app.room, [text for text in drawn if "Workshop" in text]) == (None, [])


def test_the_line_about_unsaved_choices_comes_before_the_badge(open_app, monkeypatch):
    app = open_app()
    app.room = StandIn(Status(Connection.UNREACHABLE, "ACME-3", 3))
    monkeypatch.setattr(app, "waiting_line", lambda: "Not saved yet")
    drawn = drawn_on(app, "choice")
    assert ("Not saved yet" in drawn, badge_text(app, drawn)) == (True, "")


def to_address(app) -> AddressScene:
    press(app, pygame.K_DOWN, times=2)
    press(app, pygame.K_RETURN)  # the settings
    assert isinstance(app.stack.top, SettingsScene)
    while app.stack.top.menu.focused.key != "room_address":
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, AddressScene)
    return app.stack.top


def test_the_address_on_the_projector_typed_in_settings_brings_its_workshop_code_to_the_sign_in(open_app):
    app = open_app(workshop="")
    to_address(app)
    type_text(app, "http://192.168.1.20:8765/w/ACME-3")
    press(app, pygame.K_RETURN)
    press(app, pygame.K_ESCAPE)  # back to a new title
    press(app, pygame.K_RETURN)  # start: the sign-in
    assert (app.settings.room_address, app.stack.top.values[1]) == ("http://192.168.1.20:8765/w/ACME-3", "ACME-3")


def test_what_cannot_be_a_hosts_address_is_said_so_and_not_kept(open_app):
    app = open_app()
    scene = to_address(app)
    type_text(app, "https://somewhere")
    press(app, pygame.K_RETURN)
    assert (app.stack.top, scene.warning, app.settings.room_address) == (
        scene, app.look.t("room.address.not_an_address"), "")


def test_signing_in_joins_the_room_with_the_code_and_the_typed_address(open_app):
    app = open_app(workshop="", room_address="http://192.168.1.20:8765")
    app.room = StandIn(Status())
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, SignInScene)
    press(app, pygame.K_TAB)
    type_text(app, "acme-3")
    press(app, pygame.K_RETURN)
    assert app.room.joined == [("acme-3", "http://192.168.1.20:8765")]

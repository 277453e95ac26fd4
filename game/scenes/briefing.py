"""The briefing: who the buyer is, the quote, the situation and what to aim for.

Closes with True to start the week, or None to go back.
"""

from __future__ import annotations

import pygame

from game.model.scenario import Scenario
from game.scenes.scene import Scene
from game.ui.button import Button
from game.ui.chrome import hints, split_columns, take_bottom, top_bar
from game.ui.look import Look
from game.ui.menu import Menu, row
from game.ui.portrait import draw_portrait, face_from
from game.ui.sections import Section, draw_sections

CURRENCY_SIGNS = {"EUR": "€", "USD": "$", "GBP": "£"}


def money(lang: str, amount: float, currency: str) -> str:
    """38500 EUR as '€ 38.500' in Dutch and '€38,500' in English."""
    whole = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
    sign = CURRENCY_SIGNS.get(currency, currency + " ")
    if lang == "nl":
        whole = whole.replace(",", "_").replace(".", ",").replace("_", ".")
        return f"{sign} {whole}".replace("  ", " ")
    return f"{sign}{whole}"


class BriefingScene(Scene):
    def __init__(self, look: Look, scenario: Scenario):
        super().__init__(look)
        self.scenario = scenario
        self.menu = Menu([Button("start", self.t("briefing.start"), primary=True),
                          Button("back", self.t("common.back"))], horizontal=True)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close(None)
            return
        pressed = self.menu.handle(event)
        if pressed:
            self.close(True if pressed == "start" else None)

    def draw(self, surface: pygame.Surface) -> None:
        look, scenario = self.look, self.scenario
        area = top_bar(surface, look, scenario.title, self.t("briefing.title"))
        gap = look.space("gap")
        area, strip = take_bottom(area, look.px(46), gap)
        left, right = split_columns(area, 0.3, gap * 2)
        self._buyer(surface, left)
        quote = scenario.quote
        facts = self.t("briefing.quote_facts", what=quote.what, amount=money(look.lang, quote.amount, quote.currency),
                       days=quote.sent_days_ago)
        if quote.agreed:
            facts += "\n" + self.t("briefing.agreed", agreed=quote.agreed)
        look.panel(surface, right)
        inner = right.inflate(-2 * look.space("padding") - gap, -2 * look.space("padding"))
        draw_sections(surface, look, inner, [
            Section(self.t("briefing.quote"), facts),
            Section(self.t("briefing.situation"), scenario.situation),
            Section(self.t("briefing.target"), scenario.target, "accent"),
            Section(self.t("briefing.goal"), scenario.goal, "muted", "small"),
        ])
        buttons = pygame.Rect(strip.right - min(strip.width, look.px(480)), strip.top, min(strip.width, look.px(480)),
                              strip.height)
        self.menu.draw(surface, look, row(buttons, 2, gap))
        hints(surface, look, self.t("briefing.hints"))

    def _buyer(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look, buyer = self.look, self.scenario.buyer
        look.panel(surface, rect)
        inner = rect.inflate(-2 * look.space("padding"), -2 * look.space("padding"))
        side = min(inner.width, inner.height // 2)
        picture = pygame.Rect(inner.centerx - side // 2, inner.top, side, side)
        draw_portrait(surface, picture, face_from(buyer.portrait, buyer.name), look.theme.portrait)
        text = pygame.Rect(inner.left, picture.bottom + look.space("gap"), inner.width,
                           inner.bottom - picture.bottom - look.space("gap"))
        draw_sections(surface, look, text, [
            Section(self.t("briefing.buyer"), buyer.name, "text", "large"),
            Section("", ", ".join(part for part in (buyer.role, buyer.company) if part), "muted"),
        ])

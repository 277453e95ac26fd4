"""The group at a glance, for the trainer in the window: the agenda for the discussion and the trend.

The scene is given a `Group` (see `game.workshop.group.gather`); it only shows it, in large type
for a projector. Up and down page through the agenda. Closes with None.
"""

from __future__ import annotations

import pygame

from game.scenes.scene import Scene
from game.ui.chrome import hints, split_columns, top_bar
from game.ui.look import Look
from game.ui.menu import ENTER_KEYS
from game.workshop.group import Group, Trend
from game.workshop.words import Words


class WorkshopOverviewScene(Scene):
    def __init__(self, look: Look, group: Group):
        super().__init__(look)
        self.group = group
        self.first = 0
        self.per_page = 3

    def w(self, key: str, **params: object) -> str:
        return Words(self.look.lang)(key, **params)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE, *ENTER_KEYS):
                self.close(None)
            elif event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN):
                forward = event.key in (pygame.K_DOWN, pygame.K_PAGEDOWN)
                self._page(self.per_page if forward else -self.per_page)
        elif event.type == pygame.MOUSEWHEEL:
            self._page(-event.y)

    def _page(self, step: int) -> None:
        self.first = max(0, min(max(0, len(self.group.agenda) - 1), self.first + step))

    def draw(self, surface: pygame.Surface) -> None:
        look, group = self.look, self.group
        workshop = self.w("workshop", code=group.workshop) if group.workshop else self.w("all_workshops")
        area = top_bar(surface, look, workshop, self.w("summary", trainees=len(group.trainees),
                                                        scenarios=len(group.titles), plays=group.plays))
        hints(surface, look, self.w("scene.overview.hints"))
        if not group.agenda and not group.trends:
            look.text(surface, self.w("empty"), area, "large", "muted")
            return
        left, right = split_columns(area, 0.62, look.space("margin"))
        self._agenda(surface, left)
        self._trend(surface, right)

    def _agenda(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look = self.look
        heading_h = look.font("heading", True).get_linesize()
        look.text(surface, self.w("section.agenda"), pygame.Rect(rect.topleft, (rect.width, heading_h)), "heading",
                  bold=True)
        top, gap = rect.top + heading_h + look.space("gap"), look.space("gap")
        self.per_page = 0
        for index in range(self.first, len(self.group.agenda)):
            item = self.group.agenda[index]
            where = Words(self.look.lang).at_point(self.group, item.point)
            said = f"{self.w('times', count=item.choice.prolonged)}  “{item.choice.say}”"
            said_h = look.text_height(said, rect.width, "large", bold=True)
            where_h = look.font("small").get_linesize()
            if top + said_h + where_h > rect.bottom and self.per_page:
                break
            look.text(surface, said, pygame.Rect(rect.left, top, rect.width, said_h), "large", bold=True)
            look.text(surface, where, pygame.Rect(rect.left, top + said_h, rect.width, where_h), "small", "muted")
            top += said_h + where_h + gap
            self.per_page += 1
        self.per_page = max(1, self.per_page)

    def _trend(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look = self.look
        overall = next((trend for trend in self.group.trends if trend.scenario == ""), None)
        heading_h = look.font("heading", True).get_linesize()
        look.text(surface, self.w("section.trends"), pygame.Rect(rect.topleft, (rect.width, heading_h)), "heading",
                  bold=True)
        if overall is None:
            return
        body = pygame.Rect(rect.left, rect.top + heading_h + look.space("gap"), rect.width,
                           rect.height - heading_h - look.space("gap"))
        self._bars(surface, body, overall)

    def _bars(self, surface: pygame.Surface, rect: pygame.Rect, trend: Trend) -> None:
        """One bar per attempt: the group's average score, with the share of voortgang beside it."""
        look = self.look
        steps = trend.steps[:6]
        row_h = min(look.px(64), rect.height // max(1, len(steps)))
        label_h = look.font("body").get_linesize()
        most = max(abs(step.mean_score) for step in steps) or 1
        for index, step in enumerate(steps):
            row = pygame.Rect(rect.left, rect.top + index * row_h, rect.width, row_h)
            label = self.w("attempt", number=step.attempt)
            look.text(surface, label, pygame.Rect(row.left, row.top, row.width, label_h), "body", bold=True)
            room = row.width * 0.55
            bar = pygame.Rect(row.left, row.top + label_h, max(1, round(room * abs(step.mean_score) / most)),
                              max(1, row_h - label_h - look.space("gap")))
            pygame.draw.rect(surface, look.colour("vooruitgang" if step.mean_score > 0 else "achteruitgang"), bar)
            words = Words(look.lang)
            figures = f"{words.number(step.mean_score)} ({words.percent(step.mean_voortgang)} " \
                      f"{words.verdict('voortgang')})"
            look.text(surface, figures, pygame.Rect(row.left + round(room) + look.space("gap"), bar.top,
                                                    row.width - round(room) - look.space("gap"), bar.height),
                      "small", valign="middle")


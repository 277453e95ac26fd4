"""A trainee's attempts at one scenario, oldest first: when, how it ended, the score and the trainer's.

The scene is given the results (`journal.history(trainee, scenario.path)`); it only shows them.
A bar per attempt shows whether the score went up. Closes with None.
"""

from __future__ import annotations

import datetime

import pygame

from game.scenes.scene import Scene
from game.ui.chrome import hints, take_bottom, top_bar
from game.ui.look import Look
from game.ui.menu import ENTER_KEYS
from game.workshop.journal import PlayResult
from game.workshop.words import Words

MOST_BARS = 12  # the latest attempts in the chart; the list below shows them all


class HistoryScene(Scene):
    def __init__(self, look: Look, title: str, results: list[PlayResult]):
        super().__init__(look)
        self.title = title
        self.results = results
        self.first = 0

    def w(self, key: str, **params: object) -> str:
        return Words(self.look.lang)(key, **params)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE, *ENTER_KEYS):
                self.close(None)
            elif event.key in (pygame.K_UP, pygame.K_DOWN):
                self._scroll(1 if event.key == pygame.K_DOWN else -1)
        elif event.type == pygame.MOUSEWHEEL:
            self._scroll(-event.y)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.close(None)

    def _scroll(self, step: int) -> None:
        self.first = max(0, min(len(self.results) - 1, self.first + step))

    def draw(self, surface: pygame.Surface) -> None:
        look = self.look
        area = top_bar(surface, look, self.w("scene.history.title"), self.title)
        hints(surface, look, self.w("scene.history.hints"))
        if not self.results:
            look.text(surface, self.w("scene.history.none"), area, "large", "muted")
            return
        chart, rows = take_bottom(area, area.height * 3 // 5, look.space("gap"))
        self._chart(surface, chart)
        self._rows(surface, rows)

    def _chart(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look = self.look
        look.panel(surface, rect)
        shown = self.results[-MOST_BARS:]
        inner = rect.inflate(-2 * look.space("padding"), -2 * look.space("padding"))
        label_h = look.font("small").get_linesize()
        # room above for scores, below for negative scores and then the attempt numbers
        plot = pygame.Rect(inner.left, inner.top + label_h, inner.width, inner.height - 3 * label_h)
        scores = [result.score for result in shown]
        high, low = max(0, *scores), min(0, *scores)
        span = (high - low) or 1
        zero = plot.top + plot.height * high / span
        slot = plot.width / len(shown)
        first_number = len(self.results) - len(shown) + 1
        for index, result in enumerate(shown):
            x = plot.left + slot * index + slot * 0.2
            top = plot.top + plot.height * (high - max(result.score, 0)) / span
            bottom = plot.top + plot.height * (high - min(result.score, 0)) / span
            bar = pygame.Rect(round(x), round(top), max(1, round(slot * 0.6)), max(1, round(bottom - top)))
            pygame.draw.rect(surface, look.colour("vooruitgang" if result.score > 0 else "achteruitgang"), bar)
            label = pygame.Rect(round(x - slot * 0.2), 0, round(slot), label_h)
            label.bottom = bar.top if result.score >= 0 else bar.bottom + label_h
            look.text(surface, str(result.score), label, "small", align="center")
            number = pygame.Rect(label.left, inner.bottom - label_h, label.width, label_h)
            look.text(surface, str(first_number + index), number, "small", "muted", align="center")
        pygame.draw.line(surface, look.colour("text"), (plot.left, round(zero)), (plot.right, round(zero)),
                         look.px(1))

    def _rows(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look = self.look
        height = look.font("body").get_linesize() + look.space("gap")
        fits = max(1, rect.height // height)
        self.first = min(self.first, max(0, len(self.results) - fits))
        for slot, index in enumerate(range(self.first, min(len(self.results), self.first + fits))):
            row = pygame.Rect(rect.left, rect.top + slot * height, rect.width, height)
            look.text(surface, self._line(index, self.results[index]), row, "body", valign="middle")

    def _line(self, index: int, result: PlayResult) -> str:
        when = datetime.datetime.fromtimestamp(result.when).strftime("%d-%m-%Y %H:%M") if result.when else ""
        line = self.w("scene.history.row", number=index + 1, when=when,
                      outcome=self.w(f"outcome.{result.outcome}"), score=result.score)
        if result.override is not None:
            line += " · " + self.w("scene.history.trainer", score=result.override)
        if result.note:
            line += f" · “{result.note}”"
        return line

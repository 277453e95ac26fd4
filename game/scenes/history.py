"""A trainee's attempts at one scenario, oldest first: when, how it ended, the score and the trainer's.

The scene is given the results (`journal.history(trainee, scenario.path)`); it only shows them.
A bar per attempt shows whether the score went up. Beside it the calibration line: over all the trainee's games,
per confidence step how often their reading of the buyer was right. Practice at this scenario is counted on a
line of its own, apart from the attempts. Closes with None.
"""

from __future__ import annotations

import datetime

import pygame

from game.model.reading import Confidence, calibration
from game.scenes.scene import Scene
from game.ui.calibration import draw_calibration
from game.ui.chrome import hints, split_columns, take_bottom, top_bar
from game.ui.look import Look
from game.ui.menu import ENTER_KEYS
from game.workshop.journal import PlayResult
from game.workshop.words import Words

MOST_BARS = 12  # the latest attempts in the chart; the list below shows them all


class HistoryScene(Scene):
    def __init__(self, look: Look, title: str, results: list[PlayResult],
                 readings: list[tuple[Confidence, bool]] | None = None, practised: tuple[int, int] = (0, 0)):
        super().__init__(look)
        self.title = title
        self.results = results
        self.calibration = calibration(readings or [])
        self.practised = practised  # answers given in practice at this scenario, and how many moved the deal
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
        gap = look.space("gap")
        charts = pygame.Rect(area.left, area.top, area.width, area.height * 3 // 5)
        scores, readings = split_columns(charts, 0.56, gap * 2)
        self._calibration(surface, readings)
        rows = pygame.Rect(area.left, charts.bottom + gap, area.width, area.bottom - charts.bottom - gap)
        if self.practised[0]:
            rows, practice = take_bottom(rows, look.font("body").get_linesize(), gap // 2)
            look.text(surface, self.w("scene.history.practice", answers=self.practised[0], good=self.practised[1]),
                      practice, "body", "accent", valign="middle")
        if not self.results:
            look.panel(surface, scores)
            inner = scores.inflate(-2 * look.space("padding"), -2 * look.space("padding"))
            look.text(surface, self.w("scene.history.none"), inner, "large", "muted")
            return
        self._chart(surface, scores)
        self._rows(surface, rows)

    def _calibration(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look = self.look
        look.panel(surface, rect)
        inner = rect.inflate(-2 * look.space("padding"), -2 * look.space("padding"))
        title, note = look.t("calibration.title"), look.t("calibration.matched")
        # laid-out heights, not the font's line size: that cuts descenders, and the note may need two lines
        title_h = look.text_height(title, inner.width, "small", bold=True)
        look.text(surface, title, pygame.Rect(inner.left, inner.top, inner.width, title_h), "small", bold=True)
        note_h = look.text_height(note, inner.width, "tiny")
        body = pygame.Rect(inner.left, inner.top + title_h, inner.width, inner.height - title_h - note_h)
        if not any(tally.total for tally in self.calibration.values()):
            look.text(surface, look.t("calibration.none"), body, "small", "muted", valign="middle")
            return
        draw_calibration(surface, look, body, self.calibration)
        look.text(surface, note, pygame.Rect(inner.left, inner.bottom - note_h, inner.width, note_h), "tiny", "muted")

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

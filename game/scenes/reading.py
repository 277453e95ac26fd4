"""Reading the buyer: which hidden motive the trainee thinks the buyer has, and how sure (three steps).

Asked once a game, at the moment the scenario chooses (`read_the_buyer:`); all four motives are offered
(see `game.model.reading`). First the motive (1-4), then how sure (1-3); Esc steps back, and on the first
step skips: an answer forced out of a trainee who has no idea would only blur their calibration line.
Closes with (motive, confidence), or None when skipped. It never changes the score.
"""

from __future__ import annotations

import pygame

from game.model.motive import Motive
from game.model.reading import Confidence
from game.scenes.scene import Scene
from game.text import say
from game.ui.button import Button
from game.ui.chrome import hints, split_columns, top_bar
from game.ui.look import Look
from game.ui.menu import Menu, column


class ReadingScene(Scene):
    def __init__(self, look: Look, buyer: str, scenario_title: str):
        super().__init__(look)
        self.buyer = buyer
        self.scenario_title = scenario_title
        self.motive: Motive | None = None
        self.motives = Menu([Button(motive, self._motive_label(motive)) for motive in Motive], numbered=True)
        self.sure = Menu([Button(step, self.t(f"reading.confidence.{step}")) for step in Confidence], numbered=True)

    def _motive_label(self, motive: Motive) -> str:
        return f"{say(self.look.lang, f'motive.{motive}.name')}\n{self.t(f'reading.hint.{motive}')}"

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            if self.motive is None:
                self.close(None)
            else:
                self.motive = None
            return
        if event.type == pygame.MOUSEBUTTONDOWN or self.motive is None:
            chosen = self.motives.handle(event)
            if chosen is not None:
                self.motive = Motive(chosen)
                return
        if self.motive is not None:
            sure = self.sure.handle(event)
            if sure is not None:
                self.close((self.motive, Confidence(sure)))

    def draw(self, surface: pygame.Surface) -> None:
        look = self.look
        area = top_bar(surface, look, self.t("reading.title"), self.scenario_title)
        gap = look.space("gap")
        question_h = look.font("large", True).get_linesize() * 2
        look.text(surface, self.t("reading.question", name=self.buyer), pygame.Rect(area.left, area.top, area.width,
                  question_h), "large", bold=True)
        note_h = look.font("small").get_linesize() * 2
        look.text(surface, self.t("reading.note"), pygame.Rect(area.left, area.top + question_h, area.width, note_h),
                  "small", "muted")
        body = pygame.Rect(area.left, area.top + question_h + note_h + gap, area.width,
                           area.bottom - area.top - question_h - note_h - gap)
        left, right = split_columns(body, 0.62, gap * 3)
        height = min(look.px(84), (left.height - 3 * gap) // 4)
        for button in self.motives.buttons:
            button.primary = button.key == self.motive  # the motive chosen stands out while the trainee says how sure
        self.motives.draw(surface, look, column(left, 4, height, gap), "small", align="left",
                          show_focus=self.motive is None, uniform=True)
        ask_h = look.font("body", True).get_linesize() * 2
        look.text(surface, self.t("reading.how_sure"), pygame.Rect(right.left, right.top, right.width, ask_h), "body",
                  "text" if self.motive else "muted", bold=True)
        for button in self.sure.buttons:
            button.enabled = self.motive is not None
        sure_h = min(look.px(60), (right.height - ask_h - 2 * gap) // 3)
        self.sure.draw(surface, look, column(pygame.Rect(right.left, right.top + ask_h, right.width,
                                                         right.height - ask_h), 3, sure_h, gap), "body",
                       align="left", show_focus=self.motive is not None)
        hints(surface, look, self.t("reading.hints_sure" if self.motive else "reading.hints"))

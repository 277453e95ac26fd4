"""Choosing a scenario: the library's entries (game.library), each with the trainee's last result.

A file that does not load is listed with its first problem; it cannot be chosen. When moments the trainee missed
are due for practice, "Practice: N moments" stands above the list (P, or Enter on it, calls `on_practice`).
Closes with the chosen Scenario, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.library import Entry
from game.model.scenario import Scenario
from game.scenes.scene import Scene
from game.text import say
from game.ui.chrome import hints, top_bar
from game.ui.look import Look
from game.ui.menu import ENTER_KEYS

PRACTICE = -1  # the focus on the practice line


class ChoiceScene(Scene):
    """H opens the trainee's attempts at the scenario in focus, G the workshop overview (for the trainer)."""

    def __init__(self, look: Look, entries: list[Entry], trainee: str,
                 on_history: Callable[[Scenario], None] | None = None, on_overview: Callable[[], None] | None = None,
                 practice_due: int = 0, on_practice: Callable[[], None] | None = None):
        super().__init__(look)
        self.entries = entries
        self.trainee = trainee
        self.on_history = on_history
        self.on_overview = on_overview
        self.practice_due = practice_due if on_practice else 0
        self.on_practice = on_practice
        # PRACTICE (-1) is the practice line above the list: focused first when something is due
        self.focus = PRACTICE if self.practice_due else next((i for i, e in enumerate(entries) if e.scenario), 0)
        self.practice_rect: pygame.Rect | None = None
        self.first = 0
        self.card_rects: list[tuple[int, pygame.Rect]] = []

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.close(None)
            elif event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB):
                self._move(-1 if event.key == pygame.K_UP else 1)
            elif event.key in ENTER_KEYS:
                self._choose(self.focus)
            elif event.key == pygame.K_p and self.practice_due:
                self._choose(PRACTICE)
            elif event.key == pygame.K_h and self.on_history and self._focused_scenario():
                self.on_history(self._focused_scenario())
            elif event.key == pygame.K_g and self.on_overview:
                self.on_overview()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.practice_rect and self.practice_rect.collidepoint(event.pos):
                self._choose(PRACTICE)
            for index, rect in self.card_rects:
                if rect.collidepoint(event.pos):
                    self._choose(index)
        elif event.type == pygame.MOUSEWHEEL:
            self._move(-event.y)

    def _slots(self) -> list[int]:
        return ([PRACTICE] if self.practice_due else []) + list(range(len(self.entries)))

    def _move(self, step: int) -> None:
        slots = self._slots()
        if slots:
            self.focus = slots[(slots.index(self.focus) + step) % len(slots)] if self.focus in slots else slots[0]

    def _focused_scenario(self) -> Scenario | None:
        return self.entries[self.focus].scenario if 0 <= self.focus < len(self.entries) else None

    def _choose(self, index: int) -> None:
        self.focus = index
        if index == PRACTICE and self.practice_due:
            self.on_practice()
        elif 0 <= index < len(self.entries) and self.entries[index].scenario:
            self.close(self.entries[index].scenario)

    def draw(self, surface: pygame.Surface) -> None:
        look = self.look
        right = self.t("choice.signed_in", name=self.trainee)
        if len(self.entries) > 1 and self.focus != PRACTICE:
            right += " · " + self.t("choice.position", number=self.focus + 1, total=len(self.entries))
        area = top_bar(surface, look, self.t("choice.title"), right)
        gap = look.space("gap")
        self.practice_rect = None
        if self.practice_due:
            self.practice_rect = self._practice(surface, area)
            area = pygame.Rect(area.left, self.practice_rect.bottom + gap, area.width,
                               area.bottom - self.practice_rect.bottom - gap)
        height = look.px(104)
        fits = max(1, (area.height + gap) // (height + gap))
        card = max(self.focus, 0)  # on the practice line the list shows from its top
        self.first = min(self.first, card) if card < self.first else max(self.first, card - fits + 1)
        self.card_rects = []
        if not self.entries:
            look.text(surface, self.t("choice.none"), area, "large", "muted")
        for slot, index in enumerate(range(self.first, min(len(self.entries), self.first + fits))):
            rect = pygame.Rect(area.left, area.top + slot * (height + gap), area.width, height)
            self._card(surface, rect, self.entries[index], index == self.focus)
            self.card_rects.append((index, rect))
        hints(surface, look, self.t("choice.practice_hints" if self.focus == PRACTICE else "choice.hints"))

    def _practice(self, surface: pygame.Surface, area: pygame.Rect) -> pygame.Rect:
        """The line that starts practice, above the list."""
        look = self.look
        title_h, note_h = look.font("large", True).get_linesize(), look.font("small").get_linesize()
        rect = pygame.Rect(area.left, area.top, area.width, title_h + note_h + 2 * look.space("padding"))
        if self.focus == PRACTICE:
            look.focus_ring(surface, rect)
        look.panel(surface, rect, "accent", "accent")
        inner = rect.inflate(-2 * look.space("padding"), -2 * look.space("padding"))
        count = self.practice_due
        title = self.t("choice.practice.one") if count == 1 else self.t("choice.practice.many", count=count)
        look.text(surface, title, pygame.Rect(inner.left, inner.top, inner.width, title_h), "large", "accent_text",
                  bold=True)
        look.text(surface, self.t("choice.practice_note"), pygame.Rect(inner.left, inner.top + title_h, inner.width,
                  note_h), "small", "accent_text", summary=True)
        return rect

    def _card(self, surface: pygame.Surface, rect: pygame.Rect, entry: Entry, focused: bool) -> None:
        look = self.look
        if focused:
            look.focus_ring(surface, rect)
        look.panel(surface, rect)
        inner = rect.inflate(-2 * look.space("padding"), -2 * look.space("padding"))
        title_h = look.font("large", True).get_linesize()
        if entry.scenario is None:
            look.text(surface, Path(entry.path).name, pygame.Rect(inner.topleft, (inner.width, title_h)), "large",
                      "muted", bold=True)
            rest = pygame.Rect(inner.left, inner.top + title_h, inner.width, inner.height - title_h)
            look.text(surface, self.t("choice.broken", problem=entry.problem), rest, "small", "problem")
            return
        scenario = entry.scenario
        last = self._last(entry)
        right_w = inner.width // 3 if last else 0
        look.text(surface, scenario.title, pygame.Rect(inner.left, inner.top, inner.width - right_w, title_h),
                  "large", bold=True)
        if last:
            look.text(surface, last, pygame.Rect(inner.right - right_w, inner.top, right_w, title_h * 2), "small",
                      "accent", align="right")
        meta_h = look.font("small").get_linesize()
        meta = self.t("choice.meta", language=self.t(f"language.{scenario.language}"),
                      difficulty=self.t(f"difficulty.{scenario.difficulty}"), minutes=scenario.minutes)
        look.text(surface, meta, pygame.Rect(inner.left, inner.top + title_h, inner.width - right_w, meta_h),
                  "small", "muted")
        goal = pygame.Rect(inner.left, inner.top + title_h + meta_h + look.px(2), inner.width,
                           inner.height - title_h - meta_h - look.px(2))
        look.text(surface, scenario.goal, goal, "small")

    def _last(self, entry: Entry) -> str:
        result = entry.last
        if result is None:
            return ""
        outcome = say(self.look.lang, f"ending.{getattr(result, 'outcome', '')}.title")
        return self.t("choice.last", score=getattr(result, "score", "?"), outcome=outcome)

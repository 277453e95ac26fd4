"""The debrief: the ending, the score and its parts, every turn with its verdict (icon and
word), the feedback, the principle, the phrasing that would have moved the deal and what the
turn cost (the same week replayed, for the turn shown), and the buyer's hidden motive. All of
it exactly as `game.debrief.debrief(play)` and `what_it_cost` computed it.

Closes with ("practice", turn_number), ("again", None) or ("back", None).
"""

from __future__ import annotations

import pygame

from game.debrief import Debrief, DebriefLine, debrief, signed, what_it_cost
from game.model.reading import Confidence, calibration
from game.model.scoring import Verdict
from game.model.turn import TurnKind
from game.scenes.scene import Scene
from game.session import Session
from game.text import say
from game.ui.button import Button
from game.ui.calibration import draw_calibration
from game.ui.chrome import hints, split_columns, take_bottom, top_bar
from game.ui.icons import draw_verdict
from game.ui.look import Look
from game.ui.menu import ENTER_KEYS, Menu, row
from game.ui.sections import Section, draw_sections

PRACTICE, AGAIN, BACK = "practice", "again", "back"


class DebriefScene(Scene):
    """`readings`: the trainee's readings of the buyer so far, over all their games, for the calibration line."""

    def __init__(self, look: Look, session: Session, readings: list[tuple[Confidence, bool]] | None = None):
        super().__init__(look)
        self.session = session
        self.report: Debrief = debrief(session.play, self.look.lang)
        self.calibration = calibration(readings or [])
        self.selected = next((i for i, line in enumerate(self.report.lines) if line.better), 0)
        self.first = 0
        self.row_rects: list[tuple[int, pygame.Rect]] = []
        self.costs: dict[int, str] = {}  # what each turn shown cost, by its number: replayed once, when selected
        self._replay_selected()
        self.menu = Menu([Button(PRACTICE, self.t("debrief.practice"), self._can_practise(), "P", primary=True),
                          Button(AGAIN, self.t("debrief.again"), True, "R"),
                          Button(BACK, self.t("debrief.back"), True, "Esc")], horizontal=True)

    @property
    def line(self) -> DebriefLine | None:
        return self.report.lines[self.selected] if self.report.lines else None

    def _can_practise(self) -> bool:
        """Every turn the trainee made can be tried again; the closing settlement is no turn of theirs."""
        return self.line is not None and self.line.turn.kind != TurnKind.CLOSING

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_ESCAPE:
                self._press(BACK)
            elif key in (pygame.K_UP, pygame.K_DOWN):
                self._select(self.selected + (1 if key == pygame.K_DOWN else -1))
            elif key == pygame.K_p:
                self._press(PRACTICE)
            elif key == pygame.K_r:
                self._press(AGAIN)
            elif key in ENTER_KEYS or key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_TAB):
                self._press(self.menu.handle(event))
            return
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index, rect in self.row_rects:
                if rect.collidepoint(event.pos):
                    self._select(index)
                    return
        if event.type == pygame.MOUSEWHEEL:
            self._select(self.selected - event.y)
            return
        self._press(self.menu.handle(event))

    def _select(self, index: int) -> None:
        if self.report.lines:
            self.selected = max(0, min(len(self.report.lines) - 1, index))
            self._replay_selected()
            self.menu.buttons[0].enabled = self._can_practise()
            if not self.menu.buttons[0].enabled and self.menu.focus == 0:
                self.menu.focus = 1  # a button that cannot be pressed does not keep the focus

    def _replay_selected(self) -> None:
        """What the selected turn cost: the same week replayed (a few milliseconds), once per turn."""
        line = self.line
        if line is not None and line.turn.number not in self.costs:
            self.costs[line.turn.number] = what_it_cost(self.session.play, line.turn, self.look.lang)

    def _press(self, pressed: str | None) -> None:
        if pressed == PRACTICE and self._can_practise():
            self.close((PRACTICE, self.line.turn.number))
        elif pressed in (AGAIN, BACK):
            self.close((pressed, None))

    # --- drawing ----------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        look = self.look
        area = top_bar(surface, look, self.t("debrief.title", title=self.session.scenario.title),
                       self.t("debrief.practice_note") if self.session.practice else "")
        gap = look.space("gap")
        area, strip = take_bottom(area, look.px(44), gap)
        top = pygame.Rect(area.left, area.top, area.width, look.px(96))
        self._ending(surface, top)
        middle = pygame.Rect(area.left, top.bottom + gap, area.width, area.bottom - top.bottom - gap)
        left, detail = split_columns(middle, 0.38, gap * 2)
        row_h = max(look.px(30), look.font("small").get_linesize() * 2)
        # the timeline keeps at least one turn and its "turns 1-1 of 8" line
        least = row_h + look.font("tiny").get_linesize() + 2 * look.space("padding")
        motive_h = min(self._motive_height(left.width), left.height - least - gap)
        timeline = pygame.Rect(left.left, left.top, left.width, left.height - motive_h - gap)
        self._timeline(surface, timeline)
        self._motive(surface, pygame.Rect(left.left, timeline.bottom + gap, left.width, motive_h))
        self._detail(surface, detail)
        self.menu.draw(surface, look, row(strip, 3, gap), "small")
        hints(surface, look, self.t("debrief.hints"))

    def _motive_texts(self) -> tuple[str, str]:
        report = self.report
        return (self.t("debrief.motive", name=report.motive_name, explained=report.motive_explained),
                report.reading_line or self.t("debrief.no_reading"))

    def _chart_height(self) -> int:
        """The calibration line's height in the debrief: a title, the chart, a line of labels; none without readings."""
        if not any(tally.total for tally in self.calibration.values()):
            return 0
        return self.look.text_height("100%", 10_000, "tiny", bold=True) * 7

    def _motive_height(self, width: int) -> int:
        """What the panel of the motive, the reading and the calibration line needs at `width`."""
        look = self.look
        inner = width - 2 * look.space("padding")
        motive, reading = self._motive_texts()
        return (look.text_height(motive, inner, "small") + look.text_height(reading, inner, "small", bold=True)
                + self._chart_height() + 2 * look.space("padding") + look.space("gap"))

    def _motive(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The buyer's hidden motive, the trainee's reading of it, and their calibration line so far."""
        look, report = self.look, self.report
        look.panel(surface, rect)
        inner = rect.inflate(-2 * look.space("padding"), -2 * look.space("padding"))
        motive, reading = self._motive_texts()
        chart_h = min(self._chart_height(), inner.height // 2)
        reading_h = look.text_height(reading, inner.width, "small", bold=True)
        text = pygame.Rect(inner.left, inner.top, inner.width, inner.height - chart_h - reading_h)
        used = look.text(surface, motive, text, "small")
        colour = "muted" if report.reading is None else "vooruitgang" if report.reading_right else "achteruitgang"
        look.text(surface, reading, pygame.Rect(inner.left, used.bottom + look.px(2), inner.width,
                  inner.bottom - chart_h - used.bottom - look.px(2)), "small", colour, bold=True)
        if chart_h:
            chart = pygame.Rect(inner.left, inner.bottom - chart_h, inner.width, chart_h)
            title_h = look.text_height("100%", chart.width, "tiny", bold=True)
            look.text(surface, self.t("debrief.calibration"), pygame.Rect(chart.left, chart.top, chart.width,
                      title_h), "tiny", "muted", bold=True, summary=True)
            draw_calibration(surface, look, pygame.Rect(chart.left, chart.top + title_h, chart.width,
                             chart.height - title_h), self.calibration, compact=True)

    def _ending(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look, report = self.look, self.report
        gap = look.space("gap")
        text, score = split_columns(rect, 0.66, gap * 2)
        head_h = look.font("heading", True).get_linesize()
        look.text(surface, report.ending_title, pygame.Rect(text.left, text.top, text.width, head_h), "heading",
                  "accent", bold=True)
        look.text(surface, report.ending_text, pygame.Rect(text.left, text.top + head_h, text.width,
                                                           text.height - head_h), "body")
        look.panel(surface, score)
        inner = score.inflate(-2 * look.space("padding"), -look.space("padding"))
        big = pygame.Rect(inner.left, inner.top, inner.width * 2 // 5, inner.height)
        look.text(surface, self.t("debrief.score", turns=len(report.lines)),
                  pygame.Rect(big.left, big.top, inner.width, look.px(18)), "tiny", "muted", bold=True)
        look.text(surface, str(report.score).replace("-", "−"), pygame.Rect(big.left, big.top + look.px(16), big.width,
                                                          big.height - look.px(16)), "title", "accent", bold=True,
                  valign="middle")
        parts = "\n".join(f"{self.t(f'debrief.part.{name}')}: {signed(value)}" for name, value in report.parts.items())
        look.text(surface, parts, pygame.Rect(big.right, inner.top + look.px(16), inner.right - big.right,
                                              inner.height - look.px(16)), "small", valign="middle")

    def _timeline(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look, lines = self.look, self.report.lines
        look.panel(surface, rect)
        inner = rect.inflate(-look.space("padding"), -look.space("padding"))
        row_h = max(look.px(30), look.font("small").get_linesize() * 2)
        more_h = look.font("tiny").get_linesize()
        fits = max(1, inner.height // row_h)
        if fits < len(lines):
            fits = max(1, (inner.height - more_h) // row_h)
        if self.selected < self.first:
            self.first = self.selected
        elif self.selected >= self.first + fits:
            self.first = self.selected - fits + 1
        self.row_rects = []
        if not lines:
            look.text(surface, self.t("debrief.no_turns"), inner, "small", "muted")
        for slot, index in enumerate(range(self.first, min(len(lines), self.first + fits))):
            box = pygame.Rect(inner.left, inner.top + slot * row_h, inner.width, row_h - look.px(3))
            self._turn_row(surface, box, lines[index], index == self.selected)
            self.row_rects.append((index, box))
        if fits < len(lines):
            more = self.t("debrief.more", first=self.first + 1, last=min(len(lines), self.first + fits),
                          total=len(lines))
            look.text(surface, more, pygame.Rect(inner.left, inner.bottom - more_h, inner.width, more_h), "tiny",
                      "muted", align="right")

    def _turn_row(self, surface: pygame.Surface, box: pygame.Rect, line: DebriefLine, selected: bool) -> None:
        look = self.look
        if selected:
            pygame.draw.rect(surface, look.colour("button_hover"), box, border_radius=look.px(4))
            look.focus_ring(surface, box)
        icon = pygame.Rect(box.left + look.px(4), box.top, box.height, box.height).inflate(-look.px(6), -look.px(6))
        draw_verdict(surface, icon, line.verdict, look.colour(line.verdict), look.colour("verdict_mark"))
        text_left = icon.right + look.px(8)
        word_w = (box.right - text_left) * 2 // 5
        upper = pygame.Rect(text_left, box.top, word_w, box.height // 2)
        lower = pygame.Rect(text_left, box.centery, word_w, box.height // 2)
        look.text(surface, f"{line.turn.number}. {self._when(line)}", upper, "tiny", "muted", valign="middle")
        look.text(surface, line.verdict_word, lower, "small", line.verdict, bold=True, valign="middle")
        action = pygame.Rect(text_left + word_w + look.px(6), box.top, box.right - text_left - word_w - look.px(10),
                             box.height)
        look.text(surface, line.action, action, "tiny", valign="middle", summary=True)

    def _best_note(self, line: DebriefLine) -> str:
        """Said when the trainee chose the phrasing that moves the deal most (the model leaves `better` empty)."""
        return self.t("debrief.was_best") if line.turn.kind == TurnKind.PHRASING else ""

    def _better_title(self, line: DebriefLine) -> str:
        """A turn that already moved the deal can still have had a stronger phrasing."""
        if not line.better:
            return ""
        return self.t("debrief.stronger" if line.verdict == Verdict.VOORUITGANG else "debrief.better")

    def _when(self, line: DebriefLine) -> str:
        return line.when

    def _detail(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look, line = self.look, self.line
        look.panel(surface, rect)
        if line is None:
            return
        inner = rect.inflate(-2 * look.space("padding"), -2 * look.space("padding"))
        points = self.t("debrief.point" if abs(line.points) == 1 else "debrief.points", verdict=line.verdict_word,
                        points=signed(line.points))
        you = self.t("debrief.you", number=line.turn.number, when=self._when(line))
        draw_sections(surface, look, inner, [
            Section(you, line.action, "text", "small"),
            Section(self.t("debrief.happened"), line.happened, "text", "small"),
            Section(points, "\n".join(line.reasons), line.verdict, "small"),
            Section(self.t("debrief.feedback"), line.feedback, "text", "small"),
            Section(self.t("debrief.principle"), line.principle, "accent", "small"),
            Section(self._better_title(line), line.better or self._best_note(line), "vooruitgang", "small"),
            Section(say(self.look.lang, "same_week.title"), self.costs.get(line.turn.number, ""), "accent", "small"),
        ])

"""Practice what you missed: a short run of the decision points where the trainee kept a deal alive instead of
moving it, each in the situation of the game in which it was missed (see `game.practice`).

Per moment: where the deal stood and what the buyer just said, the phrasings; then the buyer's answer, what it did
to the deal, the feedback, the phrasing that would have moved it, and when the moment comes back. Each answer goes
up through `on_answer` as it is given (it is recorded as practice, never as a game). The clock comes from outside.
Closes with (answered, moved) when the run is over or the trainee stops.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.debrief import principle_text, signed
from game.model.hindsight import best_phrasing
from game.model.playthrough import Playthrough
from game.model.spacing import Answer, Spacing, after
from game.model.turn import Turn, TurnOutcome
from game.practice import Missed, well_answered
from game.scenes.scene import Scene
from game.text import moment_text, replied, say, with_moment
from game.text import said as said_text
from game.ui.bubble import speech_bubble
from game.ui.button import Button
from game.ui.chrome import hints, split_columns, top_bar
from game.ui.icons import draw_verdict
from game.ui.look import Look
from game.ui.menu import Menu, draw_phrasings
from game.ui.portrait import draw_portrait, face_from
from game.ui.sections import Section, draw_sections

CHOOSING, REPLY, DONE = "choosing", "reply", "done"


@dataclass(frozen=True)
class Moment:
    """A moment to practise, and its game set again up to it (None when the scenario file changed too much)."""

    missed: Missed
    play: Playthrough | None


class PracticeScene(Scene):
    def __init__(self, look: Look, moments: list[Moment], clock: Callable[[], float],
                 on_answer: Callable[[Missed, Playthrough, Turn, bool], None]):
        super().__init__(look)
        self.moments = moments
        self.clock = clock
        self.on_answer = on_answer
        self.index = 0
        self.state = CHOOSING
        self.turn: Turn | None = None
        self.good = False
        self.coming: Spacing | None = None
        self.answered = self.moved = 0
        self.menu = Menu([])
        self.next_menu = Menu([Button("next", self.t("practice.next"), primary=True, hint="Enter")])
        self._start()

    @property
    def moment(self) -> Moment | None:
        return self.moments[self.index] if self.index < len(self.moments) else None

    def _start(self) -> None:
        """Set up the current moment: its phrasings to choose from, or the end of the run."""
        moment = self.moment
        if moment is None:
            self.state = DONE
            self.next_menu.buttons[0].label = self.t("practice.done")
            return
        self.state, self.turn = CHOOSING, None
        play = moment.play
        if play is None:
            self.state = REPLY  # nothing to choose: say why, and go on
            return
        lang = play.scenario.language
        self.look.speech.buyer(play.scenario, play.buyer_line)
        self.menu = Menu([Button(str(i), with_moment(lang, phrasing.say, play.proposes(i)))
                          for i, phrasing in enumerate(play.point.phrasings)], numbered=True)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close((self.answered, self.moved))
            return
        if self.state == CHOOSING:
            pressed = self.menu.handle(event)
            if pressed is not None:
                self.say(int(pressed))
        elif self.next_menu.handle(event):
            self.proceed()

    def say(self, index: int) -> None:
        """Say phrasing `index` at the current moment: what the number keys and the mouse do."""
        moment = self.moment
        play = moment.play
        self.turn = play.choose(index)
        self.good = well_answered(play, self.turn)
        self.coming = after(moment.missed.spacing, Answer(self.clock(), self.good))
        self.answered += 1
        self.moved += self.good
        self.state = REPLY
        self.look.speech.buyer(play.scenario, replied(play.scenario.language, self.turn))
        self.on_answer(moment.missed, play, self.turn, self.good)

    def proceed(self) -> None:
        if self.state == DONE:
            self.close((self.answered, self.moved))
            return
        if self.state == REPLY:
            self.index += 1
            self._start()

    # --- drawing ----------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        look = self.look
        position = self.t("practice.position", number=min(self.index + 1, len(self.moments)), total=len(self.moments))
        area = top_bar(surface, look, f"{self.t('practice.title')} · {position}", self.t("practice.not_scored"))
        if self.state == DONE:
            self._summary(surface, area)
            hints(surface, look, self.t("practice.hints_done"))
            return
        gap = look.space("gap")
        left, right = split_columns(area, 0.3, gap * 2)
        moment = self.moment
        self._situation(surface, left, moment)
        if moment.play is None:
            look.text(surface, self.t("practice.unplayable"), right.inflate(0, -right.height // 2), "large", "problem")
            self._next_button(surface, right)
        elif self.state == CHOOSING:
            self._choosing(surface, right, moment.play)
        else:
            self._reply(surface, right, moment.play)
        hints(surface, look, self.t("practice.hints", numbers=self.menu.number_keys) if self.state == CHOOSING
              else self.t("practice.hints_reply"))

    def _situation(self, surface: pygame.Surface, rect: pygame.Rect, moment: Moment) -> None:
        """Where the deal stood: the scenario, the buyer, the moment in the week, the deal, an agreed contact."""
        look = self.look
        scenario = moment.missed.scenario
        buyer = scenario.buyer
        look.panel(surface, rect)
        inner = rect.inflate(-2 * look.space("padding"), -2 * look.space("padding"))
        title_h = look.font("small", True).get_linesize() * 2
        look.text(surface, scenario.title, pygame.Rect(inner.left, inner.top, inner.width, title_h), "small",
                  bold=True)
        side = min(inner.width, inner.height * 3 // 10)
        picture = pygame.Rect(inner.centerx - side // 2, inner.top + title_h, side, side)
        draw_portrait(surface, picture, face_from(buyer.portrait, buyer.name), look.theme.portrait)
        play = moment.play
        lines = []
        if play is not None:
            started = next(t.moment for t in reversed(play.turns) if t.outcome == TurnOutcome.THROUGH)
            lines.append(self.t("practice.when", when=moment_text(look.lang, started), name=buyer.name))
            before = self.turn.change.stage_before if self.turn else play.deal.stage
            lines.append(self.t("practice.stage", stage=say(look.lang, f"stage.{before}")))
            if play.appointment is not None and self.state == CHOOSING:
                lines.append(self.t("practice.agreed", when=moment_text(look.lang, play.appointment)))
        missed_on = datetime.datetime.fromtimestamp(moment.missed.spacing.missed).strftime("%d-%m-%Y")
        lines.append(self.t("practice.missed", date=missed_on))
        body = pygame.Rect(inner.left, picture.bottom + look.space("gap"), inner.width,
                           inner.bottom - picture.bottom - look.space("gap"))
        draw_sections(surface, look, body, [Section(self.t("practice.situation"), "\n".join(lines), "text", "small")])

    def _choosing(self, surface: pygame.Surface, rect: pygame.Rect, play: Playthrough) -> None:
        look = self.look
        gap = look.space("gap")
        said_h = look.font("small", True).get_linesize()
        look.text(surface, self.t("practice.said", name=play.scenario.buyer.name),
                  pygame.Rect(rect.left, rect.top, rect.width, said_h), "small", "muted", bold=True)
        bubble = pygame.Rect(rect.left + look.px(12), rect.top + said_h, rect.width - look.px(12),
                             round(rect.height * 0.3))
        speech_bubble(surface, look, bubble, play.buyer_line)
        below = pygame.Rect(rect.left, bubble.bottom + gap, rect.width, rect.bottom - bubble.bottom - gap)
        draw_phrasings(surface, look, self.menu, below, self.t("practice.what_do_you_say"), tallest=84)

    def _reply(self, surface: pygame.Surface, rect: pygame.Rect, play: Playthrough) -> None:
        look, turn = self.look, self.turn
        lang = play.scenario.language
        gap = look.space("gap")
        button = self._next_button(surface, rect)
        said_h = look.font("small").get_linesize() * 2
        look.text(surface, self.t("practice.you_said", say=said_text(lang, turn)),
                  pygame.Rect(rect.left, rect.top, rect.width, said_h), "small", "muted")
        bubble = pygame.Rect(rect.left + look.px(12), rect.top + said_h + gap, rect.width - look.px(12),
                             round(rect.height * 0.28))
        bubble = speech_bubble(surface, look, bubble, replied(lang, turn), shrink=True)
        verdict_h = look.font("large", True).get_linesize()
        icon = pygame.Rect(rect.left, bubble.bottom + gap, verdict_h, verdict_h)
        draw_verdict(surface, icon, turn.verdict, look.colour(turn.verdict), look.colour("verdict_mark"))
        points = self.t("debrief.point" if abs(turn.points) == 1 else "debrief.points",
                        verdict=say(look.lang, f"verdict.{turn.verdict}"), points=signed(turn.points))
        look.text(surface, points, pygame.Rect(icon.right + gap, icon.top, rect.width - verdict_h - gap, verdict_h),
                  "large", turn.verdict, bold=True, valign="middle")
        details = pygame.Rect(rect.left, icon.bottom + gap, rect.width, button.top - icon.bottom - 2 * gap)
        draw_sections(surface, look, details, self._details(play, turn))

    def _details(self, play: Playthrough, turn: Turn) -> list[Section]:
        point = play.scenario.call(turn.call_id).point(turn.point_id)
        phrasing = point.phrasings[turn.choice]
        lang = play.scenario.language
        best = best_phrasing(point, turn.change.stage_before, play.motive, play.rules.score)
        better = "" if self.good else with_moment(lang, point.phrasings[best].say,
                                                  play.proposal(point.phrasings[best], turn.moment))
        coming = self.coming
        if coming is None or coming.learned:
            back = self.t("practice.comes_back.learned")
        else:
            days = coming.days_until(self.clock())
            back = self.t("practice.comes_back.one") if days <= 1 else self.t("practice.comes_back.many", days=days)
        return [
            Section(self.t("debrief.feedback"), with_moment(lang, phrasing.feedback, turn.offered or turn.proposed),
                    "text", "small"),
            Section(self.t("debrief.principle"), principle_text(self.look.lang, phrasing.principle), "accent", "small"),
            Section(self.t("practice.better"), better, "vooruitgang", "small"),
            Section("", back, "muted", "small"),
        ]

    def _next_button(self, surface: pygame.Surface, rect: pygame.Rect) -> pygame.Rect:
        look = self.look
        button = pygame.Rect(rect.right - look.px(260), rect.bottom - look.px(46), look.px(260), look.px(46))
        last = self.index + 1 >= len(self.moments)
        self.next_menu.buttons[0].label = self.t("practice.done" if last else "practice.next")
        self.next_menu.draw(surface, look, [button], "small")
        return button

    def _summary(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        look = self.look
        box = area.inflate(-area.width // 4, -area.height // 3)
        look.panel(surface, box)
        inner = box.inflate(-3 * look.space("padding"), -3 * look.space("padding"))
        head_h = look.font("heading", True).get_linesize()
        look.text(surface, self.t("practice.summary_title"), pygame.Rect(inner.left, inner.top, inner.width, head_h),
                  "heading", "accent", bold=True)
        look.text(surface, self.t("practice.summary", good=self.moved, total=self.answered),
                  pygame.Rect(inner.left, inner.top + head_h, inner.width, inner.height - head_h - look.px(56)),
                  "large")
        self._next_button(surface, inner)

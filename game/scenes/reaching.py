"""Reaching the buyer: the buyer's week, the priority ladder, and the trainee's choice of
moment and channel. After each attempt the screen says what happened and why.

Closes with "call" when the buyer picks up, "ended" when the week or the contacts are
used up, and "stop" when the trainee stops following up.
"""

from __future__ import annotations

import pygame

from game.debrief import debrief, happened
from game.model.moment import Moment
from game.model.playthrough import Phase, Playthrough
from game.model.turn import Channel, Turn, TurnOutcome
from game.scenes.confirm import ConfirmScene
from game.scenes.scene import Scene
from game.session import Session
from game.text import moment_text as when
from game.text import say
from game.ui.button import Button
from game.ui.chrome import hints, split_columns, take_bottom, top_bar
from game.ui.icons import draw_verdict
from game.ui.look import Look
from game.ui.menu import ENTER_KEYS, Menu, row
from game.ui.week_grid import draw_ladder, draw_week

PICKING, RINGING, OUTCOME = "picking", "ringing", "outcome"


class ReachingScene(Scene):
    def __init__(self, look: Look, session: Session):
        super().__init__(look)
        self.session = session
        self.state = PICKING
        self.ring_left = 0.0
        self.turn: Turn | None = None
        self.cells: dict[Moment, pygame.Rect] = {}
        self.cursor = self._start_cursor()
        self.menu = Menu([])
        self.next_menu = Menu([Button("next", self.t("common.continue"), primary=True, hint="Enter")])
        self._refresh_buttons()

    @property
    def play(self) -> Playthrough:
        return self.session.play

    def _start_cursor(self) -> Moment:
        moments = self.play.moments()
        if self.play.appointment in moments:
            return self.play.appointment
        return moments[0] if moments else Moment(1, self.play.rules.day_start)

    def _open(self, moment: Moment) -> bool:
        return self.play.phase not in (Phase.ENDED, Phase.IN_CALL) and moment in self.play.moments()

    def _refresh_buttons(self) -> None:
        can = self._open(self.cursor)
        focus = self.menu.focus
        self.menu = Menu([Button(Channel.CALL, self.t("reaching.call"), can, "Enter", primary=True),
                          Button(Channel.EMAIL, self.t("reaching.email"), can, "E"),
                          Button("stop", self.t("reaching.stop"), True, "Esc")], horizontal=True, focus=focus)

    # --- input ------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if self.state == RINGING:
            if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
                self._answered()
            return
        if self.state == OUTCOME:
            if self.next_menu.handle(event) or (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
                self._after_outcome()
            return
        if event.type == pygame.KEYDOWN:
            self._key(event.key)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for moment, rect in self.cells.items():
                if rect.collidepoint(event.pos):
                    self._point_at(moment)
                    return
            self._press(self.menu.handle(event))
        elif event.type == pygame.MOUSEMOTION:
            self.menu.handle(event)

    def _key(self, key: int) -> None:
        rules = self.play.rules
        if key == pygame.K_ESCAPE:
            self._press("stop")
        elif key in (pygame.K_UP, pygame.K_DOWN):
            minute = self.cursor.minute + (rules.slot_minutes if key == pygame.K_DOWN else -rules.slot_minutes)
            if rules.day_start <= minute < rules.day_end:
                self._point_at(Moment(self.cursor.day, minute))
        elif key in (pygame.K_LEFT, pygame.K_RIGHT):
            days = self.play.working_days()
            index = days.index(self.cursor.day) + (1 if key == pygame.K_RIGHT else -1) if self.cursor.day in days else 0
            if 0 <= index < len(days):
                self._point_at(Moment(days[index], self.cursor.minute))
        elif key in ENTER_KEYS or key == pygame.K_c:
            self._press(self.menu.focused.key if key in ENTER_KEYS and self.menu.focus else Channel.CALL)
        elif key == pygame.K_e:
            self._press(Channel.EMAIL)
        elif key == pygame.K_TAB:
            self.menu.move(1)

    def _point_at(self, moment: Moment) -> None:
        self.cursor = moment
        self._refresh_buttons()

    def _press(self, pressed: str | None) -> None:
        if pressed == "stop":
            confirm = ConfirmScene(self.look, self.t("reaching.stop_question"), self.t("reaching.stop_yes"),
                                   self.t("common.keep_going"))
            self.stack.push(confirm, lambda yes: yes and self.close("stop"))
        elif pressed in (Channel.CALL, Channel.EMAIL) and self._open(self.cursor):
            self.attempt(self.cursor, pressed)

    def attempt(self, moment: Moment, channel: str) -> None:
        """Try to reach the buyer: what the keyboard, the mouse and the screenshot bot all end up doing."""
        self.turn = self.play.contact(moment, channel)
        if channel == Channel.CALL:
            self.state = RINGING
            self.ring_left = self.look.theme.timing("ring_seconds")
            self.look.sounds.play("ring")
        else:
            self.state = OUTCOME
        self._refresh_buttons()  # the moment is used up: its buttons no longer offer it

    def _answered(self) -> None:
        self.state = OUTCOME
        self.look.sounds.play("pick_up" if self.turn and self.turn.outcome in (TurnOutcome.THROUGH, TurnOutcome.NO_NEWS)
                              else "hang_up")
        if self.turn is not None:
            self.look.speech.heard(self.session.scenario, self.turn)

    def _after_outcome(self) -> None:
        if self.play.phase == Phase.IN_CALL:
            self.close("call")
        elif self.play.phase == Phase.ENDED:
            self.close("ended")
        else:
            self.state = PICKING
            self.turn = None
            self.cursor = self._start_cursor()
            self._refresh_buttons()

    def proceed(self) -> None:
        """Past the ringing and the outcome, as Enter would."""
        if self.state == RINGING:
            self._answered()
        if self.state == OUTCOME:
            self._after_outcome()

    def update(self, dt: float) -> None:
        if self.state == RINGING:
            self.ring_left -= dt
            if self.ring_left <= 0:
                self._answered()

    @property
    def busy(self) -> bool:
        return self.state == RINGING

    # --- drawing ----------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        look = self.look
        scenario = self.session.scenario
        right_text = self.t("reaching.practice") if self.session.practice else self.t("reaching.subtitle")
        area = top_bar(surface, look, self.t("reaching.title", name=scenario.buyer.name), right_text)
        gap = look.space("gap")
        area, strip = take_bottom(area, look.px(46), gap)
        grid, side = split_columns(area, 0.72, gap * 2)
        self.cells = draw_week(surface, look, grid, self.play, self.cursor if self.state == PICKING else None)
        ringing = self.state == RINGING and self.turn is not None
        draw_ladder(surface, look, side, self.play, self.turn.change.stage_before if ringing else None)
        label = pygame.Rect(strip.left, strip.top, strip.width * 2 // 5, strip.height)
        look.text(surface, self._cursor_text(), label, "small", "text", valign="middle")
        buttons = pygame.Rect(label.right + gap, strip.top, strip.right - label.right - gap, strip.height)
        self.menu.draw(surface, look, row(buttons, 3, gap), "small", show_focus=self.state == PICKING)
        if self.state != PICKING:
            self._outcome(surface, grid)
        hints(surface, look, self.t("reaching.hints"))

    def _cursor_text(self) -> str:
        if self.turn is not None and self.state != PICKING:  # the attempt in progress, not the moment it used up
            key = "calling" if self.state == RINGING else f"{self.turn.channel}_made"
            return self.t(f"reaching.{key}", when=when(self.look.lang, self.turn.moment),
                          name=self.session.scenario.buyer.name)
        moment = self.cursor
        when_text = when(self.look.lang, moment)
        if not self._open(moment):
            return self.t("reaching.passed", when=when_text)
        if moment == self.play.appointment:
            return self.t("reaching.appointment_then", when=when_text)
        claim = self.play.claim_at(moment)
        if claim and claim.visible:
            who = say(self.look.lang, f"rung.{claim.who}")
            return self.t("reaching.busy_then", when=when_text, who=who, what=claim.what)
        return self.t("reaching.free_then", when=when_text)

    def _outcome(self, surface: pygame.Surface, grid: pygame.Rect) -> None:
        look = self.look
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill(look.colour("shade"))
        surface.blit(shade, (0, 0))
        box = pygame.Rect(0, 0, min(grid.width, look.px(600)), min(grid.height, look.px(300)))
        box.center = grid.center
        look.panel(surface, box, edge="accent", width=2)
        inner = box.inflate(-3 * look.space("padding"), -3 * look.space("padding"))
        turn = self.turn
        head_h = look.font("large", True).get_linesize()
        channel = say(self.look.lang, f"channel.{turn.channel}")
        look.text(surface, f"{when(self.look.lang, turn.moment)} · {channel}",
                  pygame.Rect(inner.left, inner.top, inner.width, head_h), "large", "accent", bold=True)
        body = pygame.Rect(inner.left, inner.top + head_h + look.space("gap"), inner.width, 0)
        if self.state == RINGING:
            body.height = inner.bottom - body.top
            self._ringing(surface, body)
            return
        button = pygame.Rect(inner.right - look.px(220), inner.bottom - look.px(44), look.px(220), look.px(44))
        line = debrief(self.play, self.look.lang).lines[-1]  # exactly what the model says happened, and why
        verdict_h = look.font("body", True).get_linesize() + look.px(6)
        icon = pygame.Rect(inner.left, button.centery - verdict_h // 2, verdict_h, verdict_h)
        draw_verdict(surface, icon, line.verdict, look.colour(line.verdict), look.colour("verdict_mark"))
        look.text(surface, line.verdict_word, pygame.Rect(icon.right + look.px(8), icon.top, button.left - icon.right
                  - look.px(16), verdict_h), "body", line.verdict, bold=True, valign="middle")
        body.height = button.top - body.top - look.space("gap")
        text = happened(self.play, turn, self.look.lang) + "\n\n" + "\n".join(line.reasons)
        look.text(surface, text, body, "body")
        self.next_menu.draw(surface, look, [button], "small")

    def _ringing(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """A handset with sound waves that pulse while the phone rings."""
        look = self.look
        size = min(rect.height, look.px(90))
        centre = (rect.left + size // 2, rect.top + size // 2)
        pygame.draw.circle(surface, look.colour("accent"), centre, size // 3)
        handset = pygame.Rect(0, 0, size // 3, size // 8)
        handset.center = centre
        pygame.draw.rect(surface, look.colour("on_colour"), handset, border_radius=max(1, size // 16))
        elapsed = self.look.theme.timing("ring_seconds") - self.ring_left
        for wave in range(3):
            if (elapsed * 3 + wave) % 3 < 2:
                radius = size // 3 + look.px(8) * (wave + 1)
                arc = pygame.Rect(0, 0, radius * 2, radius * 2)
                arc.center = centre
                pygame.draw.arc(surface, look.colour("accent"), arc, -0.6, 0.6, max(1, look.px(3)))
        left = rect.left + size + 3 * look.space("gap")
        text = pygame.Rect(left, rect.top, rect.right - left, size)
        look.text(surface, self.t("reaching.ringing"), text, "large", "muted", valign="middle")

"""The call: the buyer's portrait and words, two to four phrasings to say, and the buyer's reply.

The call clock shows the minutes used of the buyer's patience (a setting hides it); it is
simulated time, so nothing here runs against the trainee's own clock.
Closes with "hung_up" when the call is over, "read" when the scenario asks for the reading of the buyer
while the call goes on, or "stop" when the trainee stops following up.
"""

from __future__ import annotations

import pygame

from game.model.playthrough import Phase, Playthrough
from game.model.turn import CallEnd, Turn
from game.scenes.confirm import ConfirmScene
from game.scenes.scene import Scene
from game.session import Session
from game.text import moment_text as when_text
from game.text import replied, say, with_moment
from game.text import said as said_text
from game.ui.bubble import speech_bubble
from game.ui.button import Button
from game.ui.chrome import hints, split_columns, top_bar
from game.ui.look import Look
from game.ui.menu import Menu, draw_phrasings
from game.ui.portrait import draw_portrait, face_from

CHOOSING, REPLY = "choosing", "reply"
READ = "read"


class CallScene(Scene):
    def __init__(self, look: Look, session: Session):
        super().__init__(look)
        self.session = session
        self.state = CHOOSING
        self.turn: Turn | None = None
        self.hang_up_after_reply = False  # the buyer's goodbye is being spoken: the tone waits for the trainee
        self.minutes = session.play.call_minutes  # shown on the call clock, also after the buyer hung up
        self.menu = Menu([])
        self.next_menu = Menu([Button("next", self.t("common.continue"), primary=True, hint="Enter")])
        self._phrasings()

    @property
    def play(self) -> Playthrough:
        return self.session.play

    @property
    def lang(self) -> str:
        return self.session.scenario.language

    def _phrasings(self) -> None:
        point = self.play.point
        phrasings = point.phrasings if point else ()
        self.look.speech.buyer(self.session.scenario, self.play.buyer_line)
        self.menu = Menu([Button(str(i), with_moment(self.lang, phrasing.say, self.play.proposes(i)))
                          for i, phrasing in enumerate(phrasings)], numbered=True)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            if self.state == REPLY:
                self.proceed()
                return
            confirm = ConfirmScene(self.look, self.t("call.stop_question"), self.t("reaching.stop_yes"),
                                   self.t("common.keep_going"))
            self.stack.push(confirm, lambda yes: yes and self.close("stop"))
            return
        if self.state == REPLY:
            if self.next_menu.handle(event):
                self.proceed()
            return
        pressed = self.menu.handle(event)
        if pressed is not None:
            self.say(int(pressed))

    def say(self, index: int) -> None:
        """Say phrasing `index`: what the number keys, the mouse and the screenshot bot all do."""
        self.turn = self.play.choose(index)
        self.minutes += self.turn.change.minutes
        self.state = REPLY
        spoken = self.look.speech.buyer(self.session.scenario, replied(self.lang, self.turn))
        # A buyer who says goodbye aloud hangs up once the trainee has heard him out, not over his words.
        self.hang_up_after_reply = bool(self.turn.call_end) and spoken
        if self.turn.call_end and not spoken:
            self.look.sounds.play("hang_up")

    def proceed(self) -> None:
        """From the reply to the next decision, or out of the call when it is over."""
        if self.state != REPLY:
            return
        if self.play.phase != Phase.IN_CALL:
            if self.hang_up_after_reply:
                self.look.sounds.play("hang_up")
            self.close("hung_up")
            return
        if self.play.reading_due and not self.session.practice:
            self.close(READ)  # the scenario asks for the reading here, with the call still going on
            return
        self.state = CHOOSING
        self.turn = None
        self.minutes = self.play.call_minutes
        self._phrasings()

    # --- drawing ----------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        look, play = self.look, self.play
        buyer = self.session.scenario.buyer
        when = when_text(self.look.lang, self.turn.moment if self.turn else play.turns[-1].moment) if play.turns else ""
        if self.session.practice:
            when = f"{self.t('debrief.practice_note')} · {when}"
        area = top_bar(surface, look, self.t("call.title", name=buyer.name), when)
        gap = look.space("gap")
        left, right = split_columns(area, 0.26, gap * 2)
        self._buyer(surface, left)
        if self.state == CHOOSING:
            self._choosing(surface, right)
        else:
            self._reply(surface, right)
        hints(surface, look, self.t("call.hints_reply") if self.state == REPLY
              else self.t("call.hints", numbers=self.menu.number_keys))

    def _buyer(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look, buyer = self.look, self.session.scenario.buyer
        look.panel(surface, rect)
        inner = rect.inflate(-2 * look.space("padding"), -2 * look.space("padding"))
        side = min(inner.width, inner.height * 9 // 20)
        picture = pygame.Rect(inner.centerx - side // 2, inner.top, side, side)
        draw_portrait(surface, picture, face_from(buyer.portrait, buyer.name), look.theme.portrait)
        y = picture.bottom + look.space("gap")
        name_h = look.font("large", True).get_linesize()
        look.text(surface, buyer.name, pygame.Rect(inner.left, y, inner.width, name_h), "large", bold=True,
                  align="center")
        y += name_h
        role = ", ".join(part for part in (buyer.role, buyer.company) if part)
        role_rect = pygame.Rect(inner.left, y, inner.width, look.font("small").get_linesize() * 2)
        y = max(y, look.text(surface, role, role_rect, "small", "muted", align="center").bottom) + look.space("gap") * 2
        stage_h = look.font("small").get_linesize() * 2
        stage = pygame.Rect(inner.left, inner.bottom - stage_h, inner.width, stage_h)
        look.text(surface, self.t("reaching.stage", stage=say(look.lang, f"stage.{self.play.deal.stage}")), stage,
                  "small", valign="bottom")
        if look.settings.call_clock:
            self._clock(surface, pygame.Rect(inner.left, y, inner.width, stage.top - y))

    def _clock(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look, play = self.look, self.play
        used, patience = self.minutes, play.rules.call_patience
        label_h = look.font("small", True).get_linesize()
        if rect.height < label_h * 3:
            return
        look.text(surface, self.t("call.clock"), pygame.Rect(rect.left, rect.top, rect.width, label_h), "small",
                  "muted", bold=True)
        bar = pygame.Rect(rect.left, rect.top + label_h + look.px(4), rect.width, look.px(14))
        pygame.draw.rect(surface, look.colour("grid_line"), bar, border_radius=look.px(7))
        share = min(1.0, used / max(1, patience))
        fill = pygame.Rect(bar.left, bar.top, round(bar.width * share), bar.height)
        pygame.draw.rect(surface, look.colour("clock_full" if share >= 1 else "clock_fill"), fill,
                         border_radius=look.px(7))
        for minute in range(1, patience):
            x = bar.left + round(bar.width * minute / patience)
            pygame.draw.line(surface, look.colour("panel"), (x, bar.top), (x, bar.bottom - 1), max(1, look.px(1)))
        look.text(surface, self.t("call.minutes", used=used, patience=patience),
                  pygame.Rect(rect.left, bar.bottom + look.px(4), rect.width, rect.bottom - bar.bottom - look.px(4)),
                  "small")

    def _choosing(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look, play = self.look, self.play
        gap = look.space("gap")
        bubble = pygame.Rect(rect.left, rect.top, rect.width, round(rect.height * 0.34))
        speech_bubble(surface, look, bubble, play.buyer_line)
        below = pygame.Rect(rect.left, bubble.bottom + gap, rect.width, rect.bottom - bubble.bottom - gap)
        draw_phrasings(surface, look, self.menu, below, self.t("call.what_do_you_say"), tallest=92)

    def _reply(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        look, turn = self.look, self.turn
        gap = look.space("gap")
        said_h = look.font("small").get_linesize() * 3
        said = pygame.Rect(rect.left, rect.top, rect.width, said_h)
        look.text(surface, self.t("call.you_said", say=said_text(self.lang, turn)), said, "small", "muted")
        button = pygame.Rect(rect.right - look.px(240), rect.bottom - look.px(46), look.px(240), look.px(46))
        notice = self._notice(turn)
        notice_h = look.font("body", True).get_linesize() * 2 if notice else 0
        bubble = pygame.Rect(rect.left + look.px(12), said.bottom + gap, rect.width - look.px(12),
                             button.top - said.bottom - 3 * gap - notice_h)
        bubble = speech_bubble(surface, look, bubble, replied(self.lang, turn), shrink=True)
        if notice:
            colour = "accent" if turn.call_end == CallEnd.ENDED else "problem"
            look.text(surface, notice, pygame.Rect(rect.left, bubble.bottom + 2 * gap, rect.width, notice_h), "body",
                      colour, bold=True)
        going_on = self.play.phase == Phase.IN_CALL
        self.next_menu.buttons[0].label = self.t("common.continue" if going_on else "call.hang_up")
        self.next_menu.draw(surface, look, [button], "small")

    def _notice(self, turn: Turn) -> str:
        name = self.session.scenario.buyer.name
        if turn.call_end in (CallEnd.CUT_SHORT, CallEnd.PATIENCE):
            return say(self.lang, f"outcome.{turn.call_end}", name=name, what=turn.claim_what)
        if turn.call_end == CallEnd.ENDED:
            return self.t("call.ended", name=name)
        return ""

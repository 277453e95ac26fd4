"""The buyer's week as a grid (days across, half hours down) and the priority ladder beside it.

Claims the trainee can see are blocks in their rung's colour, labelled with the rung, so
the week shows at a glance who would win the buyer's attention at each moment.
"""

from __future__ import annotations

import pygame

from game.model.moment import Moment, clock_text
from game.model.playthrough import Phase, Playthrough
from game.model.scenario import Claim
from game.model.turn import Channel, TurnKind
from game.text import day_label, say
from game.text import moment_text as when
from game.ui.look import Look

YOU = "prospect"


def draw_week(surface: pygame.Surface, look: Look, rect: pygame.Rect, play: Playthrough,
              cursor: Moment | None) -> dict[Moment, pygame.Rect]:
    """Draw the week; every moment's cell comes back, for the mouse."""
    rules = play.rules
    slots = list(range(rules.day_start, rules.day_end, rules.slot_minutes))
    head = look.font("small", True).get_linesize() + look.px(4)
    time_w = look.font("tiny").size("00:00")[0] + look.px(10)
    days = play.working_days()  # an appointment after the last day of the week adds the days up to it
    column = {day: index for index, day in enumerate(days)}
    day_w = (rect.width - time_w) // len(days)
    row_h = (rect.height - head) // len(slots)
    grid = pygame.Rect(rect.left + time_w, rect.top + head, day_w * len(days), row_h * len(slots))
    pygame.draw.rect(surface, look.colour("panel"), grid)
    open_moments = set(play.moments()) if play.phase not in (Phase.ENDED, Phase.IN_CALL) else set()
    cells = {}
    for day in days:
        x = grid.left + column[day] * day_w
        label = day_label(look.lang, day)
        look.text(surface, label[:1].upper() + label[1:], pygame.Rect(x, rect.top, day_w, head), "small", bold=True,
                  align="center", valign="middle", aloud=False)  # the line under the week says where the cursor is
        for index, minute in enumerate(slots):
            cell = pygame.Rect(x, grid.top + index * row_h, day_w, row_h)
            cells[Moment(day, minute)] = cell
            if Moment(day, minute) not in open_moments:
                pygame.draw.rect(surface, look.colour("grid_past"), cell)
            pygame.draw.rect(surface, look.colour("grid_line"), cell, 1)
    for index, minute in enumerate(slots):
        if minute % 60 == 0 or index == 0:
            label = pygame.Rect(rect.left, grid.top + index * row_h - row_h // 2, time_w - look.px(4), row_h)
            look.text(surface, clock_text(minute), label, "tiny", "muted", align="right", valign="middle", aloud=False)
    scale = row_h / rules.slot_minutes
    for claim in play.visible_week():
        if claim.day in column:
            top = grid.top + round((claim.start - rules.day_start) * scale)
            bottom = grid.top + round((claim.start + claim.minutes - rules.day_start) * scale)
            block = pygame.Rect(grid.left + column[claim.day] * day_w + look.px(3), top + 1, day_w - look.px(6),
                                bottom - top - 2)
            _claim(surface, look, block.clip(grid), claim, play.scenario.buyer.ladder.rungs)
    _tried(surface, look, play, cells)
    if play.appointment in cells:
        _appointment(surface, look, cells[play.appointment], play.appointment)
    if cursor in cells:
        look.focus_ring(surface, cells[cursor].inflate(-look.px(4), -look.px(4)))
    return cells


def _claim(surface: pygame.Surface, look: Look, block: pygame.Rect, claim: Claim, rungs: tuple[str, ...]) -> None:
    """A claim labelled with its place on the ladder, the same number as beside the week."""
    if block.height <= 2:
        return
    pygame.draw.rect(surface, look.theme.rung_colour(claim.who), block, border_radius=look.px(4))
    inner = block.inflate(-look.px(6), -look.px(4))
    place = f"{rungs.index(claim.who) + 1}. " if claim.who in rungs else ""
    rung = place + say(look.lang, f"rung.{claim.who}")
    text = f"{rung}: {claim.what}"
    if not look.block(text, inner, "tiny").cut:
        look.text(surface, text, inner, "tiny", "on_colour")
        return
    # a short claim shows its rung only; the line under the week says what it is
    look.text(surface, rung, inner, "tiny", "on_colour", summary=True)


def _tried(surface: pygame.Surface, look: Look, play: Playthrough, cells: dict[Moment, pygame.Rect]) -> None:
    """A mark on every moment already tried: a filled dot for a call, an open one for an e-mail."""
    for turn in play.turns:
        if turn.kind != TurnKind.CONTACT or turn.moment not in cells:
            continue
        cell = cells[turn.moment]
        radius = max(2, min(look.px(5), cell.height // 3))
        width = 0 if turn.channel == Channel.CALL else max(1, look.px(2))
        pygame.draw.circle(surface, look.colour("text"), (cell.right - look.px(9), cell.centery), radius, width)


def _appointment(surface: pygame.Surface, look: Look, cell: pygame.Rect, moment: Moment) -> None:
    badge = cell.inflate(-look.px(4), -look.px(4))
    pygame.draw.rect(surface, look.colour("appointment"), badge, border_radius=look.px(4))
    look.text(surface, f"{look.t('reaching.agreed')} {moment.clock}", badge.inflate(-look.px(8), 0), "tiny",
              "on_colour", bold=True, valign="middle")


def draw_ladder(surface: pygame.Surface, look: Look, rect: pygame.Rect, play: Playthrough,
                stage: str | None = None) -> None:
    """The priority ladder, top rung first and the trainee last, then where the follow-up stands."""
    rungs = play.scenario.buyer.ladder.rungs
    look.panel(surface, rect)
    inner = rect.inflate(-2 * look.space("padding"), -2 * look.space("padding"))
    head_h = look.font("small", True).get_linesize()
    look.text(surface, look.t("reaching.ladder"), pygame.Rect(inner.left, inner.top, inner.width, head_h * 2),
              "small", "muted", bold=True)
    y = inner.top + head_h * 2
    rung_h = min(look.px(26), (inner.height // 2 - head_h * 2) // max(1, len(rungs)))
    for number, rung in enumerate(rungs, start=1):
        box = pygame.Rect(inner.left, y, inner.width, rung_h - look.px(3))
        pygame.draw.rect(surface, look.theme.rung_colour(rung), box, border_radius=look.px(4))
        if rung == YOU:  # outlined in the text colour: the focus colour is for the keyboard only
            pygame.draw.rect(surface, look.colour("text"), box.inflate(look.px(4), look.px(4)), max(2, look.px(2)),
                             border_radius=look.px(6))
        look.text(surface, f"{number}. {say(look.lang, f'rung.{rung}')}", box.inflate(-look.px(8), 0), "small",
                  "on_colour", bold=rung == YOU, valign="middle")
        y += rung_h
    dots = pygame.Rect(inner.left, y + look.space("gap"), inner.width, look.px(14))
    _contact_dots(surface, look, dots, play)
    status = [look.t("reaching.contacts_left", left=play.contacts_left, total=play.rules.contacts),
              look.t("reaching.stage", stage=say(look.lang, f"stage.{stage or play.deal.stage}")),
              look.t("reaching.appointment", when=when(look.lang, play.appointment))
              if play.appointment else look.t("reaching.no_appointment"),
              look.t("reaching.legend")]
    y = dots.bottom + look.space("gap")
    look.text(surface, "\n".join(status), pygame.Rect(inner.left, y, inner.width, inner.bottom - y), "small")


def _contact_dots(surface: pygame.Surface, look: Look, rect: pygame.Rect, play: Playthrough) -> None:
    """One dot per contact the rules allow: filled while still to use."""
    radius = rect.height // 2
    for index in range(play.rules.contacts):
        centre = (rect.left + radius + index * (radius * 2 + look.px(5)), rect.centery)
        if centre[0] + radius > rect.right:
            return
        used = index >= play.contacts_left
        pygame.draw.circle(surface, look.colour("muted" if used else "accent"), centre, radius,
                           max(1, look.px(2)) if used else 0)

"""The calibration line: per confidence step (a guess, fairly sure, sure), how often the trainee's reading of the
buyer was right, beside a dashed line where a confidence that matches reality would lie (`reading.MATCHED`).

A step without readings has no point; the line runs between the steps that have one. Below each step its label
and "3 of 4". Drawn in the history (large) and the debrief (small: the same chart, in a smaller box).
"""

from __future__ import annotations

import itertools

import pygame

from game.model.reading import MATCHED, Confidence, Tally
from game.ui.look import Look


def draw_calibration(surface: pygame.Surface, look: Look, rect: pygame.Rect, tally: dict[Confidence, Tally],
                     compact: bool = False) -> None:
    """The chart inside `rect`, in the trainee's language; `compact` leaves out the middle line and the scale's word."""
    font = look.font("tiny")
    line_h = look.text_height("100%", rect.width, "tiny")  # a laid-out line: the font's line size cuts descenders
    label_w = font.size("100%")[0] + look.px(4)
    plot = pygame.Rect(rect.left + label_w, rect.top + line_h // 2, rect.width - label_w - look.px(4),
                       rect.height - 2 * line_h - line_h // 2)
    if plot.height < line_h or plot.width < look.px(60):
        return
    grid, width = look.colour("grid_line"), max(1, look.px(1))
    for share in (0.0, 1.0) if compact else (0.0, 0.5, 1.0):
        y = _y(plot, share)
        pygame.draw.line(surface, grid, (plot.left, y), (plot.right, y), width)
        look.text(surface, f"{round(share * 100)}%", pygame.Rect(rect.left, y - line_h // 2, label_w - look.px(4),
                  line_h), "tiny", "muted", align="right", aloud=False)
    if not compact:
        look.text(surface, look.t("calibration.axis"), pygame.Rect(plot.left + look.px(4), plot.top,
                  plot.width // 2, line_h), "tiny", "muted", aloud=False)
    steps = list(Confidence)
    xs = [plot.left + plot.width * (index + 0.5) / len(steps) for index in range(len(steps))]
    matched = [(x, _y(plot, MATCHED[step])) for x, step in zip(xs, steps, strict=True)]
    _dashed(surface, look.colour("muted"), matched, width)
    points = [(x, _y(plot, tally[step].share)) for x, step in zip(xs, steps, strict=True)
              if tally[step].share is not None]
    if len(points) > 1:
        pygame.draw.lines(surface, look.colour("accent"), False, points, max(2, look.px(3)))
    for point in points:
        pygame.draw.circle(surface, look.colour("accent"), point, max(3, look.px(5)))
    slot = plot.width // len(steps)
    for x, step in zip(xs, steps, strict=True):
        box = pygame.Rect(round(x - slot / 2), plot.bottom + look.px(2), slot, line_h)
        name = look.t(f"calibration.step.{step}")
        count = look.t("calibration.right_of", right=tally[step].right, total=tally[step].total) \
            if tally[step].total else "–"
        look.text(surface, name, box, "tiny", align="center", summary=True)
        look.text(surface, count, box.move(0, line_h), "tiny", "muted", align="center", summary=True)


def _y(plot: pygame.Rect, share: float) -> int:
    return round(plot.bottom - plot.height * share)


def _dashed(surface: pygame.Surface, colour: pygame.Color, points: list[tuple[float, float]], width: int) -> None:
    """A dashed polyline: a dash, a gap, along each segment."""
    dash = max(4, width * 5)
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = max(1.0, ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)
        for start in range(0, int(length), dash * 2):
            end = min(length, start + dash)
            a, b = start / length, end / length
            pygame.draw.line(surface, colour, (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                             (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b), width)

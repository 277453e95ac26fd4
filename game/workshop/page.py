"""The trainer's report as one self-contained HTML file: inline CSS and SVG, no scripts, made for a projector."""

from __future__ import annotations

import datetime
from html import escape
from pathlib import Path

from game.model.motive import Motive
from game.model.scoring import Verdict
from game.workshop.costs import Cost
from game.workshop.group import Attempts, Choice, Group, Trend, voortgang_share
from game.workshop.table import MOST_ATTEMPTS_SHOWN, polite_no_line, scores_text
from game.workshop.words import Words

STYLE = Path(__file__).with_name("report.css")
SCENARIO_CLASSES = 7  # .s0 ... .s6 in report.css
TREND = {"width": 1200, "height": 420, "left": 90, "right": 70, "top": 20, "bottom": 60}
BAR_WIDTH = 320


def render(group: Group, words: Words, anonymous: bool = False, today: datetime.date | None = None) -> str:
    today = today or datetime.date.today()
    workshop = words("workshop", code=group.workshop) if group.workshop else words("all_workshops")
    summary = words("summary", trainees=len(group.trainees), scenarios=len(group.titles), plays=group.plays)
    body = [f"<h1>{_e(words('title'))} · {_e(workshop)}</h1>",
            f"<p class=meta>{_e(summary)} · {_e(words('generated', date=today.isoformat()))}</p>"]
    if group.unfinished:
        body.append(f"<p class=hint>{_e(words('unfinished', count=group.unfinished))}</p>")
    for key, versions in group.versions.items():
        if len(versions) > 1:
            changed = words("versions", versions=", ".join(versions))
            body.append(f"<p class=warning>{_e(group.titles[key])}: {_e(changed)}</p>")
    if left_out := words.left_out(group.costs):
        body.append(f"<p class=hint>{_e(left_out)}</p>")
    if not group.attempts and not group.points:
        body.append(f"<p>{_e(words('empty'))}</p>")
    else:
        body += [_agenda(group, words), _readings(group, words), _trends(group, words), _points(group, words),
                 _results(group, words, show_notes=not anonymous), _practice(group, words)]
    return (f"<!DOCTYPE html>\n<html lang={words.lang}><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width, initial-scale=1'>"
            f"<title>{_e(words('title'))} · {_e(workshop)}</title>\n"
            f"<style>\n{STYLE.read_text(encoding='utf-8')}</style>"
            f"</head>\n<body>\n" + "\n".join(part for part in body if part) + "\n</body></html>\n")


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _section(title: str, hint: str) -> str:
    return f"<h2>{_e(title)}</h2>\n<p class=hint>{_e(hint)}</p>"


def _legend(words: Words) -> str:
    return "<p class=legend>" + "".join(
        f"<span><i class='swatch {verdict}'></i>{_e(words.verdict(verdict))}</span>" for verdict in Verdict) + "</p>"


# --- agenda -------------------------------------------------------------------------------

def _agenda(group: Group, words: Words) -> str:
    if not group.agenda:
        return ""
    most = max(item.choice.count for item in group.agenda)
    items = []
    for item in group.agenda:
        choice = item.choice
        mix = ", ".join(f"{words.verdict(v)} {n}" for v, n in choice.verdicts.most_common())
        items.append(f"<li><div class=say>“{_e(choice.say)}”</div>"
                     f"<div class=choice>{_bar(choice, most, label=f'{choice.prolonged} / {choice.count}')}"
                     f"<span class=where>{_e(words.at_point(group, item.point))} <span class=mix>({_e(mix)})</span>"
                     f"</span></div>{_cost(group.cost(item.point, choice), words)}</li>")
    return "\n".join([_section(words("section.agenda"), words("section.agenda_hint")), _legend(words),
                      "<ol class=agenda>", *items, "</ol>"])


def _cost(cost: Cost | None, words: Words) -> str:
    """What prolonging cost, replayed in the same week, marked only where it cost points; nothing when no turn
    was replayed."""
    if cost is None:
        return ""
    return f"<p class=\"cost{'' if cost.costly else ' nil'}\">{_e(words.cost(cost))}</p>"


def _bar(choice: Choice, scale: int, label: str) -> str:
    """A bar split by what the phrasing did, its length the number of times it was said against `scale`."""
    width, height, room = BAR_WIDTH, 36, BAR_WIDTH - 110  # room for '21× 48%' beside it
    parts = verdict_bar(choice, scale, room, 4, 28)
    parts.append(f"<text x={room + 10} y=26>{_e(label)}</text>")
    return (f"<svg width={width} height={height} viewBox='0 0 {width} {height}' role=img "
            f"aria-label='{_e(label)}'>" + "".join(parts) + "</svg>")


def verdict_bar(choice: Choice, scale: int, length: float, top: float, height: float) -> list[str]:
    """The rectangles of a bar `length` long: its background, then a part per verdict, as long as the number of
    times the phrasing had that verdict against `scale`."""
    x, parts = 0.0, [f"<rect class=bar-back x=0 y={top} width={length} height={height} />"]
    for verdict in Verdict:
        part = length * choice.verdicts[verdict] / scale if scale else 0
        if part:
            parts.append(f"<rect class={verdict} x={x:.1f} y={top} width={part:.1f} height={height} />")
        x += part
    return parts


# --- reading the buyer --------------------------------------------------------------------

def _readings(group: Group, words: Words) -> str:
    """The headline (a polite no read as real interest), then the whole table: the motive it was by the motive read,
    the right readings on the diagonal, the headline's cell marked."""
    readings = group.readings
    if not readings.total:
        return ""
    head = f"<tr><th>{_e(words('was'))}</th>" + "".join(f"<th class=number>{_e(words.motive(read))}</th>"
                                                         for read in Motive) + "</tr>"
    rows = []
    for was in Motive:
        if not readings.of(was):
            continue
        cells = []
        for read in Motive:
            count = readings.read_as(was, read)
            css = "right" if was == read else "headline" if (was, read) == (Motive.POLITE_NO, Motive.REAL_INTEREST) \
                else ""
            cells.append(f"<td class='number {css}'>{_e(count or '')}</td>")
        rows.append(f"<tr><td>{_e(words.motive(was))}</td>{''.join(cells)}</tr>")
    return "\n".join([_section(words("section.readings"), words("section.readings_hint")),
                      f"<p class=headline-line>{_e(polite_no_line(group, words))} "
                      f"{_e(words('readings_right', right=readings.right(), total=readings.total))}</p>",
                      f"<table class=readings>{head}{''.join(rows)}</table>"])


def _practice(group: Group, words: Words) -> str:
    practice = group.practice
    if not practice.answers:
        return ""
    return "\n".join([_section(words("section.practice"), words("section.practice_hint")),
                      "<p>" + _e(words("practice_summary", trainees=practice.trainees, answers=practice.answers,
                                       moved=practice.moved)) + "</p>"])


# --- trends -------------------------------------------------------------------------------

def _trends(group: Group, words: Words) -> str:
    if not group.trends:
        return ""
    ordered = sorted(group.trends, key=lambda trend: trend.scenario == "")
    legend = "".join(f"<span><i class='swatch {_line_class(group, trend)}'></i>{_e(words.trend_name(group, trend))}"
                     f"</span>" for trend in ordered)
    most = max(len(trend.steps) for trend in group.trends)
    more = (f"<p class=hint>{_e(words('trends_more', shown=MOST_ATTEMPTS_SHOWN, most=most))}</p>"
            if most > MOST_ATTEMPTS_SHOWN else "")
    return "\n".join([_section(words("section.trends"), words("section.trends_hint")), more, _trend_chart(group, words),
                      f"<p class=legend>{legend}</p>", _trend_table(group, ordered, words)])


def _line_class(group: Group, trend: Trend) -> str:
    if not trend.scenario:
        return "all-swatch"
    return f"s{sorted(group.titles).index(trend.scenario) % SCENARIO_CLASSES}"


def _trend_chart(group: Group, words: Words) -> str:
    g = TREND
    attempts = min(MOST_ATTEMPTS_SHOWN, max(len(trend.steps) for trend in group.trends))
    scores = [step.mean_score for trend in group.trends for step in trend.steps[:attempts]]
    low, high = _nice_range(min(0.0, *scores), max(0.0, *scores))
    inner_w, inner_h = g["width"] - g["left"] - g["right"], g["height"] - g["top"] - g["bottom"]

    def x(attempt: int) -> float:
        return g["left"] + (inner_w * (attempt - 1) / (attempts - 1) if attempts > 1 else inner_w / 2)

    def y(score: float) -> float:
        return g["top"] + inner_h * (high - score) / (high - low)

    parts = []
    for tick in _ticks(low, high):
        parts.append(f"<line class=grid x1={g['left']} x2={g['width'] - g['right']} "
                     f"y1={y(tick):.1f} y2={y(tick):.1f} />"
                     f"<text x={g['left'] - 12} y={y(tick) + 7:.1f} text-anchor=end>{_e(words.number(tick))}</text>")
    parts.append(f"<line class=axis x1={g['left']} x2={g['left']} y1={g['top']} y2={g['top'] + inner_h} />"
                 f"<line class=axis x1={g['left']} x2={g['width'] - g['right']} y1={y(0):.1f} y2={y(0):.1f} />")
    for attempt in range(1, attempts + 1):
        parts.append(f"<text x={x(attempt):.1f} y={g['height'] - 20} text-anchor=middle>"
                     f"{_e(words('attempt', number=attempt))}</text>")
    for trend in sorted(group.trends, key=lambda trend: trend.scenario == ""):
        css = _line_class(group, trend)
        steps = trend.steps[:attempts]
        points = " ".join(f"{x(step.attempt):.1f},{y(step.mean_score):.1f}" for step in steps)
        line = "line all" if not trend.scenario else f"line {css}"
        parts.append(f"<polyline class='{line}' points='{points}' />")
        for step in steps:
            parts.append(f"<circle class={css if trend.scenario else 'all-dot'} cx={x(step.attempt):.1f} "
                         f"cy={y(step.mean_score):.1f} r={8 if not trend.scenario else 6} />")
    return (f"<svg width=100% viewBox='0 0 {g['width']} {g['height']}' role=img "
            f"aria-label='{_e(words('mean_score'))}'>" + "".join(parts) + "</svg>")


def _nice_range(low: float, high: float) -> tuple[float, float]:
    """The range rounded outwards to whole ticks, never empty."""
    step = _tick_step(low, high)
    bottom, top = step * (low // step), step * -(-high // step)
    return bottom, max(top, bottom + step)


def _tick_step(low: float, high: float) -> float:
    span = max(high - low, 1.0)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if span / step <= 8:
            return float(step)
    return 1000.0


def _ticks(low: float, high: float) -> list[float]:
    step = _tick_step(low, high)
    count = round((high - low) / step)
    return [low + step * index for index in range(count + 1)]


def _trend_table(group: Group, ordered: list[Trend], words: Words) -> str:
    attempts = min(MOST_ATTEMPTS_SHOWN, max(len(trend.steps) for trend in ordered))
    head = f"<tr><th>{_e(words('column.scenario'))}</th>" + "".join(
        f"<th class=number>{_e(words('attempt', number=n))}</th>" for n in range(1, attempts + 1)) + "</tr>"
    rows = []
    for trend in ordered:
        cells = "".join(f"<td class=number>{_e(words.number(step.mean_score))} "
                        f"({_e(words.percent(step.mean_voortgang))})</td>" for step in trend.steps[:attempts])
        cells += "<td></td>" * (attempts - len(trend.steps[:attempts]))
        rows.append(f"<tr><td>{_e(words.trend_name(group, trend))}</td>{cells}</tr>")
    return f"<table>{head}{''.join(rows)}</table>"


# --- decision points ----------------------------------------------------------------------

def _points(group: Group, words: Words) -> str:
    if not group.points:
        return ""
    parts = [_section(words("section.points"), words("section.points_hint")), _legend(words)]
    for point in group.points:
        parts.append(f"<h3>{_e(words.at_point(group, point))} · {_e(words.choices(point.total))}</h3>")
        parts.append(_cost(group.cost(point), words))
        for choice in point.choices:
            label = f"{words('times', count=choice.count)} {words.percent(choice.count / point.total)}"
            parts.append(f"<div class=choice>{_bar(choice, point.total, label)}<span>{_e(choice.say)}</span></div>")
    return "\n".join(parts)


# --- per trainee --------------------------------------------------------------------------

def _results(group: Group, words: Words, show_notes: bool) -> str:
    if not group.attempts:
        return ""
    columns = ("trainee", "scenario", "plays", "outcome", "score", "trainer", "voortgang", "scores")
    numeric = {"plays", "score", "trainer"}
    head = "<tr>" + "".join(f"<th{' class=number' if key in numeric else ''}>{_e(words(f'column.{key}'))}</th>"
                            for key in columns) + "</tr>"
    rows, previous = [], ""
    for attempts in group.attempts:
        rows.append(_result_row(group, attempts, words, attempts.trainee != previous, show_notes))
        previous = attempts.trainee
    return "\n".join([_section(words("section.results"), words("section.results_hint")),
                      f"<table class=results>{head}", *rows, "</table>"])


def _result_row(group: Group, attempts: Attempts, words: Words, first: bool, show_notes: bool) -> str:
    last = attempts.last
    share = voortgang_share(last)
    trainer = "" if last.override is None else f"<span class=override>{_e(last.override)}</span>"
    if show_notes and last.note:
        trainer += f" <span class=note>{_e(last.note)}</span>"
    cells = [
        (" class=nowrap", _e(attempts.trainee) if first else ""),
        (" class=scenario", _e(group.title(attempts.scenario))),
        (" class=number", _e(len(attempts.plays))),
        ("", _e(words.outcome(last.outcome))),
        (" class=number", _e(last.score)),
        (" class=number", trainer),
        (" class=nowrap", f"{_share_bar(share)} {_e(words.percent(share))}"),
        (" class=nowrap", f"{_sparkline(attempts.scores)} {_e(scores_text(attempts.scores))}"),
    ]
    html = "".join(f"<td{css}>{content}</td>" for css, content in cells)
    return f"<tr{' class=first' if first else ''}>{html}</tr>"


def _share_bar(share: float) -> str:
    return (f"<svg width=100 height=20 viewBox='0 0 100 20' aria-hidden=true><rect class=bar-back x=0 y=2 "
            f"width=100 height=16 /><rect class=voortgang x=0 y=2 width={100 * share:.0f} height=16 /></svg>")


def _sparkline(scores: list[int]) -> str:
    if len(scores) < 2:
        return ""
    low, high = min(scores), max(scores)
    span = (high - low) or 1
    step = 100 / (len(scores) - 1)
    points = " ".join(f"{index * step + 4:.1f},{4 + 24 * (high - score) / span:.1f}"
                      for index, score in enumerate(scores))
    return (f"<svg width=80 height=32 viewBox='0 0 108 32' aria-hidden=true>"
            f"<polyline class='line s0' points='{points}' /></svg>")

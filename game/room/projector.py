"""The projector page's sections as HTML, drawn from the room; every word a trainee or a file wrote is escaped.

The report's computations (`group.gather`: how the group chose per decision point, the agenda) serve the
room as they serve the day's report; only the drawing is the projector's own: large, few words, colour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from game.model.deal import Stage
from game.model.ending import EndingKind
from game.model.scoring import Verdict
from game.room.held import Position, Room
from game.room.lines import ScenarioLines
from game.text import say, shortened
from game.workshop.group import Choice, Group, Point, gather
from game.workshop.page import verdict_bar
from game.workshop.words import Words

AGENDA_SIZE = 3  # "the three prolonging phrasings most of the room used"
LONGEST_BUYER_LINE = 160
BAR = {"width": 360, "height": 40}
PUBLIC = ("summary", "where", "outcomes", "agenda", "choices")


@dataclass(frozen=True)
class PageWords:
    """The page's words (room.yaml) beside the report's (verdicts, outcomes), in the trainer's language."""

    lang: str

    def __call__(self, key: str, **params: object) -> str:
        return say(self.lang, f"room.{key}", **params)

    @property
    def report(self) -> Words:
        return Words(self.lang)


def e(text: object) -> str:
    return escape(str(text), quote=True)


def _counted(words: PageWords, name: str, count: int) -> str:
    """'1 turn', '12 turns'."""
    return words(f"count.{name}.{'one' if count == 1 else 'many'}", count=count)


def render(room: Room, lines: ScenarioLines, lang: str, names: bool, trainer: bool = False) -> dict[str, str]:
    """Every section by its id; with `trainer`, also the trainer's own list, with names whatever `names` says."""
    words = PageWords(lang)
    group = gather(room.records(), room.code, agenda_size=AGENDA_SIZE)
    positions = room.positions()
    sections = {
        "summary": e(" · ".join(_counted(words, name, count) for name, count in (
            ("trainees", len(positions)), ("turns", room.turns), ("finished", sum(room.outcomes().values()))))),
        "where": _where(positions, words, names),
        "outcomes": _outcomes(room, words),
        "agenda": _agenda(group, lines, words),
        "choices": _choices(group, lines, words),
    }
    if trainer:
        sections["trainees"] = _trainees(room, positions, words)
    return sections


def _who(position: Position, words: PageWords, names: bool) -> str:
    return position.trainee if names else f"#{position.number}"


def _score(value: float) -> str:
    return f"{round(value):+d}" if round(value) else "0"


# --- where everyone is --------------------------------------------------------------------

def _where(positions: list[Position], words: PageWords, names: bool) -> str:
    if not positions:
        return f"<p class=waiting>{e(words('waiting'))}</p>"
    lanes = []
    for stage in Stage:
        chips = [f"<li class='chip{' done' if p.finished else ''}' data-trainee='{p.number}'>"
                 f"<span class=who>{e(_who(p, words, names))}</span> <b class=score>{e(_score(p.score))}</b></li>"
                 for p in positions if p.stage == stage]
        lanes.append(f"<div class='lane {stage}'><h3>{e(words(f'stage.{stage}'))}</h3>"
                     f"<ul>{''.join(chips)}</ul></div>")
    return f"<div class=track>{''.join(lanes)}</div>"


# --- outcomes -----------------------------------------------------------------------------

def _outcomes(room: Room, words: PageWords) -> str:
    counts = room.outcomes()
    if not counts:
        return ""
    columns = []
    for outcome in EndingKind:
        count = counts[outcome]
        blocks = "<i></i>" * count
        columns.append(f"<figure class='outcome {outcome}' data-count={count}><b>{count}</b>"
                       f"<div class=blocks role=img aria-label='{count}'>{blocks}</div>"
                       f"<figcaption>{e(words.report.outcome(outcome))}</figcaption></figure>")
    return f"<div class=outcomes>{''.join(columns)}</div>"


# --- the agenda ---------------------------------------------------------------------------

def _agenda(group: Group, lines: ScenarioLines, words: PageWords) -> str:
    if not group.agenda:
        return f"<p class=waiting>{e(words('agenda_empty'))}</p>"
    items = []
    most = max(item.choice.count for item in group.agenda)
    for item in group.agenda:
        choice, point = item.choice, item.point
        principle = lines.principle(point.scenario, point.call_id, point.point_id, choice.choice, words.lang)
        items.append(
            f"<li><q>{e(choice.say)}</q>"
            f"<div class=measure>{_bar(choice, most, words)}"
            f"<span>{e(words('said', count=choice.count, prolonged=choice.prolonged))}</span></div>"
            f"<div class=where>{e(_place(group, point, lines, words))}</div>"
            + (f"<div class=principle>{e(words('principle', text=principle))}</div>" if principle else "")
            + "</li>")
    return f"<ol class=agenda>{''.join(items)}</ol>"


def _place(group: Group, point: Point, lines: ScenarioLines, words: PageWords) -> str:
    title = group.title(point.scenario)
    buyer = lines.buyer(point.scenario, point.call_id, point.point_id)
    if buyer:
        return f"{title} · {words('buyer_said', text=shortened(buyer, LONGEST_BUYER_LINE))}"
    return words("at_point", scenario=title, call=point.call_id, point=point.point_id)


def _bar(choice: Choice, scale: int, words: PageWords) -> str:
    """How often the phrasing was said (its length against `scale`), split by what it did to the deal."""
    width, height = BAR["width"], BAR["height"]
    parts = verdict_bar(choice, scale, width, 0, height)
    label = ", ".join(f"{words.report.verdict(v)} {n}" for v, n in choice.verdicts.most_common())
    return (f"<svg class=bar viewBox='0 0 {width} {height}' preserveAspectRatio=none role=img "
            f"aria-label='{e(label)}'>{''.join(parts)}</svg>")


# --- how the room chose -------------------------------------------------------------------

def _choices(group: Group, lines: ScenarioLines, words: PageWords) -> str:
    if not group.points:
        return ""
    legend = "<p class=legend>" + "".join(
        f"<span><i class='swatch {v}'></i>{e(words.report.verdict(v))}</span>" for v in Verdict) + "</p>"
    articles = []
    for point in sorted(group.points, key=_in_scenario_order(group, lines)):
        rows = []
        for choice in point.choices:
            principle = lines.principle(point.scenario, point.call_id, point.point_id, choice.choice, words.lang)
            rows.append(
                f"<li class='choice {choice.verdict}'>{_bar(choice, point.total, words)}"
                f"<b class=count>{e(words('of', count=choice.count, total=point.total))}</b>"
                f"<span class=say>{e(choice.say)}</span>"
                + (f"<span class=principle>{e(principle)}</span>" if principle else "") + "</li>")
        articles.append(f"<article class=point><h3>{e(_place(group, point, lines, words))}</h3>"
                        f"<ul>{''.join(rows)}</ul></article>")
    return legend + "".join(articles)


def _in_scenario_order(group: Group, lines: ScenarioLines) -> Callable[[Point], tuple]:
    """Scenarios by title; within one, the decision points in the order the file has them."""
    def key(point: Point) -> tuple:
        scenario = lines.scenario(point.scenario)
        order = [(call.id, p.id) for call in scenario.calls for p in call.points] if scenario else []
        place = order.index((point.call_id, point.point_id)) if (point.call_id, point.point_id) in order else 999
        return group.title(point.scenario), place, point.call_id, point.point_id
    return key


# --- the trainer's list -------------------------------------------------------------------

def _trainees(room: Room, positions: list[Position], words: PageWords) -> str:
    if not positions:
        return f"<p>{e(words('trainer.none'))}</p>"
    rows = "".join(
        f"<tr><td>{position.number}</td><td>{e(position.trainee)}</td>"
        f"<td>{e(words(f'stage.{position.stage}'))}{' · ' + e(words('finished')) if position.finished else ''}</td>"
        f"<td class=number>{e(_score(position.score))}</td></tr>" for position in positions)
    return f"<table class=trainees>{rows}</table>"

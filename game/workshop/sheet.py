"""The trainer's report as spreadsheets, in the workshop's language: one row per finished playthrough
(`render`), and one row per phrasing said at each decision point (`render_choices`).

The delimiter comes from report.yaml (a semicolon for Dutch spreadsheets, whose decimal mark
is a comma) and the file starts with a byte-order mark, so Excel shows accents right.
"""

from __future__ import annotations

import csv
import datetime
import io

from game.workshop.group import Group, voortgang_share
from game.workshop.words import Words

COLUMNS = ("id", "workshop", "trainee", "scenario", "version", "attempt", "started", "outcome", "score", "trainer",
           "note", "turns", "voortgang", "cost", "motive", "reading")
CHOICE_COLUMNS = ("scenario", "call", "buyer", "phrasing", "said", "prolonging", "share", "mostly", "choice_cost")
SHORT_ID = 8  # enough to tell playthroughs apart; `report --note ID` takes it
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render(group: Group, words: Words, anonymous: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=words("csv.delimiter"), lineterminator="\r\n")
    writer.writerow([words(f"sheet.{key}") for key in COLUMNS])
    for attempts in group.attempts:
        for number, play in enumerate(attempts.plays, start=1):
            writer.writerow([_cell(value) for value in (
                play.uuid[:SHORT_ID], play.workshop, play.trainee,
                group.titles.get(play.scenario_key, ""), play.scenario_version, number, _when(play.started),
                words.outcome(play.outcome), play.score, "" if play.override is None else play.override,
                "" if anonymous else play.note, len(play.turns),
                words.number(round(voortgang_share(play) * 100, 1)), _mean_cost(group, play.uuid, words),
                words.motive(play.motive), words.reading(play.guessed, play.confidence),
            )])
    return out.getvalue()


def render_choices(group: Group, words: Words) -> str:
    """How the group chose, per decision point, in the order of the report: the point named by what the buyer
    said there (its ids in the file when the scenario file is not here)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=words("csv.delimiter"), lineterminator="\r\n")
    writer.writerow([words(f"sheet.{key}") for key in CHOICE_COLUMNS])
    for point in group.points:
        place = point.place
        call = place.call if place else point.call_id
        buyer = " ".join(place.buyer.split()) if place else words("sheet.unknown_line", point=point.point_id)
        for choice in point.choices:
            cost = group.cost(point, choice)
            writer.writerow([_cell(value) for value in (
                group.title(point.scenario), call, buyer, choice.say, choice.count, choice.prolonged,
                words.number(round(choice.count / point.total * 100, 1)), words.verdict(choice.verdict),
                words.number(cost.mean) if cost and cost.turns else "",
            )])
    return out.getvalue()


def _mean_cost(group: Group, uuid: str, words: Words) -> str:
    """The points each prolonging turn of the play cost on average, replayed in the same week; '' when none was."""
    cost = group.costs.of_play(uuid)
    return words.number(cost.mean) if cost and cost.turns else ""


def _when(stamp: float) -> str:
    return datetime.datetime.fromtimestamp(stamp).isoformat(sep=" ", timespec="minutes")


def _cell(value: object) -> object:
    """A number stays a number; any text, wherever it came from, never becomes a spreadsheet formula:
    a name like '=HYPERLINK(...)' stays a name."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text

"""The trainer's report as plain text, readable in a terminal 100 columns wide."""

from __future__ import annotations

import re
import textwrap

from game.model.motive import Motive
from game.workshop.group import Attempts, Group, voortgang_share
from game.workshop.words import Words

WIDTH = 100
MOST_ATTEMPTS_SHOWN = 6
# (column key, width); the last column takes what is left of WIDTH.
RESULT_COLUMNS = (("trainee", 12), ("scenario", 20), ("plays", 5), ("outcome", 16), ("score", 5),
                  ("trainer", 7), ("voortgang", 10), ("scores_short", 0))


# Control characters and the marks that turn text right to left would let a name steer the terminal.
UNPRINTABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def render(group: Group, words: Words) -> str:
    if not group.attempts and not group.points:
        return words("empty") + "\n"
    parts = [_heading(group, words), _agenda(group, words), _readings(group, words), _trends(group, words),
             _points(group, words), _results(group, words), _practice(group, words)]
    return printable("\n\n".join(part for part in parts if part) + "\n")


def printable(text: str) -> str:
    """`text` with every control character but the line break taken out."""
    return UNPRINTABLE.sub("", text)


def fit(text: str, width: int) -> str:
    """Cut to `width` with an ellipsis, then pad."""
    text = " ".join(printable(text).split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.ljust(width)


def _title(text: str) -> str:
    return f"{text}\n{'=' * len(text)}"


def _section(title: str, hint: str) -> str:
    return "\n".join([title, "-" * len(title), *textwrap.wrap(hint, WIDTH)])


def _heading(group: Group, words: Words) -> str:
    lines = [_title(words("title") + " · " + (words("workshop", code=group.workshop) if group.workshop
                                               else words("all_workshops"))),
             words("summary", trainees=len(group.trainees), scenarios=len(group.titles), plays=group.plays)]
    if group.unfinished:
        lines += textwrap.wrap(words("unfinished", count=group.unfinished), WIDTH)
    for key, versions in group.versions.items():
        if len(versions) > 1:
            lines += textwrap.wrap(f"{group.titles[key]}: " + words("versions", versions=", ".join(versions)), WIDTH)
    lines += textwrap.wrap(words.left_out(group.costs), WIDTH)
    return "\n".join(lines)


def _agenda(group: Group, words: Words) -> str:
    if not group.agenda:
        return ""
    lines = [_section(words("section.agenda"), words("section.agenda_hint"))]
    for number, item in enumerate(group.agenda, start=1):
        choice = item.choice
        mix = ", ".join(f"{words.verdict(v)} {n}" for v, n in choice.verdicts.most_common())
        lines += textwrap.wrap(f"{number:2}. {words('times', count=choice.prolonged)}  "
                               f"{words.at_point(group, item.point)}  ({mix})", WIDTH, subsequent_indent="    ")
        lines += textwrap.wrap(f'"{choice.say}"', WIDTH, initial_indent="    ", subsequent_indent="     ")
        lines += textwrap.wrap(words.cost(group.cost(item.point, choice)), WIDTH, initial_indent="    ",
                               subsequent_indent="    ")
    return "\n".join(lines)


def _readings(group: Group, words: Words) -> str:
    """How the room read the buyer: the polite no read as real interest first, then every confusion."""
    readings = group.readings
    if not readings.total:
        return ""
    lines = [_section(words("section.readings"), words("section.readings_hint")), polite_no_line(group, words),
             words("readings_right", right=readings.right(), total=readings.total)]
    lines += [f"  {words('read_as', was=words.motive(was), read=words.motive(read), count=count)}"
              for was, read, count in readings.confusions()]
    return "\n".join(lines)


def polite_no_line(group: Group, words: Words) -> str:
    """The question the issue asks of the room: how often a polite no was read as real interest."""
    total = group.readings.of(Motive.POLITE_NO)
    if not total:
        return words("polite_no_none")
    return words("polite_no_as_interest", count=group.readings.read_as(Motive.POLITE_NO, Motive.REAL_INTEREST),
                 total=total)


def _practice(group: Group, words: Words) -> str:
    practice = group.practice
    if not practice.answers:
        return ""
    return "\n".join([_section(words("section.practice"), words("section.practice_hint")),
                      words("practice_summary", trainees=practice.trainees, answers=practice.answers,
                            moved=practice.moved)])


def _trends(group: Group, words: Words) -> str:
    if not group.trends:
        return ""
    attempts = min(MOST_ATTEMPTS_SHOWN, max(len(trend.steps) for trend in group.trends))
    header = fit(words("column.scenario"), 24) + "".join(
        fit(words("attempt", number=n), 12) for n in range(1, attempts + 1))
    lines = [_section(words("section.trends"), words("section.trends_hint"))]
    most = max(len(trend.steps) for trend in group.trends)
    if most > attempts:
        lines += textwrap.wrap(words("trends_more", shown=attempts, most=most), WIDTH)
    lines.append(header.rstrip())
    ordered = sorted(group.trends, key=lambda trend: trend.scenario == "")
    for trend in ordered:
        lines.append((fit(words.trend_name(group, trend), 23) + " " + "".join(
            fit(f"{words.number(step.mean_score)} ({words.percent(step.mean_voortgang)})", 11) + " "
            for step in trend.steps[:attempts])).rstrip())
    return "\n".join(lines)


def _points(group: Group, words: Words) -> str:
    if not group.points:
        return ""
    lines = [_section(words("section.points"), words("section.points_hint"))]
    for point in group.points:
        lines.append("")
        lines += textwrap.wrap(f"{words.at_point(group, point)} · {words.choices(point.total)}", WIDTH,
                               subsequent_indent="  ")
        lines += textwrap.wrap(words.cost(group.cost(point)), WIDTH, initial_indent="  ", subsequent_indent="  ")
        for choice in point.choices:
            share = words.percent(choice.count / point.total)
            lead = f"  {words('times', count=choice.count):>5} {share:>4}  {fit(words.verdict(choice.verdict), 13)} "
            lines += textwrap.wrap(choice.say, WIDTH, initial_indent=lead, subsequent_indent=" " * len(lead))
    return "\n".join(lines)


def _results(group: Group, words: Words) -> str:
    if not group.attempts:
        return ""
    widths = _widths()
    lines = [_section(words("section.results"), words("section.results_hint")),
             _row([words(f"column.{key}") for key, _ in RESULT_COLUMNS], widths)]
    lines.append(_row(["-" * width for width in widths], widths))
    previous = ""
    for attempts in group.attempts:
        lines.append(_row(_result_cells(group, attempts, words, show_trainee=attempts.trainee != previous), widths))
        previous = attempts.trainee
    return "\n".join(lines)


def _widths() -> list[int]:
    fixed = [width for _, width in RESULT_COLUMNS[:-1]]
    return [*fixed, WIDTH - sum(fixed) - 2 * len(fixed)]


def _row(cells: list[str], widths: list[int]) -> str:
    return "  ".join(fit(cell, width) for cell, width in zip(cells, widths, strict=True)).rstrip()


def _result_cells(group: Group, attempts: Attempts, words: Words, show_trainee: bool) -> list[str]:
    last = attempts.last
    return [
        attempts.trainee if show_trainee else "",
        group.title(attempts.scenario),
        str(len(attempts.plays)),
        words.outcome(last.outcome),
        str(last.score),
        "" if last.override is None else str(last.override),
        words.percent(voortgang_share(last)),
        scores_text(attempts.scores),
    ]


def scores_text(scores: list[int]) -> str:
    """Every score of a few attempts; of many, the first and the last (the plays column says how many)."""
    if len(scores) <= 3:
        return " ".join(str(score) for score in scores)
    return f"{scores[0]} … {scores[-1]}"  # how many: the plays column

"""Texts that say something the model does not do: a weekday named for an appointment that moves
with the day of the call."""

from __future__ import annotations

import re

from game.model.moment import clock_text
from game.model.scenario import Appointment, Phrasing, Response, Scenario
from game.scenario.fields import Report
from game.scenario.source import Node
from game.text import day_name


def check_wording(scenario: Scenario, root: Node, report: Report) -> None:
    days = {day_name(scenario.language, n).lower(): n for n in range(1, 8)}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, days)) + r")\b", re.IGNORECASE)
    for point in scenario.decision_points:
        for phrasing in point.phrasings:
            _named_days(scenario, phrasing, pattern, days, report)


def _named_days(scenario: Scenario, phrasing: Phrasing, pattern: re.Pattern, days: dict[str, int],
                report: Report) -> None:
    responses: list[Response] = [phrasing.response, *phrasing.if_motive.values()]
    for response in responses:
        appointment = response.appointment
        if appointment is None:
            continue
        found = pattern.search(f"{phrasing.say} {response.reply}")
        if not found:
            continue
        named = found.group(1)
        report.warning(phrasing.at, f"the text names {named}, but the appointment is {_when(appointment)} "
                       f"the call, so it is {named} only when the call is on "
                       f"{_call_day(scenario, days[named.lower()], appointment)}",
                       "write {appointment} where the moment goes: the game fills in the agreed day and time")
        return


def _when(appointment: Appointment) -> str:
    days = appointment.days_later
    count = "the same day as" if days == 0 else f"{days} day{'s' * (days != 1)} after"
    return f"at {clock_text(appointment.minute)}, {count}"


def _call_day(scenario: Scenario, named: int, appointment: Appointment) -> str:
    day = named - appointment.days_later
    return day_name(scenario.language, day) if 1 <= day <= 7 else "no day of the week"

"""Appointments that do not land where the trainer wrote them.

The buyer agrees an appointment only at a moment his known week leaves free: written into a
visible claim of his week, it moves to the first free moment after it, and the texts that name
the moment no longer agree with the game. A text that says "tomorrow" or "the day after
tomorrow" ("morgen", "overmorgen") is right only when the working-day arithmetic (and the
diary) put the appointment on that day, whatever the day of the call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.model.moment import Moment, clock_text, is_workday
from game.model.playthrough import blocking_claim, diary_fit
from game.model.scenario import Appointment, Phrasing, Response, Scenario
from game.scenario.fields import Report
from game.text import day_name

# Words that name a day relative to the day of the call, and how many days later that is.
RELATIVE_DAYS = {
    "en": {"the day after tomorrow": 2, "tomorrow": 1},
    "nl": {"overmorgen": 2, "morgenochtend": 1, "morgenmiddag": 1, "morgen": 1},
}


@dataclass(frozen=True)
class Landing:
    """Where an appointment agreed in a call on `call_day` lands: `written` by the file, `agreed` by the buyer."""

    call_day: int
    written: Moment
    agreed: Moment


def check_appointments(scenario: Scenario, report: Report) -> None:
    words = RELATIVE_DAYS[scenario.language]
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    for point in scenario.decision_points:
        for phrasing in point.phrasings:
            named = False  # one message per phrasing for a relative day, however many motives it has
            for response in _responses(phrasing):
                landings = landings_of(scenario, response.appointment)
                _moved(scenario, response.appointment, landings, report)
                named = named or _relative(scenario, phrasing, response, landings, pattern, words, report)


def _responses(phrasing: Phrasing) -> list[Response]:
    """Each distinct response that agrees an appointment (an override that keeps the phrasing's counts once)."""
    found: list[Response] = []
    for response in (phrasing.response, *phrasing.if_motive.values()):
        if response.appointment and all(r.appointment != response.appointment for r in found):
            found.append(response)
    return found


def landings_of(scenario: Scenario, appointment: Appointment) -> list[Landing]:
    """For a call on each working day of the week (in the morning), where the appointment lands."""
    days = [day for day in range(1, scenario.rules.days + 1) if is_workday(day)]
    landings = []
    for day in days:
        written = appointment.after(day)
        landings.append(Landing(day, written, diary_fit(scenario, written)))
    return landings


def _moved(scenario: Scenario, appointment: Appointment, landings: list[Landing], report: Report) -> None:
    moved = [landing for landing in landings if landing.agreed != landing.written]
    if moved:
        first = moved[0]
        lifted = scenario.buyer.ladder.rank_above(scenario.rules.appointment_above)
        claim = blocking_claim(scenario, first.written, lifted)
        days = ", ".join(day_name("en", landing.call_day) for landing in moved)
        report.warning(appointment.at, f"agreed in a call on {days}, this appointment falls on "
                       f"{_when(first.written)}, in '{claim.what}' (line {claim.at.line}, column {claim.at.column}), "
                       f"which the buyer will not leave for an agreed call; he agrees {_when(first.agreed)} instead, "
                       "so a text that names the written moment says what the game does not do",
                       "choose a time the buyer's week leaves free, or write {appointment} in 'say' and 'reply' "
                       "so both name the moment he agrees")
    if appointment.days_later == 0:
        report.warning(appointment.at, f"an appointment the same day at {clock_text(appointment.minute)} moves to "
                       "just after the call when the call is later than that",
                       "agree a moment on a later day ('days_later: 1'), or write {appointment} in the texts")


def _relative(scenario: Scenario, phrasing: Phrasing, response: Response, landings: list[Landing],
              pattern: re.Pattern, words: dict[str, int], report: Report) -> bool:
    """Whether a text names a relative day that is not always the day agreed (and so is reported)."""
    # The trainee's line proposes the phrasing's own appointment; a reply names the one it agrees.
    said_by_trainee = phrasing.say if response.appointment == phrasing.proposed else ""
    found = pattern.search(f"{said_by_trainee} {response.reply}")
    if not found:
        return False
    said = found.group(1)
    later = words[said.lower()]
    wrong = [landing for landing in landings if landing.agreed.day != landing.call_day + later]
    if not wrong:
        return False
    first = wrong[0]
    report.warning(phrasing.at, f"the text says '{said}', but for a call on {day_name('en', first.call_day)} the "
                   f"appointment is {_when(first.agreed)} ({response.appointment.days_later} working "
                   f"day{'s' * (response.appointment.days_later != 1)} later"
                   f"{', moved by the buyer' + chr(39) + 's diary' if first.agreed != first.written else ''})",
                   "write {appointment} where the moment goes: the game fills in the day and time agreed")
    return True


def _when(moment: Moment) -> str:
    """In English, as every message of lint."""
    return f"{day_name('en', moment.day)} {moment.clock}"

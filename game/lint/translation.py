"""A scenario may come in two languages: <name>.nl.yaml and <name>.en.yaml, with the same shape.

One language is enough (a trainer translates only when the group needs it); when both files
exist, they must do the same.
"""

from __future__ import annotations

import re
from pathlib import Path

from game.installation import console_program
from game.model.scenario import Location, Phrasing, Scenario
from game.scenario.fields import Report
from game.scenario.load import load_scenario
from game.scenario.problem import ScenarioError
from game.text import LANGUAGES

_NAMED = re.compile(rf"^(?P<name>.+)\.(?P<lang>{'|'.join(LANGUAGES)})\.yaml$")
_LANGUAGE = {"nl": "Dutch", "en": "English"}


def partner_of(path: str | Path) -> Path | None:
    """The other language's file for a file named <name>.<lang>.yaml; None for other names."""
    path = Path(path)
    match = _NAMED.match(path.name)
    if not match:
        return None
    other = "en" if match["lang"] == "nl" else "nl"
    return path.with_name(f"{match['name']}.{other}.yaml")


def check_translation(scenario: Scenario, report: Report) -> None:
    partner = partner_of(scenario.path)
    if partner is None:
        return
    language = _LANGUAGE["en" if partner.name.endswith(".en.yaml") else "nl"]
    if not partner.exists():
        return
    try:
        other = load_scenario(partner)
    except ScenarioError as error:
        report.warning(Location(1, 1), f"the {language} version {partner.name} does not load "
                       f"({len(error.problems)} problems)", f"run: {console_program()} validate {partner}")
        return
    _compare(scenario, other, partner.name, report)


def _compare(scenario: Scenario, other: Scenario, name: str, report: Report) -> None:
    if len(scenario.calls) != len(other.calls):
        report.warning(scenario.calls[0].at if scenario.calls else Location(1, 1),
                       f"this file has {len(scenario.calls)} calls, {name} has {len(other.calls)}",
                       "give both languages the same calls, in the same order")
        return
    for call, theirs in zip(scenario.calls, other.calls, strict=True):
        if len(call.points) != len(theirs.points):
            report.warning(call.at, f"call '{call.id}' has {len(call.points)} decision points here, "
                           f"{len(theirs.points)} in {name}", "translate every decision point")
            continue
        for point, their_point in zip(call.points, theirs.points, strict=True):
            if len(point.phrasings) != len(their_point.phrasings):
                report.warning(point.at, f"decision point '{point.id}' has {len(point.phrasings)} phrasings here, "
                               f"{len(their_point.phrasings)} in {name}", "translate every phrasing, in the same order")
                continue
            for number, (phrasing, theirs_too) in enumerate(zip(point.phrasings, their_point.phrasings,
                                                                strict=True), start=1):
                _compare_phrasing(phrasing, theirs_too, f"phrasing {number} of '{point.id}'", name, report)


def _compare_phrasing(phrasing: Phrasing, other: Phrasing, what: str, name: str, report: Report) -> None:
    """A translation changes the words, never what the phrasing does to the deal."""
    ours, theirs = _what_it_does(phrasing), _what_it_does(other)
    for key, value in ours.items():
        if theirs[key] != value:
            report.warning(phrasing.at, f"{what} differs from {name} in {key}: {value or 'nothing'} here, "
                           f"{theirs[key] or 'nothing'} there", "a translation must do the same to the deal")
            return


def _what_it_does(phrasing: Phrasing) -> dict[str, str]:
    responses = {"": phrasing.response, **{f" (if_motive {m})": r for m, r in sorted(phrasing.if_motive.items())}}
    done = {"aim": phrasing.aim, "minutes": str(phrasing.minutes), "motives": ", ".join(sorted(phrasing.if_motive))}
    for suffix, response in responses.items():
        done[f"deal{suffix}"] = ", ".join(response.moves)
        done[f"next{suffix}"] = response.next or ""
        appointment = response.appointment
        done[f"appointment{suffix}"] = f"{appointment.days_later} days later at {appointment.minute // 60:02d}:" \
            f"{appointment.minute % 60:02d}" if appointment else ""
    return done

"""The buyer's week: claims that cannot do what the trainer wrote them for."""

from __future__ import annotations

from game.model.moment import clock_text
from game.model.scenario import COLLEAGUE, Scenario
from game.scenario.fields import Report


def check_week(scenario: Scenario, report: Report) -> None:
    rules = scenario.rules
    hours = f"{clock_text(rules.day_start)}-{clock_text(rules.day_end)}"
    for claim in scenario.week:
        if claim.unreachable == COLLEAGUE and not scenario.buyer.colleague:
            report.warning(claim.at, f"'unreachable: colleague', but the buyer has no colleague, so a call during "
                           f"'{claim.what}' gets voicemail", "add 'colleague: ...' under 'buyer:'")
        if claim.start + claim.minutes <= rules.day_start or claim.start >= rules.day_end:
            report.warning(claim.at, f"'{claim.what}' is outside the hours the trainee can call ({hours}), "
                           "so it never keeps the buyer from a call", "move it into the day, or leave it out")

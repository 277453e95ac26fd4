"""A pass mark that no playthrough can miss, or none can reach, tells the LMS nothing."""

from __future__ import annotations

from game.lint.stats import Statistics
from game.model.scenario import Scenario
from game.scenario.fields import Report, locate
from game.scenario.source import Node


def check_pass_score(scenario: Scenario, statistics: Statistics, root: Node, report: Report) -> None:
    score = scenario.pass_score
    if score is None:
        return
    where = locate(root.keys["pass_score"])
    reach = f"scores run from {statistics.worst} to {statistics.best} on the paths this file offers"
    if score > statistics.best:
        report.warning(where, f"pass_score {score} is above the best score a trainee can reach: no one passes",
                       f"{reach}; choose a pass mark in between")
    elif score <= statistics.worst:
        report.warning(where, f"pass_score {score} is at or below the worst score a trainee can get: everyone passes",
                       f"{reach}; choose a pass mark in between")

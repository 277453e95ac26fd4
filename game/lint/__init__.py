"""`lint`: beyond a valid file, the design problems a trainer cares about, located and explained."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.lint.appointments import check_appointments
from game.lint.design import check_design
from game.lint.flow import explore
from game.lint.passing import check_pass_score
from game.lint.portrait import check_portrait
from game.lint.stats import Statistics, statistics_of
from game.lint.texts import check_texts
from game.lint.translation import check_translation
from game.lint.week import check_week
from game.lint.wording import check_wording
from game.model.scenario import Location
from game.scenario.fields import Report, locate
from game.scenario.load import default_rules, read_scenario
from game.scenario.problem import Problem, ScenarioError
from game.scenario.source import Node, read_file


@dataclass(frozen=True)
class Findings:
    path: str
    problems: list[Problem]
    statistics: Statistics | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def lint_file(path: str | Path) -> Findings:
    """The loader's problems when the file does not load; else the design findings and statistics."""
    path = str(path)
    traps: list[Problem] = []
    try:
        root = read_file(path, traps)
    except ScenarioError as error:
        return Findings(path, error.problems)
    report = Report(path)
    report.problems.extend(traps)
    scenario = read_scenario(root, report, default_rules())
    if report.errors:
        return Findings(path, sorted(report.problems))
    from_loader = len(report.problems)  # its warnings, if any, come first
    flow = explore(scenario)
    check_design(flow, report, _endings_at(root))
    check_texts(root, report)
    check_portrait(root, report)
    check_wording(scenario, root, report)
    check_week(scenario, report)
    check_appointments(scenario, report)
    check_translation(scenario, report)
    statistics = statistics_of(flow)
    check_pass_score(scenario, statistics, root, report)
    design = sorted(report.problems[from_loader:], key=lambda p: (p.line, p.column))
    return Findings(path, report.problems[:from_loader] + design, statistics)


def _endings_at(root: Node) -> dict[str, Location]:
    """Where each written ending stands; '' is where a missing one would be written."""
    if not root.is_map:
        return {}
    top = root.keys.get("endings") or root.keys.get("calls")
    found = {"": locate(top)} if top else {}
    endings = root.value.get("endings")
    if endings is not None and endings.is_map:
        found.update({kind: locate(key) for kind, key in endings.keys.items()})
    return found


def format_problem(problem: Problem) -> str:
    text = f"{problem.file}:{problem.line}:{problem.column}: {problem.severity}: {problem.message}"
    return text + (f"\n    hint: {problem.hint}" if problem.hint else "")

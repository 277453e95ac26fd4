"""Run playtests like unit tests: make the choices in order, then check what must follow."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.installation import console_program, shipped_scenarios
from game.model import turn as turns
from game.model.playthrough import IN_CALL, REACHING, Playthrough
from game.playtest.spec import Playtest, PlaytestFile, Step, read_playtests
from game.scenario.fields import Location, Report
from game.scenario.load import load_scenario
from game.scenario.problem import Problem, ScenarioError
from game.scenario.scenario import Scenario
from game.scenario.source import read_file
from game.text import day_name, say

SCENARIOS = shipped_scenarios()


@dataclass(frozen=True)
class Result:
    name: str
    failures: tuple[Problem, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class FileResult:
    path: str
    problems: tuple[Problem, ...] = ()  # the playtest file or its scenario could not be used
    results: tuple[Result, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.problems and all(r.passed for r in self.results)


def run_file(path: str | Path) -> FileResult:
    path = str(path)
    try:
        root = read_file(path)
    except ScenarioError as error:
        return FileResult(path, tuple(error.problems))
    report = Report(path)
    spec = read_playtests(root, report)
    if report.errors:
        return FileResult(path, tuple(report.errors))
    scenario_path = find_scenario(spec)
    if scenario_path is None:
        return FileResult(path, (Problem(path, spec.scenario_at.line, spec.scenario_at.column,
            f"cannot find the scenario '{spec.scenario}'",
            f"name a file in {SCENARIOS}, or one relative to the folder above this playtest"),))
    try:
        scenario = load_scenario(scenario_path)
    except ScenarioError as error:
        return FileResult(path, (Problem(path, spec.scenario_at.line, spec.scenario_at.column,
            f"the scenario {scenario_path} does not load ({len(error.problems)} problems)",
            f"run: {console_program()} validate {scenario_path}"),))
    return FileResult(path, (), tuple(run_test(scenario, test, path) for test in spec.tests))


def find_scenario(spec: PlaytestFile) -> Path | None:
    here = Path(spec.path).resolve().parent
    for folder in (here.parent, SCENARIOS, here):
        candidate = folder / spec.scenario
        if candidate.is_file():
            return candidate
    return None


def run_test(scenario: Scenario, test: Playtest, path: str) -> Result:
    play = Playthrough.start(scenario, test.seed, clock=lambda: 0.0, motive=test.motive)
    for step in test.steps:
        failure = take_step(play, step)
        if failure:
            return Result(test.name, (_problem(path, step.at, failure),))
    return Result(test.name, tuple(_problem(path, at, message) for at, message in check_expect(play, test)))


def take_step(play: Playthrough, step: Step) -> str:
    """Do the step; what went wrong when it cannot be done, else ''."""
    if step.say:
        if play.phase != IN_CALL:
            return f"'{step.written}': no call is in progress ({_last_contact(play)})"
        count = len(play.point.phrasings)
        if step.say > count:
            return f"'{step.written}': decision point '{play.point.id}' has only {count} phrasings"
        play.choose(step.say - 1)
        return ""
    if play.phase == IN_CALL:
        return (f"'{step.written}': a call is still in progress at decision point '{play.point.id}'; "
                "say a phrasing first")
    if play.phase != REACHING:
        return f"'{step.written}': the game has already ended ({play.ending})"
    if step.moment not in play.moments():
        return f"'{step.written}': {_not_a_moment(play, step)}"
    play.contact(step.moment, step.channel)
    return ""


def _last_contact(play: Playthrough) -> str:
    contacts = [t for t in play.turns if t.kind == turns.CONTACT]
    if not contacts:
        return "make a call first, e.g. 'call: Monday 10:00'"
    last = contacts[-1]
    lang = play.scenario.language
    what = say(lang, f"outcome.{last.outcome}", name=play.scenario.buyer.name, what=last.claim_what,
               colleague=play.scenario.buyer.colleague, reply=last.reply, line=last.reply)
    if play.turns[-1].kind == turns.PHRASING:
        return "the call has ended"
    return f"the last contact, turn {last.number} at {last.moment.clock}, came to: {what}"


def _not_a_moment(play: Playthrough, step: Step) -> str:
    rules = play.rules
    if step.moment < play.now:
        day = day_name(play.scenario.language, play.now.day)
        return f"that moment has passed; the next free moment is {day} {play.now.clock}"
    return (f"not a moment to choose: moments are every {rules.slot_minutes} minutes from "
            f"day 1 to {rules.days}, between the hours of the rules")


def check_expect(play: Playthrough, test: Playtest) -> list[tuple[Location, str]]:
    expect = test.expect
    failures = []
    if expect.outcome and play.ending != expect.outcome:
        failures.append((expect.at["outcome"], f"expected outcome {expect.outcome}, got {play.ending}"))
    if expect.stage and play.deal.stage != expect.stage:
        failures.append((expect.at["stage"], f"expected the deal at {expect.stage}, got {play.deal.stage}"))
    total = play.score.total
    if expect.score and not expect.score[0] <= total <= expect.score[1]:
        low, high = expect.score
        wanted = f"{low:g}" if low == high else f"from {low:g} to {high:g}"
        failures.append((expect.at["score"], f"expected a score {wanted}, got {total}"))
    for number, verdict in sorted(expect.verdicts.items()):
        if number > len(play.turns):
            failures.append((expect.at["verdicts"], f"expected turn {number} to be {verdict}, "
                             f"but there were only {len(play.turns)} turns"))
        elif play.turns[number - 1].verdict != verdict:
            turn = play.turns[number - 1]
            failures.append((expect.at["verdicts"], f"expected turn {number} to be {verdict}, got {turn.verdict} "
                             f"({turn.say or turn.outcome})"))
    if expect.turns is not None and len(play.turns) != expect.turns:
        failures.append((expect.at["turns"], f"expected {expect.turns} turns, got {len(play.turns)}"))
    return failures


def _problem(path: str, at: Location, message: str) -> Problem:
    return Problem(path, at.line, at.column, message)

"""Run playtests like unit tests: make the choices in order, then check what must follow."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.installation import console_program, shipped_scenarios
from game.model.moment import Moment, next_day
from game.model.playthrough import Phase, Playthrough
from game.model.scenario import Location, Scenario
from game.model.turn import Turn, TurnKind, TurnOutcome
from game.playtest.spec import ExpectedVerdict, Playtest, PlaytestFile, PlaytestStep, read_playtests
from game.scenario.fields import Report
from game.scenario.load import load_scenario
from game.scenario.problem import Problem, ScenarioError
from game.scenario.source import read_file
from game.text import day_name, said, say

SCENARIOS = shipped_scenarios()


@dataclass(frozen=True)
class PlaytestResult:
    name: str
    failures: tuple[Problem, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class FileResult:
    path: str
    problems: tuple[Problem, ...] = ()  # the playtest file or its scenario could not be used
    results: tuple[PlaytestResult, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.problems and all(r.passed for r in self.results)


def run_file(path: str | Path) -> FileResult:
    path = str(path)
    traps: list[Problem] = []
    try:
        root = read_file(path, traps)
    except ScenarioError as error:
        return FileResult(path, tuple(error.problems))
    report = Report(path)
    report.problems.extend(traps)
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
    played = {test.name: play_test(scenario, test) for test in spec.tests}
    return FileResult(path, (), tuple(_result(test, played, path) for test in spec.tests))


def find_scenario(spec: PlaytestFile) -> Path | None:
    here = Path(spec.path).resolve().parent
    for folder in (here.parent, SCENARIOS, here):
        candidate = folder / spec.scenario
        if candidate.is_file():
            return candidate
    return None


@dataclass(frozen=True)
class PlayedTest:
    play: Playthrough
    failure: tuple[Location, str] | None = None  # the step that could not be done, or went otherwise


def play_test(scenario: Scenario, test: Playtest) -> PlayedTest:
    """Make the test's steps; the game stops where a step cannot be done, or does not do what it must."""
    play = Playthrough.start(scenario, test.seed, clock=lambda: 0.0, motive=test.motive)
    for step in test.steps:
        failure = take_step(play, step)
        if failure:
            return PlayedTest(play, (step.at, failure))
    play.finish()  # the trainee stops here: the game settles what was left open
    return PlayedTest(play)


def run_test(scenario: Scenario, test: Playtest, path: str) -> PlaytestResult:
    return _result(test, {test.name: play_test(scenario, test)}, path)


def _result(test: Playtest, played: dict[str, PlayedTest], path: str) -> PlaytestResult:
    mine = played[test.name]
    if mine.failure:
        return PlaytestResult(test.name, (_problem(path, *mine.failure),))
    failures = check_expect(mine.play, test) + _compared(test, played)
    return PlaytestResult(test.name, tuple(_problem(path, at, message) for at, message in failures))


def _compared(test: Playtest, played: dict[str, PlayedTest]) -> list[tuple[Location, str]]:
    """`score_above`: this test must score above each test it names."""
    total = played[test.name].play.score.total
    failures = []
    for name, at in test.expect.score_above:
        other = played.get(name)
        if other and not total > other.play.score.total:
            failures.append((at, f"expected a score above '{name}' ({other.play.score.total}), got {total}"))
    return failures


def take_step(play: Playthrough, step: PlaytestStep) -> str:
    """Do the step; what went wrong when it cannot be done, or when it does not do what it must, else ''."""
    if step.say:
        if play.phase != Phase.IN_CALL:
            return f"'{step.written}': no call is in progress ({_last_contact(play)})"
        count = len(play.point.phrasings)
        if step.say > count:
            return f"'{step.written}': decision point '{play.point.id}' has only {count} phrasings"
        play.choose(step.say - 1)
        return ""
    if play.phase == Phase.IN_CALL:
        return (f"'{step.written}': a call is still in progress at decision point '{play.point.id}'; "
                "say a phrasing first")
    if play.phase != Phase.REACHING:
        return f"'{step.written}': the game has already ended ({play.ending})"
    moment = _moment_of(play, step)
    if moment not in play.moments():
        return f"'{step.written}': {_not_a_moment(play, step, moment)}"
    turn = play.contact(moment, step.channel)
    got_through = turn.outcome in (TurnOutcome.THROUGH, TurnOutcome.NO_NEWS)
    if step.through is not None and got_through != step.through:
        what = _outcome_text(play, turn)
        return f"'{step.written}': expected it {'to get' if step.through else 'not to get'} through, but: {what}"
    return ""


def _moment_of(play: Playthrough, step: PlaytestStep) -> Moment:
    """A named day is the first such day from now on: 'Monday' after an appointment on Friday is the Monday after."""
    if not step.by_name:
        return step.moment
    moment = Moment(next_day(step.moment.day, play.now.day), step.moment.minute)
    return moment if moment >= play.now else Moment(moment.day + 7, moment.minute)


def _last_contact(play: Playthrough) -> str:
    contacts = [t for t in play.turns if t.kind == TurnKind.CONTACT]
    if not contacts:
        return "make a call first, e.g. 'call: Monday 10:00'"
    last = contacts[-1]
    if play.turns[-1].kind == TurnKind.PHRASING:
        return "the call has ended"
    return f"the last contact, turn {last.number} at {last.moment.clock}, came to: {_outcome_text(play, last)}"


def _outcome_text(play: Playthrough, turn: Turn) -> str:
    buyer = play.scenario.buyer
    return say(play.scenario.language, f"outcome.{turn.outcome}", name=buyer.name, what=turn.claim_what,
               colleague=buyer.colleague, reply=turn.reply, line=turn.reply)


def _not_a_moment(play: Playthrough, step: PlaytestStep, moment: Moment) -> str:
    rules = play.rules
    if step.moment < play.now:
        day = day_name(play.scenario.language, play.now.day)
        return f"that moment has passed; the next free moment is {day} {play.now.clock}"
    days = play.working_days()
    return (f"not a moment to choose: moments are every {rules.slot_minutes} minutes from "
            f"day 1 to {days[-1]}, between the hours of the rules")


def check_expect(play: Playthrough, test: Playtest) -> list[tuple[Location, str]]:
    expect = test.expect
    failures = []
    if expect.outcome and play.ending != expect.outcome:
        failures.append((expect.at["outcome"], f"expected outcome {expect.outcome}, got {play.ending}"))
    if expect.stage and play.deal.stage != expect.stage:
        failures.append((expect.at["stage"], f"expected the deal at {expect.stage}, got {play.deal.stage}"))
    total = play.score.total
    if expect.score and not expect.score[0] <= total <= expect.score[1]:
        failures.append((expect.at["score"], f"expected a score {_wanted(expect.score)}, got {total}"))
    for wanted in sorted(expect.verdicts, key=lambda v: v.turn):
        failure = _verdict_failure(play, wanted)
        if failure:
            failures.append((wanted.at, failure))
    if expect.turns is not None and not expect.turns[0] <= len(play.turns) <= expect.turns[1]:
        failures.append((expect.at["turns"], f"expected {_wanted(expect.turns)} turns, got {len(play.turns)}"))
    return failures


def _wanted(bounds: tuple[float, float]) -> str:
    low, high = bounds
    return f"{low:g}" if low == high else f"from {low:g} to {high:g}"


def _verdict_failure(play: Playthrough, wanted: ExpectedVerdict) -> str:
    what = f"{'not ' if wanted.negated else ''}{wanted.verdict}"
    if wanted.turn > len(play.turns):
        return f"expected turn {wanted.turn} to be {what}, but there were only {len(play.turns)} turns"
    turn = play.turns[wanted.turn - 1]
    if (turn.verdict == wanted.verdict) != wanted.negated:
        return ""
    done = said(play.scenario.language, turn) or turn.outcome
    return f"expected turn {wanted.turn} to be {what}, got {turn.verdict} ({done})"


def _problem(path: str, at: Location, message: str) -> Problem:
    return Problem(path, at.line, at.column, message)

"""A playtest file read into plain data, every part located so a failure can point at its line.

    scenario: quiet-week.en.yaml
    tests:
      - name: Asking who decides brings in Henk
        seed: 1
        motive: internal_blocker
        steps:
          - call: Monday 11:00     # or `email: Tuesday 9:00`; a day name (en/nl) or number, and a time
            through: yes           # optional: the call must (yes) or must not (no) get through
          - say: 2                 # the phrasing's number at the current decision point
        expect:
          outcome: order           # the ending kind
          stage: order             # the deal's final stage
          score: [60, 120]         # inclusive range, or one number
          score_above: Another test  # the name of a test in this file that must score lower
          verdicts: {2: vooruitgang, 3: not voortgang}
          turns: [4, 6]            # how many turns were made: a number or a range
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.model.deal import Stage
from game.model.ending import EndingKind
from game.model.moment import Moment, parse_clock
from game.model.motive import Motive
from game.model.scenario import Location
from game.model.scoring import Verdict
from game.model.turn import Channel
from game.scenario.fields import Fields, Report, did_you_mean, locate, one_of_hint
from game.scenario.shapes import Either, Flag, Items, Key, Number, Pairs, Record, Text, Word
from game.scenario.source import Node
from game.text import LANGUAGES, day_name

# The playtest file, declared in the words of the scenario's format (game/scenario/shapes.py): the
# reader below checks its keys against it, and the guide's table of playtest keys is made from it.
STEP = Record("step", "One thing the trainee does.", (
    Key("call", Text(), "A call at a moment: `call: Monday 11:00` (a day name in English or Dutch, or a day "
        "number, and a time). A day's name is the first such day from the moment of the step on: `Monday` after a "
        "Thursday is the Monday after, when an appointment put it in the week.", shown="—"),
    Key("email", Text(), "An e-mail at a moment: `email: dinsdag 9:30`.", shown="—"),
    Key("say", Number(1, 4), "The number of the phrasing to say, counted from 1: `say: 2`.", shown="—"),
    Key("through", Flag(), "Under a `call:` or `email:` line: whether that contact must get the buyer on the "
        "phone (`yes`) or must not (`no`).", shown="either"),
))
EXPECT = Record("expect", "What must follow the steps.", (
    Key("outcome", Word(tuple(EndingKind)), "The ending: {options}.", shown="any"),
    Key("stage", Word(tuple(Stage)), "The deal's final stage: {options}.", shown="any"),
    Key("score", Either((Number(-10**6, 10**6), Items(Number(-10**6, 10**6), fewest=1, most=2))),
        "The score: `[60, 120]`, both included, or one number.", shown="any"),
    Key("score_above", Either((Text(), Items(Text()))), "The name of another test in the file, or a list of names, "
        "that must score lower.", shown="none"),
    Key("verdicts", Pairs(Text(), keys=r"^\d+$"), "Per turn number, counting calls, e-mails and the closing turn, "
        "what the turn must be, or with `not` must not be: `{2: vooruitgang, 3: not vooruitgang}`.", shown="any"),
    Key("turns", Either((Number(0, 10**6), Items(Number(0, 10**6), fewest=1, most=2))),
        "How many turns were made: a number, or a range like `[3, 6]`.", shown="any"),
))
TEST = Record("test", "One playtest: the choices to make, and what must follow.", (
    Key("name", Text(), "The test's name, printed with PASS or FAIL.", shown="`test 1`, `test 2`..."),
    Key("seed", Number(0, 2**63), "The same seed is the same week and the same luck on the phone.", default=0),
    Key("motive", Word(tuple(Motive)), "Fixes the buyer's hidden motive: {options}.", shown="drawn"),
    Key("steps", Items(STEP), "In order: `call: Monday 11:00`, `email: dinsdag 9:30` or `say: 2`, each on its own "
        "`- ` line; under a call or e-mail, `through: yes` or `no`.", required=True),
    Key("expect", EXPECT, "Any of the keys below.", required=True),
))
PLAYTESTS = Record("playtests", "A scenario's playtests.", (
    Key("scenario", Text(), "The scenario file, relative to the folder above the playtest's folder (or to "
        "`scenarios/`).", required=True),
    Key("tests", Items(TEST), "A list of tests.", required=True),
), section="Playtest files")


@dataclass(frozen=True)
class PlaytestStep:
    at: Location
    say: int = 0                 # 1-based; 0 when this step is a contact
    moment: Moment | None = None
    channel: Channel | None = None
    written: str = ""
    by_name: bool = False        # the day was named ('Monday'): the first such day from now on
    through: bool | None = None  # the contact must (True) or must not (False) get through


@dataclass(frozen=True)
class ExpectedVerdict:
    """What a turn must be (or, with `not`, must not be), and where that is written."""

    turn: int
    verdict: Verdict
    negated: bool
    at: Location


@dataclass(frozen=True)
class Expect:
    outcome: EndingKind | None = None
    stage: Stage | None = None
    score: tuple[float, float] | None = None
    score_above: tuple[tuple[str, Location], ...] = ()
    verdicts: tuple[ExpectedVerdict, ...] = ()
    turns: tuple[float, float] | None = None
    at: dict[str, Location] = field(default_factory=dict)


@dataclass(frozen=True)
class Playtest:
    name: str
    seed: int
    motive: str | None
    steps: tuple[PlaytestStep, ...]
    expect: Expect
    at: Location


@dataclass(frozen=True)
class PlaytestFile:
    path: str
    scenario: str
    scenario_at: Location
    tests: tuple[Playtest, ...]


def read_playtests(root: Node, report: Report) -> PlaytestFile:
    top = Fields(root, PLAYTESTS, "the playtest file", report)
    scenario_node = top.get("scenario")
    scenario = top.text("scenario")
    tests = tuple(read_test(node, number, report) for number, node in enumerate(top.items("tests"), 1))
    top.finish()
    _check_names(tests, report)
    return PlaytestFile(report.file, scenario, locate(scenario_node) if scenario_node else locate(root), tests)


def _check_names(tests: tuple[Playtest, ...], report: Report) -> None:
    """Every `score_above` names another test of the file."""
    names = [test.name for test in tests]
    for test in tests:
        for name, at in test.expect.score_above:
            if name == test.name:
                report.error(at, f"'score_above: {name}' names this test itself", "name another test of this file")
            elif name not in names:
                report.error(at, f"'score_above: {name}' names no test in this file",
                             f"{did_you_mean(name, names)} The tests are: {', '.join(names)}".strip())


def read_test(node: Node, number: int, report: Report) -> Playtest:
    f = Fields(node, TEST, f"test {number}", report)
    name = f.text("name") or f"test {number}"
    motive = f.word("motive", default="") or None
    test = Playtest(
        name=name,
        seed=f.number("seed"),
        motive=motive,
        steps=tuple(read_step(s, report) for s in f.items("steps")),
        expect=read_expect(f.mapping("expect"), report),
        at=locate(node),
    )
    f.finish()
    return test


def read_step(node: Node, report: Report) -> PlaytestStep:
    f = Fields(node, STEP, "a step", report)
    found = [key for key in ("call", "email", "say") if f.has(key)]
    through = f.flag("through") if f.has("through") else None
    f.finish()
    if len(found) != 1:
        report.error(node, "a step is one of 'call: Monday 11:00', 'email: Tuesday 9:00' or 'say: 2'",
                     "write one of them per '- ' line")
        return PlaytestStep(locate(node))
    key = found[0]
    value = node.value[key]
    if key == "say":
        if through is not None:
            report.error(node.value["through"], "'through' belongs to a call or an e-mail, not to 'say'",
                         "write it under the '- call: ...' line")
        if not isinstance(value.value, int) or isinstance(value.value, bool) or value.value < 1:
            report.error(value, f"'say: {value.text}' must be the phrasing's number, 1 to 4", "for example: say: 2")
            return PlaytestStep(locate(node))
        return PlaytestStep(locate(value), say=value.value, written=f"say: {value.value}")
    moment = parse_moment(value.text)
    if moment is None:
        report.error(value, f"'{value.text}' is not a moment", "write a day and a time, e.g. 'Monday 11:00', "
                     "'dinsdag 9:30' or '3 14:00'")
        return PlaytestStep(locate(node))
    return PlaytestStep(locate(value), moment=moment, channel=Channel.CALL if key == "call" else Channel.EMAIL,
                written=f"{key}: {value.text}", by_name=not value.text.split()[0].isdigit(), through=through)


def parse_moment(text: str) -> Moment | None:
    """'Monday 11:00', 'maandag 11:00' or '1 11:00' as a Moment; None when it is none of those.

    A named day comes back as its day in the first week (Monday is 1); the run takes the first
    such day from the moment of the step on, so 'Monday' after a Friday is day 8.
    """
    parts = text.split()
    if len(parts) != 2:
        return None
    day, minute = _day_number(parts[0]), parse_clock(parts[1])
    if day is None or minute is None:
        return None
    return Moment(day, minute)


def _day_number(word: str) -> int | None:
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 21 else None
    for lang in LANGUAGES:
        for number in range(1, 8):
            if day_name(lang, number).lower() == word.lower():
                return number
    return None



def read_expect(node: Node | None, report: Report) -> Expect:
    if node is None:
        return Expect()
    f = Fields(node, EXPECT, "expect", report)
    at = {key: locate(value) for key, value in node.value.items()}
    score_node = f.get("score")
    turns_node = f.get("turns")
    expect = Expect(
        outcome=f.word("outcome", default="") or None,
        stage=f.word("stage", default="") or None,
        score=read_range(score_node, "score", report) if score_node else None,
        score_above=read_names(f.get("score_above"), report),
        verdicts=read_verdicts(f.mapping("verdicts"), report),
        turns=read_range(turns_node, "turns", report, "[3, 6]") if turns_node else None,
        at=at,
    )
    f.finish()
    return expect


def read_range(node: Node, key: str, report: Report, example: str = "[60, 120]") -> tuple[float, float] | None:
    values = [item.value for item in node.value] if node.is_list else [node.value]
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if len(numbers) != len(values) or len(numbers) not in (1, 2) or numbers[0] > numbers[-1]:
        report.error(node, f"'{key}' must be a number or a range like {example}, not '{node.text or values}'")
        return None
    return float(numbers[0]), float(numbers[-1])


def read_names(node: Node | None, report: Report) -> tuple[tuple[str, Location], ...]:
    """`score_above`: one test's name, or a list of them."""
    if node is None:
        return ()
    items = node.value if node.is_list else [node]
    names = []
    for item in items:
        if not item.is_scalar or not item.text.strip():
            report.error(item, "'score_above' must name a test of this file",
                         "for example: score_above: Friendly delay")
            continue
        names.append((item.text.strip(), locate(item)))
    return tuple(names)


def read_verdicts(node: Node | None, report: Report) -> tuple[ExpectedVerdict, ...]:
    """`{2: vooruitgang, 3: not vooruitgang}`: each located where it is written, so a failure points there."""
    if node is None:
        return ()
    verdicts = []
    for key, value in node.value.items():
        words = value.text.split() if value.is_scalar else []
        negated = len(words) == 2 and words[0] == "not"
        verdict = words[-1] if words else ""
        if not key.isdigit():
            report.error(node.keys[key], f"'{key}' is not a turn number",
                         "write the turn's number, e.g. '2: vooruitgang'")
        elif verdict not in tuple(Verdict) or len(words) != 1 + negated:
            report.error(value, f"'{value.text}' is not a verdict",
                         f"{one_of_hint(verdict, Verdict)}, or 'not' and one of them")
        else:
            verdicts.append(ExpectedVerdict(int(key), Verdict(verdict), negated, locate(value)))
    return tuple(verdicts)

"""The shipped scenario library: every file loads, comes in Dutch and English, and rewards real progress.

The bots play every scenario over seeds 0-19, exactly as `python main.py simulate` does: the advancing
bot must score above the random one, and the random one above the prolonging one.
"""

from __future__ import annotations

import statistics
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from game.cli.simulate import simulate
from game.model.scenario import Aim, Scenario
from game.playtest import run_file
from game.scenario.load import EndingKind, load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SHIPPED = sorted(SCENARIOS.glob("*.yaml"))
SEEDS = range(20)
SCHEMA_LINE = "# yaml-language-server: $schema=scenario.schema.json"

every_scenario = pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])


@cache
def scenario(path: Path) -> Scenario:
    return load_scenario(path)


@cache
def bot_results(path: Path, strategy: str) -> tuple[float, Counter]:
    plays = [simulate(scenario(path), strategy, seed) for seed in SEEDS]
    return statistics.median(p.score.total for p in plays), Counter(p.ending for p in plays)


def test_at_least_seven_situations_are_shipped_in_both_languages():
    names = {p.name.split(".")[0] for p in SHIPPED}
    assert len(names) >= 7


def test_every_scenario_is_shipped_in_dutch_and_in_english():
    languages: dict[str, set[str]] = {}
    for path in SHIPPED:
        name, language, _ = path.name.split(".")
        languages.setdefault(name, set()).add(language)
    assert {name: langs for name, langs in languages.items() if langs != {"nl", "en"}} == {}


@every_scenario
def test_the_scenario_loads_in_the_language_its_name_says(path):
    assert scenario(path).language == path.name.split(".")[1]


@every_scenario
def test_the_first_line_points_editors_at_the_schema(path):
    assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE


@every_scenario
def test_advancing_scores_above_random_and_random_above_prolonging(path):
    advance, random, prolong = (bot_results(path, s)[0] for s in ("advance", "random", "prolong"))
    assert advance > random > prolong


@every_scenario
def test_the_prolonging_bot_never_wins_the_order(path):
    assert bot_results(path, "prolong")[1]["order"] == 0


@every_scenario
def test_no_prolonging_phrasing_can_close_the_order_whatever_the_motive(path):
    closing = [phrasing.say for point in scenario(path).decision_points for phrasing in point.phrasings
               if phrasing.aim == Aim.PROLONG
               and any("order" in r.moves for r in (phrasing.response, *phrasing.if_motive.values()))]
    assert closing == []


@every_scenario
def test_every_call_has_at_least_three_decision_points(path):
    short = {call.id: len(call.points) for call in scenario(path).calls if len(call.points) < 3}
    assert short == {}


@every_scenario
def test_every_decision_point_offers_an_advancing_and_a_prolonging_phrasing(path):
    one_sided = [point.id for point in scenario(path).decision_points
                 if {p.aim for p in point.phrasings} != set(Aim)]
    assert one_sided == []


@every_scenario
def test_the_playtests_reach_every_ending_of_the_scenario(path):
    playtest = SCENARIOS / "playtests" / path.name
    expected = {test["expect"]["outcome"] for test in yaml.safe_load(playtest.read_text(encoding="utf-8"))["tests"]}
    assert expected == set(EndingKind)


@every_scenario
def test_the_playtests_of_the_scenario_pass(path):
    result = run_file(SCENARIOS / "playtests" / path.name)
    assert [(r.name, [f.message for f in r.failures]) for r in result.results if not r.passed] == []
    assert result.problems == ()


@every_scenario
def test_the_scenario_passes_strict_lint(path):
    from game.lint import lint_file

    assert [f"{p.line}: {p.message}" for p in lint_file(path).problems] == []

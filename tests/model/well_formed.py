"""Well-formed scenarios of every shape: any that `validate` accepts and whose design has no error.

The texts are plain words; what varies is what matters to the score: the buyer's week and motives, the
calls and the stages they start at, what each phrasing does to the deal, its minutes, its appointment,
where it leads, and what it does differently for each motive. A scenario is drawn from a number, so
hypothesis draws the number (drawing the whole structure through hypothesis takes ten times longer).
"""

from __future__ import annotations

import json
import random

from hypothesis import strategies as st

from game.lint.design import check_design
from game.model.deal import Move, Stage
from game.model.motive import Motive
from game.model.scenario import Scenario
from game.scenario.fields import Report
from game.scenario.load import load_bytes
from game.scenario.problem import ScenarioError
from tests.model.paths import flow_of

RUNGS = ("partner", "family", "boss", "customer", "supplier")
OPEN = (Stage.REACHED, Stage.POSITION_KNOWN, Stage.STEP_AGREED)
CLOCKS = [f"{minute // 60:02d}:{minute % 60:02d}" for minute in range(510, 1020, 30)]


def scenario_text(seed: int) -> str:
    """A scenario file (JSON, which is YAML) drawn from `seed`."""
    rng = random.Random(seed)
    motives = rng.sample(list(Motive), rng.randint(1, 3))
    scenario = {
        "title": "Drawn", "language": "en",
        "buyer": {"name": "Ann", "colleague": "Piet", "motive": {m: rng.randint(1, 3) for m in motives}},
        "quote": {"what": "chairs"},
        "rules": {"answer_chance": rng.choice((0.4, 0.6, 1.0)), "contacts": rng.randint(2, 8)},
        "week": [_claim(rng) for _ in range(rng.randint(0, 4))],
        "calls": [_call(rng, number, motives) for number in range(1, rng.randint(1, 3) + 1)],
    }
    return json.dumps(scenario, ensure_ascii=False)


def _claim(rng: random.Random) -> dict:
    minute = rng.randint(510, 990)
    return {"day": rng.randint(1, 5), "at": f"{minute // 60:02d}:{minute % 60:02d}", "minutes": rng.randint(5, 120),
            "who": rng.choice(RUNGS), "what": "busy", "visible": rng.random() < 0.7,
            "unreachable": rng.choice(("voicemail", "colleague"))}


def _call(rng: random.Random, number: int, motives: list[str]) -> dict:
    ids = [f"c{number}p{index}" for index in range(rng.randint(1, 4))]
    points = [{"id": point_id, "buyer": "A line.",
               "choices": [_phrasing(rng, ids, motives) for _ in range(rng.randint(2, 4))]} for point_id in ids]
    return {"id": f"c{number}", "stages": rng.sample(OPEN, rng.randint(1, 3)), "points": points}


def _phrasing(rng: random.Random, ids: list[str], motives: list[str]) -> dict:
    minutes = rng.randint(0, 4) if rng.random() < 0.9 else rng.randint(5, 12)  # now and then a long one
    phrasing = {"say": "Something to say.", "aim": rng.choice(("advance", "prolong")), "minutes": minutes,
                "reply": "An answer.", "feedback": "Why.", **_response(rng, ids, base=True)}
    overrides = rng.sample(motives, rng.randint(0, min(2, len(motives))))
    if overrides:
        phrasing["if_motive"] = {motive: _response(rng, ids, base=False) for motive in overrides}
    return phrasing


def _response(rng: random.Random, ids: list[str], base: bool) -> dict:
    response: dict = {}
    if base or rng.random() < 0.5:
        response["deal"] = [str(rng.choice(tuple(Move))) for _ in range(rng.choice((0, 1, 1, 1, 2)))]
    if rng.random() < 0.3:
        response["appointment"] = {"days_later": rng.randint(0, 2), "at": rng.choice(CLOCKS)}
    elif not base and rng.random() < 0.3:
        response["appointment"] = "none"
    target = rng.choice(["", "", "end", *ids])
    if target:
        response["next"] = target
    return response


scenario_texts = st.integers(0, 2**32).map(scenario_text)


def well_formed(text: str) -> Scenario | None:
    """The scenario, when it loads and lint finds no error in its design (a call that can never end, say)."""
    try:
        scenario = load_bytes(text.encode(), "drawn.en.yaml")
    except ScenarioError:
        return None
    report = Report(scenario.path)
    check_design(flow_of(scenario), report, {})
    return None if report.errors else scenario

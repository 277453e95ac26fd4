"""xAPI 1.0.3 statements from a playthrough as the journal keeps it (the plain data of `transfer.dump`).

- each phrasing said: `answered` a decision point (a `cmi.interaction` of type `choice`, every phrasing a
  choice, in the scenario's language), with the turn's points, verdict and the deal's stage before and after;
- the trainee's reading of the buyer (once a game): `answered` the scenario version's reading question (a
  `cmi.interaction` of type `choice`, the four motives its choices), with the motive read as the response,
  `success` when it was the buyer's motive, and the confidence and the motive it was in the result extension; it
  carries no score, as it counts in none;
- each finished playthrough: `completed` the scenario version, with the score raw and scaled, the duration and
  the outcome; and `passed` or `failed` when the scenario sets a `pass_score`.

The same data always gives the same statements, ids and timestamps included: a store that already holds one
sees the same statement again, never a conflicting one. Points and scores are read from the journal, never
recomputed. Calls and e-mails that reached nobody are no decisions; they count in the completed score.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from game.model.motive import Motive
from game.model.scenario import Phrasing
from game.model.turn import TurnKind
from game.text import say, with_appointment
from game.xapi import vocabulary as v
from game.xapi.scenarios import PlayedScenario

PLAYS = uuid.uuid5(uuid.NAMESPACE_URL, f"{v.OURS}/plays")


def statements_of(play: dict, played: PlayedScenario, actor: dict) -> list[dict]:
    """Every statement the playthrough gives so far, in the order things happened."""
    said = []
    reading = play.get("reading")
    for turn in play["turns"]:
        if reading and turn["number"] > reading["after_turn"]:
            said.append(read_the_buyer(play, reading, played, actor))
            reading = None
        if turn["kind"] == TurnKind.PHRASING:
            said.append(answered(play, turn, played, actor))
    if reading:
        said.append(read_the_buyer(play, reading, played, actor))
    return said + finished(play, played, actor)


def read_the_buyer(play: dict, reading: dict, played: PlayedScenario, actor: dict) -> dict:
    """The trainee's reading of the buyer's hidden motive: a question answered, right or not, with how sure."""
    return {
        "id": statement_id(play["uuid"], "reading"),
        "actor": actor,
        "verb": v.verb(v.ANSWERED),
        "object": _reading_question(played),
        "result": {
            "response": reading["motive"],
            "success": reading["motive"] == play["motive"],
            "extensions": {v.RESULT_EXTENSION: {"confidence": reading["confidence"], "motive": play["motive"]}},
        },
        "context": _context(play, played, parent=_scenario_activity(played)),
        "timestamp": timestamp(reading["wall_time"] or play["started"]),
    }


def answered(play: dict, turn: dict, played: PlayedScenario, actor: dict) -> dict:
    return {
        "id": statement_id(play["uuid"], f"turn {turn['number']}"),
        "actor": actor,
        "verb": v.verb(v.ANSWERED),
        "object": decision_point(played, turn["call_id"], turn["point_id"]),
        "result": {
            "response": choice_id(turn["choice"]),
            "score": {"raw": _number(turn["points"])},
            "extensions": {v.RESULT_EXTENSION: {
                "verdict": turn["verdict"], "stage_before": turn["stage_before"],
                "stage_after": turn["stage_after"], "aim": turn["aim"],
            }},
        },
        "context": _context(play, played, parent=_scenario_activity(played)),
        "timestamp": timestamp(turn["wall_time"] or play["started"]),
    }


def finished(play: dict, played: PlayedScenario, actor: dict) -> list[dict]:
    """`completed`, and `passed` or `failed` against the scenario's pass score; nothing while unfinished."""
    if play["finished"] is None or play["score"] is None:
        return []
    score = {"raw": _number(play["score"]), "scaled": scaled(play["score"], *played.best_and_worst)}
    result = {
        "completion": True,
        "score": score,
        "duration": duration(play["finished"] - play["started"]),
        "extensions": {v.RESULT_EXTENSION: {"outcome": play["outcome"], "stage": play["stage"]}},
    }
    statements = [_about_scenario(play, played, actor, v.COMPLETED, "completed", result)]
    pass_score = played.scenario.pass_score
    if pass_score is not None:
        success = play["score"] >= pass_score
        statements.append(_about_scenario(play, played, actor, v.PASSED if success else v.FAILED, "success",
                                          result | {"success": success}))
    return statements


def _about_scenario(play: dict, played: PlayedScenario, actor: dict, verb: str, what: str, result: dict) -> dict:
    return {
        "id": statement_id(play["uuid"], what),
        "actor": actor,
        "verb": v.verb(verb),
        "object": _scenario_activity(played),
        "result": result,
        "context": _context(play, played),
        "timestamp": timestamp(play["finished"]),
    }


def statement_id(play_uuid: str, what: str) -> str:
    """The same playthrough and turn always give the same id, on every laptop and in every sync."""
    return str(uuid.uuid5(PLAYS, f"{play_uuid}/{what}"))


def choice_id(index: int) -> str:
    """A phrasing's id at its decision point: its place in the list, from 1, as the trainee saw it."""
    return str(index + 1)


def scaled(score: float, best: float, worst: float) -> float:
    """-1 at the worst reachable score, 0 when nothing was won or lost, 1 at the best; clipped to -1..1."""
    if score > 0:
        share = score / best if best > 0 else 1.0
    elif score < 0:
        share = -score / worst if worst < 0 else -1.0
    else:
        share = 0.0
    return round(max(-1.0, min(1.0, share)), 4)


def duration(seconds: float) -> str:
    """ISO 8601, to a hundredth of a second: PT12M5.25S."""
    hundredths = max(0, round(seconds * 100))
    hours, rest = divmod(hundredths, 360_000)
    minutes, rest = divmod(rest, 6_000)
    text = f"{rest / 100:.2f}".rstrip("0").rstrip(".")
    seconds_part = f"{text}S" if rest or not (hours or minutes) else ""
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + seconds_part


def timestamp(seconds: float) -> str:
    """UTC to the millisecond, as xAPI asks: 2026-11-23T09:41:07.250Z."""
    moment = datetime.fromtimestamp(seconds, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def registration(play_uuid: str) -> str:
    """The playthrough's own id; an id that is no uuid (a hand-made file) gets one made from it."""
    try:
        return str(uuid.UUID(play_uuid))
    except ValueError:
        return str(uuid.uuid5(PLAYS, play_uuid))


def _context(play: dict, played: PlayedScenario, parent: dict | None = None) -> dict:
    activities: dict[str, list[dict]] = {}
    if parent:
        activities["parent"] = [parent]
    if play["workshop"]:
        activities["grouping"] = [_workshop(play["workshop"])]
    context = {
        "registration": registration(play["uuid"]),
        "revision": played.scenario.version or "-",
        "platform": v.PLATFORM,
        "language": played.scenario.language,
    }
    return context | ({"contextActivities": activities} if activities else {})


def _choice(index: int, phrasing: Phrasing, language: str) -> dict:
    """A phrasing as an LMS lists it: the moment it proposes named ahead, since no one call is meant."""
    said = with_appointment(language, phrasing.say, phrasing.proposed)
    return {"id": choice_id(index), "description": {language: said}}


def _scenario_activity(played: PlayedScenario) -> dict:
    scenario = played.scenario
    definition = {"name": {scenario.language: scenario.title}, "type": v.SIMULATION}
    if scenario.goal:
        definition["description"] = {scenario.language: scenario.goal}
    return {"objectType": "Activity", "id": v.scenario_iri(played.name, scenario.version), "definition": definition}


def decision_point(played: PlayedScenario, call_id: str, point_id: str) -> dict:
    scenario = played.scenario
    language = scenario.language
    point = played.point(call_id, point_id)
    definition: dict = {
        "name": {language: f"{scenario.title}: {call_id}, {point_id}"},
        "type": v.INTERACTION,
        "interactionType": "choice",
    }
    if point is not None:
        if point.buyer.strip():
            definition["description"] = {language: point.buyer}
        definition["choices"] = [_choice(index, phrasing, language)
                                 for index, phrasing in enumerate(point.phrasings) if phrasing.say.strip()]
    return {"objectType": "Activity", "id": v.decision_point_iri(played.name, scenario.version, call_id, point_id),
            "definition": definition}


def _reading_question(played: PlayedScenario) -> dict:
    scenario = played.scenario
    language = scenario.language
    definition = {
        "name": {language: f"{scenario.title}: {say(language, 'ui.reading.title').lower()}"},
        "description": {language: say(language, "ui.reading.question", name=scenario.buyer.name)},
        "type": v.INTERACTION,
        "interactionType": "choice",
        "choices": [{"id": motive, "description": {language: say(language, f"motive.{motive}.name")}}
                    for motive in Motive],
    }
    return {"objectType": "Activity", "id": v.reading_iri(played.name, scenario.version), "definition": definition}


def _workshop(code: str) -> dict:
    return {"objectType": "Activity", "id": v.workshop_iri(code),
            "definition": {"name": {"und": code}, "type": v.MEETING}}


def _number(value: float) -> int | float:
    """2.0 as 2, 2.5 as 2.5: what the journal holds, without a trailing .0."""
    return int(value) if float(value).is_integer() else value

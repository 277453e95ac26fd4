"""The words statements are made of: ADL's verbs and activity types, and the IRIs that are ours.

Every IRI of the game's own starts with `OURS`. The project has no domain of its own yet, so it lives
under `.example`, a name reserved so that nobody else can own it; statements already stored keep the
ids they were sent with, so change it only before an organisation's first sync.
"""

from __future__ import annotations

from urllib.parse import quote

OURS = "https://vooruitgang.example/xapi"

# Everything the game adds to a result (verdict, stages, outcome) sits under this one key.
RESULT_EXTENSION = f"{OURS}/result"
TRAINEES_HOME = f"{OURS}/trainees"  # the actor's account home page when the trainer sets none

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
PASSED = "http://adlnet.gov/expapi/verbs/passed"
FAILED = "http://adlnet.gov/expapi/verbs/failed"
VERBS = {ANSWERED: "answered", COMPLETED: "completed", PASSED: "passed", FAILED: "failed"}

INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
MEETING = "http://adlnet.gov/expapi/activities/meeting"

PLATFORM = "Vooruitgang"


def verb(iri: str) -> dict:
    return {"id": iri, "display": {"en-US": VERBS[iri]}}


def scenario_iri(name: str, version: str) -> str:
    """One version of a scenario: its phrasings can differ from the next version's, so it is its own activity."""
    return f"{OURS}/scenarios/{_part(name)}/{_part(version)}"


def decision_point_iri(name: str, version: str, call_id: str, point_id: str) -> str:
    return f"{scenario_iri(name, version)}/{_part(call_id)}/{_part(point_id)}"


def reading_iri(name: str, version: str) -> str:
    """The question of a scenario version that asks the trainee which hidden motive the buyer has."""
    return f"{scenario_iri(name, version)}/reading"


def workshop_iri(code: str) -> str:
    return f"{OURS}/workshops/{_part(code)}"


def _part(text: str) -> str:
    """A path segment of an IRI: a trainer's ids may hold spaces, slashes or accents."""
    return quote(text, safe="") or "-"

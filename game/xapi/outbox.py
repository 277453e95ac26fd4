"""The statements a results file gives: every playthrough's (of one workshop, of some plays), oldest first.

A playthrough whose scenario version cannot be found is left out and counted, so the trainer can point to
its folder; nothing about it is lost, and a later sync with the folder sends it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from game.workshop.journal import Journal, scenario_key
from game.workshop.transfer import dump
from game.xapi.scenarios import ScenarioShelf
from game.xapi.statements import statements_of
from game.xapi.trainees import Trainees


@dataclass
class Collected:
    """The statements collected from the journal, and what had to be left out."""

    statements: list[dict] = field(default_factory=list)
    # (scenario file name, version) -> playthroughs left out because that version was not found
    unfound: Counter = field(default_factory=Counter)


def collect(journal: Journal, shelf: ScenarioShelf, trainees: Trainees, workshop: str | None = None,
            plays: Collection[str] | None = None) -> Collected:
    """Statements for every playthrough (of `workshop`; of the play uuids in `plays`), in the order played."""
    outbox = Collected()
    for play in dump(journal, workshop):
        if plays is not None and play["uuid"] not in plays:
            continue
        played = shelf.find(play["scenario_path"], play["scenario_version"])
        if played is None:
            outbox.unfound[scenario_key(play["scenario_path"]), play["scenario_version"]] += 1
            continue
        actor = trainees.actor(journal.connection, play["trainee"])
        outbox.statements.extend(statements_of(play, played, actor))
    return outbox

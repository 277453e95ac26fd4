"""A rehearsal workshop: bots play the scenarios as a group would, so a trainer can try the report.

Each bot trainee starts out keeping deals alive and learns over replays, so the
report has trends to show; it reads the buyer after each game in which it heard him, so the report shows
how the room read the buyer (`simulate`'s bots do not: a reading is a trainee's own judgement, and bots that
join a real workshop's host would blur the room's). Everything follows from the seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from pathlib import PurePath

from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.motive import Motive
from game.model.playthrough import Playthrough
from game.model.reading import Confidence, Reading
from game.model.scenario import Scenario
from game.model.turn import TurnOutcome
from game.workshop.entries import read
from game.workshop.journal import Journal

NAMES = ("Anouk", "Bram", "Chantal", "Daan", "Esra", "Femke", "Gijs", "Hanna", "Ilse", "Jeroen", "Kim", "Lars",
         "Mila", "Noah", "Olga", "Pieter", "Quinten", "Roos", "Sem", "Tess", "Umut", "Vera", "Wout", "Xander",
         "Yara", "Zeynep", "Arne", "Britt", "Cas", "Dewi")
START = 1_790_000_000.0  # a Monday morning in 2026; the clock the bots play by
MINUTES_PER_PLAY = 9


def as_many(scenarios: Sequence[Scenario], count: int) -> list[Scenario]:
    """`count` scenarios: the given ones, then numbered copies of them, so a rehearsal can be any size."""
    found = []
    for index in range(count):
        scenario = scenarios[index % len(scenarios)]
        copy = index // len(scenarios)
        if copy:
            path = PurePath(scenario.path)
            scenario = replace(scenario, path=str(path.with_name(f"{path.stem}-{copy + 1}{path.suffix}")),
                               title=f"{scenario.title} ({copy + 1})")
        found.append(scenario)
    return found


def trainee_names(count: int) -> list[str]:
    return [NAMES[i % len(NAMES)] + (f" {i // len(NAMES) + 1}" if i >= len(NAMES) else "") for i in range(count)]


def rehearse(journal: Journal, scenarios: Sequence[Scenario], trainees: int, scenarios_each: int, replays: int,
             workshop: str, seed: int = 0) -> int:
    """Let `trainees` bots each play `scenarios_each` scenarios (cycling the given ones) `replays` times."""
    rng = random.Random(seed)
    now = [START]

    def clock() -> float:
        now[0] += rng.uniform(5, 40)
        return now[0]

    readers = random.Random(seed + 1)  # their readings of the buyer: apart, so the games are those of before
    played = 0
    with journal.transaction():  # one commit for the lot: rehearsal data need not survive a crash halfway
        for attempt in range(replays):
            for number, name in enumerate(trainee_names(trainees)):
                for index in range(scenarios_each):
                    scenario = scenarios[(number + index) % len(scenarios)]
                    game_seed = rng.randrange(1_000_000)
                    play = Playthrough.start(scenario, game_seed, clock=clock)
                    play_id = journal.begin(play, name, workshop, game_seed)
                    play_out(play, Strategy(_strategy(rng, attempt, replays), bot_rng(game_seed)))
                    reading = _reading(readers, play, (attempt + 1) / (replays + 1))
                    if reading is not None:
                        journal.write([read(journal._uuid_of(play_id), reading)])
                    journal.finish(play_id, play)
                    now[0] += MINUTES_PER_PLAY * 60
                    played += 1
    return played


def _reading(rng: random.Random, play: Playthrough, learned: float) -> Reading | None:
    """A bot trainee reads the buyer once it heard him: right more often as it learns; wrong, a polite no is
    mostly taken for real interest, as a room tends to, and anything else for any other motive."""
    if not any(turn.outcome == TurnOutcome.THROUGH for turn in play.turns):
        return None
    if rng.random() < 0.3 + 0.5 * learned:
        motive = play.motive
    elif play.motive == Motive.POLITE_NO and rng.random() < 0.7:
        motive = Motive.REAL_INTEREST
    else:
        motive = rng.choice([other for other in Motive if other != play.motive])
    return play.read(motive, rng.choice(list(Confidence)))


def _strategy(rng: random.Random, attempt: int, replays: int) -> str:
    """Early attempts mostly prolong; later ones mostly advance: trainees learn."""
    learned = (attempt + 1) / (replays + 1)
    roll = rng.random()
    if roll < learned * 0.8:
        return "advance"
    return "prolong" if roll < 0.85 else "random"

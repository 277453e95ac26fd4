"""The game a trainee plays in the window: one trainee at one scenario, the playthrough and its seed,
and what is needed to resume it, branch it for practice, or reload its file (F5) and play on."""

from __future__ import annotations

import random
from dataclasses import dataclass

from transitions import MachineError

from game.model.playthrough import Action, Playthrough
from game.model.scenario import Scenario
from game.scenario.load import load_scenario


@dataclass
class Session:
    scenario: Scenario
    seed: int
    play: Playthrough
    trainee: str = ""
    workshop: str = ""
    play_id: str | None = None  # the play's uuid in the results file, once recorded
    practice: bool = False

    @classmethod
    def begin(cls, scenario: Scenario, trainee: str = "", workshop: str = "", seed: int | None = None) -> Session:
        seed = random.randrange(1_000_000_000) if seed is None else seed
        return cls(scenario, seed, Playthrough.start(scenario, seed), trainee, workshop)

    @classmethod
    def resume(cls, scenario: Scenario, seed: int, actions: list[Action], motive: str, trainee: str,
               workshop: str) -> Session:
        """A game left halfway, replayed as far as its actions still fit the scenario file."""
        play, _ = _replay_what_fits(scenario, seed, actions, motive)
        return cls(scenario, seed, play, trainee, workshop)

    def branch(self, turns_kept: int) -> Session:
        """Practice: the same game up to the turn numbered `turns_kept + 1`, to try another way."""
        play = Playthrough.replay(self.scenario, self.seed, self.play.actions[:turns_kept], motive=self.play.motive)
        play.reading = self.play.reading  # read once in the game; a branch for practice does not ask again
        return Session(self.scenario, self.seed, play, self.trainee, self.workshop, practice=True)

    def again(self) -> Session:
        """The same scenario with a new week: a new seed."""
        return Session.begin(self.scenario, self.trainee, self.workshop)

    def reload(self) -> int:
        """Read the scenario file again and replay the trainee's actions on it, as far as they still fit.

        Raises ScenarioError when the file has problems; the running game is then untouched.
        Returns how many actions were replayed.
        """
        scenario = load_scenario(self.scenario.path)
        actions = list(self.play.actions)
        play, kept = _replay_what_fits(scenario, self.seed, actions, self.play.motive)
        play.listeners.extend(self.play.listeners)
        play.reading = self.play.reading
        self.scenario, self.play = scenario, play
        return kept


def _replay_what_fits(scenario: Scenario, seed: int, actions: list[Action], motive: str) -> tuple[Playthrough, int]:
    motive = motive if motive in scenario.buyer.motives else None
    for kept in range(len(actions), -1, -1):
        try:
            return Playthrough.replay(scenario, seed, actions[:kept], motive=motive), kept
        except (MachineError, ValueError, KeyError, IndexError, AttributeError):  # an action that no longer fits
            continue
    return Playthrough.start(scenario, seed), 0

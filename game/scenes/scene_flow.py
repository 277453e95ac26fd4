"""The way through the game: which scene opens when another closes.

Title -> sign-in -> scenario choice -> briefing -> reaching <-> call -> debrief, and from the
debrief back to practice, a new week, or the choice. The flow also reloads the scenario (F5).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.library import read_entries, scenario_paths
from game.model.playthrough import Phase
from game.model.scenario import Scenario
from game.scenario.load import load_scenario
from game.scenario.problem import Problem, ScenarioError
from game.scenes.briefing import BriefingScene
from game.scenes.call import CallScene
from game.scenes.choice import ChoiceScene
from game.scenes.confirm import ConfirmScene
from game.scenes.debrief_screen import AGAIN, PRACTICE, DebriefScene
from game.scenes.file_problems import ProblemScene
from game.scenes.reaching import ReachingScene
from game.scenes.settings_screen import SettingsScene
from game.scenes.signin import SignInScene
from game.scenes.stack import SceneStack
from game.scenes.title import QUIT, SETTINGS, START, TitleScene
from game.session import Session
from game.settings import Settings
from game.ui.look import Look
from game.workshop.recorder import Recorder


class SceneFlow:
    def __init__(self, look: Look, stack: SceneStack, recorder: Recorder, on_settings: Callable[[Settings], None],
                 on_quit: Callable[[], None], saved_in: str = "", paths: list[Path] | None = None,
                 seed: int | None = None):
        self.look = look
        self.stack = stack
        self.recorder = recorder
        self.on_settings = on_settings
        self.on_quit = on_quit
        self.saved_in = saved_in
        self.paths = paths
        self.seed = seed
        self.session: Session | None = None
        self.scenario: Scenario | None = None
        self.on_sign_in: Callable[[Settings], None] = lambda settings: None  # the app joins the workshop room

    @property
    def settings(self) -> Settings:
        return self.look.settings

    # --- before the game --------------------------------------------------------------

    def title(self) -> None:
        self.stack.push(TitleScene(self.look, self._language), self._after_title)

    def _language(self, language: str) -> None:
        self.settings.language = language
        self.on_settings(self.settings)

    def _after_title(self, result: str | None) -> None:
        if result == START:
            self.sign_in()
        elif result == SETTINGS:
            self.stack.push(SettingsScene(self.look, self.on_settings, self.saved_in, self._notes()),
                            lambda _: self.title())
        elif result == QUIT:
            self.on_quit()
        else:
            self.title()

    def _notes(self) -> list[str]:
        return [note for note in (self.recorder.note, *self.look.notes) if note]

    def sign_in(self) -> None:
        self.stack.push(SignInScene(self.look, self.settings.trainee, self.settings.workshop), self._after_sign_in)

    def _after_sign_in(self, result: tuple[str, str] | None) -> None:
        if result is None:
            self.title()
            return
        self.settings.trainee, self.settings.workshop = result
        self.on_settings(self.settings)
        self.on_sign_in(self.settings)
        if not self._offer_to_play_on():
            self.choose()

    def _offer_to_play_on(self) -> bool:
        """A game of this trainee left halfway (a crash, a closed window): offer to play it on. Whether offered."""
        for left in self.recorder.unfinished(self.settings.trainee):
            if not left.actions:
                continue  # closed before the first step: nothing to play on from, so no question to ask
            try:
                scenario = load_scenario(left.scenario_path)
            except (ScenarioError, OSError, ValueError):
                continue  # the file is gone or broken here: nothing to play it on with
            when = datetime.datetime.fromtimestamp(left.started).strftime("%Y-%m-%d %H:%M")
            question = self.look.t("resume.question", title=left.scenario_title or scenario.title, when=when,
                                   turns=len(left.actions))
            scene = ConfirmScene(self.look, question, self.look.t("resume.yes"), self.look.t("resume.no"), default=True)
            self.stack.push(scene, lambda yes, left=left, scenario=scenario: self._after_offer(yes, left, scenario))
            return True
        return False

    def _after_offer(self, yes: bool, left: Any, scenario: Scenario) -> None:
        if not yes:
            self.recorder.set_aside(left)
            self.choose()
            return
        session = Session.resume(scenario, left.seed, list(left.actions), left.motive, self.settings.trainee,
                                 self.settings.workshop)
        self.scenario = scenario
        self.session = session
        self.recorder.resume(session, left)
        self.show_play()

    def choose(self) -> None:
        self.stack.push(self._choice_scene(), self._after_choice)

    def _choice_scene(self) -> ChoiceScene:
        paths = self.paths if self.paths is not None else scenario_paths()
        entries = read_entries(paths, self.recorder.last_results(self.settings.trainee))
        # the trainee's own language first, files that do not load last
        entries.sort(key=lambda e: (e.scenario is None, bool(e.scenario) and e.scenario.language != self.look.lang))
        return ChoiceScene(self.look, entries, self.settings.trainee, self.history, self.overview)

    def history(self, scenario: Scenario) -> None:
        """The trainee's attempts at one scenario, over the list."""
        from game.scenes.history import HistoryScene  # with the report's modules: the window starts without them

        results = self.recorder.history(self.settings.trainee, scenario.path)
        self.stack.push(HistoryScene(self.look, scenario.title, results))

    def overview(self) -> None:
        """The trainer's view of the workshop: the agenda for the discussion and the trend."""
        from game.scenes.workshop_overview import WorkshopOverviewScene  # as the history: imported when opened

        group = self.recorder.group(self.settings.workshop)
        if group is not None:
            self.stack.push(WorkshopOverviewScene(self.look, group))

    def _after_choice(self, scenario: Scenario | None) -> None:
        if scenario is None:
            self.sign_in()
            return
        self.brief(scenario)

    def brief(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.stack.push(BriefingScene(self.look, scenario), self._after_briefing)

    def _after_briefing(self, start: bool | None) -> None:
        if not start:
            self.choose()
            return
        self.begin(Session.begin(self.scenario, self.settings.trainee, self.settings.workshop, self.seed))

    # --- the game ---------------------------------------------------------------------

    def begin(self, session: Session) -> None:
        self.session = session
        if not session.practice:
            self.recorder.begin(session)
        self.show_play()

    def show_play(self, replace: bool = False) -> None:
        """The scene for where the playthrough is now: the week, the call, or the debrief."""
        session = self.session
        if session.play.phase == Phase.ENDED:
            self.recorder.finish(session)
            scene, after = DebriefScene(self.look, session), self._after_debrief
        elif session.play.phase == Phase.IN_CALL:
            scene, after = CallScene(self.look, session), self._after_play
        else:
            scene, after = ReachingScene(self.look, session), self._after_play
        (self.stack.replace if replace else self.stack.push)(scene, after)

    def _after_play(self, result: str | None) -> None:
        if result == "stop" or result is None:
            self.session.play.finish()
        self.show_play()

    def _after_debrief(self, result: tuple[str, int | None]) -> None:
        kind, number = result if result else ("back", None)
        if kind == PRACTICE:
            self.begin(self.session.branch(max(0, number - 1)))
        elif kind == AGAIN:
            self.begin(self.session.again())
        else:
            self.session = None
            self.choose()

    # --- live editing -----------------------------------------------------------------

    def reload(self) -> None:
        """F5: read the scenario file again and go on at the same decision, or show its problems."""
        top = self.stack.top
        if isinstance(top, ProblemScene):
            top.close(None)
            top = self.stack.top
        if isinstance(top, ChoiceScene):
            self.stack.replace(self._choice_scene(), self._after_choice)
            return
        try:
            if isinstance(top, BriefingScene):
                scenario = load_scenario(top.scenario.path)
                self.scenario = scenario
                self.stack.replace(BriefingScene(self.look, scenario), self._after_briefing)
            elif isinstance(top, (ReachingScene, CallScene, DebriefScene)) and self.session:
                self.session.reload()
                self.scenario = self.session.scenario
                self.show_play(replace=True)
        except ScenarioError as error:
            self.stack.push(ProblemScene(self.look, error.problems))
        except (OSError, ValueError) as error:
            path = self.scenario.path if self.scenario else "?"
            self.stack.push(ProblemScene(self.look, [Problem(path, 0, 0, str(error))]))

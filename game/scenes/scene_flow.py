"""The way through the game: which scene opens when another closes.

Title -> sign-in -> scenario choice -> briefing -> reaching <-> call -> debrief, and from the
debrief back to practice, a new week, or the choice. Once a game, at the moment the scenario chooses, the
trainee reads the buyer. From the choice, the moments due for practice. The flow also reloads the scenario (F5).
The wall clock comes from outside (`clock`): practice is due by it, so a test can move days forward.
"""

from __future__ import annotations

import datetime
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.library import read_entries, scenario_paths
from game.model.playthrough import Phase, Playthrough
from game.model.reading import Confidence
from game.model.scenario import Scenario
from game.model.turn import Turn
from game.practice import Missed, due, moments, set_again
from game.scenario.load import load_scenario
from game.scenario.problem import Problem, ScenarioError
from game.scenes.briefing import BriefingScene
from game.scenes.call import CallScene
from game.scenes.choice import ChoiceScene
from game.scenes.confirm import ConfirmScene
from game.scenes.debrief_screen import AGAIN, PRACTICE, DebriefScene
from game.scenes.file_problems import ProblemScene
from game.scenes.practice import Moment, PracticeScene
from game.scenes.reaching import ReachingScene
from game.scenes.reading import ReadingScene
from game.scenes.settings_screen import SettingsScene
from game.scenes.signin import SignInScene
from game.scenes.stack import SceneStack
from game.scenes.title import QUIT, SETTINGS, START, TitleScene
from game.session import Session
from game.settings import Settings
from game.text import said
from game.ui.look import Look
from game.workshop.entries import scenario_key
from game.workshop.recorder import Recorder


class SceneFlow:
    def __init__(self, look: Look, stack: SceneStack, recorder: Recorder, on_settings: Callable[[Settings], None],
                 on_quit: Callable[[], None], saved_in: str = "", paths: list[Path] | None = None,
                 seed: int | None = None, clock: Callable[[], float] = time.time):
        self.look = look
        self.stack = stack
        self.recorder = recorder
        self.on_settings = on_settings
        self.on_quit = on_quit
        self.saved_in = saved_in
        self.paths = paths
        self.seed = seed
        self.clock = clock
        self.scenarios: dict[str, Scenario] = {}  # the library's scenarios by file name: what practice can set again
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
        self.scenarios = {scenario_key(entry.path): entry.scenario for entry in entries if entry.scenario}
        return ChoiceScene(self.look, entries, self.settings.trainee, self.history, self.overview,
                           len(self._due()), self.practise)

    def history(self, scenario: Scenario) -> None:
        """The trainee's attempts at one scenario, over the list, with their calibration line and practice."""
        from game.scenes.history import HistoryScene  # with the report's modules: the window starts without them

        trainee = self.settings.trainee
        results = self.recorder.history(trainee, scenario.path)
        _, answers = self.recorder.practice_record(trainee)
        here = [answer for answer in answers if answer.scenario_key == scenario_key(scenario.path)]
        self.stack.push(HistoryScene(self.look, scenario.title, results, self._readings(),
                                     (len(here), sum(answer.good for answer in here))))

    def _readings(self) -> list[tuple[Confidence, bool]]:
        """The trainee's readings of the buyer so far, each with whether it was right: the calibration line."""
        readings = self.recorder.readings(self.settings.trainee)
        return [(Confidence(r.confidence), r.guessed == r.actual) for r in readings]

    # --- practice ---------------------------------------------------------------------

    def _due(self) -> list[Missed]:
        said_before, answers = self.recorder.practice_record(self.settings.trainee)
        return due(moments(said_before, answers, self.scenarios), self.clock())

    def practise(self) -> None:
        """A short run of the moments due, each set again as it was in the game it was missed in."""
        found = [Moment(missed, self._set_again(missed)) for missed in self._due()]
        if not found:
            return
        self.stack.push(PracticeScene(self.look, found, self.clock, self._practised),
                        lambda _: self.stack.replace(self._choice_scene(), self._after_choice))

    def _set_again(self, missed: Missed) -> Playthrough | None:
        actions = self.recorder.actions_of(missed.last_miss.play_uuid)
        return set_again(missed, actions) if actions is not None else None

    def _practised(self, missed: Missed, play: Playthrough, turn: Turn, good: bool) -> None:
        """An answer given in practice, recorded as practice: never a game of its own."""
        self.recorder.practised({
            "uuid": str(uuid.uuid4()), "trainee": self.settings.trainee.strip(),
            "scenario_key": missed.last_miss.scenario_key, "call_id": missed.call_id, "point_id": missed.point_id,
            "play_uuid": missed.last_miss.play_uuid, "number": missed.last_miss.number, "choice": turn.choice,
            "say": said(play.scenario.language, turn), "verdict": turn.verdict, "points": turn.points,
            "good": int(good), "wall_time": self.clock(),
        })

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
        """The scene for where the playthrough is now: the reading of the buyer when it is due, the week, the
        call, or the debrief."""
        session = self.session
        if session.play.reading_due and not session.practice:
            scene = ReadingScene(self.look, session.scenario.buyer.name, session.scenario.title)
            (self.stack.replace if replace else self.stack.push)(scene, self._after_reading)
            return
        if session.play.phase == Phase.ENDED:
            self.recorder.finish(session)
            readings = self._readings()
            reading = session.play.reading
            if reading is not None and session.play_id is None and not session.practice:  # no results file here
                readings.append((reading.confidence, reading.right(session.play.motive)))
            scene, after = DebriefScene(self.look, session, readings), self._after_debrief
        elif session.play.phase == Phase.IN_CALL:
            scene, after = CallScene(self.look, session), self._after_play
        else:
            scene, after = ReachingScene(self.look, session), self._after_play
        (self.stack.replace if replace else self.stack.push)(scene, after)

    def _after_reading(self, result: tuple[str, str] | None) -> None:
        """The trainee's reading of the buyer, recorded beside the game; skipped, it is not asked again."""
        play = self.session.play
        if result is None:
            play.skip_reading()
        else:
            play.read(*result)
            self.recorder.read(self.session)
        self.show_play()

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

"""The workshop journal as the window uses it: recording never stops the game, and never makes it wait.

Turns are handed to a `Writer` (its own thread) the moment they are made; what cannot be
written yet waits in memory and `waiting_line` gives the calm line the window shows meanwhile.
Reading (the trainee's last results, history, the group) opens the file read-only for a moment;
when that fails the screens show less, and the game goes on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.model.playthrough import Playthrough
from game.model.turn import Turn
from game.session import Session
from game.text import say
from game.workshop.entries import Ended, Practised, Read, SetAside, begun, ended, read, scenario_key, turned
from game.workshop.journal import (
    Journal,
    JournalError,
    PlayResult,
    PracticeAnswer,
    ReadingRecord,
    Said,
    Unfinished,
    beside,
    in_use,
    inspect,
)
from game.workshop.writer import Writer

CLOSING_SECONDS = 10.0  # how long a closing window goes on trying to save what waits


class Recorder:
    """Open with `Recorder.open(language)`; `off` records nothing. Every method returns at once."""

    def __init__(self, path: Path | None, note: str, language: str = "en",
                 on_change: Callable[[], None] = lambda: None):
        self.path = path
        self.note = note
        self.language = language
        self.on_change = on_change
        self.unusable: JournalError | None = None  # a results file left untouched; the game offers a new one
        self.writer: Writer | None = None
        self._finished: set[str] = set()
        self._games: dict[str, tuple[str, str]] = {}  # play uuid -> trainee, scenario path, for unwritten results
        self._motives: dict[str, str] = {}  # play uuid -> the buyer's motive, for unwritten readings
        if path is not None:
            self.writer = Writer(lambda: Journal.open(path), self._changed)

    @classmethod
    def open(cls, language: str, on_change: Callable[[], None] = lambda: None,
             path: Path | str | None = None) -> Recorder:
        """The results file in use on this computer (or `path`); one that cannot be trusted is left untouched."""
        chosen = Path(path) if path else in_use()
        try:
            inspect(chosen)
        except JournalError as error:
            recorder = cls.off(language, error)
            recorder.unusable = error
            recorder.on_change = on_change
            return recorder
        return cls(chosen, say(language, "ui.journal.on"), language, on_change)

    @classmethod
    def off(cls, language: str, error: JournalError | None = None) -> Recorder:
        if error is None:
            return cls(None, say(language, "ui.journal.not_here"), language)
        return cls(None, say(language, "ui.journal.off", reason=reason(error, language)), language)

    def start_beside(self) -> None:
        """Record from now on in a new results file next to the unusable one."""
        if self.unusable is None:
            return
        self.path = beside(self.unusable.path)
        self.unusable = None
        self.note = say(self.language, "ui.journal.on")
        self.writer = Writer(lambda: Journal.open(self.path), self._changed)

    def _changed(self) -> None:
        self.on_change()

    # --- writing: handed to the writer, never waited for ----------------------------------

    def begin(self, session: Session) -> None:
        if self.writer is None:
            return
        entry = begun(session.play, session.trainee, session.workshop, seed=session.seed)
        session.play_id = entry.play_uuid
        self.writer.put(entry)
        self._keep(session)

    def resume(self, session: Session, left: Unfinished) -> None:
        """Go on recording a game left halfway, replayed as `session.play`, under its own id."""
        if self.writer is None:
            return
        session.play_id = left.play_uuid
        session.play.reading = left.reading
        self._keep(session)

    def set_aside(self, left: Unfinished) -> None:
        """The trainee does not want to play this game on: it is not offered again."""
        if self.writer is not None:
            self.writer.put(SetAside(left.play_uuid))

    def _keep(self, session: Session) -> None:
        writer, play_uuid = self.writer, session.play_id
        self._games[play_uuid] = (session.trainee.strip(), session.play.scenario.path)
        self._motives[play_uuid] = session.play.motive

        def made(play: Playthrough, turn: Turn) -> None:
            writer.put(turned(play_uuid, turn, play.scenario.language))

        session.play.listeners.append(made)

    def read(self, session: Session) -> None:
        """The trainee's reading of the buyer in this game (`session.play.reading`); not for practice."""
        if self.writer is None or session.play_id is None or session.play.reading is None:
            return
        self.writer.put(read(session.play_id, session.play.reading))

    def practised(self, answer: dict) -> None:
        """An answer given in practice (a row of `practice`)."""
        if self.writer is not None:
            self.writer.put(Practised(answer))

    def finish(self, session: Session) -> None:
        if self.writer is None or session.play_id is None or session.play_id in self._finished:
            return
        self._finished.add(session.play_id)
        self.writer.put(ended(session.play_id, session.play))

    @property
    def waiting_line(self) -> str:
        """The one calm line to show while choices wait in memory to be saved; empty when nothing waits."""
        if self.writer is None or self.writer.waiting is None or not self.writer.pending:
            return ""
        return say(self.language, f"ui.journal.waiting.{self.writer.waiting}")

    @property
    def pending(self) -> int:
        return self.writer.pending if self.writer else 0

    def close(self, timeout: float = 0.0) -> bool:
        """Write what waits (for up to `timeout` seconds) and let go of the file; whether nothing was left."""
        if self.writer is None:
            return True
        return self.writer.close(timeout)

    # --- reading: a quick look, or nothing ------------------------------------------------

    def _read(self, look: Callable[[Journal], Any], nothing: Any) -> Any:
        if self.path is None:
            return nothing
        try:
            with Journal.reading(self.path) as journal:
                return look(journal)
        except (sqlite3.Error, OSError):
            return nothing

    def last_results(self, trainee: str) -> dict[str, PlayResult]:
        found = self._read(lambda journal: journal.last_results(trainee), {})
        return {**found, **self._unwritten_results(trainee)}

    def history(self, trainee: str, scenario_path: str) -> list[PlayResult]:
        """Every finished attempt of this trainee at this scenario, oldest first."""
        return list(self._read(lambda journal: journal.history(trainee, scenario_path), []))

    def readings(self, trainee: str) -> list[ReadingRecord]:
        """Every reading of the buyer this trainee made, with what it was; readings still being written too."""
        found = list(self._read(lambda journal: journal.readings(trainee), []))
        return found + self._unwritten(trainee, Read, lambda entry, path: ReadingRecord(
            scenario_key(path), entry.reading["motive"], entry.reading["confidence"], self._motives[entry.play_uuid]))

    def practice_record(self, trainee: str) -> tuple[list[Said], list[PracticeAnswer]]:
        """What practice is made of: the phrasings this trainee said in recorded plays, and the answers given in
        practice, those still being written included (a practice run just ended shows at once)."""
        def look(journal: Journal) -> tuple[list[Said], list[PracticeAnswer]]:
            return journal.said(trainee), journal.practice(trainee)

        said, answers = self._read(look, ([], []))
        waiting = [PracticeAnswer(**{**entry.answer, "good": bool(entry.answer["good"])})
                   for entry in self.writer.unwritten() if isinstance(entry, Practised)] if self.writer else []
        known = {answer.uuid for answer in answers}
        return said, answers + [answer for answer in waiting
                                if answer.uuid not in known and answer.trainee == trainee.strip()]

    def actions_of(self, play_uuid: str) -> tuple | None:
        """What the trainee did in a recorded play, to set its moments again; None when it cannot be read now."""
        return self._read(lambda journal: journal.actions_of(play_uuid), None)

    def unfinished(self, trainee: str) -> list[Unfinished]:
        """This trainee's games left halfway (a crash, a closed window), latest first."""
        if self.writer is not None and self.writer.pending:
            return []  # what is still being written is this session's own game
        return list(self._read(lambda journal: journal.unfinished(trainee), []))

    def group(self, workshop: str) -> Any:
        """The workshop's results gathered for the trainer's overview; None when there is no journal."""
        from game.workshop.group import gather, played_file

        if self.path is None:
            return None
        records, practice = self._read(lambda journal: (journal.records(workshop or None),
                                                         journal.practice(workshop=workshop or None)), ([], []))
        return gather(records, workshop, practice=practice, scenarios=played_file)

    def _unwritten(self, trainee: str, kind: type, made: Callable[[Any, str], Any]) -> list:
        """Entries of `kind` of this trainee's games that still wait to be written, made into what a reader gives."""
        if self.writer is None:
            return []
        return [made(entry, self._games[entry.play_uuid][1]) for entry in self.writer.unwritten()
                if isinstance(entry, kind) and self._games.get(entry.play_uuid, ("",))[0] == trainee.strip()]

    def _unwritten_results(self, trainee: str) -> dict[str, PlayResult]:
        """Games finished in this session that still wait to be written count as results all the same."""
        if self.writer is None:
            return {}
        found = {}
        for entry in self.writer.unwritten():
            if isinstance(entry, Ended) and self._games.get(entry.play_uuid, ("",))[0] == trainee.strip():
                path = self._games[entry.play_uuid][1]
                found[path] = PlayResult(entry.ending["score"], entry.ending["outcome"], entry.ending["finished"], path)
        return found


def reason(error: JournalError, language: str = "en") -> str:
    """Why the results file cannot be used, in the trainee's language."""
    return say(language, error.key, **error.params)

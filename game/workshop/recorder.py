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
from game.workshop.entries import Ended, SetAside, begun, ended, turned
from game.workshop.journal import Journal, JournalError, PlayResult, Unfinished, beside, in_use, inspect
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
        self._keep(session)

    def set_aside(self, left: Unfinished) -> None:
        """The trainee does not want to play this game on: it is not offered again."""
        if self.writer is not None:
            self.writer.put(SetAside(left.play_uuid))

    def _keep(self, session: Session) -> None:
        writer, play_uuid = self.writer, session.play_id
        self._games[play_uuid] = (session.trainee.strip(), session.play.scenario.path)

        def made(play: Playthrough, turn: Turn) -> None:
            writer.put(turned(play_uuid, turn, play.scenario.language))

        session.play.listeners.append(made)

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

    def unfinished(self, trainee: str) -> list[Unfinished]:
        """This trainee's games left halfway (a crash, a closed window), latest first."""
        if self.writer is not None and self.writer.pending:
            return []  # what is still being written is this session's own game
        return list(self._read(lambda journal: journal.unfinished(trainee), []))

    def group(self, workshop: str) -> Any:
        """The workshop's results gathered for the trainer's overview; None when there is no journal."""
        from game.workshop.group import gather

        if self.path is None:
            return None
        return gather(self._read(lambda journal: journal.records(workshop or None), []), workshop)

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

"""A workshop day's weather on one laptop: the window and `simulate --record` play real games into one
results file while another program takes and releases the file and the disk fills up and frees again.
Afterwards every turn that was made is in the file, exactly once."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
from collections import Counter

import pygame

from game.app import App
from game.settings import Settings
from game.workshop.journal import Journal
from game.workshop.recorder import Recorder
from tests.faults.workshop import HeldLock, SmallDisk, small_disk
from tests.scenes.driving import QUIET_WEEK, play_with_bot, press
from tests.workshop.test_crash import ROOT

WINDOW_GAMES = 6
BOT_RUNS = 1500
FAULTS = 8  # the window plays on until the weather has turned this often


class Weather(threading.Thread):
    """Locks that come and go, a disk that fills and frees, at random, until told to stop."""

    def __init__(self, lock: HeldLock, disk: SmallDisk, seed: int = 11):
        super().__init__(daemon=True)
        self.lock, self.disk, self.rng = lock, disk, random.Random(seed)
        self.stopping = threading.Event()
        self.faults: Counter = Counter()

    def run(self) -> None:
        while not self.stopping.is_set():
            fault = self.rng.choice(("lock", "full", "both"))
            if fault in ("lock", "both"):
                self.lock.hold()
            if fault in ("full", "both"):
                self.disk.fill()
            self.faults[fault] += 1
            self.stopping.wait(self.rng.uniform(0.3, 2.0))
            self.calm()
            self.stopping.wait(self.rng.uniform(0.2, 2.5))

    def calm(self) -> None:
        self.lock.release()
        self.disk.free()


def test_every_turn_played_through_locks_and_a_full_disk_is_in_the_file_exactly_once(tmp_path):
    with small_disk(tmp_path / "disk", "24m") as disk:
        path = disk.where / "results.sqlite"
        Journal.open(path).close()
        window = App(size=(1024, 600), settings=Settings(language="en", trainee="Sam", workshop="DAY"), sound=False,
                     persist=False, paths=[QUIET_WEEK], recorder=Recorder.open("en", path=path), seed=21)
        weather = Weather(HeldLock(path), disk)
        weather.start()
        while not weather.faults:  # the bots start in the weather
            time.sleep(0.01)
        bots = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "simulate", QUIET_WEEK, "--runs",
                                 str(BOT_RUNS), "--seed", "500", "--strategy", "random", "--record", "--trainee",
                                 "Bot", "--workshop", "DAY", "--db", str(path), "--json"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        waits = Counter()

        def between_turns() -> None:
            waits[window.recorder.writer.waiting] += 1
            time.sleep(0.1)  # a trainee reads the reply

        expected: set[tuple[str, int]] = set()
        press(window, pygame.K_RETURN, times=4)
        games = 0
        while games < WINDOW_GAMES or sum(weather.faults.values()) < FAULTS:
            play_with_bot(window, "random", seed=games, on_turn=between_turns)
            games += 1
            session = window.flow.session
            expected |= {(session.play_id, turn.number) for turn in session.play.turns}
            press(window, pygame.K_r)  # play again
        expected |= {(window.flow.session.play_id, turn.number) for turn in window.flow.session.play.turns}
        bot_output, bot_errors = "", ""
        try:
            time.sleep(3.0)  # the bots go on in the weather a little longer
        finally:
            weather.stopping.set()
            weather.join()
            weather.calm()
            saved = window.recorder.close(timeout=120)
            window.close()
            bot_output, bot_errors = bots.communicate(timeout=300)
        runs = [json.loads(line) for line in bot_output.splitlines()]
        expected |= {(run["play"], turn["number"]) for run in runs for turn in run["turns"]}
        with Journal.open(path) as journal:
            rows = journal.connection.execute(
                "SELECT p.uuid, t.number FROM turns t JOIN plays p ON p.id = t.play_id").fetchall()
            plays = journal.connection.execute("SELECT count(*), count(DISTINCT uuid) FROM plays").fetchone()
            check = journal.connection.execute("PRAGMA integrity_check").fetchone()[0]
    found = Counter(rows)
    print(f"\nweather: {dict(weather.faults)}; window turns seen waiting: "
          f"{sum(n for w, n in waits.items() if w)} of {sum(waits.values())}; turns expected {len(expected)}, "
          f"in the file {len(rows)}, distinct {len(found)}; plays {plays[0]}; bots said: "
          f"{sorted(set(line for line in bot_errors.splitlines()))[:4]}")
    assert (saved, bots.returncode, len(runs), check) == (True, 0, BOT_RUNS, "ok")
    assert waits[None] and sum(n for waiting, n in waits.items() if waiting)  # it wrote, and it waited
    assert (set(found) - expected, expected - set(found), [key for key, n in found.items() if n > 1]) == (
        set(), set(), [])
    assert plays == (games + 1 + BOT_RUNS, games + 1 + BOT_RUNS)

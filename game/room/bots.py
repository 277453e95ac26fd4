"""Bot trainees in a live workshop (`simulate --host`): each plays as a game does and reports as a game will.

Every turn is committed to the bot's own journal first; that journal is the outbox. After each turn the
bot sends what the host has not acknowledged (`Outbox.send`, the game's own way of sending), without ever
waiting for the network to play on: a failed send only sets when to try again. A cut connection, a host
restart or a lost answer loses nothing and, since the host keeps each turn once, duplicates nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.playthrough import Phase, Playthrough
from game.model.scenario import Scenario
from game.room.outbox import Outbox
from game.workshop.journal import Journal


def play_live(scenario: Scenario, strategy: str, seed: int, journal: Journal, outbox: Outbox, trainee: str,
              workshop: str, pace: Callable[[], float] = lambda: 0.0,
              stop: threading.Event | None = None) -> Playthrough:
    """One game, turn by turn: commit the turn, offer what waits to the host, wait `pace()` seconds."""
    play = Playthrough.start(scenario, seed)
    play_id = journal.begin(play, trainee, workshop, seed)
    strategy_ = Strategy(strategy, bot_rng(seed))
    while play.phase != Phase.ENDED and not (stop and stop.is_set()):
        play_out(play, strategy_, max_actions=1)  # one action: one turn, committed by the journal as it is made
        if play.phase == Phase.ENDED:
            journal.finish(play_id, play)
        outbox.send()
        delay = pace()
        if delay and (stop.wait(delay) if stop else time.sleep(delay)):
            break
    return play

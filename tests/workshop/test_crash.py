"""A crash, a closed lid or a pulled plug loses at most the decision in progress."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from game.model.playthrough import Playthrough
from game.model.turn import TurnKind
from game.workshop.journal import Journal

ROOT = Path(__file__).resolve().parents[2]
KILLS = 5

# Plays game after game and says each turn's number only once the journal's commit has returned.
PLAYER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from game.bots.strategy import Strategy, bot_rng, play_out
    from game.model.playthrough import Playthrough
    from game.scenario.load import load_scenario
    from game.workshop.journal import Journal

    journal = Journal.open(sys.argv[2])
    scenario = load_scenario(sys.argv[3])
    seed = int(sys.argv[4])
    while True:
        play = Playthrough.start(scenario, seed)
        play_id = journal.begin(play, "Kim", "CRASH", seed)
        uuid = journal.connection.execute("SELECT uuid FROM plays WHERE id = ?", (play_id,)).fetchone()[0]
        print("play", uuid, flush=True)
        play.listeners.append(lambda _play, turn: print("turn", uuid, turn.number, flush=True))
        play_out(play, Strategy("random", bot_rng(seed)))
        journal.finish(play_id, play)
        print("finished", uuid, flush=True)
        seed += 1
""")


def play_and_kill(path: Path, scenario: str, seed: int, rng: random.Random) -> list[list[str]]:
    """Start a recording player, pull the plug at a random moment in its first games; what it said it saved."""
    player = subprocess.Popen([sys.executable, "-c", PLAYER, str(ROOT), str(path), scenario, str(seed)],
                              stdout=subprocess.PIPE)
    said = [player.stdout.readline()]  # it is playing now
    listener = threading.Thread(target=lambda: said.append(player.stdout.read()))  # a full pipe would pause it
    listener.start()
    time.sleep(rng.uniform(0.0, 0.25))
    player.send_signal(signal.SIGKILL)
    listener.join()
    player.wait()
    lines = b"".join(said).decode().split("\n")[:-1]  # a line cut off by the kill was not said
    return [line.split() for line in lines if line]


def test_every_turn_committed_before_a_kill_is_in_the_file_afterwards(tmp_path, tiny):
    path = tmp_path / "results.sqlite"
    rng = random.Random(7)
    said = []
    for kill in range(KILLS):
        said += play_and_kill(path, tiny.path, seed=kill * 1000, rng=rng)
    with Journal.open(path) as journal:
        missing = [line for line in said if line[0] == "turn" and int(line[2]) not in _turn_numbers(journal, line[1])]
        finished = {record.uuid for record in journal.records() if record.is_finished}
        check = journal.connection.execute("PRAGMA integrity_check").fetchone()[0]
    unfinished = [line for line in said if line[0] == "finished" and line[1] not in finished]
    assert (missing, unfinished, check) == ([], [], "ok")



def test_a_game_killed_halfway_can_be_played_on_from_its_last_committed_turn(tmp_path, tiny):
    path = tmp_path / "results.sqlite"
    rng = random.Random(3)
    for attempt in range(KILLS):  # a kill may land between two games; pull the plug again then
        play_and_kill(path, tiny.path, seed=500 + attempt * 1000, rng=rng)
        with Journal.open(path) as journal:
            if journal.unfinished("Kim"):
                break
    with Journal.open(path) as journal:
        left = journal.unfinished("Kim")
        kept = {record.uuid: record for record in journal.records()}
        uuids = {record.id: record.uuid for record in kept.values()}
    replayed = [Playthrough.replay(tiny, game.seed, list(game.actions), motive=game.motive) for game in left]
    committed = [[t.verdict for t in kept[uuids[game.play_id]].turns] for game in left]
    # A kill between a week's last action and its closing turn leaves the closing turn to the replay to derive.
    pairs = list(zip(replayed, committed, strict=True))
    derived = [[t.kind for t in play.turns[len(done):]] for play, done in pairs]
    assert left and [[t.verdict for t in play.turns[:len(done)]] for play, done in pairs] == committed
    assert all(kinds in ([], [TurnKind.CLOSING]) for kinds in derived)


def _turn_numbers(journal: Journal, play_uuid: str) -> set[int]:
    """The numbers of the turns the file holds of one play."""
    rows = journal.connection.execute(
        "SELECT t.number FROM turns t JOIN plays p ON p.id = t.play_id WHERE p.uuid = ?", (play_uuid,))
    return {number for (number,) in rows}

"""The outbox against a real host process on 127.0.0.1: what is sent, what is marked in the results file, and
what the host holds afterwards, turn by turn."""

from __future__ import annotations

import time

import pytest

from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.playthrough import Playthrough
from game.room.client import RoomClient
from game.room.outbox import Outbox
from game.workshop.entries import turned
from game.workshop.journal import TURN_COLUMNS, Journal
from tests.room.conftest import CODE, RunningHost, held_turns


def laptop(path, tiny, trainee: str = "Kim", seeds=(1,), finish: bool = True) -> list[str]:
    """A game's results file with whole games of the tiny scenario; their uuids."""
    uuids = []
    with Journal.open(path) as journal:
        for seed in seeds:
            game = Playthrough.start(tiny, seed)
            play_id = journal.begin(game, trainee, CODE.lower(), seed)
            play_out(game, Strategy("random", bot_rng(seed)))
            if finish:
                journal.finish(play_id, game)
            uuids.append(journal.connection.execute("SELECT uuid FROM plays WHERE id = ?", (play_id,)).fetchone()[0])
    return uuids


def sent(path, url: str, trainee: str | None = None) -> Outbox:
    """An outbox on the results file at `path`, drained to the host at `url`."""
    outbox = Outbox(Journal.open(path), RoomClient(url, CODE), trainee=trainee)
    assert outbox.drain(patience=30), outbox.problem
    outbox.client.close()
    outbox.journal.close()
    return outbox


def turns_of(path) -> list[tuple]:
    """Every turn, whole, by play and number."""
    with Journal.open(path) as journal:
        return journal.connection.execute(
            f"SELECT p.uuid, {', '.join('t.' + name for name in TURN_COLUMNS)} FROM turns t "
            "JOIN plays p ON p.id = t.play_id ORDER BY 1, 2").fetchall()


@pytest.fixture
def host(tmp_path):
    (tmp_path / "host").mkdir()
    started = RunningHost(tmp_path / "host").start()
    yield started
    started.stop()


def test_every_play_of_the_workshop_reaches_the_host_whole(host, tmp_path, tiny):
    laptop(tmp_path / "game.sqlite", tiny, seeds=(1, 2, 3))
    sent(tmp_path / "game.sqlite", host.url)
    assert turns_of(host.db) == turns_of(tmp_path / "game.sqlite")


def test_what_the_host_acknowledged_is_not_sent_again_after_a_restart_of_the_game(host, tmp_path, tiny):
    laptop(tmp_path / "game.sqlite", tiny, seeds=(1, 2))
    sent(tmp_path / "game.sqlite", host.url)
    assert sent(tmp_path / "game.sqlite", host.url).posts == 0


def test_plays_of_another_workshop_stay_home(host, tmp_path, tiny):
    laptop(tmp_path / "game.sqlite", tiny)
    with Journal.open(tmp_path / "game.sqlite") as journal:
        journal.connection.execute("UPDATE plays SET workshop = 'ELSEWHERE'")
    assert (sent(tmp_path / "game.sqlite", host.url).posts, held_turns(host.db)) == (0, [])


def test_a_host_started_on_another_results_file_gets_everything_again(tmp_path, tiny):
    laptop(tmp_path / "game.sqlite", tiny, seeds=(1, 2))
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    first = RunningHost(tmp_path / "first").start()
    try:
        sent(tmp_path / "game.sqlite", first.url)
    finally:
        first.stop()
    second = RunningHost(tmp_path / "second", port=first.port).start()
    try:
        sent(tmp_path / "game.sqlite", second.url)
    finally:
        second.stop()
    assert turns_of(second.db) == turns_of(tmp_path / "game.sqlite")


def test_turns_the_game_wrote_over_after_a_reload_reach_the_host_as_the_game_holds_them(host, tmp_path, tiny):
    """F5 mid-game: the game replays the first two turns and goes on differently; its results file writes the
    new turns over the old from number 3 on (and the replayed ones when the game ends)."""
    [uuid] = laptop(tmp_path / "game.sqlite", tiny, seeds=(5,), finish=False)
    sent(tmp_path / "game.sqlite", host.url)
    with Journal.open(tmp_path / "game.sqlite") as journal:
        [left] = journal.unfinished("Kim")
        time.sleep(0.01)
        again = Playthrough.replay(tiny, 5, list(left.actions[:2]))
        play_out(again, Strategy("advance", bot_rng(7)))
        journal.write([turned(uuid, turn, tiny.language) for turn in again.turns])
    sent(tmp_path / "game.sqlite", host.url)
    assert turns_of(host.db) == turns_of(tmp_path / "game.sqlite")


def test_a_play_the_host_refuses_does_not_hold_back_the_others(host, tmp_path, tiny):
    first, second = laptop(tmp_path / "game.sqlite", tiny, seeds=(1, 2))
    with Journal.open(tmp_path / "game.sqlite") as journal:
        journal.connection.execute("UPDATE turns SET verdict = 'brilliant' WHERE play_id = ?",
                                   (journal.find(first),))
    outbox = Outbox(Journal.open(tmp_path / "game.sqlite"), RoomClient(host.url, CODE))
    outbox.send()
    assert (list(outbox.refused), {uuid for uuid, _ in held_turns(host.db)}) == ([first], {second})


def test_a_bot_sends_only_its_own_plays_from_a_results_file_it_shares(host, tmp_path, tiny):
    laptop(tmp_path / "shared.sqlite", tiny, trainee="Bot 1", seeds=(1,))
    [other] = laptop(tmp_path / "shared.sqlite", tiny, trainee="Bot 2", seeds=(2,))
    sent(tmp_path / "shared.sqlite", host.url, trainee="Bot 1")
    assert other not in {uuid for uuid, _ in held_turns(host.db)}


def test_the_trainees_reading_of_the_buyer_reaches_the_host_with_the_play(host, tmp_path, tiny):
    from game.workshop.entries import read

    uuids = laptop(tmp_path / "game.sqlite", tiny, seeds=(1, 2))
    with Journal.open(tmp_path / "game.sqlite") as journal:
        game = Playthrough.start(tiny, 1)
        journal.write([read(uuids[0], game.read("price_lever", "fairly_sure"))])
    sent(tmp_path / "game.sqlite", host.url)
    with Journal.open(host.db) as held:
        assert [(r.guessed, r.confidence) for r in held.readings("Kim")] == [("price_lever", "fairly_sure")]
        assert held.reading_of(uuids[0]).motive == "price_lever" and held.reading_of(uuids[1]) is None

"""The journal keeps every decision as it is made, and never overwrites a file it cannot trust."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from game.bots.strategy import Strategy, bot_rng
from game.model.playthrough import Phase, Playthrough
from game.workshop import schema
from game.workshop.entries import Turned
from game.workshop.journal import DamagedJournal, ForeignJournal, Journal, JournalError, NewerJournal, beside

ROOT = Path(__file__).resolve().parents[2]


def full_disk_for_turns(journal: Journal, monkeypatch) -> None:
    """Every write of a turn made during play fails as on a full disk; ending a game still writes."""
    real = journal.write

    def write(entries):
        if any(isinstance(entry, Turned) for entry in entries):
            raise sqlite3.OperationalError("database or disk is full")
        real(entries)

    monkeypatch.setattr(journal, "write", write)


def turns_in_file(path: Path) -> int:
    """Counted through a second connection, as another window or a crash-recovery would see it."""
    with sqlite3.connect(path) as other:
        return other.execute("SELECT count(*) FROM turns").fetchone()[0]


def test_each_turn_is_in_the_file_the_moment_it_is_made(journal, tiny):
    play = Playthrough.start(tiny, 3)
    journal.begin(play, "Kim", "W1", 3)
    strategy = Strategy("random", bot_rng(3))
    seen = []
    while play.phase != Phase.ENDED:
        if play.phase == Phase.IN_CALL:
            play.choose(strategy.phrasing(play))
        else:
            play.contact(*strategy.contact(play))
        seen.append(turns_in_file(journal.path))
    assert seen == list(range(1, len(play.turns) + 1))


def test_a_turn_keeps_what_was_said_and_how_it_was_judged(journal, play_game):
    _, game = play_game(journal)
    said = next(turn for turn in game.turns if turn.say)
    row = journal.connection.execute("SELECT say, verdict, points, kind, wall_time FROM turns WHERE number = ?",
                                     (said.number,)).fetchone()
    assert row == (said.say, said.verdict, said.points, said.kind, said.wall_time)


def test_a_finished_game_shows_its_score_and_outcome_as_the_last_result(journal, play_game, tiny):
    _, game = play_game(journal)
    result = journal.last_results("Kim")[tiny.path]
    assert (result.score, result.outcome) == (game.score.total, game.ending)


def test_the_last_result_is_the_latest_attempt(journal, play_game, tiny):
    play_game(journal, seed=1, strategy="prolong")
    _, latest = play_game(journal, seed=2, strategy="advance")
    assert journal.last_results("Kim")[tiny.path].score == latest.score.total


def test_history_lists_every_finished_attempt_oldest_first(journal, play_game, tiny):
    games = [play_game(journal, seed=seed, strategy=strategy)[1]
             for seed, strategy in ((1, "prolong"), (2, "random"), (3, "advance"))]
    assert [r.score for r in journal.history("Kim", tiny.path)] == [g.score.total for g in games]


def test_history_finds_a_scenario_played_from_another_folder(journal, play_game, tiny):
    play_game(journal)
    assert len(journal.history("Kim", "C:\\Training\\scenarios\\" + Path(tiny.path).name)) == 1


def test_a_game_in_progress_is_not_a_result_yet(journal, tiny):
    journal.begin(Playthrough.start(tiny, 1), "Kim", "W1", 1)
    assert journal.last_results("Kim") == {}


def test_a_trainers_note_and_score_stand_beside_the_computed_score(journal, play_game, tiny):
    play_id, game = play_game(journal)
    journal.annotate(play_id, "Good question about the budget round", override=game.score.total + 10)
    result = journal.last_results("Kim")[tiny.path]
    assert (result.score, result.override, result.note) == (
        game.score.total, game.score.total + 10, "Good question about the budget round")


def test_the_latest_note_of_the_trainer_counts(journal, play_game):
    play_id, _ = play_game(journal)
    journal.annotate(play_id, "first thought", override=5)
    journal.annotate(play_id, "second thought")
    record = journal.records()[0]
    assert (record.note, record.override) == ("second thought", None)


def test_playthroughs_get_ids_unique_across_laptops(tmp_path, play_game):
    uuids = set()
    for laptop in ("a", "b"):
        with Journal.open(tmp_path / f"{laptop}.sqlite") as journal:
            play_game(journal)
            uuids |= {record.uuid for record in journal.records()}
    assert len(uuids) == 2


def test_the_file_is_written_ahead_so_windows_can_share_it(journal):
    assert journal.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_busy_file_is_waited_for_rather_than_given_up_on(journal):
    assert journal.connection.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_an_empty_file_from_before_the_first_version_is_brought_up_to_date(tmp_path):
    sqlite3.connect(tmp_path / "old.sqlite").close()
    with Journal.open(tmp_path / "old.sqlite") as journal:
        assert journal.connection.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST


def test_the_results_file_goes_to_the_user_data_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("VOORUITGANG_HOME", str(tmp_path))
    with Journal.open() as journal:
        assert journal.path == tmp_path / "results.sqlite"


# --- files that cannot be trusted -----------------------------------------------------------

def test_a_file_that_is_no_database_is_reported_damaged_and_left_byte_for_byte(tmp_path):
    path = tmp_path / "results.sqlite"
    path.write_bytes(b"these are not the results you are looking for" * 100)
    before = path.read_bytes()
    with pytest.raises(DamagedJournal):
        Journal.open(path)
    assert path.read_bytes() == before


def test_a_results_file_cut_short_is_reported_damaged_and_left_byte_for_byte(tmp_path, play_game):
    path = tmp_path / "results.sqlite"
    with Journal.open(path) as journal:
        for seed in range(20):
            play_game(journal, seed=seed)
        journal.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2] + b"\x00" * 512)
    before = path.read_bytes()
    with pytest.raises(DamagedJournal):
        Journal.open(path)
    assert path.read_bytes() == before


def test_another_programs_database_is_refused_and_left_byte_for_byte(tmp_path):
    path = tmp_path / "results.sqlite"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE contacts (name TEXT)")
        other.execute("INSERT INTO contacts VALUES ('Sanne')")
    before = path.read_bytes()
    with pytest.raises(ForeignJournal):
        Journal.open(path)
    assert path.read_bytes() == before


def test_a_file_from_a_newer_game_is_refused_and_left_byte_for_byte(tmp_path):
    path = tmp_path / "results.sqlite"
    Journal.open(path).close()
    with sqlite3.connect(path) as newer:
        newer.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    before = path.read_bytes()
    with pytest.raises(NewerJournal):
        Journal.open(path)
    assert path.read_bytes() == before


def test_the_refusal_names_a_fresh_file_beside_the_damaged_one(tmp_path):
    path = tmp_path / "results.sqlite"
    path.write_bytes(b"garbage" * 10)
    with pytest.raises(DamagedJournal) as refused:
        Journal.open(path)
    assert refused.value.params["fresh"] == str(tmp_path / "results-2.sqlite")


def test_a_fresh_file_takes_the_first_free_name_beside(tmp_path):
    (tmp_path / "results.sqlite").write_bytes(b"x")
    (tmp_path / "results-2.sqlite").write_bytes(b"x")
    assert beside(tmp_path / "results.sqlite") == tmp_path / "results-3.sqlite"


def test_a_game_can_go_on_in_a_fresh_file_beside_a_damaged_one(tmp_path, play_game, tiny):
    (tmp_path / "results.sqlite").write_bytes(b"garbage" * 10)
    with Journal.open_beside(tmp_path / "results.sqlite") as journal:
        play_game(journal)
        assert journal.path.name == "results-2.sqlite" and tiny.path in journal.last_results("Kim")


# --- two windows at once ------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from game.bots.strategy import Strategy, bot_rng, play_out
    from game.model.playthrough import Playthrough
    from game.scenario.load import load_scenario
    from game.workshop.journal import Journal

    journal = Journal.open(sys.argv[2])
    scenario = load_scenario(sys.argv[3])
    for seed in range(int(sys.argv[4])):
        play = Playthrough.start(scenario, seed)
        play_id = journal.begin(play, sys.argv[5], "W1", seed)
        play_out(play, Strategy("random", bot_rng(seed)))
        journal.finish(play_id, play)
""")


def test_two_windows_writing_one_file_at_once_lose_nothing(tmp_path, tiny):
    path = tmp_path / "results.sqlite"
    windows = [subprocess.Popen([sys.executable, "-c", WRITER, str(ROOT), str(path), tiny.path, "15", name])
               for name in ("Kim", "Lars")]
    assert [window.wait(timeout=60) for window in windows] == [0, 0]
    with Journal.open(path) as journal:
        records = journal.records()
        check = journal.connection.execute("PRAGMA integrity_check").fetchone()[0]
    assert (check, len(records), all(record.is_finished for record in records)) == ("ok", 30, True)


def test_the_game_without_a_seed_is_still_recorded(journal, tiny):
    play = Playthrough.start(tiny, 4)
    journal.begin(play, "Kim", "W1")
    play.contact(*Strategy("advance", bot_rng(4)).contact(play))
    assert journal.records()[0].seed is None and len(journal.records()[0].turns) == 1


def test_after_a_reload_the_turns_of_the_game_as_it_goes_on_are_kept(journal, tiny):
    play = Playthrough.start(tiny, 6)
    play_id = journal.begin(play, "Kim", "W1", 6)
    strategy = Strategy("random", bot_rng(6))
    for _ in range(4):
        play.choose(strategy.phrasing(play)) if play.phase == Phase.IN_CALL else play.contact(*strategy.contact(play))
    reloaded = Playthrough.replay(tiny, 6, play.actions[:1], motive=play.motive)
    reloaded.listeners.extend(play.listeners)
    reloaded.choose(0) if reloaded.phase == Phase.IN_CALL else reloaded.contact(reloaded.moments()[-1])
    reloaded.finish()
    journal.finish(play_id, reloaded)
    kept = journal.records()[0].turns
    assert [(t.number, t.say) for t in kept] == [(t.number, t.say) for t in reloaded.turns]


def test_a_new_version_of_the_game_brings_an_older_file_forward_and_keeps_its_results(tmp_path, play_game,
                                                                                      monkeypatch):
    path = tmp_path / "results.sqlite"
    with Journal.open(path) as journal:
        play_game(journal)
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, "ALTER TABLE plays ADD COLUMN room TEXT"))
    monkeypatch.setattr(schema, "LATEST", len(schema.MIGRATIONS))
    with Journal.open(path) as journal:
        columns = [row[1] for row in journal.connection.execute("PRAGMA table_info(plays)")]
        assert ("room" in columns, len(journal.records())) == (True, 1)


def test_a_game_left_halfway_can_be_played_on_from_where_it_stopped(journal, tiny):
    play = Playthrough.start(tiny, 8)
    journal.begin(play, "Kim", "W1", 8)
    strategy = Strategy("random", bot_rng(8))
    for _ in range(3):
        play.choose(strategy.phrasing(play)) if play.phase == Phase.IN_CALL else play.contact(*strategy.contact(play))
    left = journal.unfinished("Kim")[0]
    again = Playthrough.replay(tiny, left.seed, list(left.actions), motive=left.motive)
    assert [(t.number, t.outcome, t.say, t.verdict) for t in again.turns] == [
        (t.number, t.outcome, t.say, t.verdict) for t in play.turns]


def test_a_game_played_on_after_a_crash_ends_as_one_whole_playthrough(journal, tiny):
    play = Playthrough.start(tiny, 9)
    journal.begin(play, "Kim", "W1", 9)
    strategy = Strategy("advance", bot_rng(9))
    play.contact(*strategy.contact(play))
    left = journal.unfinished("Kim")[0]
    again = Playthrough.replay(tiny, left.seed, list(left.actions), motive=left.motive)
    journal.resume(left.play_id, again)
    while again.phase != Phase.ENDED:
        if again.phase == Phase.IN_CALL:
            again.choose(strategy.phrasing(again))
        else:
            again.contact(*strategy.contact(again))
    journal.finish(left.play_id, again)
    records = journal.records()
    assert (len(records), len(records[0].turns), journal.unfinished("Kim")) == (1, len(again.turns), [])


def test_a_turn_that_could_not_be_written_is_written_with_the_next_one(journal, tiny, monkeypatch):
    play = Playthrough.start(tiny, 11)
    journal.begin(play, "Kim", "W1", 11)
    strategy = Strategy("advance", bot_rng(11))
    full_disk_for_turns(journal, monkeypatch)
    play.contact(*strategy.contact(play))
    failed = journal.failure is not None
    monkeypatch.undo()
    play.choose(strategy.phrasing(play)) if play.phase == Phase.IN_CALL else play.contact(*strategy.contact(play))
    assert (failed, journal.failure, turns_in_file(journal.path)) == (True, None, 2)


def test_finishing_writes_any_turn_still_missing(journal, tiny, monkeypatch):
    play = Playthrough.start(tiny, 12)
    play_id = journal.begin(play, "Kim", "W1", 12)
    full_disk_for_turns(journal, monkeypatch)
    strategy = Strategy("advance", bot_rng(12))
    while play.phase != Phase.ENDED:
        play.choose(strategy.phrasing(play)) if play.phase == Phase.IN_CALL else play.contact(*strategy.contact(play))
    journal.finish(play_id, play)
    assert turns_in_file(journal.path) == len(play.turns)


def test_a_folder_where_the_results_file_should_be_is_a_clear_error(tmp_path):
    (tmp_path / "results.sqlite").mkdir()
    with pytest.raises(JournalError):
        Journal.open(tmp_path / "results.sqlite")

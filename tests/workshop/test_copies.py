"""A results file copied from a laptop merges whole, or says loudly what it cannot vouch for."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import textwrap

import pytest

from game.bots.strategy import Strategy, bot_rng, play_out
from game.cli import main
from game.model.playthrough import Playthrough
from game.workshop.entries import begun, ended, turned
from game.workshop.journal import Journal
from game.workshop.writer import Writer
from tests.faults.workshop import read_only
from tests.workshop.test_crash import ROOT


def record(writer: Writer, scenario, seed: int, finish: bool = True, turns: int = 3) -> str:
    play = Playthrough.start(scenario, seed)
    entry = begun(play, "Kim", "W1", seed)
    writer.put(entry)
    play.listeners.append(lambda _play, turn: writer.put(turned(entry.play_uuid, turn, scenario.language)))
    if finish:
        play_out(play, Strategy("advance", bot_rng(seed)))
        writer.put(ended(entry.play_uuid, play))
    else:
        bot = Strategy("advance", bot_rng(seed))
        for _ in range(turns):
            play.contact(*bot.contact(play)) if play.phase == "reaching" else play.choose(bot.phrasing(play))
    return entry.play_uuid


@pytest.fixture
def laptop(tmp_path, tiny):
    """A laptop's results file with three finished games and a window still open on a fourth, halfway."""
    path = tmp_path / "laptop" / "results.sqlite"
    writer = Writer(lambda: Journal.open(path))
    for seed in range(3):
        record(writer, tiny, seed)
    record(writer, tiny, 9, finish=False)
    assert writer.flush(timeout=20)
    yield path
    writer.close(timeout=20)


def merged_turns(path) -> int:
    with Journal.open(path) as journal:
        return sum(len(record.turns) for record in journal.records())


def test_a_bare_copy_taken_while_a_game_is_open_says_up_to_when_it_is_complete(laptop, tmp_path, capsys):
    copy = tmp_path / "usb" / "results.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(laptop, copy)  # the main file alone; the game in progress lives in results.sqlite-wal
    code = main(["merge", str(copy), "--db", str(tmp_path / "trainer.sqlite"), "--lang", "en"])
    said = capsys.readouterr().err
    assert (code, "holds everything played up to" in said, "may be missing" in said) == (1, True, True)


def test_a_bare_copy_still_brings_the_games_that_ended_before_it_was_taken(laptop, tmp_path, capsys):
    copy = tmp_path / "usb" / "results.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(laptop, copy)
    main(["merge", str(copy), "--db", str(tmp_path / "trainer.sqlite")])
    with Journal.open(tmp_path / "trainer.sqlite") as trainer:
        assert sum(record.is_finished for record in trainer.records()) == 3


def test_a_copy_with_its_wal_file_merges_every_turn_without_a_warning(laptop, tmp_path, capsys):
    copy = tmp_path / "usb" / "results.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(laptop, copy)
    shutil.copyfile(f"{laptop}-wal", f"{copy}-wal")
    code = main(["merge", str(copy), "--db", str(tmp_path / "trainer.sqlite"), "--lang", "en"])
    assert (code, "may be missing" in capsys.readouterr().err, merged_turns(tmp_path / "trainer.sqlite")) == (
        0, False, merged_turns(laptop))


def test_a_copy_taken_after_the_window_closed_merges_whole_without_a_warning(tmp_path, tiny, capsys):
    path = tmp_path / "laptop" / "results.sqlite"
    writer = Writer(lambda: Journal.open(path))
    record(writer, tiny, 1)
    record(writer, tiny, 2, finish=False)
    writer.close(timeout=20)
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(path, copy)
    code = main(["merge", str(copy), "--db", str(tmp_path / "trainer.sqlite"), "--lang", "en"])
    assert (code, "may be missing" in capsys.readouterr().err, merged_turns(tmp_path / "trainer.sqlite")) == (
        0, False, merged_turns(path))


# A window that is killed: its row in `writers` stays behind.
KILLED = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from game.workshop.journal import Journal
    from game.workshop.writer import Writer
    writer = Writer(lambda: Journal.open(sys.argv[2]))
    while not writer.written and writer.waiting is None:
        writer.flush(0.05)
        break
    time.sleep(0.5)
    print("open", flush=True)
    time.sleep(60)
""")


def test_after_a_crash_the_next_window_clears_the_crashed_ones_mark(tmp_path, tiny, capsys):
    path = tmp_path / "results.sqlite"
    crashed = subprocess.Popen([sys.executable, "-c", KILLED, str(ROOT), str(path)], stdout=subprocess.PIPE)
    assert crashed.stdout.readline().strip() == b"open"
    crashed.send_signal(signal.SIGKILL)
    crashed.wait()
    writer = Writer(lambda: Journal.open(path))
    record(writer, tiny, 1)
    writer.close(timeout=20)
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(path, copy)
    code = main(["merge", str(copy), "--db", str(tmp_path / "trainer.sqlite"), "--lang", "en"])
    assert (code, "may be missing" in capsys.readouterr().err) == (0, False)


def test_report_export_and_merge_read_a_results_file_in_a_read_only_folder(tmp_path, play_game, capsys):
    folder = tmp_path / "stick"
    folder.mkdir()
    with Journal.open(folder / "results.sqlite") as journal:
        play_game(journal)
    with read_only(folder):
        codes = [main(["report", "--db", str(folder / "results.sqlite")]),
                 main(["export", "--db", str(folder / "results.sqlite"), "--out", str(tmp_path / "out.json")]),
                 main(["merge", str(folder / "results.sqlite"), "--db", str(tmp_path / "trainer.sqlite")])]
    assert (codes, merged_turns(tmp_path / "trainer.sqlite") > 0) == ([0, 0, 0], True)

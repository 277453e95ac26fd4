"""The trainer's report on the host's page says what the room's prolonging phrasings cost, as `report` does."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.playthrough import Playthrough
from game.model.replay import replayable
from game.room.server import Host, make_app
from game.workshop.words import Words
from tests.room.conftest import CODE, played

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PLAYS = f"/w/{CODE}/plays"


def a_seed_with_a_replayable_turn(tiny) -> int:
    return next(seed for seed in range(200) if replayable(
        play_out(Playthrough.start(tiny, seed, clock=lambda: 0.0), Strategy("random", bot_rng(seed)))))


def trainers_report(host: Host, play: dict) -> str:
    with TestClient(make_app(host), client=("10.0.0.5", 40000)) as client:
        client.post(PLAYS, json=play)
        client.get(f"/w/{CODE}/trainer?token={host.choices.token}")
        return client.get(f"/w/{CODE}/trainer/report.html").text


def test_the_hosts_report_shows_what_a_prolonging_phrasing_cost_from_the_scenario_folder_it_was_given(tiny, tmp_path):
    play = played(tiny, tmp_path, seed=a_seed_with_a_replayable_turn(tiny), strategy="random")
    host = Host(CODE, tmp_path / "host.sqlite", lang="en", scenarios=[FIXTURES], announce=False)
    page = trainers_report(host, play)
    assert "turn replayed)" in page or "turns replayed)" in page
    assert "not measured" not in page


def test_the_host_opens_no_scenario_path_a_trainee_posted(tiny, tmp_path):
    play = played(tiny, tmp_path, seed=a_seed_with_a_replayable_turn(tiny), strategy="random")
    assert Path(play["scenario_path"]).is_file()  # the file is there, at the path the game posted
    host = Host(CODE, tmp_path / "host.sqlite", lang="en", announce=False)
    page = " ".join(trainers_report(host, play).split())
    told = Words("en")("left_out_why.no_scenario", count=1)
    assert told.replace("'", "&#x27;") in page or told in page

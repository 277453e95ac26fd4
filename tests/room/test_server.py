"""The host as the games meet it: what it keeps, what it refuses, and what it tells a game it holds."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.room.projector import render
from game.room.protocol import MOST_BYTES, plays_path
from game.room.rate_limits import PER_GAME
from game.room.server import Host, make_app
from game.workshop.journal import Journal
from tests.room.conftest import CODE, held_turns, played, unfinished

PLAYS = plays_path(CODE)


def test_a_post_is_acknowledged_with_the_turns_the_host_now_holds(client, a_play):
    answer = client.post(PLAYS, json=unfinished(a_play, 3))
    assert (answer.status_code, answer.json()["through"], answer.json()["added"]) == (200, 3, 3)


def test_the_same_post_twice_adds_nothing(client, host, a_play):
    client.post(PLAYS, json=a_play)
    again = client.post(PLAYS, json=a_play)
    assert (again.json()["added"], len(held_turns(host.journal))) == (0, len(a_play["turns"]))


def test_turns_that_arrive_with_a_gap_are_acknowledged_up_to_the_gap(client, a_play):
    client.post(PLAYS, json=unfinished(a_play, 1))
    later = {**unfinished(a_play, 3), "turns": a_play["turns"][2:3]}
    assert client.post(PLAYS, json=later).json()["through"] == 1


def test_a_game_finished_after_it_was_posted_halfway_keeps_its_ending(client, host, a_play):
    client.post(PLAYS, json=unfinished(a_play, 2))
    client.post(PLAYS, json={**a_play, "turns": a_play["turns"][2:]})
    with Journal.open(host.journal) as journal:
        record = journal.records(CODE)[0]
    assert (record.outcome, record.score, len(record.turns)) == (a_play["outcome"], a_play["score"],
                                                                 len(a_play["turns"]))


def rewritten(play: dict, turns_kept: int, later: float = 1000.0) -> dict:
    """The same play after a reload (F5) that went on from turn `turns_kept + 1`: that turn made again, later,
    with other words, and nothing after it yet."""
    again = {**play["turns"][turns_kept], "wall_time": play["turns"][turns_kept]["wall_time"] + later,
             "say": "Said after the reload."}
    return {**unfinished(play, turns_kept), "turns": [*play["turns"][:turns_kept], again]}


def held_says(path) -> list[tuple[int, str]]:
    with Journal.open(path) as journal:
        return journal.connection.execute("SELECT number, say FROM turns ORDER BY number").fetchall()


def test_a_turn_the_game_made_again_after_a_reload_replaces_the_hosts_from_its_number_on(client, host, a_play):
    client.post(PLAYS, json=unfinished(a_play, 4))
    answer = client.post(PLAYS, json=rewritten(a_play, 1))
    assert (answer.json()["through"], held_says(host.journal)) == (
        2, [(1, a_play["turns"][0]["say"]), (2, "Said after the reload.")])


def test_turns_that_arrive_after_the_game_replaced_them_change_nothing(client, host, a_play):
    client.post(PLAYS, json=rewritten(a_play, 1))
    late = client.post(PLAYS, json=unfinished(a_play, 4))  # held up on the way, posted before the reload
    assert (late.json()["added"], held_says(host.journal)) == (
        0, [(1, a_play["turns"][0]["say"]), (2, "Said after the reload.")])


def test_the_projector_follows_the_replaced_turns(client, host, a_play):
    client.post(PLAYS, json=unfinished(a_play, 4))
    client.post(PLAYS, json=rewritten(a_play, 1))
    assert [turn.say for turn in host.room.records()[0].turns] == [a_play["turns"][0]["say"], "Said after the reload."]


def test_a_play_the_trainer_removed_is_not_taken_again(client, host, a_play):
    client.post(PLAYS, json=unfinished(a_play, 2))
    with Journal.open(host.journal) as journal:
        journal.remove(journal.find(a_play["uuid"]))
    answer = client.post(PLAYS, json=a_play)
    assert (answer.status_code, held_turns(host.journal)) == (410, [])


def test_the_host_names_its_results_file_in_its_answers(client, host, a_play):
    with Journal.open(host.journal) as journal:
        file = journal.file_id()
    hello = client.get(f"/w/{CODE}/hello").json()
    assert (hello["file"], client.post(PLAYS, json=a_play).json()["file"]) == (file, file)


def test_what_the_host_holds_of_a_play_can_be_asked(client, a_play):
    client.post(PLAYS, json=unfinished(a_play, 2))
    assert client.get(f"{PLAYS}/{a_play['uuid']}").json()["through"] == 2


def test_a_play_for_another_workshop_is_not_found_and_not_stored(client, host, a_play):
    answer = client.post(plays_path("OTHER"), json={**a_play, "workshop": "OTHER"})
    assert (answer.status_code, held_turns(host.journal)) == (404, [])


def test_a_refused_play_gets_a_clear_400_and_nothing_is_stored(client, host, a_play):
    hostile = {**a_play, "turns": [{**a_play["turns"][0], "points": "lots"}]}
    answer = client.post(PLAYS, json=hostile)
    assert (answer.status_code, answer.json()["error"], held_turns(host.journal)) == (
        400, "turn 1, points: 'lots' is not a number", [])


def test_a_body_larger_than_a_post_may_be_is_refused_unread(client, host, a_play):
    huge = json.dumps({**a_play, "padding": "x" * MOST_BYTES}).encode()
    answer = client.post(PLAYS, content=huge, headers={"content-type": "application/json"})
    assert (answer.status_code, held_turns(host.journal)) == (413, [])


def test_a_large_body_sent_without_its_length_is_cut_off(client, host):
    def chunks():
        for _ in range(MOST_BYTES // 1000 + 2):
            yield b" " * 1000

    answer = client.post(PLAYS, content=chunks(), headers={"content-type": "application/json"})
    assert answer.status_code == 413


def test_a_body_that_is_not_json_is_refused(client, a_play):
    answer = client.post(PLAYS, content=json.dumps(a_play), headers={"content-type": "text/plain"})
    assert answer.status_code == 415


def test_a_play_id_of_another_trainee_is_refused(client, host, a_play):
    client.post(PLAYS, json=a_play)
    answer = client.post(PLAYS, json={**a_play, "trainee": "Mallory"})
    assert (answer.status_code, {row[1] for row in held_turns(host.journal)}) == (
        409, {turn["number"] for turn in a_play["turns"]})


@pytest.fixture
def still(host):
    """The rate limits' clock stands still, so no bucket fills while a test posts, however slow the machine."""
    host.limits.clock = lambda: 1000.0


def test_a_game_that_floods_is_slowed_down(client, still, a_play):
    headers = {"x-vooruitgang-client": "flooder"}
    answers = [client.post(PLAYS, json=a_play, headers=headers).status_code for _ in range(int(PER_GAME[1]) + 5)]
    assert answers.count(429) == 5


def test_another_game_still_gets_in_while_one_floods(client, still, tiny, tmp_path, a_play):
    for _ in range(int(PER_GAME[1]) + 5):
        client.post(PLAYS, json=a_play, headers={"x-vooruitgang-client": "flooder"})
    other = played(tiny, tmp_path, trainee="Bram", seed=2)
    assert client.post(PLAYS, json=other, headers={"x-vooruitgang-client": "bram"}).status_code == 200


def test_a_slowed_down_game_is_told_when_to_try_again(client, still, a_play):
    for _ in range(int(PER_GAME[1]) + 1):
        answer = client.post(PLAYS, json=a_play, headers={"x-vooruitgang-client": "flooder"})
    assert int(answer.headers["retry-after"]) >= 1


def test_the_trainers_page_is_closed_without_the_token(client):
    assert client.get(f"/w/{CODE}/trainer").status_code == 403


def test_a_wrong_token_does_not_open_the_trainers_page(client):
    assert client.get(f"/w/{CODE}/trainer?token=guess").status_code == 403


def test_the_token_opens_the_trainers_page_and_leaves_the_address_bar(client, host):
    answer = client.get(f"/w/{CODE}/trainer?token={host.choices.token}")
    assert (answer.status_code, str(answer.url).endswith("/trainer"), "id=controls" in answer.text) == (
        200, True, True)


def test_only_the_trainer_can_turn_the_names_on(client, host):
    answer = client.post(f"/w/{CODE}/trainer/choices", json={"names": True})
    assert (answer.status_code, host.choices.names) == (403, False)


def test_while_no_phrasing_kept_a_deal_where_it_was_the_agenda_says_so(client, host, tiny, tmp_path):
    client.post(PLAYS, json=unfinished(played(tiny, tmp_path, strategy="advance"), 2))  # two turns that moved it
    client.get(f"/w/{CODE}/trainer?token={host.choices.token}")
    client.post(f"/w/{CODE}/trainer/choices", json={"focus": "agenda"})
    assert "No phrasing has kept a deal where it was yet" in client.get(f"/w/{CODE}").text


def test_names_are_hidden_on_the_projector_by_default(client, host, a_play):
    client.post(PLAYS, json=a_play)
    assert "Kim" not in client.get(f"/w/{CODE}").text


def test_names_show_on_the_projector_once_the_trainer_turns_them_on(client, host, a_play):
    client.post(PLAYS, json=a_play)
    client.get(f"/w/{CODE}/trainer?token={host.choices.token}")
    client.post(f"/w/{CODE}/trainer/choices", json={"names": True})
    assert "Kim" in client.get(f"/w/{CODE}").text


def test_the_trainers_choices_survive_a_restart(tmp_path, host, client):
    client.get(f"/w/{CODE}/trainer?token={host.choices.token}")
    client.post(f"/w/{CODE}/trainer/choices", json={"names": True, "focus": "agenda"})
    again = Host(CODE, host.journal, announce=False)
    assert (again.choices.token, again.choices.names, again.choices.focus) == (host.choices.token, True, "agenda")


MARKUP = "<img src=x onerror=alert(1)><script>alert(2)</script>"


def with_markup(play: dict) -> dict:
    texts = {"trainee", "scenario_title", "scenario_version"}
    turn_texts = {"call_id", "point_id", "say", "reply"}
    return {**{k: (MARKUP + k if k in texts else v) for k, v in play.items()},
            "turns": [{k: (MARKUP + k if k in turn_texts else v) for k, v in turn.items()} for turn in play["turns"]]}


def test_markup_in_every_text_field_reaches_the_page_escaped(client, host, a_play):
    client.post(PLAYS, json=with_markup(a_play))
    host.choices.names = True
    page = client.get(f"/w/{CODE}").text + json.dumps(render(host.room, host.lines, "en", True, trainer=True))
    assert ("<img" not in page, "<script>alert" not in page, "&lt;img src=x" in page) == (True, True, True)


def test_no_inline_script_may_run_on_the_page(client):
    assert "script-src 'self'" in client.get(f"/w/{CODE}").headers["content-security-policy"]


def test_the_hosts_journal_gives_the_days_report(client, host, a_play, capsys):
    client.post(PLAYS, json=a_play)
    client.close()
    assert main(["report", "--db", str(host.journal), "--workshop", CODE, "--lang", "en"]) == 0
    assert "Kim" in capsys.readouterr().out


def test_a_restarted_host_shows_what_it_held(tmp_path, host, client, a_play):
    client.post(PLAYS, json=a_play)
    again = Host(CODE, host.journal, announce=False)
    assert again.room.held(a_play["uuid"]).turns == len(a_play["turns"])


def test_the_trainer_downloads_the_days_report(client, host, a_play):
    client.post(PLAYS, json=a_play)
    client.get(f"/w/{CODE}/trainer?token={host.choices.token}")
    assert "<svg" in client.get(f"/w/{CODE}/trainer/report.html").text


def test_the_projector_page_follows_the_room_over_server_sent_events(tmp_path, a_play):
    host = Host(CODE, tmp_path / "live.sqlite", lang="en", announce=False)
    with TestClientStream(host) as stream:
        stream.client.post(PLAYS, json=a_play)
        assert f"{len(a_play['turns'])} turns" in stream.next_drawing()["sections"]["summary"]


class TestClientStream:
    """An event stream read in-process: the first drawing is the empty room, the next follows the post."""

    __test__ = False

    def __init__(self, host: Host):
        from starlette.testclient import TestClient

        self.client = TestClient(make_app(host))

    def __enter__(self):
        self.client.__enter__()
        self.context = self.client.stream("GET", f"/w/{CODE}/events")
        self.lines = self.context.__enter__().iter_lines()
        self.next_drawing()
        return self

    def next_drawing(self) -> dict:
        for line in self.lines:
            if line.startswith("data: "):
                return json.loads(line[6:])
        raise AssertionError("the stream ended")

    def __exit__(self, *exc):
        self.context.__exit__(*exc)
        self.client.__exit__(*exc)


def test_the_trainer_downloads_the_results_as_export_writes_them(client, host, a_play, tmp_path):
    client.post(PLAYS, json=a_play)
    client.get(f"/w/{CODE}/trainer?token={host.choices.token}")
    (tmp_path / "day.json").write_bytes(client.get(f"/w/{CODE}/trainer/export.json").content)
    assert main(["merge", str(tmp_path / "day.json"), "--db", str(tmp_path / "elsewhere.sqlite")]) == 0
    assert held_turns(tmp_path / "elsewhere.sqlite") == held_turns(host.journal)

"""Every posted play is checked field by field; anything a game would never send is refused by name."""

from __future__ import annotations

import json

import pytest

from game.room.posted import Refused, check_play, parse
from tests.room.conftest import CODE, unfinished


def test_a_played_game_as_export_writes_it_is_accepted(a_play):
    assert check_play(a_play, "post", CODE) is a_play


def test_a_game_halfway_is_accepted(a_play):
    assert check_play(unfinished(a_play, 2), "post", CODE)["finished"] is None


def test_the_workshop_code_is_read_as_typed_from_a_projector(a_play):
    assert check_play({**a_play, "workshop": " test-1 "}, "post", CODE)


def changed(play: dict, **fields) -> dict:
    return {**play, **fields}


def changed_turn(play: dict, **fields) -> dict:
    return {**play, "turns": [{**play["turns"][0], **fields}, *play["turns"][1:]]}


HOSTILE = {
    "a whole number given as true": lambda p: changed(p, score=True),
    "a score that is not a whole number": lambda p: changed(p, score=1.5),
    "a name of 201 characters": lambda p: changed(p, trainee="x" * 201),
    "an empty name": lambda p: changed(p, trainee=""),
    "a name with a control character": lambda p: changed(p, trainee="Kim\x1b[31m"),
    "a name with a lone surrogate": lambda p: changed(p, trainee="Kim\ud800"),
    "an unknown field": lambda p: changed(p, admin=True),
    "a missing field": lambda p: {k: v for k, v in p.items() if k != "motive"},
    "an unknown motive": lambda p: changed(p, motive="greed"),
    "an unknown outcome": lambda p: changed(p, outcome="won"),
    "a play id that is no uuid": lambda p: changed(p, uuid="1' OR '1'='1"),
    "another workshop's code": lambda p: changed(p, workshop="OTHER"),
    "notes of a trainer": lambda p: changed(p, notes=[{"note": "x"}]),
    "a finished play without its score": lambda p: changed(p, score=None),
    "an unfinished play with an outcome": lambda p: changed(unfinished(p, 1), outcome="order"),
    "a scenario key that is not the file's name": lambda p: changed(p, scenario_key="../../etc/passwd"),
    "score parts that are no JSON": lambda p: changed(p, parts="{oops"),
    "turns that are not a list": lambda p: changed(p, turns={"1": {}}),
    "501 turns": lambda p: changed(p, turns=[p["turns"][0]] * 501),
    "a turn given twice in one post": lambda p: changed(p, turns=[p["turns"][0], p["turns"][0]]),
    "an unknown verdict": lambda p: changed_turn(p, verdict="excellent"),
    "an unknown stage": lambda p: changed_turn(p, stage_after="won"),
    "points that are infinite": lambda p: changed_turn(p, points=float("inf")),
    "points that are not a number": lambda p: changed_turn(p, points=float("nan")),
    "points out of range": lambda p: changed_turn(p, points=1e300),
    "a turn number of 0": lambda p: changed_turn(p, number=0),
    "a phrasing of 4001 characters": lambda p: changed_turn(p, say="x" * 4001),
    "reasons that are not a list of texts": lambda p: changed_turn(p, reasons='{"a": 1}'),
    "a turn with an unknown field": lambda p: changed_turn(p, secret=1),
    "a turn that is a list": lambda p: changed(p, turns=[[1, 2]]),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_play_is_refused(a_play, case):
    with pytest.raises(Refused) as refused:
        check_play(HOSTILE[case](a_play), "post", CODE)
    assert refused.value.problems


def test_a_refusal_names_the_turn_and_the_field(a_play):
    with pytest.raises(Refused) as refused:
        check_play(changed_turn(a_play, verdict="excellent"), "post", CODE)
    assert str(refused.value.problems[0]).startswith("turn 1, verdict: 'excellent' is not one of")


def test_a_play_that_is_not_a_set_of_fields_is_refused():
    with pytest.raises(Refused):
        check_play([1, 2, 3], "post", CODE)


@pytest.mark.parametrize("body", [b'{"score": NaN}', b'{"score": Infinity}', b"\xff\xfe{}", b"[" * 100_000,
                                  b"not json"])
def test_a_body_that_is_no_plain_json_is_refused(body):
    with pytest.raises(Refused):
        parse(body, "post")


def test_a_body_with_a_byte_order_mark_is_read(a_play):
    assert parse("\ufeff".encode() + json.dumps(a_play).encode(), "post") == a_play


@pytest.mark.parametrize("field", ["kind", "outcome", "channel", "aim", "verdict", "stage_before", "stage_after"])
def test_the_host_and_merge_know_the_same_words_for_a_turn(field):
    from game.room import posted
    from game.workshop import incoming

    assert set(posted.TURN[field].values) == set(incoming.TURN["properties"][field]["enum"])


@pytest.mark.parametrize("field", ["outcome", "stage"])
def test_the_host_and_merge_know_the_same_words_for_a_play(field):
    from game.room import posted
    from game.workshop import incoming

    assert set(posted.PLAY[field].values) | {None} == set(incoming.PLAY["properties"][field]["enum"])

import random

from game.bots.strategy import Strategy, play_out
from game.model.moment import Moment
from game.model.playthrough import Playthrough


def test_the_advance_bot_calls_at_the_first_moment_nobody_has_the_buyer(tiny):
    moment, channel = Strategy("advance", random.Random(0)).contact(Playthrough.start(tiny, 0))
    assert (moment, channel) == (Moment(1, 510), "call")


def test_the_advance_bot_keeps_an_agreed_appointment(tiny):
    play = Playthrough.start(tiny, 0)
    play.contact(Moment(1, 600), "call")
    play.choose(0)
    play.choose(0)
    assert Strategy("advance", random.Random(0)).contact(play) == (Moment(3, 600), "call")


def test_the_prolong_bot_starts_with_an_email(tiny):
    assert Strategy("prolong", random.Random(0)).contact(Playthrough.start(tiny, 0))[1] == "email"


def test_the_advance_bot_only_says_phrasings_written_to_advance(tiny):
    play = play_out(Playthrough.start(tiny, 0), Strategy("advance", random.Random(0)))
    assert {t.aim for t in play.turns if t.kind == "phrasing"} == {"advance"}


def test_the_prolong_bot_never_wins_the_tiny_scenario(tiny):
    endings = {play_out(Playthrough.start(tiny, s), Strategy("prolong", random.Random(s))).ending for s in range(10)}
    assert "order" not in endings

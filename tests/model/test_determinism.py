from pathlib import Path

from game.bots.strategy import Strategy, bot_rng, play_out
from game.model.playthrough import Playthrough
from game.scenario.load import load_scenario

QUIET_WEEK = load_scenario(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "drawn-motive.en.yaml")


def game(seed, strategy="random"):
    play = Playthrough.start(QUIET_WEEK, seed, clock=lambda: 0.0)
    return play_out(play, Strategy(strategy, bot_rng(seed)))


def record(play):
    return [(t.moment, t.outcome, t.say, t.verdict, t.points) for t in play.turns], play.motive, play.score


def test_the_same_seed_gives_the_same_game():
    assert record(game(7)) == record(game(7))


def test_different_seeds_give_different_games():
    assert len({str(record(game(seed))) for seed in range(10)}) > 1


def test_the_hidden_motive_is_drawn_from_the_scenarios_weights():
    motives = {game(seed).motive for seed in range(40)}
    assert motives == {"real_interest", "internal_blocker", "price_lever"}


def test_a_fixed_motive_leaves_the_rest_of_the_seeded_game_alone():
    free = Playthrough.start(QUIET_WEEK, 3)
    fixed = Playthrough.start(QUIET_WEEK, 3, motive="price_lever")
    assert fixed.motive == "price_lever" and free.rng.random() == fixed.rng.random()

"""The closing turn (what the end of a game settles) is kept like any turn, and is no action to replay."""

from __future__ import annotations

from game.model.moment import Moment
from game.model.playthrough import Playthrough


def test_a_game_cut_off_after_its_closing_turn_replays_from_the_actions_alone(journal, tiny):
    play = Playthrough.start(tiny, 1, motive="internal_blocker")
    play_id = journal.begin(play, "Kim", "W1", 1)
    play.contact(Moment(1, 600), "call")
    play.choose(0)
    play.choose(0)  # a step with Henk, and then the trainee stops: the closing turn settles it
    play.finish()   # ... and the laptop dies before the game is marked finished
    [unfinished] = [u for u in journal.unfinished("Kim") if u.play_id == play_id]
    replayed = Playthrough.replay(tiny, 1, list(unfinished.actions), motive="internal_blocker")
    assert play.turns[-1].kind == "closing" and len(unfinished.actions) == len(play.turns) - 1
    assert replayed.actions == play.actions

"""The same week again from one turn, with the stronger phrasing said there: what that turn cost.

For a phrasing judged voortgang or achteruitgang where hindsight knows a stronger one, the rest of the week
is played again with that one said instead. It is the same week: the same scenario and its claims, the same
hidden motive, the trainee's own actions up to the turn with the same seed (so the same draws up to it), and
from the turn on the week's dice (`game.model.luck.OfTheWeek`): a moment the trainee rang at gives what it
gave the trainee, any other moment one draw, the same in every replay.

After the stronger phrasing the week goes on two ways:
- `own`: with the trainee's own later choices where they still apply: their contacts in order, each at a
  moment still ahead (one already past is left out), and at a decision point their own game reached, what
  they said there, in order. Where none applies, `then` chooses; a trainee who stopped the game stops once
  their own contacts are spent.
- `strong`: `then` chooses all along.
`then` is passed in from above (the `advance` bot): the model knows no bots.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from game.model.hindsight import best_phrasing
from game.model.luck import OfTheWeek
from game.model.moment import Moment
from game.model.playthrough import Action, Phase, Playthrough
from game.model.scoring import PROLONGING
from game.model.turn import Channel, Turn, TurnKind

MOST_ACTIONS = 10_000


class Player(Protocol):
    """Who chooses in a game: a contact while reaching the buyer, a phrasing in a call; None: stop here."""

    def contact(self, play: Playthrough) -> tuple[Moment, Channel] | None: ...

    def phrasing(self, play: Playthrough) -> int | None: ...


def play_on(play: Playthrough, player: Player, most: int = MOST_ACTIONS) -> Playthrough:
    """Let `player` choose until the game ends, the player stops, or `most` actions were taken."""
    for _ in range(most):
        if play.phase == Phase.ENDED:
            break
        chosen = player.phrasing(play) if play.phase == Phase.IN_CALL else player.contact(play)
        if chosen is None:
            play.finish()
        elif play.phase == Phase.IN_CALL:
            play.choose(chosen)
        else:
            play.contact(*chosen)
    return play


def stronger_phrasing(play: Playthrough, turn: Turn) -> int | None:
    """At a phrasing judged voortgang or achteruitgang: the one that would have moved the deal most, if another."""
    if turn.kind != TurnKind.PHRASING or turn.verdict not in PROLONGING:
        return None
    call = play.scenario.call(turn.call_id)
    point = call.point(turn.point_id) if call else None
    if point is None:
        return None
    best = best_phrasing(point, turn.change.stage_before, play.motive, play.rules.score)
    return None if best == turn.choice else best


def replayable(play: Playthrough, seed: int | None = None) -> list[tuple[Turn, int]]:
    """The turns whose cost a replay can show, each with the stronger phrasing: none for a game without a seed."""
    if (play.seed if seed is None else seed) is None:
        return []
    found = ((turn, stronger_phrasing(play, turn)) for turn in play.turns)
    return [(turn, choice) for turn, choice in found if choice is not None]


@dataclass(frozen=True)
class SameWeek:
    """The week played on from `turn` with phrasing `choice` said there instead."""

    turn: Turn
    choice: int
    own: Playthrough     # then the trainee's own later choices where they still apply
    strong: Playthrough  # then `then` all along
    played: Playthrough  # the trainee's own game, as it was

    @property
    def cost(self) -> int:
        """What the turn cost: the points the same week gave with the stronger phrasing and the trainee's own
        later choices, beyond the trainee's own score (below zero: the trainee's way did better)."""
        return self.own.score.total - self.played.score.total


def same_week(play: Playthrough, turn: Turn, then: Callable[[], Player], seed: int | None = None) -> SameWeek:
    """Replay the week of `play` from `turn` with its stronger phrasing; `then()` makes a fresh player each way.

    Raises ValueError for a game without a seed or a turn with no stronger phrasing.
    """
    seed = play.seed if seed is None else seed
    if seed is None:
        raise ValueError("a game without a seed cannot be replayed")
    choice = stronger_phrasing(play, turn)
    if choice is None:
        raise ValueError(f"turn {turn.number} has no stronger phrasing to replay")
    later = play.turns[turn.number:]
    own = play_on(from_the_turn(play, seed, turn, choice), OwnChoices(later, then(), stops=play.stopped))
    strong = play_on(from_the_turn(play, seed, turn, choice), then())
    return SameWeek(turn, choice, own, strong, play)


def from_the_turn(play: Playthrough, seed: int, turn: Turn, choice: int) -> Playthrough:
    """The same week up to `turn`, with phrasing `choice` said there; the week's dice from then on."""
    before = play.actions[:turn.number - 1]  # one action per turn; only the closing turn, last, has none
    if play.actions[turn.number - 1:turn.number] != [Action(choice=turn.choice)]:
        raise ValueError(f"turn {turn.number} is not a phrasing of this game's actions")
    week = Playthrough.replay(play.scenario, seed, before, motive=play.motive, clock=play.clock)
    week.dice = OfTheWeek(seed, play.drawn)
    week.choose(choice)
    return week


class OwnChoices:
    """The trainee's own choices after a turn, where they still apply; `then` chooses where none does."""

    def __init__(self, later: Sequence[Turn], then: Player, stops: bool):
        self.contacts = deque(turn for turn in later if turn.kind == TurnKind.CONTACT)
        self.said: dict[tuple[str, str], deque[int]] = defaultdict(deque)
        for turn in later:
            if turn.kind == TurnKind.PHRASING:
                self.said[turn.call_id, turn.point_id].append(turn.choice)
        self.then = then
        self.stops = stops
        self.applied = 0  # own choices made again
        self.filled = 0   # choices `then` made where none of the trainee's applied

    def contact(self, play: Playthrough) -> tuple[Moment, Channel] | None:
        while self.contacts:
            turn = self.contacts.popleft()
            if play.can_contact_at(turn.moment):
                self.applied += 1
                return turn.moment, turn.channel
        if self.stops:
            return None
        self.filled += 1
        return self.then.contact(play)

    def phrasing(self, play: Playthrough) -> int | None:
        said = self.said.get((play.call.id, play.point.id))
        if said:
            self.applied += 1
            return said.popleft()
        if self.stops and not self.contacts and not any(self.said.values()):
            return None  # the trainee stopped here, in the call, with nothing of theirs left to do
        self.filled += 1
        return self.then.phrasing(play)

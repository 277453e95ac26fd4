"""What would have moved the deal: the best phrasing at a decision point, judged by the model."""

from __future__ import annotations

from game.model.deal import Deal, Stage
from game.model.motive import Motive
from game.model.scenario import DecisionPoint, Phrasing
from game.model.scoring import Change, ScoreWeights, points


def outcome_of(phrasing: Phrasing, stage: Stage, motive: Motive) -> Change:
    """What saying this phrasing at this stage would change, without touching the real deal."""
    response = phrasing.response_for(motive)
    deal = Deal(stage)
    for move in response.moves:
        deal.make(move)
    return Change(stage, deal.stage, appointment_agreed=response.appointment is not None,
                  minutes=phrasing.minutes)


def best_phrasing(point: DecisionPoint, stage: Stage, motive: Motive, weights: ScoreWeights) -> int:
    """Index of the phrasing that scores best here; the first when several tie."""
    scored = [points(outcome_of(p, stage, motive), weights) for p in point.phrasings]
    return scored.index(max(scored))

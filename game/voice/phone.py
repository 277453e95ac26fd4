"""Who speaks on the phone, and what the trainee hears after a call attempt.

The buyer, a colleague who answers for a busy buyer, and the buyer's voicemail greeting;
all in the scenario's language. A call that gets through is heard in the call itself, and
an e-mail is read, not heard.
"""

from __future__ import annotations

from game.model.scenario import Scenario
from game.model.turn import Turn, TurnOutcome
from game.text import replied, say
from game.voice.casting import Part


def buyer(scenario: Scenario) -> Part:
    return Part(scenario.buyer.name, scenario.language, scenario.buyer.portrait)


def colleague(scenario: Scenario) -> Part:
    return Part(scenario.buyer.colleague, scenario.language)


def heard(scenario: Scenario, turn: Turn) -> tuple[Part, str] | None:
    """Who the trainee hears after the attempt `turn`, and what; None when nobody speaks."""
    lang, name = scenario.language, scenario.buyer.name
    if turn.outcome in (TurnOutcome.VOICEMAIL, TurnOutcome.VOICEMAIL_FREE):
        return buyer(scenario), say(lang, "voice.voicemail", name=name)
    if turn.outcome == TurnOutcome.COLLEAGUE:
        return colleague(scenario), say(lang, "voice.colleague", name=name, colleague=scenario.buyer.colleague)
    if turn.outcome == TurnOutcome.NO_NEWS and turn.reply:
        return buyer(scenario), replied(scenario.language, turn)
    return None

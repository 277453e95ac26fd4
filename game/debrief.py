"""The debrief of a playthrough in the trainee's language: per turn what happened and why.

Pure data for both the window and the terminal; nothing here draws.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.bots.strategy import advancing
from game.model.hindsight import best_phrasing
from game.model.playthrough import Playthrough
from game.model.reading import Reading
from game.model.replay import same_week, stronger_phrasing
from game.model.turn import CallEnd, Turn, TurnKind, TurnOutcome
from game.text import day_label, lookup, moment_text, replied, said, say, with_moment


def signed(value: int) -> str:
    """+8, −12, 0: a typographic minus, and no sign on nothing."""
    if value == 0:
        return "0"
    return f"−{abs(value)}" if value < 0 else f"+{value}"


@dataclass(frozen=True)
class DebriefLine:
    turn: Turn
    when: str
    action: str
    happened: str
    verdict: str
    verdict_word: str
    points: int
    reasons: tuple[str, ...]
    feedback: str = ""
    principle: str = ""
    better: str = ""


@dataclass(frozen=True)
class Debrief:
    ending_title: str
    ending_text: str
    score: int
    parts: dict[str, int]
    motive: str
    motive_name: str
    motive_explained: str
    lines: tuple[DebriefLine, ...]
    reading: Reading | None = None  # what the trainee thought the motive was, and how sure; None when not read
    reading_line: str = ""  # that reading in words, and whether it was right

    @property
    def reading_right(self) -> bool:
        return self.reading is not None and self.reading.right(self.motive)


def principle_text(lang: str, principle: str) -> str:
    """A known principle's wording, or the trainer's own text as written."""
    known = lookup(lang, f"principle.{principle}")
    return known if known != f"principle.{principle}" else principle


def debrief(play: Playthrough, lang: str | None = None) -> Debrief:
    """The game's own words in `lang` (the interface language; default the scenario's); the scenario's as written."""
    scenario = play.scenario
    lang = lang or scenario.language
    ending = scenario.endings[play.ending].for_motive(play.motive)
    notes = scenario.buyer.motive_notes
    return Debrief(
        ending_title=ending.title,
        ending_text=ending.text,
        score=play.score.total,
        parts=dict(play.score.parts),
        motive=play.motive,
        motive_name=say(lang, f"motive.{play.motive}.name"),
        motive_explained=notes.get(play.motive) or say(lang, f"motive.{play.motive}.explained"),
        lines=tuple(_line(play, turn, lang) for turn in play.turns),
        reading=play.reading,
        reading_line=reading_text(play, lang),
    )


def reading_text(play: Playthrough, lang: str) -> str:
    """The trainee's reading of the buyer in words, and whether it was right; empty when not read."""
    reading = play.reading
    if reading is None:
        return ""
    verdict = "reading_right" if reading.right(play.motive) else "reading_wrong"
    return say(lang, "ui.debrief.reading", name=say(lang, f"motive.{reading.motive}.name"),
               confidence=say(lang, f"ui.reading.confidence.{reading.confidence}").lower(),
               verdict=say(lang, f"ui.debrief.{verdict}"))


def _line(play: Playthrough, turn: Turn, lang: str) -> DebriefLine:
    line = DebriefLine(
        turn=turn,
        when=moment_text(lang, turn.moment),
        action=said(play.scenario.language, turn) or _action(lang, turn),
        happened=happened(play, turn, lang),
        verdict=turn.verdict,
        verdict_word=say(lang, f"verdict.{turn.verdict}"),
        points=turn.points,
        reasons=tuple(reason_text(lang, turn, code) for code in turn.judgement.reasons) + _why(lang, turn),
    )
    if turn.kind == TurnKind.CLOSING:
        return replace(line, principle=principle_text(lang, "keep_the_appointment"))
    if turn.kind != TurnKind.PHRASING:
        return line
    point = play.scenario.call(turn.call_id).point(turn.point_id)
    phrasing = point.phrasings[turn.choice]
    best = best_phrasing(point, turn.change.stage_before, play.motive, play.rules.score)
    better = point.phrasings[best]
    written = play.scenario.language  # the trainer's texts, and the moments they name, are in the scenario's language
    return replace(line, feedback=with_moment(written, phrasing.feedback, turn.offered or turn.proposed),
                   principle=principle_text(lang, phrasing.principle),
                   better="" if best == turn.choice else
                   with_moment(written, better.say, play.proposal(better, turn.moment)))


def _action(lang: str, turn: Turn) -> str:
    if turn.kind == TurnKind.CLOSING:
        return say(lang, f"closing.{turn.outcome}")
    return say(lang, f"channel.{turn.channel}")


def happened(play: Playthrough, turn: Turn, lang: str | None = None) -> str:
    """One sentence on what came of the turn, in `lang` (default the scenario's language)."""
    lang = lang or play.scenario.language
    buyer = play.scenario.buyer
    if turn.kind == TurnKind.CLOSING:
        return say(lang, f"outcome.{turn.outcome}")
    if turn.kind == TurnKind.PHRASING:
        text = replied(play.scenario.language, turn)
        if turn.call_end in (CallEnd.CUT_SHORT, CallEnd.PATIENCE):
            text += " " + say(lang, f"outcome.{turn.call_end}", name=buyer.name, what=turn.claim_what)
        return text
    return say(lang, f"outcome.{turn.outcome}", name=buyer.name, what=turn.claim_what,
               colleague=buyer.colleague, reply=turn.reply, line=turn.reply)


def _why(lang: str, turn: Turn) -> tuple[str, ...]:
    """Why a contact went the way it did: the ladder, or the e-mail."""
    if turn.outcome == TurnOutcome.EMAIL:
        return (say(lang, "reason.email_backfire"),)
    if turn.claim_who and turn.outcome in (TurnOutcome.VOICEMAIL, TurnOutcome.COLLEAGUE, TurnOutcome.REPLY):
        return (say(lang, "reason.blocked", who=say(lang, f"rung.{turn.claim_who}")),)
    return ()


def reason_text(lang: str, turn: Turn, code: str) -> str:
    change = turn.change
    moment = turn.appointment or turn.missed
    step = turn.step_agreed_at
    return say(lang, f"reason.{_reason_key(turn, code)}", before=say(lang, f"stage.{change.stage_before}"),
               after=say(lang, f"stage.{change.stage_after}"),
               moment=moment_text(lang, moment) if moment else "", step=moment_text(lang, step) if step else "")


def _reason_key(turn: Turn, code: str) -> str:
    """The same reason reads differently at the end of the game, or when keeping a moment rather than agreeing it."""
    if code == "appointment_missed" and turn.kind == TurnKind.CLOSING:
        return "appointment_open"
    if code == "appointment_repeated" and turn.kind == TurnKind.CONTACT:
        return "appointment_repeated_call"
    return code


# --- what a turn cost ---------------------------------------------------------------------

def what_it_cost(play: Playthrough, turn: Turn, lang: str | None = None) -> str:
    """What `turn` cost, in words of the deal: the rest of the same week played again with the stronger phrasing
    said there (`game.model.replay`), first with the trainee's own later choices, then, when that ends otherwise,
    choosing what moves the deal (the `advance` bot). '' for a turn with no stronger phrasing, or a game without
    a seed. A few milliseconds: ask for one turn when it is shown, not for every frame.
    """
    if play.seed is None or stronger_phrasing(play, turn) is None:
        return ""
    lang = lang or play.scenario.language
    week = same_week(play, turn, advancing(play.seed))
    alike = _ends_alike(week.own, play)
    told = say(lang, "same_week.own_same") if alike else _week_text(lang, "own", week.own, play)
    if not _ends_alike(week.strong, week.own):
        told += " " + _week_text(lang, "strong", week.strong, play)
    return told


def _week_text(lang: str, key: str, week: Playthrough, played: Playthrough) -> str:
    return say(lang, f"same_week.{key}", ended=_ended(lang, week),
               difference=_difference(lang, week.score.total - played.score.total))


def _ends_alike(one: Playthrough, other: Playthrough) -> bool:
    """The same ending, on the same day when the deal closed, with the same score."""
    return (one.ending, _closed_on(one), one.score.total) == (other.ending, _closed_on(other), other.score.total)


def _closed_on(play: Playthrough) -> int | None:
    """The day the deal closed (the game ends with the turn that closes it), or None while it is open."""
    return play.turns[-1].moment.day if play.deal.is_closed and play.turns else None


def _ended(lang: str, play: Playthrough) -> str:
    day = _closed_on(play)
    return say(lang, f"same_week.ended.{play.ending}", day=day_label(lang, day) if day is not None else "")


def _difference(lang: str, points: int) -> str:
    if points == 0:
        return say(lang, "same_week.as_many")
    word = "more" if points > 0 else "fewer"
    return say(lang, f"same_week.{word}_one" if abs(points) == 1 else f"same_week.{word}", points=abs(points))

"""Turn a scenario file into a Scenario, or report every problem in it, located.

Reading happens in one pass over the file: each part is read by a small function
against its declaration in `format.py`, which says which keys it holds and the shape of
each. What the declaration cannot say is checked here: cross-references (a `next:` to a
decision point, a claim's place on the ladder, once everything is read), timing (moments
the trainee can choose, days within the week, weights that keep the lesson's order) and
the hints for the mistakes trainers make.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import replace
from pathlib import Path

from game.assets import ASSETS
from game.installation import console_program
from game.model.deal import Move, Stage
from game.model.ending import EndingKind
from game.model.ladder import PROSPECT, PriorityLadder
from game.model.moment import clock_text, is_workday, parse_clock
from game.model.motive import Motive
from game.model.reading import ReadAt
from game.model.scenario import (
    END_CALL,
    Appointment,
    BuyerProfile,
    Call,
    Claim,
    DecisionPoint,
    Ending,
    Phrasing,
    Quote,
    Response,
    Rules,
    Scenario,
)
from game.model.scoring import ScoreWeights
from game.scenario import format as declared
from game.scenario import limits
from game.scenario.fields import Fields, Report, did_you_mean, locate, one_of_hint, text_of
from game.scenario.placeholders import check_placeholders
from game.scenario.problem import Problem, ScenarioError
from game.scenario.source import Node, cycle_collector_paused, decode, file_bytes, read_file, read_text
from game.text import APPOINTMENT_PLACEHOLDER, lookup

RULES_FILE = ASSETS / "rules.yaml"
_THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")


def load_scenario(path: str | Path) -> Scenario:
    """The scenario in the file; ScenarioError lists every problem, located."""
    return load_bytes(file_bytes(str(path)), str(path))


def load_bytes(data: bytes, name: str) -> Scenario:
    text = decode(data, name)
    refuse_oversized(text, name)
    report = Report(name)
    version = hashlib.sha1(text.encode()).hexdigest()[:10]  # the same for the file saved with CRLF or a BOM
    traps: list[Problem] = []
    with cycle_collector_paused():
        # The tree is dropped before the collector runs again, so its first pass walks only the scenario.
        scenario = read_scenario(read_text(text, name, traps), report, default_rules(), version=version)
    report.problems[:0] = traps
    if report.unlisted:
        report.problems.append(Problem(name, 1, 1, f"more than {limits.MAX_PROBLEMS:,} problems; "
            f"{report.unlisted:,} more are not listed", "fix these first, then validate again"))
    if report.errors:
        raise ScenarioError(report.errors)
    return scenario


def refuse_oversized(text: str, name: str) -> None:
    """Refuse at once a file with far more phrasings or decision points than the limits allow.

    Counting the keys in the raw text takes milliseconds where reading such a file takes
    seconds. A 'say:' inside a text counts too, which only matters far above any real
    scenario; the exact numbers are checked again once the file is read.
    """
    for key, limit, what in (("say:", limits.MAX_PHRASINGS, "phrasings"),
                             ("choices:", limits.MAX_DECISION_POINTS, "decision points")):
        if text.count(key) <= limit:
            continue
        position = -1
        for _ in range(limit + 1):
            position = text.find(key, position + 1)
        line = text.count("\n", 0, position) + 1
        raise ScenarioError([Problem(name, line, 1, f"more than {limit:,} {what} ('{key}'), the limit for one scenario",
            "split the scenario into several files")])


def check(path: str | Path) -> list[Problem]:
    """Every problem in the file; an empty list means it loads."""
    try:
        load_scenario(path)
    except ScenarioError as error:
        return error.problems
    return []


_default_rules: Rules | None = None


def default_rules() -> Rules:
    """The rules in assets/rules.yaml, read once; a broken file stops the game with its problems."""
    global _default_rules
    if _default_rules is None:
        report = Report(str(RULES_FILE))
        _default_rules = read_rules(read_file(str(RULES_FILE)), report, base=None)
        if report.errors:
            raise ScenarioError(report.errors)
    return _default_rules


# --- the whole file -------------------------------------------------------------------

def read_scenario(root: Node, report: Report, base_rules: Rules, version: str = "") -> Scenario:
    top = Fields(root, declared.SCENARIO, "the scenario", report)
    language = top.word("language")
    rules_node = top.mapping("rules")
    rules = read_rules(rules_node, report, base_rules) if rules_node else base_rules
    buyer = read_buyer(top.mapping("buyer"), report, rules, language)
    call_nodes = top.items("calls")
    if not call_nodes and top.get("calls") is not None:
        report.error(top.where("calls"), "the scenario has no calls, so there is nothing to play",
            f"add a call under 'calls:'; run '{console_program()} new NAME' for an example")
    scenario = Scenario(
        path=report.file,
        title=top.text("title"),
        language=language,
        goal=top.text("goal"),
        difficulty=top.word("difficulty"),
        minutes=top.number("minutes"),
        situation=top.text("situation"),
        target=top.text("target"),
        buyer=buyer,
        quote=read_quote(top.mapping("quote"), report),
        week=tuple(read_claim(node, report, rules, buyer.ladder) for node in top.items("week")),
        calls=read_calls(call_nodes, report, rules),
        endings=read_endings(top.mapping("endings"), report, language),
        rules=rules,
        version=top.text("version") or version,
        pass_score=top.number("pass_score", 0) if top.get("pass_score") is not None else None,
    )
    scenario = replace(scenario, read_the_buyer=read_when_to_read(top, scenario, report))
    check_placeholders(root, report)
    if rules.appointment_above not in buyer.ladder.rungs:
        where = rules_node or _ladder_node(root) or root
        report.error(where, f"an agreed call lifts the trainee above '{rules.appointment_above}', "
            "which is not on the buyer's ladder",
            f"add '{rules.appointment_above}' to the ladder, or set 'appointment_above' under 'rules:' "
            f"to one of: {', '.join(buyer.ladder.rungs)}")
    top.finish()
    return scenario


def read_when_to_read(top: Fields, scenario: Scenario, report: Report) -> str:
    """`read_the_buyer:` is one of the words, or the id of a decision point of the scenario."""
    when = top.text("read_the_buyer") or ReadAt.FIRST_CALL
    ids = [point.id for point in scenario.decision_points]
    if when in tuple(ReadAt) or when in ids:
        return when
    words = ", ".join(ReadAt)
    guess = did_you_mean(when, [*ReadAt, *ids])
    report.error(top.where("read_the_buyer"), f"'read_the_buyer: {when}' is no moment the game knows",
        f"{guess} Write one of: {words}, or the id of a decision point (such as {ids[0] if ids else 'call1-1'})"
        .strip())
    return ReadAt.FIRST_CALL


def _ladder_node(root: Node) -> Node | None:
    buyer = root.value.get("buyer") if root.is_map else None
    return buyer.value.get("ladder") if buyer is not None and buyer.is_map else None


# --- buyer and quote -------------------------------------------------------------------

def read_buyer(node: Node | None, report: Report, rules: Rules, language: str) -> BuyerProfile:
    if node is None:
        return BuyerProfile("", "", "", "", {Motive.REAL_INTEREST: 1.0}, PriorityLadder(rules.ladder), "", "", "")
    f = Fields(node, declared.BUYER, "the buyer", report)
    buyer = BuyerProfile(
        name=f.text("name"),
        role=f.text("role"),
        company=f.text("company"),
        portrait=f.text("portrait"),
        motives=read_motives(f, report),
        ladder=read_ladder(f, report, rules),
        colleague=f.text("colleague"),
        email_reply=f.text("email_reply") or lookup(language, "defaults.email_reply"),
        brush_off=f.text("brush_off") or lookup(language, "defaults.brush_off"),
        motive_notes=read_texts_by_motive(f.mapping("motive_notes"), "motive_notes", report),
    )
    f.finish()
    return buyer


def read_motives(f: Fields, report: Report) -> dict[Motive, float]:
    node = f.get("motive")
    if node is None:
        return {Motive.REAL_INTEREST: 1.0}
    if node.is_scalar:
        return {_motive_name(node, report): 1.0}
    weights = Fields(node, declared.MOTIVE_WEIGHTS, "the motive weights", report)
    drawn = {name: weights.number(name, 0) for name in Motive}
    weights.finish()
    if sum(drawn.values()) <= 0:
        report.error(node, "the motive weights add up to nothing",
            "give at least one motive a weight above 0, e.g. 'real_interest: 1'")
        return {Motive.REAL_INTEREST: 1.0}
    return drawn


def _motive_name(node: Node, report: Report) -> Motive:
    if node.text in tuple(Motive):
        return Motive(node.text)
    report.error(node, f"'{node.text}' is not a motive", one_of_hint(node.text, Motive))
    return Motive.REAL_INTEREST


def read_ladder(f: Fields, report: Report, rules: Rules) -> PriorityLadder:
    return PriorityLadder(read_rungs(f, report) or rules.ladder)


def read_rungs(f: Fields, report: Report) -> tuple[str, ...]:
    """The rungs of a ladder, top first, with the one it must hold (the trainee) added when missing."""
    nodes = f.items("ladder")
    if not nodes:
        return ()
    shape = f.declared("ladder").shape
    rungs = tuple(text_of(n, "a rung of the ladder", report) for n in nodes)
    if shape.holds not in rungs:
        report.error(f.where("ladder"), f"the ladder must include '{shape.holds}' (the trainee)",
            f"add '- {shape.holds}' where the trainee stands, usually last")
    for index, rung in enumerate(rungs):
        if shape.unique and rung in rungs[:index]:
            report.error(nodes[index], f"'{rung}' stands twice on the ladder", "keep one of them")
    return rungs if shape.holds in rungs else (*rungs, shape.holds)


def read_texts_by_motive(node: Node | None, what: str, report: Report) -> dict[Motive, str]:
    if node is None:
        return {}
    f = Fields(node, declared.MOTIVE_NOTES, what, report)
    texts = {name: f.text(name) for name in Motive if f.has(name)}
    f.finish()
    return texts


def read_quote(node: Node | None, report: Report) -> Quote:
    if node is None:
        return Quote("", 0, "EUR", 0, "")
    f = Fields(node, declared.QUOTE, "the quote", report)
    quote = Quote(
        what=f.text("what"),
        amount=read_amount(f, report),
        currency=f.text("currency", declared.QUOTE.by_name["currency"].default),
        sent_days_ago=f.number("sent_days_ago"),
        agreed=f.text("agreed"),
    )
    f.finish()
    return quote


def read_amount(f: Fields, report: Report) -> float:
    node = f.get("amount")
    if node is not None and node.is_scalar and _THOUSANDS.match(node.text):
        report.error(node, f"'amount: {node.text}' is ambiguous: a dot here is a decimal point",
            f"write the amount without separators: amount: {node.text.replace('.', '').replace(',', '')}")
        return 0
    return f.number("amount")


# --- the buyer's week -----------------------------------------------------------------

def read_claim(node: Node, report: Report, rules: Rules, ladder: PriorityLadder) -> Claim:
    f = Fields(node, declared.CLAIM, "an entry of the week", report)
    who = f.text("who")
    if who and who not in ladder.rungs:
        report.error(f.where("who"), f"'{who}' is not on the buyer's ladder", one_of_hint(who, ladder.rungs))
    claim = Claim(
        day=read_day(f, rules),
        start=read_clock(f, "at", rules.day_start, report),
        minutes=f.number("minutes"),
        who=who if who in ladder.rungs else ladder.rungs[0],
        what=f.text("what"),
        visible=f.flag("visible"),
        unreachable=f.word("unreachable"),
        at=locate(node),
    )
    f.finish()
    return claim


def read_day(f: Fields, rules: Rules) -> int:
    node = f.get("day")
    if node is not None and node.is_scalar and isinstance(node.value, str):
        f.report.error(node, f"'day: {node.text}' must be a number",
            f"days are numbers from 1 to {rules.days}: 1 is Monday (maandag), 2 Tuesday (dinsdag), and so on")
        return 1
    return f.number("day", high=rules.days)


def read_clock(f: Fields, key: str, default: int, report: Report) -> int:
    node = f.get(key)
    if node is None:
        return default
    minute = parse_clock(node.text) if node.is_scalar else None
    if minute is None:
        report.error(node, f"'{key}' in {f.what} must be a time like \"09:30\", not '{node.text}'")
        return default
    return minute


# --- the calls --------------------------------------------------------------------------

def read_calls(nodes: list[Node], report: Report, rules: Rules) -> tuple[Call, ...]:
    calls = tuple(read_call(node, index, report, rules) for index, node in enumerate(nodes, start=1))
    _check_unique([(c.id, c.at) for c in calls], "call", report)
    _check_sizes(calls, report)
    for call in calls:
        check_targets(call, report)
    return calls


def read_call(node: Node, number: int, report: Report, rules: Rules) -> Call:
    f = Fields(node, declared.CALL, f"call {number}", report)
    call_id = f.text("id") or f"call{number}"
    open_stages = declared.CALL_STAGES
    stage_nodes = f.items("stages")
    for stage_node in stage_nodes:
        if stage_node.text not in open_stages:
            report.error(stage_node, f"'{stage_node.text}' is not a stage a call can start in",
                one_of_hint(stage_node.text, open_stages))
    points = tuple(read_point(p, call_id, index, report, rules)
                   for index, p in enumerate(f.items("points"), start=1))
    if not points and f.has("points"):
        report.error(f.where("points"), f"call {number} has no decision points", "add at least one under 'points:'")
    call = Call(
        id=call_id,
        stages=tuple(Stage(n.text) for n in stage_nodes if n.text in open_stages) or open_stages,
        points=points,
        at=locate(node),
    )
    f.finish()
    return call


def read_point(node: Node, call_id: str, number: int, report: Report, rules: Rules) -> DecisionPoint:
    f = Fields(node, declared.POINT, f"decision point {number} of {call_id}", report)
    point_id = f.text("id") or f"{call_id}-{number}"
    phrasing_nodes = f.items("choices")
    phrasings = tuple(read_phrasing(p, f"phrasing {i} of {point_id}", report, rules)
                      for i, p in enumerate(phrasing_nodes, start=1))
    choices = f.declared("choices").shape
    if phrasing_nodes and not choices.fewest <= len(phrasings) <= choices.most:
        report.error(f.where("choices"), f"decision point {point_id} has {len(phrasings)} phrasings; "
            f"it needs {choices.fewest} to {choices.most}",
            "a choice of one is no choice, and more than four do not fit on screen")
    point = DecisionPoint(
        id=point_id,
        buyer=f.text("buyer"),
        phrasings=phrasings,
        buyer_if_motive=read_buyer_lines(f.mapping("if_motive"), point_id, report),
        at=locate(node),
    )
    f.finish()
    return point


def read_buyer_lines(node: Node | None, point_id: str, report: Report) -> dict[Motive, str]:
    if node is None:
        return {}
    lines = {}
    for motive, value in _motive_entries(node, report):
        f = Fields(value, declared.BUYER_LINE, f"if_motive {motive} at {point_id}", report)
        lines[motive] = f.text("buyer")
        f.finish()
    return lines


def read_phrasing(node: Node, what: str, report: Report, rules: Rules) -> Phrasing:
    f = Fields(node, declared.PHRASING, what, report)
    response = read_response(f, Response(reply=""), report, rules)
    overrides = f.mapping("if_motive")
    if_motive = read_overrides(overrides, what, response, report, rules) if overrides else {}
    phrasing = Phrasing(
        say=f.text("say"),
        aim=f.word("aim"),
        minutes=f.number("minutes", rules.phrasing_minutes),
        feedback=f.text("feedback"),
        principle=f.text("principle"),
        response=response,
        if_motive=if_motive,
        at=locate(node),
    )
    f.finish()
    _check_named_moment(f, phrasing, report)
    return phrasing


def _check_named_moment(f: Fields, phrasing: Phrasing, report: Report) -> None:
    """{appointment} in the trainee's line is the moment the phrasing proposes; in feedback, the one agreed."""
    if APPOINTMENT_PLACEHOLDER in phrasing.say and phrasing.proposed is None:
        report.error(f.where("say"), f"the trainee's line names {APPOINTMENT_PLACEHOLDER}, but the phrasing "
            "proposes no moment", "add 'appointment: {days_later: 1, at: \"10:00\"}' to the phrasing, "
            "or write the moment out")
    if APPOINTMENT_PLACEHOLDER in phrasing.feedback and phrasing.proposed is None:
        report.error(f.where("feedback"), f"the feedback names {APPOINTMENT_PLACEHOLDER}, but the phrasing "
            "agrees no moment", "add 'appointment: {days_later: 1, at: \"10:00\"}', or write the moment out")


def read_overrides(node: Node, what: str, base: Response, report: Report, rules: Rules) -> dict[Motive, Response]:
    responses = {}
    for motive, value in _motive_entries(node, report):
        f = Fields(value, declared.RESPONSE, f"if_motive {motive} in {what}", report)
        responses[motive] = read_response(f, base, report, rules)
        f.finish()
    return responses


def _motive_entries(node: Node, report: Report) -> list[tuple[Motive, Node]]:
    entries = []
    for motive, value in node.value.items():
        if motive not in tuple(Motive):
            report.error(node.keys[motive], f"'{motive}' is not a motive", one_of_hint(motive, Motive))
            continue
        entries.append((Motive(motive), value))
    return entries


def read_response(f: Fields, base: Response, report: Report, rules: Rules) -> Response:
    """The reply and deal keys of a phrasing, or of an if_motive override of one."""
    deal = f.get("deal")
    next_node = f.get("next")
    response = Response(
        reply=f.text("reply") or base.reply,
        moves=read_moves(deal, report) if deal is not None else base.moves,
        appointment=read_optional_appointment(f, base.appointment, report, rules),
        next=(next_node.text if next_node is not None else base.next),
    )
    if APPOINTMENT_PLACEHOLDER in response.reply and response.appointment is None:
        report.error(f.where("reply"), f"the reply names {APPOINTMENT_PLACEHOLDER}, but no appointment is agreed here",
            "add 'appointment: {days_later: 1, at: \"10:00\"}', or write the moment out")
    return response


def read_optional_appointment(f: Fields, inherited: Appointment | None, report: Report,
                              rules: Rules) -> Appointment | None:
    """An appointment, the one inherited from the phrasing, or none at all ('appointment: none')."""
    node = f.get("appointment")
    if node is None:
        return inherited
    if node.is_scalar and node.text.lower() in (*declared.NO_APPOINTMENT.options, *declared.NO_APPOINTMENT.aliases):
        return None
    if not node.is_map:
        report.error(node, "'appointment' must be 'none' or a moment like {days_later: 1, at: \"10:00\"}")
        return inherited
    return read_appointment(node, report, rules)


def read_moves(node: Node, report: Report) -> tuple[Move, ...]:
    items = node.value if node.is_list else [node]
    move = declared.MOVE
    moves = []
    for item in items:
        if item.value is None or item.text in (declared.NONE, *move.aliases):
            continue
        if item.text in move.options:
            moves.append(Move(item.text))
        elif "," in item.text:
            report.error(item, f"'{item.text}' is not one move", f"for two moves write a list: deal: [{item.text}]")
        else:
            report.error(item, f"'{item.text}' is not something a phrasing can do to the deal",
                one_of_hint(item.text, move.options))
    return tuple(moves)


def read_appointment(node: Node, report: Report, rules: Rules) -> Appointment:
    """A moment the trainee can choose, at most a week's working days after the call.

    A moment after the last day of the week extends the game's week to it (so it can be kept);
    further than a week's length it would be no part of this follow-up.
    """
    f = Fields(node, declared.APPOINTMENT, "the appointment", report)
    furthest = max(0, sum(map(is_workday, range(1, rules.days + 1))) - 1)
    appointment = Appointment(
        days_later=f.number("days_later"),
        minute=read_clock(f, "at", 10 * 60, report),
        at=locate(node),
    )
    if appointment.days_later > furthest:
        report.error(f.where("days_later"), f"an appointment {appointment.days_later} working days after the call "
            f"is further than this week of {furthest + 1} working days reaches",
            f"agree a moment at most {furthest} working days later ('days_later: {furthest}')")
    slots = range(rules.day_start, rules.day_end, rules.slot_minutes)
    if f.has("at") and appointment.minute not in slots:
        report.error(f.where("at"), f"the appointment at {clock_text(appointment.minute)} is not a moment the "
            f"trainee can choose: those are every {rules.slot_minutes} minutes from {clock_text(slots[0])} to "
            f"{clock_text(slots[-1])}", f"for example: at: \"{clock_text(_nearest(slots, appointment.minute))}\"")
    f.finish()
    return appointment


def _nearest(slots: range, minute: int) -> int:
    return min(slots, key=lambda slot: abs(slot - minute))


def check_targets(call: Call, report: Report) -> None:
    """Every `next:` names a decision point of the same call, or 'end'."""
    _check_unique([(p.id, p.at) for p in call.points], f"decision point in {call.id}", report)
    ids = [p.id for p in call.points]
    known = set(ids)
    listed = ", ".join(ids) if len(ids) <= 20 else ", ".join(ids[:20]) + ", ..."
    for point in call.points:
        for phrasing in point.phrasings:
            targets = {r.next for r in (phrasing.response, *phrasing.if_motive.values())}  # overrides inherit next
            for target in sorted(t for t in targets if t is not None and t != END_CALL and t not in known):
                guess = did_you_mean(target, ids)
                report.error(phrasing.at, f"'next: {target}' names no decision point in {call.id}",
                    f"{guess} Use 'end' to end the call, or one of: {listed}".strip())


def _check_unique(entries: list[tuple[str, object]], what: str, report: Report) -> None:
    seen: set[str] = set()
    for name, where in entries:
        if name in seen:
            report.error(where, f"two of each {what} are called '{name}'", "give each its own id")
        seen.add(name)


def _check_sizes(calls: tuple[Call, ...], report: Report) -> None:
    points = [p for call in calls for p in call.points]
    phrasings = sum(len(p.phrasings) for p in points)
    if len(points) > limits.MAX_DECISION_POINTS:
        report.error(points[limits.MAX_DECISION_POINTS].at,
            f"more than {limits.MAX_DECISION_POINTS:,} decision points, the limit", "split the scenario")
    if phrasings > limits.MAX_PHRASINGS:
        report.error(points[0].at, f"{phrasings:,} phrasings; the limit is {limits.MAX_PHRASINGS:,}",
            "split the scenario")


# --- endings ----------------------------------------------------------------------------

def read_endings(node: Node | None, report: Report, language: str) -> dict[str, Ending]:
    f = Fields(node, declared.ENDINGS, "the endings", report) if node else None
    endings = {}
    for kind in EndingKind:
        given = f.mapping(kind) if f else None
        endings[kind] = read_ending(given, kind, report, language)
    if f:
        f.finish()
    return endings


def read_ending(node: Node | None, kind: EndingKind, report: Report, language: str) -> Ending:
    default_title = lookup(language, f"ending.{kind}.title")
    default_text = lookup(language, f"ending.{kind}.text")
    if node is None:
        return Ending(kind, default_title, default_text)
    f = Fields(node, declared.ENDING, f"the ending '{kind}'", report)
    title, text = f.text("title") or default_title, f.text("text") or default_text
    ending = Ending(kind, title, text, read_ending_texts(f.mapping("if_motive"), kind, title, text, report))
    f.finish()
    return ending


def read_ending_texts(node: Node | None, kind: EndingKind, title: str, text: str, report: Report
                      ) -> dict[Motive, Ending]:
    """An ending's own title and text per hidden motive; what a motive leaves out stays as the ending's."""
    if node is None:
        return {}
    endings = {}
    for motive, value in _motive_entries(node, report):
        f = Fields(value, declared.ENDING_TEXT, f"if_motive {motive} in the ending '{kind}'", report)
        endings[motive] = Ending(kind, f.text("title") or title, f.text("text") or text)
        f.finish()
    return endings


# --- rules ------------------------------------------------------------------------------

def read_rules(node: Node, report: Report, base: Rules | None) -> Rules:
    """Rules from assets/rules.yaml (base None: every key required) or a scenario's overrides."""
    f = Fields(node, declared.RULES, "the rules", report, every_key_required=base is None)

    def number(key: str) -> float:
        return f.number(key, getattr(base, key) if base else f.declared(key).shape.low)

    day_start, day_end = read_hours(f, f.text("hours"), base, report)
    ladder = read_rungs(f, report) or (base.ladder if base else (PROSPECT,))
    rules = Rules(
        days=number("days"),
        day_start=day_start,
        day_end=day_end,
        slot_minutes=number("slot_minutes"),
        contacts=number("contacts"),
        answer_chance=number("answer_chance"),
        email_backfire=number("email_backfire"),
        missed_appointment_factor=number("missed_appointment_factor"),
        call_patience=number("call_patience"),
        phrasing_minutes=number("phrasing_minutes"),
        appointment_above=f.text("appointment_above", base.appointment_above if base else ""),
        ladder=ladder,
        score=read_weights(f.mapping("score"), report, base.score if base else None),
    )
    f.finish()
    return rules


def read_hours(f: Fields, hours: str, base: Rules | None, report: Report) -> tuple[int, int]:
    if not hours:
        return (base.day_start, base.day_end) if base else (9 * 60, 17 * 60)
    start, _, end = hours.partition("-")
    first, last = parse_clock(start), parse_clock(end)
    if first is None or last is None or first >= last:
        report.error(f.where("hours"), f"'hours' must look like \"09:00-17:00\", not '{hours}'")
        return (base.day_start, base.day_end) if base else (9 * 60, 17 * 60)
    return first, last


def read_weights(node: Node | None, report: Report, base: ScoreWeights | None) -> ScoreWeights:
    """The score weights: whole numbers, so the score is exactly the sum of the turns shown."""
    if node is None:
        return base or ScoreWeights(dict.fromkeys(Stage, 0), 0, 0, 0, 0, 0)
    f = Fields(node, declared.SCORE, "the score weights", report, every_key_required=base is None)
    stage_node = f.mapping("stages")

    def weight(key: str) -> int:
        return f.number(key, getattr(base, key) if base else 0)

    weights = ScoreWeights(
        stages=read_stage_weights(stage_node, report, base),
        appointment=weight("appointment"),
        kept_appointment=weight("kept_appointment"),
        missed_appointment=weight("missed_appointment"),
        per_contact=weight("per_contact"),
        per_minute=weight("per_minute"),
    )
    f.finish()
    check_weights(weights, stage_node or node, node, report)
    return weights


def read_stage_weights(node: Node | None, report: Report, base: ScoreWeights | None) -> dict[Stage, int]:
    values = dict(base.stages) if base else dict.fromkeys(Stage, 0)
    if node is None:
        return values
    f = Fields(node, declared.STAGE_WEIGHTS, "the stage weights", report, every_key_required=base is None)
    for stage in Stage:
        values[stage] = f.number(stage, values[stage])
    f.finish()
    return values


# The order of the lesson: every move up is worth something, a clear no beats every open end,
# and the order beats a clear no.
STAGE_ORDER = (Stage.QUOTE_SENT, Stage.REACHED, Stage.POSITION_KNOWN, Stage.STEP_AGREED, Stage.CLEAR_NO,
               Stage.ORDER)


def check_weights(weights: ScoreWeights, stage_node: Node, node: Node, report: Report) -> None:
    values = weights.stages
    for lower, higher in itertools.pairwise(STAGE_ORDER):
        if values[lower] >= values[higher]:
            report.error(stage_node, f"the stage values must rise in this order: {' < '.join(STAGE_ORDER)}; "
                f"here {lower} is {values[lower]} and {higher} is {values[higher]}",
                "a clear no beats every deal left open, and the order beats a clear no: "
                f"give {higher} more than {lower}")
            return
    reopen = values[Stage.POSITION_KNOWN] - values[Stage.REACHED]
    if weights.appointment >= reopen:
        report.error(node, f"'appointment' ({weights.appointment}) must be less than position_known minus reached "
            f"({reopen})", "else reopening the sale while agreeing a moment would score as a gain")

"""The scenario file format, declared once: every key, its shape, whether it is required, its default, its meaning.

It is written in the words of `shapes.py` (Text, Word, Number, ..., Key, Record), and these things
are made from it, so they cannot disagree:

- the loader's shape checks: `fields.Fields` reads one part of a file against its Record here (which
  keys it may hold and which it needs, the words, ranges and types each key takes) and says what is
  wrong where, with did-you-mean and hints; assets/rules.yaml is read against RULES with every key
  required; the YAML trap scan takes from it which keys hold texts (TEXT_KEYS);
- `scenarios/scenario.schema.json`, with which a trainer's editor completes, explains and checks
  the keys (`schema.py`);
- the field reference in docs/writing-scenarios.md, between its `<!-- reference: NAME -->` markers
  (`reference.py`).

`python main.py schema` writes the last two; a test fails when either differs from what this
declaration makes. The loader (`load.py`) keeps only what no schema can say: cross-references
(`next:`, ids, rungs of the ladder), timing (moments the trainee can choose, days within the week,
score weights that keep the lesson's order) and the hints for the mistakes trainers make (a
thousands separator, a day by name, two moves with a comma, a misspelt motive).

Why a declaration in Python that writes the schema, and not the JSON Schema driving the checks
through `jsonschema` (the issue's other road), measured side by side on 6 Dec 2026:

- speed: `jsonschema` (Draft 2020-12, pure Python) checking a generated 1,000-point file took
  0.39-0.75 s (0.16 s with every $ref inlined by hand), on top of the 0.14-0.25 s in which the
  loader reads and checks it today; the target for both together is 0.5 s;
- messages: its errors carry a path and a keyword, not the file's line; every message and hint the
  tests check (the part's name: 'phrasing 2 of call1-1'; 'must be a whole number, not ...'; 'did you
  mean 'en' (small letters)?'; a misspelt required key named once, not twice; the anyOf of a motive or
  motive weights) would be rebuilt from keywords, paths and `best_match` guesses;
- one pass: the loader must go on after a wrong value to find the next problem and the
  cross-references, so it would check each type a second time anyway;
- declared once: a hand-written schema lists the languages, moves, motives, stages and endings again;
  here they come from the constants the model and the game use.

`jsonschema` still has its part: in the tests it is the independent judge that the written schema
accepts and refuses what the loader does, and the YAML language server behind VS Code's YAML
extension checks that an editor completes the keys with these docs.

Docs are Markdown as the guide shows them; the schema gets them as plain text. In a doc,
{options}, {range}, {limit} and {holds} stand for the key's words, its range, the characters its
box on screen holds (assets/text_limits.yaml) and the value its list must hold.
"""

from __future__ import annotations

from game.model.deal import OPEN_STAGES, Move, Stage
from game.model.ending import EndingKind
from game.model.ladder import PROSPECT
from game.model.motive import Motive
from game.model.reading import ReadAt
from game.model.scenario import DIFFICULTIES, END_CALL, UNREACHABLE, VOICEMAIL, Aim
from game.scenario.shapes import Clock, Either, Flag, Hours, Items, Key, Number, Record, Shape, Text, Word
from game.text import LANGUAGES

ENDING_KINDS = tuple(EndingKind)
CALL_STAGES = tuple(stage for stage in OPEN_STAGES if stage != Stage.QUOTE_SENT)
NONE = "none"  # no move, no appointment
# A time of day as the model reads it (game.model.moment.parse_clock): 9:30, 09:30 or 9.30.
CLOCK_PATTERN = r"^([01]?\d|2[0-3])[:.]([0-5]\d)$"
# yes and no as the game's YAML reader (YAML 1.1) reads them; an editor's YAML 1.2 reads these as texts,
# so the schema names them beside true and false.
YES_NO_WORDS = ("yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF")
HOURS_PATTERN = r"^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*-\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$"


def per_motive(name: str, doc: str, shape: Shape, what: str) -> Record:
    """A record with one key per hidden motive."""
    return Record(name, doc, tuple(Key(motive, shape, what.replace("{motive}", motive)) for motive in Motive))


# --- the parts of a scenario ---------------------------------------------------------------

MOVE = Word((*Move, NONE), aliases=("nothing", ""), blank=True)
NO_APPOINTMENT = Word((NONE,), aliases=("nothing", ""), blank=True)

APPOINTMENT = Record("appointment", "The next contact this phrasing agrees, at a moment the trainee can choose.", (
    Key("days_later", Number(0, 30), "Working days after the day of the call; weekends are skipped. At most one "
        "less than the working days of the week.", default=1),
    Key("at", Clock(), "The time, in quotes: a moment the trainee can choose (every `slot_minutes` within the "
        "`hours` of the rules).", required=True),
), shared=True)

RESPONSE_KEYS = (
    Key("reply", Text(nonempty=True), "What the buyer answers ({limit}).", box="reply"),
    Key("deal", Either((MOVE, Items(MOVE))), "A move, or a list of moves: {options}. A move the deal does not "
        "allow at its stage changes nothing.", shown="nothing"),
    Key("appointment", Either((APPOINTMENT, NO_APPOINTMENT)),
        "The next contact it agrees: `{days_later: 1, at: \"10:00\"}`. `days_later` counts working days from the "
        "day of the call (default 1; weekends are skipped), at most one less than the working days of the week; "
        "`at` is a moment the trainee can choose (every `slot_minutes` within the `hours`). In `if_motive`, "
        "`appointment: none` cancels the one written above. See [moments](#moments-agreed-kept-missed).",
        shown="none"),
    Key("next", Text(), f"The id of the decision point that follows in this call, or `{END_CALL}` to end the call.",
        shown="the point below"),
)

RESPONSE = Record("response", "What the buyer answers when he has this motive; what is left out stays as the "
                  "phrasing has it.", RESPONSE_KEYS, shared=True)

PHRASING = Record("phrasing", "One phrasing the trainee can choose.", (
    Key("say", Text(), "What the trainee says ({limit}). `{appointment}` names the moment the phrasing proposes.",
        required=True, box="phrasing"),
    Key("aim", Word(tuple(Aim)), "{options}: what you wrote it to do. `lint` warns when the deal disagrees.",
        required=True),
    Key("reply", Text(nonempty=True), "What the buyer answers ({limit}).", required=True, box="reply"),
    Key("feedback", Text(), "Shown in the debrief ({limit}): why it did or did not move the deal; may name "
        "`{appointment}` too.", required=True, box="feedback"),
    Key("principle", Text(), "A principle key below, or your own text; shown in the debrief."),
    Key("minutes", Number(0, 60), "How long it takes on the phone, in minutes.",
        shown="the rules' `phrasing_minutes`"),
    *RESPONSE_KEYS[1:],
    Key("if_motive", per_motive("answers per motive", "Another answer per hidden motive.", RESPONSE,
                                "The answer when the buyer's motive is {motive}."),
        "Per motive, any of `reply`, `deal`, `appointment`, `next`; what you leave out stays as above."),
), section="Phrasings", shared=True)

BUYER_LINE = Record("buyer line", "The buyer's line for this motive.", (
    Key("buyer", Text(), "The buyer's line when he has this motive.", required=True, box="buyer_line"),
))

POINT = Record("point", "A moment in the call where the trainee chooses what to say.", (
    Key("id", Text(), "A name, for `next:`.", shown="`<call id>-1`, `-2`..."),
    Key("buyer", Text(), "What the buyer says ({limit}).", required=True, box="buyer_line"),
    Key("if_motive", per_motive("lines per motive", "Another line per hidden motive.", BUYER_LINE,
                                "The buyer's line when his motive is {motive}."),
        "Another line per motive: `if_motive: {price_lever: {buyer: ...}}`."),
    Key("choices", Items(PHRASING, fewest=2, most=4), "{range} phrasings. Give each decision point at least one "
        "written to advance and one written to prolong.", required=True),
), section="Decision points", shared=True)

CALL = Record("call", "One phone call: what the buyer says and what the trainee can answer.", (
    Key("id", Text(), "A name, shown by `lint` and `graph`.", shown="`call1`, `call2`..."),
    Key("stages", Items(Word(CALL_STAGES)), "The deal stages in which this call can start: {options}.",
        shown="all three"),
    Key("points", Items(POINT, fewest=1), "The decision points, in order.", required=True),
), section="Calls")

CLAIM = Record("claim", "Someone who has the buyer's attention for a while.", (
    Key("day", Number(1, 14), "1 is Monday, up to the rules' `days`.", default=1),
    Key("at", Clock(), "When it starts: `\"09:30\"`, in quotes.", required=True),
    Key("minutes", Number(1, 24 * 60), "How long it lasts, in minutes.", default=30),
    Key("who", Text(), "Who has the buyer: a rung of the buyer's ladder, such as `boss` or `customer`.",
        required=True, offers="ladder"),
    Key("what", Text(), "What it is, shown in the week ({limit}).", required=True, box="claim_what"),
    Key("visible", Flag(), "`no` hides it from the trainee: a surprise.", default=True),
    Key("unreachable", Word(UNREACHABLE), "What a call during it gets: {options}.", default=VOICEMAIL),
), section="The week")

MOTIVE_WEIGHTS = per_motive("motive weights", "Weights to draw the motive per game.", Number(0, 1000, whole=False),
                            "How often {motive} is drawn, against the other weights.")

MOTIVE_NOTES = per_motive("motive notes", "What each motive meant in this scenario.", Text(),
                          "What {motive} meant in this scenario.")

LADDER = Items(Text(), unique=True, holds=PROSPECT)

BUYER = Record("buyer", "The buyer the trainee follows up with.", (
    Key("name", Text(), "The buyer's name.", required=True),
    Key("role", Text(), "The buyer's job, shown to the trainee."),
    Key("company", Text(), "The buyer's company, shown to the trainee."),
    Key("portrait", Text(), "How the buyer looks, in a few words. Start with `woman` or `man` (`vrouw`, `man`) "
        "and an age (`in her forties`, `van in de vijftig`): the game draws the face from it and, when the buyer "
        "speaks, picks a voice that fits."),
    Key("colleague", Text(), "Who answers when a claim says `unreachable: colleague`. Without one, voicemail."),
    Key("motive", Either((Word(tuple(Motive)), MOTIVE_WEIGHTS)), "Why the buyer asked for the quote: one motive "
        "(`motive: price_lever`), or weights to draw one per game (`motive: {real_interest: 2, polite_no: 1}`).",
        default=Motive.REAL_INTEREST),
    Key("ladder", LADDER, "Who gets the buyer's attention first, top first; must include `{holds}` (the trainee).",
        shown="the rules' ladder"),
    Key("email_reply", Text(), "The buyer's answer to any e-mail.", shown="the game's own"),
    Key("brush_off", Text(), "What the buyer says when reached with nothing left to say.", shown="the game's own"),
    Key("motive_notes", MOTIVE_NOTES, "Per motive, what it meant in this scenario; shown in the debrief.",
        shown="the game's own"),
), section="The buyer")

QUOTE = Record("quote", "The quote being followed up.", (
    Key("what", Text(), "What the quote is for.", required=True),
    Key("amount", Number(0, 1e12, whole=False), "The amount, without a thousands separator: `4800`.", default=0),
    Key("currency", Text(), "The currency.", default="EUR"),
    Key("sent_days_ago", Number(0, 3650), "How many days ago it was sent.", default=7),
    Key("agreed", Text(), "What was agreed when it was sent."),
), section="The quote")

ENDING_TEXT = Record("ending text", "The ending's title and text for this motive.", (
    Key("title", Text(), "The ending's title when the buyer had this motive.", shown="the title above"),
    Key("text", Text(), "The ending's text when the buyer had this motive ({limit}).", shown="the text above",
        box="ending_text"),
))

ENDING = Record("ending", "An ending's own title and text.", (
    Key("title", Text(), "The ending's title.", shown="the game's own"),
    Key("text", Text(), "The ending's text ({limit}).", shown="the game's own", box="ending_text"),
    Key("if_motive", per_motive("endings per motive", "Another title and text per hidden motive.", ENDING_TEXT,
                                "The ending's title and text when the buyer's motive was {motive}."),
        "Per motive, its own `title` and `text`, so an ending never contradicts what the buyer meant: "
        "`if_motive: {polite_no: {text: ...}}`; what you leave out stays as above."),
))

_ENDING_DOCS = {
    "order": "The deal closed with the order.",
    "next_step": "A step agreed and kept, the deal still open.",
    "objection": "The real position known, no step kept.",
    "clear_no": "The deal closed with a clear no.",
    "strung_along": "Nothing moved.",
}
ENDINGS = Record("endings", "Your own titles and texts for the endings; missing ones use the game's own.", tuple(
    Key(kind, ENDING, f"{_ENDING_DOCS[kind]} Its `title` and `text`.", shown="the game's own")
    for kind in ENDING_KINDS), section="Endings")

STAGE_WEIGHTS = Record("stage weights", "The value of each deal stage, whole numbers; they must rise in the order "
                       "quote_sent, reached, position_known, step_agreed, clear_no, order.", tuple(
    Key(stage, Number(-1000, 1000), f"The value of the stage {stage}.") for stage in Stage))

SCORE = Record("score weights", "Score weights, whole numbers.", (
    Key("stages", STAGE_WEIGHTS, "The value of each deal stage; they must rise in the order quote_sent, reached, "
        "position_known, step_agreed, clear_no, order."),
    Key("appointment", Number(0, 1000), "Points for a concrete next contact agreed, once at each stage of the deal; "
        "less than position_known minus reached."),
    Key("kept_appointment", Number(0, 1000), "Points for a call at an agreed moment that gets through."),
    Key("missed_appointment", Number(0, 1000), "Points lost for an agreed moment let pass, or still open at the end."),
    Key("per_contact", Number(0, 1000), "Points each call or e-mail attempt costs."),
    Key("per_minute", Number(0, 1000), "Points each minute on the phone costs."),
), section="Score weights")

RULES = Record("rules", "The game's rules, from assets/rules.yaml; a scenario changes any of them under 'rules:'.", (
    Key("days", Number(1, 14), "Days in the week, from Monday. An appointment after the last day extends the "
        "game's week to it."),
    Key("hours", Hours(), "When the trainee can make contact."),
    Key("slot_minutes", Number(5, 240), "Minutes between the moments the trainee can choose."),
    Key("contacts", Number(1, 50), "Call or e-mail attempts the trainee may make."),
    Key("answer_chance", Number(0, 1, whole=False), "Chance that a free buyer picks up."),
    Key("email_backfire", Number(0, 1, whole=False), "Share of the answer chance left after an e-mail."),
    Key("missed_appointment_factor", Number(0, 1, whole=False), "Share of the answer chance left after letting an "
        "agreed moment pass."),
    Key("call_patience", Number(1, 120), "Minutes a buyer gives a follow-up call."),
    Key("phrasing_minutes", Number(0, 60), "Minutes a phrasing takes when it does not say."),
    Key("appointment_above", Text(), "At an agreed moment the trainee ranks just above this rung.", offers="ladder"),
    Key("ladder", LADDER, "Who gets the buyer's attention first, top first; must include `{holds}` (the trainee)."),
    Key("score", SCORE, "The score weights, whole numbers."),
), section="Rules")

SCENARIO = Record("scenario", "A scenario for Vooruitgang: following up a quote by phone. "
                  "Guide: docs/writing-scenarios.md", (
    Key("title", Text(), "The scenario's name on screen ({limit}).", required=True, box="title"),
    Key("language", Word(LANGUAGES), "{options}: the language of every text in the file.", required=True),
    Key("goal", Text(), "What the trainee should learn or reach ({limit}).", box="goal"),
    Key("difficulty", Word(DIFFICULTIES), "{options}.", default="medium"),
    Key("minutes", Number(1, 120), "About how long one playthrough takes, {range} minutes.", default=10),
    Key("situation", Text(), "The story before the first call ({limit}).", box="situation"),
    Key("target", Text(), "What the trainee should get out of the calls ({limit}).", box="target"),
    Key("buyer", BUYER, "The buyer the trainee follows up with.", required=True),
    Key("quote", QUOTE, "The quote being followed up.", required=True),
    Key("week", Items(CLAIM), "Who claims the buyer's attention this week.", shown="no one"),
    Key("calls", Items(CALL, fewest=1), "The calls, in the order they are tried.", required=True),
    Key("endings", ENDINGS, "Your own titles and texts for the endings.", shown="the game's own"),
    Key("rules", RULES, "Any of the game's rules, changed for this scenario.", shown="`assets/rules.yaml`"),
    Key("version", Text(), "A version name; results are stored with it.", shown="made from the file"),
    Key("pass_score", Number(-10**6, 10**6), "The lowest score that counts as passed in the organisation's learning "
        "records: the game then sends `passed` or `failed` beside `completed` (see [docs/xapi.md](xapi.md)). "
        "`lint` says when no one or everyone would pass.",
        shown="none"),
    Key("read_the_buyer", Text(), "When the trainee says which hidden motive they think the buyer has, and how sure "
        "they are: `first_call` (when the first call that got through is over), `end` (when the game is over, before "
        "the debrief), the `id` of a decision point (right after the buyer answered there), or `never`. Asked once "
        "a game, and only once the buyer was heard; a game that ends before the moment came asks at its end. It "
        "never changes the score. See [reading the buyer](#reading-the-buyer).", default=ReadAt.FIRST_CALL),
), section="The scenario")


def _text_keys(record: Record) -> set[str]:
    """The names of every key, in the record and the records it holds, whose value is a text (not a list of them)."""
    found: set[str] = set()
    for key in record.keys:
        shapes = key.shape.shapes if isinstance(key.shape, Either) else (key.shape,)
        for shape in shapes:
            if isinstance(shape, Text):
                found.add(key.name)
            inner = shape.item if isinstance(shape, Items) else shape
            if isinstance(inner, Record):
                found |= _text_keys(inner)
    return found


TEXT_KEYS = frozenset(_text_keys(SCENARIO))  # where a value starting with '{' or '[' is a trap (traps.py)

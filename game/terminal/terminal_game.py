"""The game in a terminal: the same model as the window, shown as wrapped text and played by typing."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable

from game.debrief import Debrief, debrief, happened, signed, what_it_cost
from game.model.moment import Moment, clock_text
from game.model.motive import Motive
from game.model.playthrough import Phase, Playthrough
from game.model.reading import Confidence
from game.model.turn import Turn
from game.terminal.typed import is_stop, read_choice, read_contact, words
from game.text import day_name, moment_text, say, with_moment

Read = Callable[[str], str]
Write = Callable[[str], None]


class TerminalGame:
    """One playthrough at the prompt. `read` is `input` (raises EOFError at the end of input)."""

    def __init__(self, play: Playthrough, read: Read = input, write: Write = print, width: int | None = None):
        self.play = play
        self.lang = play.scenario.language
        self.read = read
        self.write = write
        self.width = width or max(40, min(100, shutil.get_terminal_size((80, 24)).columns))

    def text(self, key: str, **params: object) -> str:
        return say(self.lang, f"terminal.{key}", **params)

    def show(self, text: str, indent: str = "", hanging: str | None = None) -> None:
        """Wrapped to the terminal; `hanging` indents the lines after the first (for numbered lists)."""
        for paragraph in text.split("\n"):
            self.write(textwrap.fill(paragraph, self.width, initial_indent=indent,
                                     subsequent_indent=indent if hanging is None else hanging)
                       if paragraph.strip() else "")

    def ask(self, question: str) -> str:
        """The question wrapped like every other line, then a short prompt to type after."""
        self.show(question)
        return self.read("> ")

    def moment(self, moment: Moment) -> str:
        return moment_text(self.lang, moment)

    # --- the game ---------------------------------------------------------------------

    def run(self) -> int:
        """Play until the game ends, the trainee stops, or the input ends; then show the debrief."""
        self.introduce()
        try:
            while self.play.phase != Phase.ENDED:
                if self.play.reading_due and not self.read_the_buyer():
                    self.write(self.text("stopped"))
                    break
                if not (self.talk() if self.play.phase == Phase.IN_CALL else self.reach()):
                    self.write(self.text("stopped"))
                    break
            else:
                if self.play.reading_due:  # the game ended before the moment the scenario chose
                    self.read_the_buyer()
        except EOFError:
            self.write("")
        except KeyboardInterrupt:
            self.write("")
            self.write(self.text("stopped"))
            return 130
        self.play.finish()
        self.show_debrief(debrief(self.play))
        return 0

    def introduce(self) -> None:
        scenario = self.play.scenario
        buyer, quote = scenario.buyer, scenario.quote
        self.write("")
        self.show(scenario.title.upper())
        self.write("")
        for line in (self.text("goal", text=scenario.goal) if scenario.goal else "", scenario.situation.strip(),
                     self.text("target", text=scenario.target) if scenario.target else ""):
            if line:
                self.show(line)
                self.write("")
        self.show(self.text("buyer", name=buyer.name, role=buyer.role or "-", company=buyer.company or "-"))
        amount = f"{quote.amount:,.0f}".replace(",", self.text("thousands_separator"))
        self.show(self.text("quote", what=quote.what, amount=amount, currency=quote.currency, days=quote.sent_days_ago))
        if quote.agreed:
            self.show(self.text("agreed", text=quote.agreed))
        rungs = ", ".join(say(self.lang, f"rung.{rung}") for rung in buyer.ladder.rungs)
        self.show(self.text("ladder", name=buyer.name, rungs=rungs))
        self.show_week()

    def show_week(self) -> None:
        self.write("")
        self.show(self.text("week", name=self.play.scenario.buyer.name))
        claims = self.play.visible_week()
        for claim in claims:
            self.show(self.text("claim", day=day_name(self.lang, claim.day), start=clock_text(claim.start),
                                end=clock_text(claim.start + claim.minutes), what=claim.what,
                                who=say(self.lang, f"rung.{claim.who}")), indent="  ")
        if not claims:
            self.show(self.text("nothing_known"), indent="  ")

    def reach(self) -> bool:
        play = self.play
        self.write("")
        self.show(self.text("status", moment=self.moment(play.now), left=play.contacts_left))
        if play.appointment:
            self.show(self.text("appointment", moment=self.moment(play.appointment)))
        example = self.moment(play.moments()[0])
        while True:
            typed = self.ask(self.text("ask_moment", example=example))
            if is_stop(self.lang, typed):
                return False
            if typed.strip().lower() in words(self.lang, "week_words"):
                self.show_week()
                continue
            contact = read_contact(self.lang, typed, play.now.day)
            if contact is None:
                self.show(self.text("not_understood", example=example, time=play.moments()[0].clock))
            elif contact.moment not in play.moments():
                self.show(self.text("bad_moment", text=typed.strip(), next=self.moment(play.moments()[0])))
            else:
                break
        self.report(play.contact(contact.moment, contact.channel))
        return True

    def talk(self) -> bool:
        play = self.play
        phrasings = play.point.phrasings
        self.write("")
        self.show(f"{play.scenario.buyer.name}: \"{play.buyer_line.strip()}\"")
        for number, phrasing in enumerate(phrasings, start=1):
            line = with_moment(play.scenario.language, phrasing.say, play.proposes(number - 1))
            self.show(f"{number}. {line}", indent="   ", hanging="      ")
        while True:
            typed = self.ask(self.text("ask_choice", count=len(phrasings)))
            if is_stop(self.lang, typed):
                return False
            choice = read_choice(typed, len(phrasings))
            if choice is not None:
                break
            self.show(self.text("bad_choice", count=len(phrasings)))
        self.report(play.choose(choice))
        return True

    def read_the_buyer(self) -> bool:
        """Once a game: which motive the trainee thinks the buyer has, and how sure. Enter skips; False on stop."""
        motives, steps = list(Motive), list(Confidence)
        self.write("")
        self.show(f"== {say(self.lang, 'ui.reading.title')} ==")
        self.show(say(self.lang, "ui.reading.question", name=self.play.scenario.buyer.name))
        for number, motive in enumerate(motives, start=1):
            self.show(f"{number}. {say(self.lang, f'motive.{motive}.name')} – "  # hints hold colons themselves
                      f"{say(self.lang, f'ui.reading.hint.{motive}')}", indent="   ", hanging="      ")
        self.show(say(self.lang, "ui.reading.note"))
        motive = self.pick(self.text("ask_reading", count=len(motives)), len(motives))
        if motive is None or motive is False:
            return motive is None
        for number, step in enumerate(steps, start=1):
            self.show(f"{number}. {say(self.lang, f'ui.reading.confidence.{step}')}", indent="   ")
        sure = self.pick(self.text("ask_sure", question=say(self.lang, "ui.reading.how_sure"), count=len(steps)),
                         len(steps))
        if sure is None or sure is False:
            return sure is None
        self.play.read(motives[motive], steps[sure])
        return True

    def pick(self, question: str, count: int) -> int | bool | None:
        """A number from 1 to `count` (as an index); None when the trainee skips (Enter), False on stop."""
        while True:
            typed = self.ask(question)
            if is_stop(self.lang, typed):
                return False
            if not typed.strip():
                self.play.skip_reading()
                return None
            choice = read_choice(typed, count)
            if choice is not None:
                return choice
            self.show(self.text("bad_choice", count=count))

    def report(self, turn: Turn) -> None:
        self.show(happened(self.play, turn), indent="  ")
        if turn.call_end:
            self.show(self.text("call_ended"), indent="  ")

    # --- the debrief ------------------------------------------------------------------

    def show_debrief(self, report: Debrief) -> None:
        self.write("")
        self.show(f"== {self.text('debrief')} ==")
        self.show(f"{report.ending_title}. {report.ending_text}")
        self.show(self.text("score", score=str(report.score).replace("-", "−")))
        self.show(", ".join(f"{say(self.lang, f'ui.debrief.part.{name}')} {signed(value)}"
                            for name, value in report.parts.items()), indent="   ")
        for line in report.lines:
            self.write("")
            self.show(self.text("turn", number=line.turn.number, when=line.when, action=line.action))
            self.show(line.happened, indent="   ")
            self.show(self.text("verdict_one" if abs(line.points) == 1 else "verdict", verdict=line.verdict_word,
                                points=signed(line.points)), indent="   ")
            for reason in line.reasons:
                self.show(f"- {reason}", indent="   ")
            if line.feedback:
                self.show(line.feedback, indent="   ")
            if line.principle:
                self.show(self.text("principle", text=line.principle), indent="   ")
            if line.better:
                self.show(self.text("better", text=line.better), indent="   ")
            if cost := what_it_cost(self.play, line.turn, self.lang):
                self.show(f"{say(self.lang, 'same_week.title')}: {cost}", indent="   ")
        self.write("")
        self.show(self.text("motive", name=self.play.scenario.buyer.name, motive=report.motive_name,
                            explained=report.motive_explained))
        if report.reading_line:
            self.show(report.reading_line)

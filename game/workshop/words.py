"""The report's words in the workshop's language, from assets/text/<lang>/report.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.text import say, shortened

if TYPE_CHECKING:
    from game.workshop.costs import Cost, RoomCosts
    from game.workshop.group import Group, Point, Trend

LONGEST_BUYER_LINE = 80  # what the buyer said at a decision point, as the report names it: a line, not a speech


def _at_a_word(text: str, most: int) -> str:
    """`text` shortened to `most` characters, cut after a whole word."""
    cut = shortened(text, most)
    if not cut.endswith("…") or cut == " ".join(text.split()):
        return cut
    head = cut.removesuffix("…")
    return head.rsplit(" ", 1)[0].rstrip(",;:-–.") + "…" if " " in head else cut


@dataclass(frozen=True)
class Words:
    lang: str

    def __call__(self, key: str, **params: object) -> str:
        return say(self.lang, f"report.{key}", **params)

    def outcome(self, outcome: str | None) -> str:
        return self(f"outcome.{outcome}") if outcome else ""

    def verdict(self, verdict: str) -> str:
        return self(f"verdict.{verdict}")

    def motive(self, motive: str) -> str:
        return say(self.lang, f"motive.{motive}.name")

    def confidence(self, confidence: str) -> str:
        """How sure a trainee was of a reading, in the words of their own calibration chart."""
        return say(self.lang, f"ui.calibration.step.{confidence}")

    def reading(self, motive: str, confidence: str) -> str:
        """A reading of the buyer in one cell: the motive read and how sure; nothing when none was made."""
        return f"{self.motive(motive)} ({self.confidence(confidence)})" if motive else ""

    def at_point(self, group: Group, point: Point) -> str:
        """Where in which scenario a decision point is: the buyer's line there, and the call when the scenario
        has more than one; the ids in the file only when the scenario file is not here."""
        title = group.title(point.scenario)
        if point.place is None:
            return self("at_point", scenario=title, call=point.call_id, point=point.point_id)
        buyer = self("buyer_said", text=_at_a_word(point.place.buyer, LONGEST_BUYER_LINE))
        if point.place.calls > 1:
            return self("at_line_in_call", scenario=title, call=self("call", number=point.place.call), buyer=buyer)
        return self("at_line", scenario=title, buyer=buyer)

    def choices(self, count: int) -> str:
        return self("choices.one" if count == 1 else "choices.many", count=count)

    def trend_name(self, group: Group, trend: Trend) -> str:
        return group.title(trend.scenario) if trend.scenario else self("all_scenarios")

    def cost(self, cost: Cost | None) -> str:
        """'cost 31 points on average (12 turns replayed)'; honest when the stronger phrasing gave no more or
        fewer points; '' when nothing was replayed."""
        if cost is None:
            return ""
        if not cost.turns:
            return self("cost.unbeaten")
        points = self.number(abs(cost.mean))
        replayed = self("replayed.one") if cost.turns == 1 else self("replayed.many", count=cost.turns)
        if points == "0":
            return self("cost.none", replayed=replayed)
        unit = self("unit.one" if points == "1" else "unit.many")
        way = "more" if cost.mean > 0 else "less"
        return self(f"cost.{way}_one" if cost.turns == 1 else f"cost.{way}", points=points, unit=unit,
                    replayed=replayed)

    def left_out(self, costs: RoomCosts) -> str:
        """Which finished playthroughs could not be replayed for the cost of prolonging, and why; '' when none."""
        count = sum(costs.left_out.values())
        if not count:
            return ""
        why = "; ".join(self(f"left_out_why.{reason}", count=number)
                        for reason, number in sorted(costs.left_out.items()))
        return self("left_out.one" if count == 1 else "left_out.many", count=count, why=why)

    def percent(self, share: float) -> str:
        return f"{round(share * 100)}%"

    def number(self, value: float) -> str:
        """One decimal at most, with the language's decimal mark."""
        text = f"{value:.1f}".removesuffix(".0")
        return text.replace(".", ",") if self.lang == "nl" else text

"""The report's words in the workshop's language, from assets/text/<lang>/report.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.text import say

if TYPE_CHECKING:
    from game.workshop.group import Group, Point, Trend


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
        """Where in which scenario a decision point is."""
        return self("at_point", scenario=group.title(point.scenario), call=point.call_id, point=point.point_id)

    def trend_name(self, group: Group, trend: Trend) -> str:
        return group.title(trend.scenario) if trend.scenario else self("all_scenarios")

    def percent(self, share: float) -> str:
        return f"{round(share * 100)}%"

    def number(self, value: float) -> str:
        """One decimal at most, with the language's decimal mark."""
        text = f"{value:.1f}".removesuffix(".0")
        return text.replace(".", ",") if self.lang == "nl" else text

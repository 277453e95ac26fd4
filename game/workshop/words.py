"""The report's words in the workshop's language, from assets/text/<lang>/report.yaml."""

from __future__ import annotations

from dataclasses import dataclass

from game.text import say


@dataclass(frozen=True)
class Words:
    lang: str

    def __call__(self, key: str, **params: object) -> str:
        return say(self.lang, f"report.{key}", **params)

    def outcome(self, outcome: str | None) -> str:
        return self(f"outcome.{outcome}") if outcome else ""

    def verdict(self, verdict: str) -> str:
        return self(f"verdict.{verdict}")

    def percent(self, share: float) -> str:
        return f"{round(share * 100)}%"

    def number(self, value: float) -> str:
        """One decimal at most, with the language's decimal mark."""
        text = f"{value:.1f}".removesuffix(".0")
        return text.replace(".", ",") if self.lang == "nl" else text

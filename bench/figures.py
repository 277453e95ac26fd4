"""Small statistics for timings: the median for the usual case, the 99th percentile for the worst."""

from __future__ import annotations

import math
import statistics


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` (0..1) of the values fall, nearest-rank."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def spread(milliseconds: list[float]) -> dict[str, float]:
    return {"median": round(median(milliseconds), 3), "p99": round(percentile(milliseconds, 0.99), 3)}

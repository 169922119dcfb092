"""Interval arithmetic for figures as written, honouring their rounding.

A figure written with ``d`` decimals stands for every value that rounds to
it: ``48.6`` is [48.55, 48.65], ``$1.2 billion`` is 1.15 to 1.25 billion
(statcheck's and GRIM's logic). Claims are checked by propagating these
intervals through the computation and asking whether the stated result's
own interval can meet the computed one. Hedges ("about", "more than",
"up to") widen an interval or open one of its ends.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

INF = math.inf

# Hedges and what they do to a stated figure's interval.
APPROXIMATE = frozenset(
    {"about", "approximately", "approx.", "approx", "around", "roughly", "some", "circa", "ca.", "~",
     "an estimated", "estimated", "close to", "of about", "of approximately", "of around", "of roughly"}
)
NEARLY = frozenset({"nearly", "almost", "just under", "close to", "approaching"})
AT_LEAST = frozenset(
    {"more than", "over", "above", "in excess of", "upwards of", "at least", "no less than", "not less than",
     "greater than", "exceeding", "well over", "just over", "well above", "north of", "over and above"}
)
AT_MOST = frozenset(
    {"less than", "under", "below", "fewer than", "up to", "at most", "no more than", "not more than",
     "well under", "well below", "as much as", "as many as"}
)
# How far an approximate figure may stray, relative to its value.
APPROXIMATE_SLACK = 0.10
NEARLY_SLACK = 0.15
# Slack for floating-point noise when comparing interval ends.
EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval [lo, hi]; either end may be infinite."""

    lo: float
    hi: float

    @classmethod
    def exact(cls, value: float) -> Interval:
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __mul__(self, other: Interval | float) -> Interval:
        if not isinstance(other, Interval):
            other = Interval(other, other)
        products = [a * b for a in (self.lo, self.hi) for b in (other.lo, other.hi) if not (a == 0 and math.isinf(b)) and not (b == 0 and math.isinf(a))]
        return Interval(min(products, default=0.0), max(products, default=0.0))

    def __truediv__(self, other: Interval | float) -> Interval:
        if not isinstance(other, Interval):
            other = Interval(other, other)
        if other.lo <= 0 <= other.hi:
            return Interval(-INF, INF)
        return self * Interval(1 / other.hi, 1 / other.lo)

    def power(self, exponent: float) -> Interval:
        """Raise a positive interval to a positive power."""
        lo = max(self.lo, 0.0)
        return Interval(lo**exponent, self.hi**exponent if not math.isinf(self.hi) else INF)

    def meets(self, other: Interval) -> bool:
        """Whether the two intervals share at least one value."""
        ends = [abs(x) for x in (self.lo, self.hi, other.lo, other.hi) if not math.isinf(x)]
        slack = EPSILON * max([1.0, *ends])
        return self.lo <= other.hi + slack and other.lo <= self.hi + slack

    def contains(self, value: float) -> bool:
        return self.lo - EPSILON <= value <= self.hi + EPSILON

    @property
    def mid(self) -> float:
        if math.isinf(self.lo) or math.isinf(self.hi):
            return self.hi if math.isinf(self.lo) else self.lo
        return (self.lo + self.hi) / 2


def rounding(value: float, decimals: int, scale: float = 1.0) -> Interval:
    """The values a figure (``value`` in units) written with ``decimals`` decimals of its ``scale`` stands for."""
    half = 0.5 * 10.0 ** (-decimals) * scale
    return Interval(value - half, value + half)


def hedged(interval: Interval, hedge: str | None) -> Interval:
    """Widen or open ``interval`` as the hedge in front of its figure allows."""
    if not hedge:
        return interval
    hedge = hedge.lower()
    mid = interval.mid
    if hedge in AT_LEAST:
        return Interval(interval.lo, INF)
    if hedge in AT_MOST:
        return Interval(-INF if interval.lo < 0 else 0.0, interval.hi)
    if hedge in NEARLY:
        return Interval(min(interval.lo, mid - abs(mid) * NEARLY_SLACK), interval.hi)
    if hedge in APPROXIMATE:
        slack = abs(mid) * APPROXIMATE_SLACK
        return Interval(min(interval.lo, mid - slack), max(interval.hi, mid + slack))
    return interval


def format_number(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals and thousands separators."""
    if math.isinf(value):
        return "infinity" if value > 0 else "-infinity"
    return f"{value:,.{max(decimals, 0)}f}"

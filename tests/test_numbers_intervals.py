"""Interval arithmetic for figures as written (checker.intervals)."""

from __future__ import annotations

import math

from checker.intervals import INF, Interval, hedged, rounding


def test_rounding_interval_of_a_written_figure():
    written = rounding(48.6, 1)
    assert math.isclose(written.lo, 48.55) and math.isclose(written.hi, 48.65)
    low, high = rounding(1.2e9, 1, 1e9).lo, rounding(1.2e9, 1, 1e9).hi
    assert math.isclose(low, 1.15e9) and math.isclose(high, 1.25e9)
    assert rounding(7, 0) == Interval(6.5, 7.5)


def test_division_propagates_both_ends():
    ratio = Interval(48.55, 48.65) / Interval(31.15, 31.25)
    assert math.isclose(ratio.lo, 48.55 / 31.25) and math.isclose(ratio.hi, 48.65 / 31.15)
    assert (Interval(1, 2) / Interval(-1, 1)) == Interval(-INF, INF)


def test_meets_allows_touching_ends_and_rejects_gaps():
    assert Interval(1.0, 2.0).meets(Interval(2.0, 3.0))
    assert not Interval(1.0, 2.0).meets(Interval(2.01, 3.0))
    assert not Interval(1.81, 1.83).meets(Interval(2.0, INF))  # infinite ends do not swallow the gap


def test_hedges_widen_or_open_the_interval():
    stated = Interval(49.5, 50.5)
    assert hedged(stated, None) == stated
    assert hedged(stated, "more than") == Interval(49.5, INF)
    assert hedged(stated, "up to") == Interval(0.0, 50.5)
    about = hedged(stated, "about")
    assert about.lo < 46 and about.hi > 54
    nearly = hedged(stated, "nearly")
    assert nearly.lo < 43 and nearly.hi == 50.5


def test_power_for_compound_growth():
    growth = (Interval(3.35, 3.45) / Interval(2.05, 2.15)).power(1 / 8)
    assert 1.057 < growth.lo < growth.hi < 1.068


def test_parsed_quantities_carry_the_rounding_interval():
    from checker.extract.numbers import parse_quantities

    for text, value, decimals, scale in (("48.6", 48.6, 1, 1.0), ("$1.2 billion", 1.2e9, 1, 1e9), ("7%", 7.0, 0, 1.0)):
        [quantity] = parse_quantities(f"It was {text} last year.")
        written = rounding(value, decimals, scale)
        assert (quantity.low, quantity.high) == (written.lo, written.hi)

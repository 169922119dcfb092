"""The numbers extractor on a table of real-world quantity expressions (tests/data/numbers/quantities.toml)."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest

from checker.extract.numbers import parse_quantities

TABLE = tomllib.loads((Path(__file__).parent / "data" / "numbers" / "quantities.toml").read_text(encoding="utf-8"))


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def test_the_table_is_large_enough():
    assert len(TABLE["quantity"]) + len(TABLE["none"]) >= 150


@pytest.mark.parametrize("case", TABLE["quantity"], ids=lambda c: c["text"])
def test_quantity(case):
    found = parse_quantities(case["text"])
    assert len(found) == 1, [q.text for q in found]
    q = found[0]
    assert q.text == case.get("match", case["text"])
    assert case["text"][q.start:q.end] == q.text
    assert _close(q.value, case["value"]), q.value
    assert q.unit == case.get("unit", "")
    if "scale" in case:
        assert _close(q.scale, case["scale"]), q.scale
    for key in ("decimals", "hedge", "kind", "noun"):
        if key in case:
            assert getattr(q, key) == case[key], key
    for key in ("low", "high"):
        if key in case:
            assert _close(getattr(q, key), case[key]), (key, getattr(q, key))
    assert q.low <= q.value <= q.high


@pytest.mark.parametrize("case", TABLE["none"], ids=lambda c: c["text"])
def test_not_a_quantity(case):
    found = parse_quantities(case["text"])
    if "absent" in case:
        at = case["text"].index(case["absent"])
        found = [q for q in found if q.start <= at < q.end]
    assert found == [], [q.text for q in found]


def test_offsets_index_the_text_within_bounds():
    text = "Intro. Revenue rose to $48.6 million from $31.2 million, an increase of 42%. Outro 7."
    start = text.index("Revenue")
    end = text.index(" Outro")
    found = parse_quantities(text, start, end)
    assert [q.text for q in found] == ["$48.6 million", "$31.2 million", "42%"]
    assert all(text[q.start:q.end] == q.text for q in found)


def test_text_without_numbers_is_cheap_and_empty():
    assert parse_quantities("No figures here, only words about growth and revenue.") == []

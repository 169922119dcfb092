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


def test_the_figure_pattern_at_a_digit_is_the_whole_pattern_there():
    # At a digit, the figure is matched by a pattern without the hedge, sign and currency parts;
    # it must read every figure of the table as the whole pattern does.
    from checker.extract.number_grammar import grammar

    figure, _, at_digit = grammar()
    texts = [case["text"] for case in TABLE["quantity"] + TABLE["none"]]
    texts += [f"{n}{tail} of" for n in ("5", "1,250.5", "2019") for tail in (
        "%", " per cent", " percentage points", " bps", "x", " times higher", "-fold", " fold", " million", " Billion",
        " dollars", " US dollars", " pounds sterling", " ſterling", " KRW", " euros", " lakh", " crores", " mn", " people",
    )]
    compared = 0
    for text in texts:
        for at in (i for i, char in enumerate(text) if char.isdigit() and (i == 0 or not text[i - 1].isdigit())):
            whole, short = figure.match(text, at), at_digit.match(text, at)
            assert (whole is None) == (short is None), text
            if whole is not None and short is not None:
                read = {key: value for key, value in whole.groupdict().items() if value is not None}
                assert (short.end(), {key: value for key, value in short.groupdict().items() if value is not None}) == (whole.end(), read), text
                compared += 1
    assert compared > 200

"""CON005's searches over a text's UTF-8 bytes (every digit made "0") find what the searches over the text find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.number_searches import searches

_PIECES = [
    "1", "5", "12", "500", "2024", "12345", ",", ".", "$", "%", " ", "-", "/", "#", "x", "A",
    " mg", "mg", " MB", " per cent", " percent", " PERCENT", "No. ", ",000", "\n", "_",
]
# Characters outside ASCII: currency signs, a no-break space, a letter (a word character), a micro
# sign, a curly quote, a character of three bytes and one of four.
_NON_ASCII = ["\u00a3", "\u20ac", "\u00a0", "\u00e9", "\u00b5g", "\u2019", "\u4e2d", "\U0001f600"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_the_byte_searches_agree_with_the_text_searches(text: str) -> None:
    assert searches(text, True) == searches(text, False)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + _NON_ASCII), max_size=16).map("".join))
def test_the_byte_searches_agree_outside_ascii(text: str) -> None:
    assert searches(text, True) == searches(text, False)


def test_examples() -> None:
    text = "It cost $1,500 and $12345 in all, 1,200 and 15000 units; 5mg, 3 MB and 7 per cent, not #1200 or -2000."
    percent_or_unit, numbers = searches(text)
    assert [(text[start:end], form) for start, end, form in percent_or_unit] == [("5mg", "unspaced"), ("3 MB", "spaced"), ("7 per cent", "per cent")]
    assert [(text[start:end], grouped) for start, end, grouped in numbers] == [
        ("$1,500", True), ("$12345", False), ("1,200", True), ("15000", False)
    ]
    assert searches(text, True) == searches(text, False)
    text = "\u00e912,500 \u00e9t\u00e9 \u20ac1,500 x\u20ac2,500 \u00a312000 5\u00a0%, 5\u00a0mg\u00e9, 5 \u00b5g and 20\u00a0percent"
    assert searches(text, True) == searches(text, False)
    percent_or_unit, numbers = searches(text)
    assert [text[start:end] for start, end, _ in numbers] == ["\u20ac1,500", "2,500", "\u00a312000"]
    assert [text[start:end] for start, end, _ in percent_or_unit] == ["5 \u00b5g", "20\u00a0percent"]

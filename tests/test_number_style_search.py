"""CON005's searches over an ASCII text's bytes (every digit made "0") find what the searches over the text find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.number_style import _searches

_PIECES = st.sampled_from(
    ["1", "5", "12", "500", "2024", "12345", ",", ".", "$", "%", " ", "-", "/", "#", "x", "A",
     " mg", "mg", " MB", " per cent", " percent", " PERCENT", "No. ", ",000", "\n", "_"]
)


def _found(text: str, ascii_bytes: bool) -> tuple[list, list]:
    percent_or_unit, thousands = _searches(text, ascii_bytes)
    shape = [(m.span(), tuple(None if g is None else len(g) for g in m.groups())) for m in percent_or_unit]
    return shape, [(m.span(), m.group(1) is None) for m in thousands]


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_the_byte_searches_agree_with_the_text_searches(text: str) -> None:
    assert _found(text, True) == _found(text, False)


def test_examples() -> None:
    text = "It cost $1,500 and $12345 in all, 1,200 and 15000 units; 5mg, 3 MB and 7 per cent, not #1200 or -2000."
    percent_or_unit, thousands = _found(text, True)
    assert [text[slice(*span)] for span, _ in percent_or_unit] == ["5mg", "3 MB", "7 per cent"]
    assert [(text[slice(*span)], grouped) for span, grouped in thousands] == [
        ("$1,500", True), ("$12345", False), ("1,200", True), ("15000", False)
    ]
    assert _found(text, True) == _found(text, False)

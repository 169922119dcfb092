"""CON002's search for a compound's closed and open forms finds what the look-behind patterns find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compounds import _spans

_PIECES = st.sampled_from(["follow", "up", "followup", " ", "  ", "\t", "\n", "-", "\u2010", "_", "x", "\u00e9", "5", ".", "a"])


def _pattern(first: str, second: str, blanks: bool) -> str:
    gap = "[ \t]+" if blanks else ""
    return rf"(?<![\w\-\u2010\u2011]){first}{gap}{second}(?![\w\-\u2010\u2011])"


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.booleans())
def test_find_agrees_with_the_pattern(text: str, blanks: bool) -> None:
    expected = [m.span() for m in re.finditer(_pattern("follow", "up", blanks), text)]
    assert _spans(text, "follow", "up", blanks) == expected


def test_examples() -> None:
    assert _spans("a followup and follow up", "follow", "up", False) == [(2, 10)]
    assert _spans("a followup and follow \t up.", "follow", "up", True) == [(15, 26)]
    assert _spans("x-followup followupx", "follow", "up", False) == []

"""LineStarts: searches at line starts give what the pattern's own search and finditer give."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from checker.patterns import LineStarts

PATTERNS = [
    re.compile(r"^[ \t#]*(?P<date>[A-Z][a-z]+ \d{1,2},\s+\d{4})[ \t]*$", re.M),  # may run over a line break
    re.compile(r"^a+", re.M),
    re.compile(r"^(?:ab|b)\r?\n?b*", re.M),
    re.compile(r"^x(?=\n|$)", re.M),
]
TEXTS = st.text(alphabet="ab x#\n\r\tMarch1,2026", max_size=60)


@given(TEXTS, st.integers(0, 70), st.one_of(st.none(), st.integers(0, 70)))
def test_same_as_re(text, pos, endpos):
    lines = LineStarts(text)
    for pattern in PATTERNS:
        expected = list(pattern.finditer(text, pos, len(text) if endpos is None else endpos))
        assert [m.span() for m in lines.finditer(pattern, pos, endpos)] == [m.span() for m in expected]
        found = lines.search(pattern, pos, endpos)
        assert (found and found.span()) == (expected[0].span() if expected else None)


def test_a_date_line_and_a_date_over_two_lines():
    text = "Title\n  March 3,\n2026\nbody March 4, 2026\nMarch 5, 2026"
    lines = LineStarts(text)
    assert [m.group("date") for m in lines.finditer(PATTERNS[0])] == ["March 3,\n2026", "March 5, 2026"]
    assert lines.search(PATTERNS[0], 0, 20) is None  # the text ends before the year
    assert lines.search(PATTERNS[0], 7).group("date") == "March 5, 2026"  # not at a line start

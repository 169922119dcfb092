"""checker.word_splits: the finders' line patterns find exactly the lines that the plain ``^...$`` patterns find.

The finders search the distinct words joined into lines with patterns that open with a line feed and
hold tries of words (``_line_pattern``, ``trie_regex``). Each is compared here with the pattern it
replaces: a flat alternation of the same words, anchored with ``^`` and ``$`` under ``re.M``, over
the words joined by line feeds alone.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import word_splits as ws


def _flat(words) -> str:
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


def _reference() -> dict[str, tuple[re.Pattern, re.Pattern]]:
    """Each line pattern of the finders beside the plain pattern of the same lines."""
    part, token = ws._MIN_CONTENT_PART, ws._MIN_CONTENT_TOKEN
    start = _flat(w for w in ws.CLOSED_CLASS if len(w) >= part)
    end = _flat(w for w in ws.CLOSED_CLASS | ws.CLOSED_AT_END if len(w) >= part)
    closed = f"^(?=[a-z]{{{token},}}$)(?:(?:{start})[a-z]{{{part},}}|[a-z]{{{part},}}(?:{end}))$"
    # (A left part of three letters is tried too, before the suffixes that allow it: ``_SHORT_LEFT_SUFFIXES``.)
    suspect = f"^(?:(?:{_flat(ws.FUNCTION_WORDS)})[a-z]{{2,}}|[a-z]{{3,}}(?:{_flat(ws._SUFFIX_WORDS)}))$"
    relative = f"^(?:{_flat(ws._RELATIVE_MODIFIERS)})(?:{_flat(ws._CALENDAR_UNITS)})$"
    content = f"^[a-z]{{{token},}}$"
    plain = {"closed": closed, "suspect": suspect, "relative": relative, "content": content}
    lines = {
        "closed": ws._closed_pattern(),
        "suspect": ws._suspect_pattern(),
        "relative": ws._relative_lines(),
        "content": ws._content_pattern(),
    }
    return {name: (lines[name], re.compile(plain[name].encode(), re.M)) for name in plain}


REFERENCE = _reference()
PIECES = sorted(ws.CLOSED_CLASS | ws.CLOSED_AT_END | set(ws._RELATIVE_MODIFIERS) | set(ws._CALENDAR_UNITS))


def _assert_same(words: list[bytes]) -> None:
    distinct = set(words)
    for name, (line, plain) in REFERENCE.items():
        # (A set's order is the same for both joins: the lines are compared in order.)
        assert line.findall(ws._lines(distinct)) == plain.findall(b"\n".join(distinct)), name


EDGES = [
    b"",
    b"a",
    b"the",
    b"ofthe",
    b"thecompany",
    b"costfor",
    b"costsfor",
    b"teamnow",
    b"teamsnow",
    b"aboutroughly",
    b"childrenunder",
    b"abcunder",
    b"lastweek",
    b"nextmonths",
    b"comingseason",
    b"lastweekend",
    b"abcdefg",
    b"abcdef",
    b"Thecompany",
    b"theCompany",
    b"aboutcaf\xc3\xa9s",
    b"caf\xc3\xa9about",
    b"\xc3\xa9teamnow",
    b"teamnow\n",
    b"\nteamnow",
    b"team\nnow",
    b"ofthe\nlastweek\nabout",
    b"the company",
    b"ofthe ",
    b"aboutabout",
    b"abouthe",
    b"withthe",
    b"fromthat",
    b"and",
    b"andand",
    b"andandand",
]


def test_line_patterns_edges() -> None:
    _assert_same(EDGES)
    for word in EDGES:
        _assert_same([word])


def test_line_patterns_every_piece_joined() -> None:
    # Every closed-class, modifier and calendar word before and after every other, and alone.
    words = [left.encode() + right.encode() for left in PIECES for right in PIECES]
    _assert_same(words + [piece.encode() for piece in PIECES])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.sampled_from(PIECES),
                st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=0, max_size=6),
                st.text(min_size=0, max_size=3),
            ),
            min_size=0,
            max_size=4,
        ).map(lambda parts: "".join(parts).encode("utf-8")),
        max_size=30,
    )
)
def test_line_patterns_generated(words: list[bytes]) -> None:
    _assert_same(words)


@pytest.mark.parametrize("token", ["lastweek", "nextmonths", "lastweek\n", "lastweekly", "thisyear", "teamnow", ""])
def test_relative_lines_match_relative_pattern(token: str) -> None:
    # relative_date_split reads one token with ``_relative_pattern``; the finder, lines with ``_relative_lines``.
    raw = token.encode()
    assert bool(ws._relative_pattern().match(raw)) == bool(ws._relative_lines().match(b"\n" + raw))

"""ENC002's search for mojibake clues at the places of the few lead characters a text holds finds what the pattern's search finds."""

from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.extract.mojibake_repairs import _LEADS, _clue, _pair
from checker.extract.unicode_chars import non_ascii_characters

# Leads, continuations, clues ("Ã©", "â€™", "Ð°", "вЂ"), pairs that are no clue, and plain text between them.
_PIECES = st.sampled_from(
    ["\u00c3", "\u00a9", "\u00c3\u00a9", "\u00c3\u00c3\u00a9", "\u00e2\u20ac\u2122", "\u00d0\u00b0", "\u0432\u0402", "\u2019", "\u2014",
     "\u201c", "\u2500", "\u251c", "\u00e9", "\u00b1", " ", "\n", "text ", "caf", "\u4e2d\u6587", "x" * 70]
)


def _search(text: str, position: int) -> int | None:
    return _clue(text, position)  # every lead: the pattern's search


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join), st.integers(0, 30))
@example("\u00c3\u00c3\u00a9" + "x" * 200, 0)  # a pair that is no clue, then one that overlaps it: passed over as by the search
@example("x" * 200 + "\u00c3\u00a9", 0)
@example("x" * 400 + "\u00e2\u20ac\u2122 and \u00c3\u00a9 and \u00d0\u00b0", 0)  # three leads: their places in order
def test_clues_at_the_leads_places_are_the_searchs(text: str, position: int) -> None:
    position = min(position, len(text))
    leads = non_ascii_characters(text) & _LEADS
    assert _clue(text, position, leads) == _search(text, position)


def test_the_pairs_first_class_is_the_leads() -> None:
    # The places looked at are those of _LEADS: the characters that can open a pair, and no others.
    source = _pair().pattern
    opener = re.compile(source[: source.index("][") + 1])
    assert {chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF and opener.match(chr(code))} == _LEADS


def test_the_leads_places_come_in_text_order_whatever_order_the_leads_are_given_in() -> None:
    # Hypothesis's texts meet the leads in the order of a set of strings, which changes from run to run with
    # the hash seed: here every order of three leads is given (a mapping's keys: a set in a fixed order).
    from itertools import permutations

    from checker.extract.mojibake_repairs import _places

    text = "x" * 300 + "\u00d0\u00b0 and \u00e2\u20ac\u2122 and \u00c3\u00a9 then \u00d0\u00b0"
    for order in permutations(["\u00e2", "\u00c3", "\u00d0"]):
        leads = dict.fromkeys(order).keys()
        places = _places(text, 0, leads)
        assert places is not None and places == sorted(places) and len(places) == 4
        assert _clue(text, 0, leads) == _search(text, 0)

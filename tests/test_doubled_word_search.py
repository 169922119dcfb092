"""TXT003's search for a doubled word without a compiled pattern finds what the pattern finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.rules.doubled_word import _haystack, _literal_pairs, _pattern_pairs, _spans

_PIECES = st.sampled_from(["the", "The", "a", " ", "  ", "\n", "\r\n", "\r", " \n ", "-", ".", ".x", "'", "@", "x", "thee", "5", "\u00e9"])


def _all(pairs, haystack: str, word: str) -> list[tuple[int, int, int, int]]:
    found, position = [], 0
    while pair := pairs(haystack, word, position, 0):
        found.append(pair)
        position = pair[0] + 1
    return found


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join), st.sampled_from(["the", "a", "thee"]))
def test_literal_search_agrees_with_the_pattern(text: str, word: str) -> None:
    assert _all(_literal_pairs, text, word) == _all(_pattern_pairs, text, word)


def test_examples() -> None:
    assert _literal_pairs("so the the end", "the", 0, 0) == (3, 6, 7, 10)
    assert _literal_pairs("the  \n  the cat", "the", 0, 0) == (0, 3, 8, 11)
    assert _literal_pairs("the the-end", "the", 0, 0) is None
    assert _literal_pairs("the\n\nthe", "the", 0, 0) is None


def _spans_lowered(text: str, words: set[str]) -> list[tuple[int, int, int, int]]:
    """The places of the doubled ``words`` found in ``str.lower`` of the text (the search's definition)."""
    lowered = text.lower()
    haystack, flags = (lowered, 0) if len(lowered) == len(text) else (text, re.IGNORECASE)
    return sorted(_spans(haystack, flags, words))


_MIXED = st.sampled_from(
    ["the", "The", "THE", "k", "K", "\u212a", "i", "I", "\u0130", "\u0131", "\u00e9", "\u00c9", "\u00df", "\u03a3", "\u00fcber",
     "\u00dcBER", " ", "\n", " \n ", "-", ".", "'", "\u2019", "\u201c", "5", "x"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_MIXED, max_size=16).map("".join), st.sets(st.sampled_from(["the", "k", "i", "ki", "x", "\u00fcber", "\u00e9"]), min_size=1))
def test_doubled_words_are_found_in_the_text_lower_cased_cheaply(text: str, words: set[str]) -> None:
    # Beyond ASCII, the search reads the text with only its ASCII letters lower-cased where that finds the same places.
    assert sorted(_spans(*_haystack(text, words), words)) == _spans_lowered(text, words)


def test_the_cheap_lower_casing_is_used_beyond_ascii() -> None:
    text = "\u00c9t\u00e9: the THE the"
    haystack, flags = _haystack(text, {"the"})
    assert (haystack, flags) == ("\u00c9t\u00e9: the the the", 0)  # "\u00c9" kept: only ASCII letters lower-cased
    assert _haystack("\u212aelvin kelvin", {"kelvin"}) == ("kelvin kelvin", 0)
    # A word beyond ASCII, or an "\u0130" that lower-cases to two characters: the text lower-cased in full.
    assert _haystack("\u00dcBER \u00fcber", {"\u00fcber"}) == ("\u00fcber \u00fcber", 0)
    assert _haystack("\u0130 the the", {"the"}) == ("\u0130 the the", re.IGNORECASE)


def test_a_word_doubled_across_a_line_break_points_at_its_second_line_too() -> None:
    from checker.testing import lint_sources

    text = "Notes\n\nRams sold to\nto 245p, and ewes sold to 198p.\n\nThe the end came.\n"
    found = [d for d in lint_sources({"a.md": text}).diagnostics if d.rule == "TXT004"]
    assert [(d.line, [(r.line, r.column) for r in d.related]) for d in found] == [(3, [(4, 1)]), (6, [])]

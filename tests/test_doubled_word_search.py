"""TXT003's search for a doubled word without a compiled pattern finds what the pattern finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.rules.doubled_word import _literal_pairs, _pattern_pairs

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

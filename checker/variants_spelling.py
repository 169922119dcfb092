"""How far apart two spellings of one name may be: the edit distance NAM001's near-miss
search measures, and the reach it allows for a word of a given length."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA


def max_distance(length: int) -> int:
    """Edits allowed between two words of this (shorter) length: 0 below 6 letters."""
    if length < 6:
        return 0
    return 1 if length < 10 else 2


def phrase_reach(a: str, b: str) -> int:
    """Edits allowed between two words in the same place of two multi-word names."""
    return 1 if min(len(a), len(b)) < 10 else 2


@lru_cache(maxsize=65536)
def edit_distance(a: str, b: str, cutoff: int = 2) -> int:
    """Optimal string alignment distance (transpositions count once), capped at cutoff + 1."""
    return OSA.distance(a, b, score_cutoff=cutoff)

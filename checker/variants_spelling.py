"""How far apart two spellings of one name may be: the edit distance NAM001's near-miss
search measures, and the reach it allows for a word of a given length."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from checker.patterns import process_memo

# rapidfuzz's OSA.distance, imported on the first distance asked for: a run that measures none
# (one whose corpus findings are cached) does not pay the 6-12 ms its import costs.
_osa_distance: Callable[..., int] | None = None


def max_distance(length: int) -> int:
    """Edits allowed between two words of this (shorter) length: 0 below 6 letters."""
    if length < 6:
        return 0
    return 1 if length < 10 else 2


def phrase_reach(a: str, b: str) -> int:
    """Edits allowed between two words in the same place of two multi-word names."""
    return 1 if min(len(a), len(b)) < 10 else 2


@process_memo
@lru_cache(maxsize=65536)
def edit_distance(a: str, b: str, cutoff: int = 2) -> int:
    """Optimal string alignment distance (transpositions count once), capped at cutoff + 1."""
    return (_osa_distance or _load_osa())(a, b, score_cutoff=cutoff)


def _load_osa() -> Callable[..., int]:
    global _osa_distance
    from rapidfuzz.distance import OSA

    _osa_distance = OSA.distance
    return _osa_distance

"""NAM001's near-pair search gives the same pairs in the same order whether it compares every
candidate or looks candidates up in the deletion-neighbourhood index (``scan_max`` picks the way)."""

from __future__ import annotations

import random

import pytest

from checker.variants_near import block_pairs, near_pairs
from checker.variants_spelling import edit_distance, phrase_reach

_LETTERS = "aeiklnorst"


def _families(rng: random.Random, count: int, first: str) -> list[str]:
    """Distinct words in families of near spellings (letters changed, added, dropped, swapped)."""
    out: dict[str, None] = {}
    while len(out) < count:
        word = rng.choice(first) + "".join(rng.choice(_LETTERS) for _ in range(rng.randrange(3, 13)))
        out[word] = None
        for _ in range(rng.randrange(0, 5)):
            word = _slip(rng, word)
            out[word] = None
    return list(out)[:count]


def _slip(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word))  # the first letter stays
    how = rng.randrange(4)
    if how == 0:
        return word[:i] + rng.choice(_LETTERS) + word[i + 1 :]
    if how == 1:
        return word[:i] + rng.choice(_LETTERS) + word[i:]
    if how == 2 and len(word) > 4:
        return word[:i] + word[i + 1 :]
    if i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


@pytest.mark.parametrize("seed", range(4))
def test_index_and_scan_agree_on_near_pairs(seed):
    rng = random.Random(seed)
    terms = [t for t in _families(rng, 1500, "kkms") if len(t) >= 6]
    rng.shuffle(terms)
    scanned = list(near_pairs(terms, scan_max=10**9))
    assert len(scanned) > 100
    assert list(near_pairs(terms, scan_max=0)) == scanned
    # Mixed: some terms scanned, others looked up.
    assert list(near_pairs(terms, scan_max=150)) == scanned


@pytest.mark.parametrize("seed", range(4))
def test_index_finds_every_phrase_pair_within_reach(seed):
    rng = random.Random(50 + seed)
    words = [w for w in _families(rng, 500, "s") if len(w) >= 4]
    every = list(block_pairs(words, scan_max=10**9))
    within = [(i, j) for i, j in every if _within(words[i], words[j])]
    assert len(within) > 30
    indexed = list(block_pairs(words, scan_max=0))
    assert indexed == sorted(indexed)
    assert [(i, j) for i, j in indexed if _within(words[i], words[j])] == within


def _within(a: str, b: str) -> bool:
    return edit_distance(a, b) <= phrase_reach(a, b)

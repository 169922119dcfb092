"""NAM001's blocked candidate search finds exactly what comparing every pair of a block finds."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import process
from rapidfuzz.distance import OSA

from checker.variants_blocking import NearIndex, deletions
from checker.variants_near import block_pairs, near_pairs
from checker.variants_spelling import edit_distance, max_distance

_LETTERS = "abdeiklmnorstu"


def _words(rng: random.Random, count: int, first: str, lengths: tuple[int, int]) -> list[str]:
    """Distinct words in families of near spellings: letters changed, added, dropped, swapped."""
    out: list[str] = []
    while len(out) < count:
        word = rng.choice(first) + "".join(rng.choice(_LETTERS) for _ in range(rng.randrange(*lengths)))
        family = [word]
        for _ in range(rng.randrange(0, 6)):
            w = rng.choice(family)
            i = rng.randrange(1, len(w))
            how = rng.randrange(4)
            if how == 0:
                w = w[:i] + rng.choice(_LETTERS) + w[i + 1 :]
            elif how == 1:
                w = w[:i] + rng.choice(_LETTERS) + w[i:]
            elif how == 2 and len(w) > 6:
                w = w[:i] + w[i + 1 :]
            elif i + 1 < len(w):
                w = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
            family.append(w)
        out.extend(w for w in dict.fromkeys(family) if w not in out)
    return out


def _exhaustive_near_pairs(terms: list[str]) -> list[tuple[str, str]]:
    """NAM001's search before blocking: every term against its whole (first letter, length) bucket."""
    buckets: dict[tuple[str, int], list[str]] = {}
    for term in terms:
        buckets.setdefault((term[0], len(term)), []).append(term)
    out = []
    for term in terms:
        length = len(term)
        reach = max_distance(length)
        choices = [c for n in range(length, length + reach + 1) for c in buckets.get((term[0], n), ())]
        for other, _, _ in process.extract(term, choices, scorer=OSA.distance, score_cutoff=reach, limit=None):
            if other == term or (len(other) == length and other < term):
                continue
            out.append((term, other))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_blocked_near_pairs_equal_the_exhaustive_search(seed):
    rng = random.Random(seed)
    terms = _words(rng, 600, "kkkm", (5, 13))
    rng.shuffle(terms)
    expected = _exhaustive_near_pairs(terms)
    assert len(expected) > 100  # the generated blocks really hold near spellings
    assert list(near_pairs(terms)) == expected


@pytest.mark.parametrize("seed", range(6))
def test_blocked_phrase_pairs_hold_every_pair_within_reach_in_order(seed):
    rng = random.Random(100 + seed)
    words = _words(rng, 400, "s", (3, 12))
    rng.shuffle(words)

    def within(a: str, b: str) -> bool:
        return edit_distance(a, b) <= (1 if min(len(a), len(b)) < 10 else 2)

    expected = [(i, j) for i in range(len(words)) for j in range(i + 1, len(words)) if within(words[i], words[j])]
    assert len(expected) > 50
    found = list(block_pairs(words))
    assert found == sorted(found)
    assert [(i, j) for i, j in found if within(words[i], words[j])] == expected


def test_deletion_neighbourhoods():
    assert deletions("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert deletions("abc", 2) == {"abc", "bc", "ac", "ab", "a", "b", "c"}
    index = NearIndex()
    for number, word in enumerate(["kandorvex", "kandorvix", "kandrovex", "kandorvexa", "kelpie", "mandorvex"]):
        index.add(number, word, 1, block=word[0])
    assert index.candidates("kandorvex", 1, block="k") == {0, 1, 2, 3}


def test_a_dropped_block_is_no_longer_asked_and_forgetting_neighbourhoods_keeps_the_index():
    index = NearIndex()
    for number, word in enumerate(["kandorvex", "kandorvix", "kandorvexa"]):
        index.add(number, word, 1, block=len(word))
    index.forget()
    assert index.candidates("kandorvex", 1, block=9) == {0, 1}
    assert index.candidates("kandorvex", 1, block=10) == {2}
    index.drop(10)
    assert index.candidates("kandorvex", 1, block=10) == set()
    assert index.candidates("kandorvex", 1, block=9) == {0, 1}

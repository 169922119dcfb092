"""reverse_pattern and FromEnd: a reversed pattern matches exactly the reversed strings; FromEnd finds what search finds.

Random patterns (literals, classes, groups, alternations, greedy and lazy
repeats, lookarounds, anchors, scoped flags) are checked against random
strings with ``re`` itself as the oracle.
"""

from __future__ import annotations

import random
import re

import pytest

from checker.patterns import FromEnd, reverse_pattern

ALPHABET = "abAB1 -"
ATOMS = ["a", "b", "B", "1", " ", r"\-", "[ab]", "[^a]", r"\d", r"\s", r"\w", r"\W", ".", "[a-c]", r"[\d ]"]
FIXED = ["a", "b", "1", " ", "ab", "[ab]", r"\d", r"\w"]  # fixed width: lookarounds turn into each other
ANCHORS = [r"\b", r"\B", r"\A", r"\Z", "^"]


def random_pattern(rng: random.Random, depth: int = 0) -> str:
    """A random pattern that ``reverse_pattern`` can reverse."""
    roll = rng.random()
    if depth > 2 or roll < 0.3:
        return rng.choice(ATOMS)
    if roll < 0.45:
        return "".join(random_pattern(rng, depth + 1) for _ in range(rng.randint(2, 3)))
    if roll < 0.55:
        return "(?:" + "|".join(random_pattern(rng, depth + 1) for _ in range(rng.randint(2, 3))) + ")"
    if roll < 0.62:
        return f"({random_pattern(rng, depth + 1)})"
    if roll < 0.67:
        return f"(?P<g{rng.randrange(10**6)}>{random_pattern(rng, depth + 1)})"
    if roll < 0.8:
        repeat = rng.choice(["*", "+", "?", "{1,3}", "{2}", "{0,2}"]) + rng.choice(["", "", "?"])
        return f"(?:{random_pattern(rng, depth + 1)}){repeat}"
    if roll < 0.88:
        return rng.choice(["(?=", "(?!", "(?<=", "(?<!"]) + rng.choice(FIXED) + ")"
    if roll < 0.94:
        return rng.choice(ANCHORS)
    return f"(?{rng.choice('ia')}:{random_pattern(rng, depth + 1)})"


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 7)))


def _cases(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        pattern = "".join(random_pattern(rng) for _ in range(rng.randint(1, 3)))
        flags = rng.choice([0, 0, re.I])
        yield pattern, flags, [random_text(rng) for _ in range(25)]


@pytest.mark.parametrize("seed", range(4))
def test_the_reverse_matches_the_reversed_strings(seed):
    checked = 0
    for pattern, flags, texts in _cases(300, seed):
        backward = re.compile(reverse_pattern(pattern, flags), flags)
        forward = re.compile(pattern, flags)
        for text in texts:
            reverse = text[::-1]
            assert bool(forward.fullmatch(text)) == bool(backward.fullmatch(reverse)), (pattern, text)
            assert bool(forward.search(text)) == bool(backward.search(reverse)), (pattern, text)
            checked += forward.search(text) is not None
    assert checked > 1000  # the cases are not all misses


@pytest.mark.parametrize("seed", range(2))
def test_an_end_anchored_pattern_matches_from_the_start_of_the_reversed_text(seed):
    for pattern, flags, texts in _cases(300, 100 + seed):
        anchored = pattern + r"\Z"
        backward = re.compile(reverse_pattern(anchored, flags), flags)
        for text in texts:
            assert bool(re.search(anchored, text, flags)) == bool(backward.match(text[::-1])), (anchored, text)


def test_groups_become_non_capturing():
    reverse = reverse_pattern(r"(?P<verb>sold|made)\s+(\d+)\Z")
    assert re.compile(reverse).groups == 0
    assert re.match(reverse, "sold 12"[::-1])


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [(r"(a)\1", 0), ("(?>ab)", 0), ("a*+", 0), ("a$", 0), ("^a", re.M), ("(?m)^a", 0), ("(a)?(?(1)b|c)", 0)],
)
def test_what_has_no_reverse_is_refused(pattern, flags):
    with pytest.raises(ValueError):
        reverse_pattern(pattern, flags)


@pytest.mark.parametrize("seed", range(2))
def test_from_end_finds_what_search_finds(seed):
    rng = random.Random(200 + seed)
    used = 0
    for pattern, flags, _texts in _cases(60, 300 + seed):
        anchored = pattern + r"\Z"
        searcher = FromEnd(anchored, flags)
        expected = re.compile(anchored, flags)
        for _ in range(150):
            text = random_text(rng) + random_text(rng)
            got = searcher.search(text, text[::-1])
            want = expected.search(text)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (anchored, text)
            pos = rng.randint(0, len(text))
            assert searcher.found(text, text[::-1], pos) == (expected.search(text, pos) is not None), (anchored, text, pos)
        used += searcher.uses_reverse
    assert used > 40  # the reverse was built for most patterns, and asked


def test_from_end_without_a_reverse_still_searches():
    searcher = FromEnd(r"(a)\1\Z")  # a backreference: no reverse
    for _ in range(300):
        assert searcher.search("xaa", "aax")
        assert not searcher.found("xab", "bax")
    assert not searcher.uses_reverse

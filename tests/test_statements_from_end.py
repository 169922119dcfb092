"""The statement patterns asked from the end (checker.patterns.FromEnd) give what a plain search gives, even when the reverse is wrong or missing."""

from __future__ import annotations

import random

import pytest

import checker.patterns.reverse
from checker.extract import statement_grammar as grammar
from checker.patterns import FromEnd

TEXTS = [
    "In 2025, the company reported revenue of ",
    "Acme Corp's total revenue was approximately ",
    "We generated net sales of ",
    "Revenue for the year grew 12% to ",
    "The weather was nice and ",
    "and net loss was ",
    "Our research and development expenses were ",
    "Nothing to see here, ",
    "Revenue of Acme Holdings for 2025 was ",
    "Total revenue from Globex was about ",
    "We generated ",
    "In the quarter, the company reported ",
]


def _samples(count: int = 400) -> list[str]:
    rng = random.Random(7)
    return [rng.choice(TEXTS) if rng.random() < 0.7 else rng.choice(TEXTS)[: rng.randrange(1, 30)] for _ in range(count)]


@pytest.mark.parametrize("name", ["ACTIVE", "NOMINAL", "MEASURE_OF", "VALUE_FIRST_BEFORE"])
def test_from_end_finds_what_search_finds(name):
    original = getattr(grammar, name)
    fresh = FromEnd(original.pattern, original.flags)
    hits = 0
    for text in _samples():
        expected = original.forward.search(text)
        got = fresh.search(text, text[::-1])
        assert (got and got.span(), got and got.groupdict()) == (expected and expected.span(), expected and expected.groupdict())
        hits += expected is not None
    assert hits > 20  # the samples exercise the pattern ...
    assert fresh.uses_reverse  # ... and its reverse was built and used


def test_a_reverse_that_cannot_be_built_falls_back_to_search(monkeypatch):
    def broken(pattern, flags=0):
        raise ValueError("no reverse")

    monkeypatch.setattr(checker.patterns.reverse, "reverse_pattern", broken)
    fresh = FromEnd(grammar.NOMINAL.pattern, grammar.NOMINAL.flags)
    for text in _samples():
        assert bool(fresh.search(text, text[::-1])) == bool(grammar.NOMINAL.forward.search(text))
    assert not fresh.uses_reverse


def test_a_wrong_reverse_is_caught_by_the_matches_seen_before_it(monkeypatch):
    monkeypatch.setattr(checker.patterns.reverse, "reverse_pattern", lambda pattern, flags=0: r"(?!)")  # matches nothing
    fresh = FromEnd(grammar.NOMINAL.pattern, grammar.NOMINAL.flags)
    hits = 0
    for text in _samples():
        found = fresh.search(text, text[::-1])
        assert bool(found) == bool(grammar.NOMINAL.forward.search(text))
        hits += bool(found)
    assert hits > 0 and not fresh.uses_reverse

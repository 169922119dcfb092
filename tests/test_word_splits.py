"""checker.word_splits: where TXT005 splits a run-together word, and where it does not."""

from __future__ import annotations

import pytest

from checker.lexicon import zipf
from checker.word_splits import best_split, content_split


@pytest.mark.parametrize(
    ("token", "split"),
    [
        ("ofapplication", ("of", "application")),  # unknown: a function word and a common word
        ("thecompany", ("the", "company")),
        ("costfor", ("cost", "for")),
        ("ofthe", ("of", "the")),  # known, but far rarer than its two function words
        ("whenthe", ("when", "the")),
        ("information", None),  # known words that merely start with a function word
        ("another", None),
        ("hasher", None),  # known: "has" + "her" is not far more frequent
        ("inits", None),  # the plural of a known word
    ],
)
def test_best_split(token: str, split: tuple[str, str] | None) -> None:
    assert best_split(token, zipf) == split


@pytest.mark.parametrize(
    ("token", "split"),
    [
        ("teamnow", ("team", "now")),
        ("salesgrowth", ("sales", "growth")),
        ("formatters", None),  # an inflection of a known word
        ("weblogger", None),  # two readings: "web logger", "we blogger"
        ("information", None),  # known
    ],
)
def test_content_split(token: str, split: tuple[str, str] | None) -> None:
    assert content_split(token, zipf) == split

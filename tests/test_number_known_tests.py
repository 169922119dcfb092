"""The numbers extractor's shortcuts that reuse or skip a test give the quantities of the full tests."""

from __future__ import annotations

import random

import pytest

from checker.extract import numbers

# Labels, currency codes glued to a figure (and words ending in their last letters that are not codes), units,
# ranges, "between", years, footnote markers and prefixes, in random order.
_PIECES = [
    "Note", "note", "Phase", "December", "No.", "#", "\u00a7", "between", "from", "and", "to", "-", "\u2013", "RMB", "USD",
    "usd", "Rs", "SEK", "Bob", "cab", "Kelvin", "x", "v", "5", "12", "3.5", "1,200", "2019", "$", "\u20ac", "%", "x", " million",
    " bn", "(", ")", "[", "]", "\n", " ", " ", " ", "about", "~", "+", "2.5x", "percent", " points", "seven", "doubled",
]


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) + rng.choice(("", " ", " ")) for _ in range(rng.randint(1, 14))) for _ in range(count)
    ]


def test_the_label_test_asked_once_gives_the_quantities_of_asking_it_twice(monkeypatch: pytest.MonkeyPatch):
    texts = _texts(1, 3_000)
    fast = [numbers.parse_quantities(text) for text in texts]
    acceptable = numbers._acceptable

    def asking_again(text, start, end, amount, hedge, limit, labelled=None):
        return acceptable(text, start, end, amount, hedge, limit)

    monkeypatch.setattr(numbers, "_acceptable", asking_again)
    assert [numbers.parse_quantities(text) for text in texts] == fast
    assert sum(map(len, fast)) > 1_000


def test_the_last_letter_test_before_a_currency_code_drops_no_start(monkeypatch: pytest.MonkeyPatch):
    texts = _texts(2, 3_000)
    fast = [numbers._starts(text, 0, len(text), False) for text in texts]
    monkeypatch.setattr(numbers, "_CODE_LAST", _Everything())
    assert [numbers._starts(text, 0, len(text), False) for text in texts] == fast
    assert any(text.find("RMB5") >= 0 for text in texts)

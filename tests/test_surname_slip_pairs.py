"""NAM005's quick test for two capitalised words one slip apart does not depend on the order it meets them.

The words come from a set, whose order changes from process to process; the first version kept, for a key
two words share, only the word met first, and found "Hijri" / "Hirji" in some processes and not in others.
"""

from __future__ import annotations

from itertools import permutations

import pytest

from checker.rules.surname_variants import slip_pair


@pytest.mark.parametrize("order", list(permutations(["Hirji", "Hijri", "Calendar"])))
def test_a_known_word_one_swap_from_another_is_found_in_any_order(order):
    assert slip_pair(order)


@pytest.mark.parametrize("order", list(permutations(["Brennan", "Brenan", "Valmont"])))
def test_a_dropped_letter_is_found_in_any_order(order):
    assert slip_pair(order)


def test_words_no_slip_apart_are_not():
    assert not slip_pair(["Brennan", "Valmont", "Calendar"])

"""The claims checks do work in proportion to the text, however long a sentence runs.

Work is counted, not timed: characters sliced out of the prose, and figures read from a
sentence's list of figures. A hostile document (one 40 KB sentence of parenthesised
figures) once made the totals check lowercase the rest of the sentence at every figure
and read every later figure for each one: quadratic in the sentence's length.
"""

from __future__ import annotations

from checker.document import Document
from checker.extract import claim_totals, claims
from checker.extract.numbers import parse_quantities
from checker.sentences import LONGEST_SENTENCE


class _CountingText(str):
    """A str that counts the characters its slices copy."""

    copied = 0

    def __getitem__(self, key):
        piece = super().__getitem__(key)
        _CountingText.copied += len(piece)
        return piece


class _CountingList(list):
    """A list that counts the items read from it."""

    read = 0

    def __getitem__(self, key):
        got = super().__getitem__(key)
        _CountingList.read += len(got) if isinstance(key, slice) else 1
        return got


def _hostile(figures: int) -> str:
    return "".join(f"segment revenue of ${k % 9 + 2}.{k % 10} million ({k % 7 + 1} units and {k % 5 + 1} units), " for k in range(figures))


def test_one_long_sentence_of_parenthesised_figures_costs_linear_work():
    text = _hostile(600)
    prose = _CountingText(text)
    doc = Document("hostile.txt", text, prose=prose)
    # One paragraph without a full stop: parts of the longest sentence (checker.sentences), each one of many figures.
    assert len(doc.sentences) == len(text) // LONGEST_SENTENCE + 1
    quantities = parse_quantities(text)
    assert len(quantities) > 1500
    _CountingText.copied = 0
    claims.find_claims(doc, quantities)
    assert _CountingText.copied < 10 * len(text), _CountingText.copied


def test_totals_read_each_figure_a_bounded_number_of_times():
    text = _hostile(600)
    found = _CountingList(parse_quantities(text))
    _CountingList.read = 0
    claim_totals.total_claims(text, 0, len(text), found)
    assert _CountingList.read < 10 * len(found), _CountingList.read

"""Where number words start, found on a folded copy of the text, is where the case-insensitive pattern finds them."""

from __future__ import annotations

import random

from checker.extract import number_grammar

# Number and multiplier words in three cases, words they begin ("tenth", "oneself", "often"), words that end
# in one ("someone", "bone"), glued to a digit, an underscore or a period, "a dozen" with other blanks, and
# characters outside ASCII (which take the other path).
_PIECES = [
    "one", "One", "ONE", "ten", "tenth", "twenty", "Twenty-one", "twofold", "doubled", "Halved", "quadrupling",
    "a dozen", "A hundred", "a  dozen", "a-dozen", "a\tdozen", "oneself", "often", "someone", "bone", "hundredfold",
    "zero", "seventeen", "ninety", "the", "and", "of", "x", "1", "_", ".", ",", "-", "(", ")", "'", "\n", " ", " ",
    " ", "$5", "5%", "\u00e9", "\u00e9one", "\u017fix", "\u0131", "\u2019", "\u00a0",
]


def _plain(text: str, start: int, end: int) -> list[int]:
    return [match.start() for match in number_grammar._NUMBER_WORD.finditer(text, start, end)]


def test_number_word_starts_are_the_pattern_matches_on_generated_text():
    rng = random.Random(3)
    found = 0
    for _ in range(5_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 16)))
        start, end = sorted(rng.randint(0, len(text)) for _ in range(2))
        if rng.random() < 0.3:
            start, end = 0, len(text)
        expected = _plain(text, start, end)
        assert number_grammar.number_word_starts(text, start, end) == expected, (text, start, end)
        found += len(expected)
    assert found > 600


def test_a_word_at_the_start_of_the_range_after_a_letter_or_a_blank():
    text = "xone one, twofold"
    assert number_grammar.number_word_starts(text, 1, len(text)) == _plain(text, 1, len(text)) == [5, 10]
    assert number_grammar.number_word_starts(text, 5, len(text)) == [5, 10]
    assert number_grammar.number_word_starts("one", 0, 3) == [0]

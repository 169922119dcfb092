"""The numbers extractor's shortcuts find what the general forms find.

A trie that tests the word boundary after each first letter matches what the
same trie behind ``\\b`` matches; one number word alone is read without the
pyparsing grammar, into the parts and end the grammar gives it.
"""

from __future__ import annotations

import random
import re

import pytest

from checker.extract import number_grammar
from checker.extract.number_grammar import FOLD_WORDS, HEDGES, MULTIPLIERS, TENS_WORDS, UNITS_WORDS
from checker.extract.numbers import parse_quantities
from checker.patterns import trie_regex

_NUMBER_WORDS = sorted(set(UNITS_WORDS) | set(TENS_WORDS) | set(MULTIPLIERS) | set(FOLD_WORDS) | {"a dozen", "a hundred"})


@pytest.mark.parametrize("words", [_NUMBER_WORDS, ["~x", "$", "a b", "ab", "é"]])
def test_word_start_trie_matches_what_a_leading_boundary_matches(words):
    boundary = re.compile(r"\b(?:" + trie_regex(words) + r")\b")
    word_start = re.compile(r"(?:" + trie_regex(words, word_start=True) + r")\b")
    pieces = [*words, " ", "_", "x", "1", "-", ".", "é", "\u00a0", "\n", "Seven", "ten"]
    rng = random.Random(3)
    for _ in range(3_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for position in (0, 1, 3):  # a search from inside the text still sees the character before
            assert [m.span() for m in word_start.finditer(text, position)] == [m.span() for m in boundary.finditer(text, position)], text


def test_word_start_trie_opens_with_the_first_letters():
    # What lets a search skip ahead: every alternative starts with a literal character.
    assert trie_regex(["one", "two", "ten"], word_start=True) == r"(?:o(?<!\wo)ne|t(?<!\wt)(?:en|wo))"


def _grammar(source: str):
    """The pyparsing grammar's (parts present, end) for ``source``; the end before blanks, as ``parse_amount`` takes it."""
    parsed = number_grammar._parse_words.__wrapped__(source)
    if parsed is None:
        return None
    tokens, end = parsed
    return {key: (list(value) if key == "words" else value) for key, value in tokens.as_dict().items()}, len(source[:end].rstrip())


_FOLLOWERS = [
    "", " apples", " of them", ".", ",", ")", " (5)", " 5", "%", " %", " percent", " per cent", " pct", " points",
    " percentage points", " basis points", " bps", "-fold", " fold", "\u00a0fold", "fold", "x", "×", " times higher",
    " times", "\n\ttimes more", " hundred", " hundred and five", "-one", " one", " two", " million", " bn", " k", " m",
    " thousand", " dollars", " US dollars", " euros", " USD", " yen", " won", " pounds sterling", "_", "-year", " - one",
    "\u00a0million", " Million", " MILLION", " Dozen", " dozen", "\n\n", "   \n and",
    " its", " the", " THE", "\nthat", " theory", " their 5", "\u00a0the",
]


def _agrees_with_the_grammar(source: str) -> bool:
    """Whether ``_single_word`` gives what the grammar gives for ``source``, or leaves it to the grammar."""
    fast = number_grammar._single_word(source)
    if fast is None:
        return True
    if fast is number_grammar.NO_AMOUNT:
        return _grammar(source) is None
    tokens, end = fast
    return (tokens, len(source[:end].rstrip())) == _grammar(source)


# Blanks and hedges before a number word, as the grammar skips and reads them (a no-break space it does not skip).
_LEADS = ["", "\n\t", "At least ", "~", "about\u00a0"]


@pytest.mark.parametrize("word", sorted(set(UNITS_WORDS) | set(TENS_WORDS) | set(MULTIPLIERS) | set(FOLD_WORDS)))
def test_one_word_alone_is_read_as_the_grammar_reads_it(word):
    for written in (word, word.title(), word.upper()):
        for lead in _LEADS if written == word else [""]:
            for follower in _FOLLOWERS:
                source = lead + written + follower
                assert _agrees_with_the_grammar(source), source


def test_what_starts_no_amount_is_what_the_grammar_reads_nothing_in():
    pieces = [
        "a", "A", " ", "  ", "\n", "\u00a0", "-", "+", "−", "(", "$", "5", "key", "Make", "One", "one", "hundred",
        "Dozen", "dozen", "about", "at least", "over", "above", "~", "twenty", "doubled", "x", ".", "per", "Q", "Z",
        "approx. ", "Some  ", " more than\n",
    ]
    rng = random.Random(11)
    sources = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(3_000)]
    sources += ["a key", "a-per-interpreter", "a", "a\u00a0hundred", "a  dozen", "a\u00a0dozen", "above (3)", "- Make None",
                "+ (2 * 3", "about -one", "about a key", "about a hundred", "- One-Liners", "about\u00a0one"]
    assert all(_agrees_with_the_grammar(source) for source in sources), [s for s in sources if not _agrees_with_the_grammar(s)]
    decided = [source for source in sources if number_grammar._single_word(source) is number_grammar.NO_AMOUNT]
    assert "a key" in decided and "above (3)" in decided and "- Make None" in decided
    assert number_grammar._single_word("a  dozen") is None and number_grammar._single_word("about a hundred") is None


def test_one_word_alone_is_most_words():
    alone = [word + follower for word in UNITS_WORDS for follower in (" apples", " of them", ".", ",", "")]
    assert all(number_grammar._single_word(source) is not None for source in alone)
    # Whatever the grammar may read on into goes to the grammar.
    assert number_grammar._single_word("seven percent") is None
    assert number_grammar._single_word("twenty-one") is None
    assert number_grammar._single_word("seven\u00a0fold") is None
    # A hedge never starts with a number word: the grammar's optional hedge cannot be there.
    assert not any(hedge.split()[0] in UNITS_WORDS or hedge.split()[0] in TENS_WORDS for hedge in HEDGES)


def test_single_number_words_do_not_run_the_grammar(monkeypatch):
    runs = []
    parse = number_grammar._parse_words

    def counting(source):
        runs.append(source)
        return parse(source)

    monkeypatch.setattr(number_grammar, "_parse_words", counting)
    found = parse_quantities("Seven of the 12 sites closed; sales doubled, and two stores grew threefold.")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("Seven", 7.0, ""), ("12", 12.0, ""), ("doubled", 2.0, "x"), ("two", 2.0, ""), ("threefold", 3.0, "x"),
    ]
    assert runs == []
    assert [q.text for q in parse_quantities("about seven hundred people")] == ["about seven hundred"]
    assert runs


def test_figures_rejected_before_they_are_read_are_those_rejected_after(monkeypatch):
    # A figure at a digit glued to what precedes it, or to what follows where no range can go on, is
    # dropped before the rest of its reading; with those shortcuts off, the same quantities come out.
    pieces = [
        "5", "12", "2019", "3.5", "1,200", " ", "  ", "-", "–", "—", "/", ".", ":", ",", "x", "a", "v", "_", "%",
        "(", ")", "$", " to ", " and ", "between ", "from ", "about ", " million", "Note ", "COVID", "\n", "#",
    ]
    rng = random.Random(5)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(4_000)]
    texts += ["COVID-19 cases rose 5-10% in v2.3.1 at 8:30, from 1/2 to 3:4", "EIP-1559 and 5–7 million", "x86 and 3.5.3."]
    fast = [[(q.start, q.end, q.value, q.unit) for q in parse_quantities(text)] for text in texts]
    from checker.extract import numbers

    monkeypatch.setattr(numbers, "_rejected_unread", lambda text, core: False)
    monkeypatch.setattr(numbers, "_rejected_at_end", lambda text, end, limit: False)
    slow = [[(q.start, q.end, q.value, q.unit) for q in parse_quantities(text)] for text in texts]
    assert fast == slow
    assert any(fast)

"""The date scanner's candidate search on a folded copy of the text finds every match a plain search finds."""

from __future__ import annotations

import random

from checker.extract import date_grammar
from checker.patterns import word_characters

# Pieces of dates and of what surrounds them: words that start a branch in every case, figures that do and
# do not go on into a date, every kind of separator, characters outside ASCII (letters, quotes, blanks, a
# dash) that the fold makes spaces, and "F.Y." whose periods it makes spaces too.
_PIECES = [
    "5", "12", "31", "2024", "1899", "2100", "3.5", "1,200", "10+", "1st", "2ND", "3rd", "4th", "1Q", "2H", "Q4", "H1",
    " ", "  ", "\n", "\t", "-", "/", ".", ",", "'", "\u2019", "(", ")", "%", "$", "#", "_", "x", "a",
    " years", " Years ago", " consecutive quarters", " quarter", " half", " of", " the", " in a row",
    "May", "may", "MAY", "June", "Sept.", "sept.", "Dec", "December", "Thursday", "FY", "fy", "Fy", "F.Y.", "F.y.",
    "f.y.", "fiscal", "Fiscal year", "year", "this", "This", "THIS", "last", "next", "past", "first", "First",
    "third", "one", "twenty", "Twenty-one", "dozen", "a dozen", "since", "Since", "today", "Today", "ago", "week",
    "decade", "month", "ended", "ending", "H", "Q", "h", "q", "\u00e9", "\u00c9t\u00e9", "\u00a0", "\u2014", "\u201c",
    "\u017f", "\u0131", "\u212a", "\u00b2", " days", " WEEKS", " decades", " Months", " straight", " Successive", " of May",
    " of May 2024", " June 2020", "5/6/", "12/31/2019", "2.5 months", "3 of", " 7", "1. ", "(1)", "2024)", "9 9",
]


def _text(rng: random.Random, pieces: int) -> str:
    out = []
    for _ in range(rng.randint(1, pieces)):
        out += [rng.choice(_PIECES), rng.choice(_JOINS)]
    return "".join(out)


_JOINS = ["", " ", " ", " ", ", ", "\n"]


def _plain(text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(match.span(), match.lastgroup) for match in date_grammar.scanner().finditer(text)]


def _fast(text: str, start: int = 0, end: int | None = None) -> list[tuple[tuple[int, int], str | None]]:
    end = len(text) if end is None else end
    return [(match.span(), match.lastgroup) for match in date_grammar.matches(text, start, end)]


def test_the_matches_on_generated_text_are_those_of_a_plain_search():
    rng = random.Random(11)
    found = 0
    for _ in range(4_000):
        text = _text(rng, 10)
        plain = _plain(text)
        assert _fast(text) == plain, text
        found += len(plain)
        start, end = sorted(rng.randint(0, len(text)) for _ in range(2))
        assert _fast(text, start, end) == [
            (match.span(), match.lastgroup) for match in date_grammar.scanner().finditer(text, start, end)
        ], (text, start, end)
    assert found > 500


def test_a_text_with_a_digit_or_a_long_s_outside_ascii_is_searched_as_written():
    # "\u0663" (ARABIC-INDIC DIGIT THREE) is a decimal digit to the scanner, and "\u017f" (LATIN SMALL LETTER
    # LONG S) is "s" ignoring case: both are spaces in the folded copy, so such a text takes the plain search.
    for text in (
        "on \u0663 March 2024 and 5 years ago", "\u0663 years, since 2020", "x \u0663\u0663 years ago",
        "for 5 \u017ftraight years", "the 3rd and 1\u017ft consecutive quarters", "for 5 \u017fuccessive years, 4 years ago",
    ):
        assert _fast(text) == _plain(text)
    assert _plain("on \u0663 March 2024")[0][1] == "dmy"
    assert _plain("for 5 \u017ftraight years")[0][1] == "nconsec"
    assert _plain("the 1\u017ft consecutive quarter")[0][1] == "consec"


def test_the_folded_search_finds_each_plain_candidate_the_scanner_matches_at():
    rng = random.Random(5)
    date_grammar.matches("x", 0, 1)
    list(date_grammar._candidate_ends("x 5", 0, 3))
    plain, folded = date_grammar._CANDIDATES
    for _ in range(3_000):
        text = _text(rng, 10)
        if date_grammar._PLAIN_ONLY.search(date_grammar._ASCII_RUNS.sub("", text)) is not None:
            continue
        copy = word_characters(text)
        found = {match.start(1) for match in folded.finditer(copy)}
        for match in plain.finditer(text):
            if date_grammar.scanner().match(text, match.end()) is not None:
                assert match.end() in found, (text, match.end())

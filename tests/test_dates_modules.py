"""The dates extractor's structure: small modules that know no rule, one builder per grammar branch."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from checker.extract import date_grammar, date_mentions

EXTRACT = Path(date_grammar.__file__).parent
MODULES = [
    "dates.py", "date_words.py", "date_grammar.py", "date_mentions.py", "date_resolve.py", "document_date.py", "date_records.py",
]


@pytest.mark.parametrize("name", MODULES)
def test_dates_module_is_small_and_names_no_rule(name):
    text = (EXTRACT / name).read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 500
    assert not re.findall(r"\b(?:NAM|ENC|NUM|DAT|TXT)\d{3}\b", text)


def test_every_branch_has_a_builder():
    names = [branch.name for branch in date_grammar.branches()]
    assert len(names) == len(set(names))
    assert set(names) == set(date_mentions._BUILDERS)


def test_group_names_read_branch_then_field():
    for branch in date_grammar.branches():
        for group in re.findall(r"\(\?P<(\w+)>", branch.pattern):
            assert group.startswith(branch.name + "_"), (branch.name, group)
            assert len(group) > len(branch.name) + 2, (branch.name, group)  # a field name, not a letter


# Words that open the gate but start no branch ("market", "have", "quota", "may"), next to dates that start
# with a digit, a capital or a lower-case word, across line breaks (a date may run over one).
_SCANNER_TEXT = (
    "In the market for December 31, 2019 and 2018, we have had decreased margins. Q4 2025 and H1 FY26 beat "
    "q4 and h1; may\nMay 5, 2026 (Thursday,\nMarch 5,\n2026) a decade ago, 3 years ago, the third consecutive quarter, "
    "sept. 9 and Sept. 9, 2024-05-14, 5/6/2024, FY2025, f.y. 2025, F.Y. 2025, fiscal 2024, last year, "
    "dec. 2025, DEC 2025, Dec 2025, mar 2025, MAR 2025, since early 2021, over the past three years. 1Q25, 2H24."
)


def test_the_scanner_matches_found_fast_are_those_of_a_plain_search():
    text = _SCANNER_TEXT
    fast = [(match.span(), match.lastgroup) for match in date_grammar.matches(text, 0, len(text))]
    plain = [(match.span(), match.lastgroup) for match in date_grammar.scanner().finditer(text)]
    assert fast == plain
    assert len(plain) > 20


def test_the_first_lines_of_a_head_are_those_of_a_line_pattern():
    from checker.extract.document_date import _non_empty_lines

    for text in ("", "\n", "a", " a \r\n\r\nb\rc \x0b\n\n  \n\u2028x", "title\n\n\nby Jane | May 5, 2026\r\n", "\r\r a\r"):
        assert list(_non_empty_lines(text)) == [m.span() for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", text)]


def test_version_headings_are_found_as_a_search_finds_them():
    from checker.extract.date_records import _headings, version_heading
    from checker.extract.document_date import full_date

    text = "# Changes\n\n## 1.2.0 - March 3,\n2024\n## 1.1.0 - 2024-01-05\nv1.0.1 (2023-12-01)\n1.0.0 2023-11-01 notes\n"
    pattern = version_heading(full_date())
    found = [match.span() for match in _headings(pattern, text)]
    assert found == [match.span() for match in pattern.finditer(text)]
    assert len(found) == 3


def test_the_scanner_matches_at_digits_are_those_of_a_plain_search():
    # Digits next to every way a figure or a date goes on: the look-ahead that skips most figures drops no match.
    pieces = [
        "5", "12", "2024", "1899", "3.5", "1,200", " ", "\n", "-", "/", "+", "%", "x", "Q", "H", "st", "ND", "rd", "th",
        " years", " Years ago", " consecutive quarters", " quarter", " half", " May", " of June", "FY", "'", ".", ",",
    ]
    rng = random.Random(7)
    for _ in range(2_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        fast = [(match.span(), match.lastgroup) for match in date_grammar.matches(text, 0, len(text))]
        assert fast == [(match.span(), match.lastgroup) for match in date_grammar.scanner().finditer(text)], text

"""End to end: the text rules on the seed documents find exactly the planted defects."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.fixes import apply_fixes
from checker.testing import lint_sources

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ("seeds/002_e270d6855d8f2230.txt", "seeds/004_c8cbabc9fea894ab.txt")
TEXT_RULES = ("TXT001", "TXT002", "TXT003", "TXT004", "TXT005")

EXPECTED = sorted(
    [
        # The five Markdown-escaped amounts.
        ("seeds/002_e270d6855d8f2230.txt", "TXT001", 47, 287),  # \$62.2
        ("seeds/002_e270d6855d8f2230.txt", "TXT001", 49, 1),  # \$10.1
        ("seeds/002_e270d6855d8f2230.txt", "TXT001", 49, 218),  # \$82.1
        ("seeds/002_e270d6855d8f2230.txt", "TXT001", 55, 67),  # \$7
        ("seeds/002_e270d6855d8f2230.txt", "TXT001", 55, 492),  # \$6.7
        # The three sentences split by a blank line.
        ("seeds/002_e270d6855d8f2230.txt", "TXT002", 17, 146),  # running out of / options
        ("seeds/002_e270d6855d8f2230.txt", "TXT002", 31, 439),  # So, while / hematologic
        ("seeds/002_e270d6855d8f2230.txt", "TXT002", 47, 441),  # achieved / \$10.1 million
        # The three suspended hyphens and the fused words.
        ("seeds/004_c8cbabc9fea894ab.txt", "TXT003", 3, 592),
        ("seeds/004_c8cbabc9fea894ab.txt", "TXT003", 7, 625),
        ("seeds/004_c8cbabc9fea894ab.txt", "TXT003", 7, 844),
        ("seeds/004_c8cbabc9fea894ab.txt", "TXT005", 5, 1139),  # ofapplication
    ]
)


@pytest.fixture(scope="module")
def result():
    documents = {path: (ROOT / path).read_bytes() for path in SEEDS}
    return lint_sources(documents, select=TEXT_RULES)


def test_exactly_the_planted_defects(result) -> None:
    found = sorted((d.path, d.rule, d.line, d.column) for d in result.diagnostics)
    assert found == EXPECTED


def test_findings_quote_the_text(result) -> None:
    by_place = {(d.path, d.line, d.column): d for d in result.diagnostics}
    seed2, seed4 = SEEDS
    assert '"\\$62.2"' in by_place[(seed2, 47, 287)].message
    assert '"... were running out of"' in by_place[(seed2, 17, 146)].message
    assert '"hematologic malignancies remain' in by_place[(seed2, 31, 439)].message
    assert '"\\$10.1 million in' in by_place[(seed2, 47, 441)].message
    assert '"first- and second-generation"' in by_place[(seed4, 3, 592)].message
    assert '"of application"' in by_place[(seed4, 5, 1139)].message


def test_paragraph_split_spans_the_break(result) -> None:
    split = next(d for d in result.diagnostics if d.rule == "TXT002" and d.line == 17)
    # From "of" at the end of line 17 to the end of "options," on line 19.
    assert (split.end_line, split.end_column) == (19, 8)
    assert split.fix is not None and split.fix.applicability == "unsafe"


def test_safe_fixes_repair_the_escapes_and_hyphens(result) -> None:
    for path in SEEDS:
        text = (ROOT / path).read_text(encoding="utf-8")
        own = [d for d in result.diagnostics if d.path == path]
        fixed = apply_fixes(text, own)
        assert "\\$" not in fixed
        assert "first-and" not in fixed
        # Display and unsafe fixes are not applied by default.
        assert ("ofapplication" in fixed) == (path == SEEDS[1])
        assert ("running out of\n\noptions" in fixed) == (path == SEEDS[0])

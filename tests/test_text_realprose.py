"""False positives of the text rules on real prose that nobody wrote for this project.

The bar (issue 2): fewer than 5 findings per 100,000 words on clean prose.
The TAT-QA excerpts are not entirely clean: their text was extracted from
PDFs and carries a few real defects (sentences split by a blank line, lost
spaces). Those were read one by one and are listed in ``AUDITED_TRUE``; they
must still be found (a recall check), and everything else the rules report
counts against the bar.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.testing import lint_sources

TEXT_RULES = ("TXT001", "TXT002", "TXT003", "TXT004", "TXT005")
BAR_PER_100K_WORDS = 5.0
SHARED = Path(__file__).resolve().parents[2] / "shared"
TATQA = SHARED / "corpora" / "tatqa-dev"

# (file, rule, line): real defects in the corpus, judged by reading them.
AUDITED_TRUE = {
    ("tatqa/002.txt", "TXT005", 1),  # "benefit costfor years ended"
    ("tatqa/139.txt", "TXT005", 1),  # "less thanone year"
    ("tatqa/017.txt", "TXT002", 3),  # "...$2.1 billion," / "as a result of ..."
    # 043.txt: one passage, extracted twice, with every line break doubled.
    ("tatqa/043.txt", "TXT002", 3),  # "balance sheet" / "and some of which"
    ("tatqa/043.txt", "TXT002", 5),  # "our long-term" / "debt which is"
    ("tatqa/043.txt", "TXT002", 7),  # "and purchase" / "obligations in"
    ("tatqa/043.txt", "TXT002", 9),  # "and our" / "guarantees are"
    ("tatqa/043.txt", "TXT002", 13),  # "to reasonably" / "estimate the"
    ("tatqa/043.txt", "TXT002", 15),  # "Item 8 of this" / "2019 Form 10-K"
    ("tatqa/043.txt", "TXT002", 17),  # "with funding" / "commitments related"
    ("tatqa/043.txt", "TXT002", 19),  # "the timing" / "of capital calls."
    ("tatqa/043.txt", "TXT002", 23),
    ("tatqa/043.txt", "TXT002", 25),
    ("tatqa/043.txt", "TXT002", 27),
    ("tatqa/043.txt", "TXT002", 29),
}


def _words(documents: dict[str, str]) -> int:
    return sum(len(text.split()) for text in documents.values())


def _unexplained(documents: dict[str, str]):
    result = lint_sources(documents, select=TEXT_RULES)
    found = {(d.path, d.rule, d.line) for d in result.diagnostics}
    others = [d for d in result.diagnostics if (d.path, d.rule, d.line) not in AUDITED_TRUE]
    return found, others


def _report(diagnostics) -> str:
    return "\n".join(f"{d.path}:{d.line}:{d.column}: {d.rule} {d.message}" for d in diagnostics)


def test_pydoc_topics_under_the_bar() -> None:
    from pydoc_data.topics import topics

    documents = {f"pydoc/{name}.txt": text for name, text in topics.items()}
    words = _words(documents)
    assert words > 50_000
    _, others = _unexplained(documents)
    assert len(others) * 100_000 / words < BAR_PER_100K_WORDS, _report(others)


@pytest.mark.skipif(not TATQA.is_dir(), reason="../shared/corpora/tatqa-dev is absent")
def test_tatqa_under_the_bar_and_audited_defects_found() -> None:
    documents = {f"tatqa/{p.name}": p.read_text(encoding="utf-8") for p in sorted(TATQA.glob("*.txt"))}
    words = _words(documents)
    assert words > 50_000
    found, others = _unexplained(documents)
    assert len(others) * 100_000 / words < BAR_PER_100K_WORDS, _report(others)
    assert AUDITED_TRUE <= found, sorted(AUDITED_TRUE - found)

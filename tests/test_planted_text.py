"""Recall and false positives of the text rules on planted defects in several genres.

``tests/data/planted/text/`` holds documents written for this project (an
earnings-call transcript, a budget memo, research news, a traffic report, a
product changelog in Markdown, a patient leaflet, a shareholder letter, a
school newsletter in HTML, a volunteer bulletin and a reStructuredText guide
kept as ``.txt``)
with text-hygiene defects planted in them, and traps: correct text that a
naive rule would flag ("had had", "that that", hyphenated compounds, names,
code spans, a salutation before a year, reStructuredText escapes). ``expected.toml`` lists both.

A defect is found when its rule reports a finding that starts on its line.
Every finding must be a planted defect: a finding anywhere else, on a trap
or not, is a false positive. Run with ``-s`` to see the recall table.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from checker.testing import lint_sources, planted_score, trap_hits

FOLDER = Path(__file__).resolve().parent / "data" / "planted" / "text"
TEXT_RULES = ("TXT001", "TXT002", "TXT003", "TXT004", "TXT005")
MIN_RECALL = 0.90


def _expected() -> dict:
    return tomllib.loads((FOLDER / "expected.toml").read_text(encoding="utf-8"))


def _documents() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(FOLDER.iterdir()) if p.suffix in {".txt", ".md", ".html"}}


@pytest.fixture(scope="module")
def diagnostics():
    return lint_sources(_documents(), select=TEXT_RULES).diagnostics


def test_the_set_is_what_it_claims() -> None:
    expected, documents = _expected(), _documents()
    defects, traps = expected["defect"], expected["trap"]
    assert len(documents) >= 6 and len(defects) >= 15 and len(traps) >= 15
    for entry in defects + traps:
        lines = documents[entry["file"]].splitlines()
        assert entry["text"] in lines[entry["line"] - 1], entry
        assert documents[entry["file"]].count(entry["text"]) == 1, entry
    assert {d["rule"] for d in defects} == set(TEXT_RULES)


def test_recall_and_no_false_positive(diagnostics) -> None:
    documents, defects = _documents(), _expected()["defect"]
    found, missed, false = planted_score(documents, defects, diagnostics, end_inclusive=True)
    by_rule = Counter(d["rule"] for d in defects)
    found_by_rule = Counter(d["rule"] for d in found)
    print(f"\nplanted text defects: {len(found)}/{len(defects)} found ({len(found) / len(defects):.0%})")
    for rule in sorted(by_rule):
        print(f"  {rule}: {found_by_rule[rule]}/{by_rule[rule]}")
    assert not false, "\n".join(false)
    assert len(found) / len(defects) >= MIN_RECALL, missed


def test_traps_stay_quiet(diagnostics) -> None:
    noisy = trap_hits(_documents(), _expected()["trap"], diagnostics)
    assert not noisy, noisy

"""Recall and precision on real text: weekdays and impossible days planted into the TAT-QA annual reports.

Every full date in the corpus gets its weekday written in front of it: the
right weekday must pass, a wrong one must be reported. Every date is then
moved to a day its month does not have. Skipped when the corpus is absent.
"""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import pytest

from checker.extract.dates import scan
from checker.testing import lint_sources

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tatqa-dev"
NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    if not CORPUS.is_dir():
        pytest.skip("TAT-QA corpus not available")
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}


def _full_dates(text: str):
    """Dates written with a month name and a year ("December 31, 2019", "31 March 2019"), without a weekday."""
    return [m for m in scan(text) if m.kind == "date" and m.first is not None and m.weekday is None
            and any(c.isalpha() for c in m.text)]


def _plant(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def test_weekdays_right_and_wrong(documents):
    right_docs, wrong_docs, planted = {}, {}, 0
    for name, text in documents.items():
        dates = _full_dates(text)
        if not dates:
            continue
        planted += len(dates)
        right_docs[name] = _plant(text, [(m.start, m.start, NAMES[m.first.weekday()] + ", ") for m in dates])
        wrong_docs[name] = _plant(text, [(m.start, m.start, NAMES[(m.first.weekday() + 3) % 7] + ", ") for m in dates])
    assert planted > 250
    right = lint_sources(right_docs, select=["DAT001"])
    assert [f"{d.path}:{d.line}:{d.column} {d.message}" for d in right.diagnostics] == []
    wrong = lint_sources(wrong_docs, select=["DAT001"])
    assert len(wrong.diagnostics) / planted >= 0.99, f"{len(wrong.diagnostics)} of {planted}"


def test_impossible_days(documents):
    planted_docs, planted = {}, 0
    for name, text in documents.items():
        edits = []
        for m in _full_dates(text):
            if m.text[0].isdigit() or m.text.startswith("the"):
                continue  # day first: keep the edit simple, on "Month D, YYYY" only
            bad = calendar.monthrange(m.year, m.month)[1] + 1
            day_at = text.index(str(m.day), m.start)
            edits.append((day_at, day_at + len(str(m.day)), str(bad)))
        if edits:
            planted += len(edits)
            planted_docs[name] = _plant(text, edits)
    assert planted > 200
    result = lint_sources(planted_docs, select=["DAT002"])
    assert len(result.diagnostics) / planted >= 0.99, f"{len(result.diagnostics)} of {planted}"


def test_no_dates_finding_on_the_corpus_as_it_is(documents):
    assert lint_sources(documents, select=["DAT"]).diagnostics == []


def test_no_tense_finding_when_dated_after_everything_it_mentions(documents):
    # Date each report the day after the last date it mentions: nothing is in the future,
    # so no past-tense statement can be after the document date.
    table = {}
    for name, text in documents.items():
        lasts = [m.last for m in scan(text) if m.last is not None and m.valid and m.kind != "relative"]
        if lasts:
            table[name] = (max(lasts) + dt.timedelta(days=1)).isoformat()
    result = lint_sources(documents, select=["DAT003", "DAT005", "DAT006"], config={"dates": {"document-date": table}})
    assert [f"{d.path}:{d.line}:{d.column} {d.message}" for d in result.diagnostics] == []

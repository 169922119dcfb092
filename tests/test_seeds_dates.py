"""The seeds: their dates are consistent, and the interview's relative dates resolve against its publication line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.testing import lint_sources

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
INTERVIEW = "002_e270d6855d8f2230.txt"
RELEASE = "004_c8cbabc9fea894ab.txt"


@pytest.fixture(scope="module")
def result():
    documents = {name: (SEEDS / name).read_text(encoding="utf-8") for name in (INTERVIEW, RELEASE)}
    return lint_sources(documents, select=["DAT"])


def sheet(result, name):
    (found,) = [s for s in result.sheets if s.path == name]
    return found


def test_no_dates_finding_in_either_seed(result):
    assert [f"{d.path}:{d.line}:{d.column} {d.rule} {d.message}" for d in result.diagnostics] == []


def test_interview_is_dated_by_its_publication_line(result):
    date = sheet(result, INTERVIEW).document_date
    assert date.date == dt.date(2026, 5, 14)
    assert date.source == "published"
    assert "Published on Pulse 2.0, May 14, 2026" in date.reason


def test_last_december_resolves_to_december_2025(result):
    mentions = [m for m in sheet(result, INTERVIEW).dates if m.text == "last December"]
    assert len(mentions) == 1
    (last_december,) = mentions
    assert last_december.kind == "relative"
    assert last_december.resolved == "2025-12"
    assert (last_december.first, last_december.last) == (dt.date(2025, 12, 1), dt.date(2025, 12, 31))


def test_last_year_resolves_to_2025(result):
    (last_year,) = [m for m in sheet(result, INTERVIEW).dates if m.text.lower() == "last year"]
    assert last_year.resolved == "2025"


def test_interview_counts_and_anchors_are_extracted(result):
    mentions = {m.text: m for m in sheet(result, INTERVIEW).dates}
    assert mentions["its first five months"].count == 5
    assert mentions["its first five months"].unit == "month"
    assert mentions["July 2025"].first == dt.date(2025, 7, 1)
    assert mentions["more than 30 years"].qualifier == "more than"


def test_release_has_no_document_date_and_an_uncheckable_consecutive_year(result):
    release = sheet(result, RELEASE)
    assert release.document_date is None
    (consecutive,) = [m for m in release.dates if m.qualifier == "consecutive"]
    assert (consecutive.text, consecutive.count) == ("for the third consecutive year", 3)
    assert {m.text for m in release.dates} >= {"October 2020", "July 1, 2020", "July 2019", "May 2020", "December 2020"}


def test_planted_period_count_in_the_interview_is_found():
    # "its first five months" after "approved in July 2025" fits a document of May 14, 2026
    # (11 months); twelve months do not fit, even across the seed's broken paragraph.
    text = (SEEDS / INTERVIEW).read_text(encoding="utf-8")
    assert text.count("its first five months") == 1
    planted = text.replace("its first five months", "its first twelve months")
    result = lint_sources({INTERVIEW: planted}, select=["DAT"])
    assert [(d.rule, d.message) for d in result.diagnostics] == [
        ("DAT006", '"its first twelve months" counts 12 months, but from "July 2025" to the end of the period there are at most 11'),
    ]


def test_planted_weekday_and_tense_in_the_release_are_found():
    text = (SEEDS / RELEASE).read_text(encoding="utf-8")
    assert text.count("In May 2020, Olverembatinib was granted") == 1
    planted = "SUZHOU, China, Monday, December 14, 2020 -- " + text.replace(
        "In May 2020, Olverembatinib was granted", "In May 2021, Olverembatinib was granted"
    )
    result = lint_sources({RELEASE: planted}, select=["DAT"])
    assert sorted(d.rule for d in result.diagnostics) == ["DAT003"]
    planted = planted.replace("Monday, December 14, 2020", "Tuesday, December 14, 2020")
    result = lint_sources({RELEASE: planted}, select=["DAT"])
    assert sorted(d.rule for d in result.diagnostics) == ["DAT001", "DAT003"]

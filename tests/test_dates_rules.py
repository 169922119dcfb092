"""Dates rules: fixes, evidence and related locations, beyond what the case tables check."""

from __future__ import annotations

import pytest

from checker.testing import lint, lint_sources


def one(text: str, code: str, **kwargs):
    found = [d for d in lint(text, select=[code], **kwargs) if d.rule == code]
    assert len(found) == 1, [d.message for d in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("Held on Wednesday, February 12, 2026.", "Thursday"),
        ("Held on Thu., Mar. 6, 2026.", "Fri."),
        ("Held on Thurs., Mar. 6, 2026.", "Fri."),
        ("Held on Tues, Mar. 5, 2026.", "Thurs"),
        ("HELD ON WEDNESDAY, FEBRUARY 12, 2026.", "THURSDAY"),
    ],
)
def test_weekday_fix_names_the_real_weekday_in_the_same_style(text, replacement):
    finding = one(text, "DAT001")
    assert finding.fix is not None and finding.fix.applicability == "display"
    (edit,) = finding.fix.edits
    assert text[edit.start : edit.end].rstrip(".").lower() in {"wednesday", "thu", "thurs", "tues"}
    assert edit.replacement == replacement
    assert "falls on a" in finding.evidence


def test_weekday_mismatch_across_many_years():
    import datetime as dt

    names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    for year in (1900, 1999, 2000, 2019, 2024, 2025, 2026, 2028, 2099):
        date = dt.date(year, 2, 28)
        right = names[date.weekday()]
        wrong = names[(date.weekday() + 1) % 7]
        assert lint(f"It was on {right}, February 28, {year}.", select=["DAT001"]) == []
        finding = one(f"It was on {wrong}, February 28, {year}.", "DAT001")
        assert f"is a {right}, not a {wrong}" in finding.message


def test_impossible_date_has_no_fix_and_explains():
    finding = one("Due on February 29, 1900.", "DAT002")
    assert finding.fix is None
    assert "1900 is not a leap year" in finding.message
    assert "read as year 1900, month 2, day 29" in finding.evidence


def test_past_event_evidence_names_the_document_date_source():
    finding = one("Published on Pulse 2.0, May 14, 2026\n\nIn September 2026, the company completed the sale.", "DAT003")
    assert "2026-05-14 from publication line 'Published on Pulse 2.0, May 14, 2026' (line 1)" in finding.evidence
    assert 'past-tense verb "completed"' in finding.evidence


def test_future_event_evidence():
    finding = one("CAMBRIDGE, Mass., March 5, 2021 -- We will present in December 2020.", "DAT004")
    assert '"December 2020" ends 2020-12-31; future marker "will"' in finding.evidence


def test_relative_conflict_points_at_the_explicit_date():
    text = (
        "Published on Pulse 2.0, May 14, 2026\n\n"
        "We presented the POLARIS-1 data at ASH last December.\n\n"
        "In December 2024, we presented the POLARIS-1 data at ASH.\n"
    )
    finding = one(text, "DAT005")
    (related,) = finding.related
    assert (related.line, related.column) == (5, 4)
    assert "explicit date" in related.message
    assert "shared words: ash, data, polaris-1, present" in finding.evidence


def test_period_count_points_at_the_start():
    text = "Lisaftoclax, approved in July 2025, achieved $10.1 million in its first eight months in 2025."
    finding = one(text, "DAT006")
    (related,) = finding.related
    assert (related.line, related.column) == (1, 26)
    assert '"2025" ends 2025-12-31' in finding.evidence


def test_dates_rules_report_only_documents_in_scope():
    text = "Held on Wednesday, February 12, 2026."
    result = lint_sources({"a.txt": text, "b.txt": text}, select=["DAT"], scope=["a.txt"])
    assert [d.path for d in result.diagnostics] == ["a.txt"]


def test_markdown_code_and_links_are_not_checked():
    text = "See `Wednesday, February 12, 2026` and [the filing](https://example.com/2025-02-29).\n"
    assert lint(text, select=["DAT"], path="doc.md") == []
    # Link text is prose: readers see it.
    text = "See [2025-02-29](https://example.com/a).\n"
    assert [d.rule for d in lint(text, select=["DAT"], path="doc.md")] == ["DAT002"]

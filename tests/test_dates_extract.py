"""The dates extractor: mentions with spans, resolution, fiscal years and the document date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from checker.extract.dates import FiscalYearEnd, document_date, fiscal_year_end, parse_date, resolve_relative, scan
from checker.fact_schema import to_jsonable
from checker.readers import read_document
from checker.testing import lint_sources, settings_from

D = dt.date


def only(text: str):
    """The single mention in ``text``."""
    mentions = scan(text)
    assert len(mentions) == 1, [(m.text, m.kind) for m in mentions]
    return mentions[0]


def sheet_of(text: str, path: str = "doc.txt", config: dict | None = None):
    result = lint_sources({path: text}, select=["DAT"], config=config)
    (sheet,) = result.sheets
    return sheet


# --- full dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "date", "weekday"),
    [
        ("It closed on May 14, 2026.", "May 14, 2026", D(2026, 5, 14), None),
        ("It closed on 14 May 2026.", "14 May 2026", D(2026, 5, 14), None),
        ("It closed on 2026-05-14.", "2026-05-14", D(2026, 5, 14), None),
        ("It closed on Thursday, March 5, 2026.", "Thursday, March 5, 2026", D(2026, 3, 5), 3),
        ("It closed on Wednesday, February 12, 2026.", "Wednesday, February 12, 2026", D(2026, 2, 12), 2),
        ("It closed on Thu., Mar. 5, 2026.", "Thu., Mar. 5, 2026", D(2026, 3, 5), 3),
        ("It closed on Sept. 30, 2025.", "Sept. 30, 2025", D(2025, 9, 30), None),
        ("It closed on the 5th of March, 2026.", "the 5th of March, 2026", D(2026, 3, 5), None),
        ("It closed on March 5th, 2026.", "March 5th, 2026", D(2026, 3, 5), None),
        ("It closed on 12/31/2025.", "12/31/2025", D(2025, 12, 31), None),
        ("It closed on 31/12/2025.", "31/12/2025", D(2025, 12, 31), None),
        ("MAY 14, 2026 -- news", "MAY 14, 2026", D(2026, 5, 14), None),
    ],
)
def test_full_dates(text, written, date, weekday):
    mention = only(text)
    assert mention.kind == "date"
    assert mention.text == written
    assert text[mention.start : mention.end] == written
    assert (mention.first, mention.last, mention.resolved) == (date, date, date.isoformat())
    assert mention.weekday == weekday
    assert mention.valid


def test_ambiguous_numeric_date_keeps_only_the_year():
    mention = only("Signed 03/04/2025.")
    assert (mention.kind, mention.year, mention.month, mention.day, mention.first) == ("date", 2025, None, None, None)


@pytest.mark.parametrize(
    ("text", "year", "month", "day"),
    [
        ("due February 30, 2026", 2026, 2, 30),
        ("due 2025-02-29", 2025, 2, 29),
        ("due 2025-13-01", 2025, 13, 1),
        ("due 31 April 2024", 2024, 4, 31),
        ("due February 30", None, 2, 30),
    ],
)
def test_impossible_dates_are_kept_as_invalid(text, year, month, day):
    mention = only(text)
    assert (mention.year, mention.month, mention.day, mention.valid, mention.first) == (year, month, day, False, None)


def test_leap_days_are_valid_in_leap_years():
    assert only("on February 29, 2024").valid
    assert only("on 2000-02-29").valid
    assert not only("on 1900-02-29").valid


def test_date_without_year():
    mention = only("The event is on Thursday, March 5.")
    assert (mention.kind, mention.text, mention.month, mention.day, mention.year, mention.weekday) == (
        "date", "Thursday, March 5", 3, 5, None, 3,
    )


# --- months, years, quarters, halves, fiscal years -----------------------------------


@pytest.mark.parametrize(
    ("text", "written", "kind", "first", "last"),
    [
        ("approved in July 2025", "July 2025", "month", D(2025, 7, 1), D(2025, 7, 31)),
        ("approved in Sept. 2025", "Sept. 2025", "month", D(2025, 9, 1), D(2025, 9, 30)),
        ("approved in February 2024", "February 2024", "month", D(2024, 2, 1), D(2024, 2, 29)),
        ("founded in 2009", "2009", "year", D(2009, 1, 1), D(2009, 12, 31)),
        ("expected in mid-2025", "mid-2025", "year", D(2025, 4, 1), D(2025, 9, 30)),
        ("expected in early 2026", "early 2026", "year", D(2026, 1, 1), D(2026, 4, 30)),
        ("expected by the end of 2025", "the end of 2025", "year", D(2025, 10, 1), D(2025, 12, 31)),
    ],
)
def test_months_and_years(text, written, kind, first, last):
    mention = only(text)
    assert (mention.text, mention.kind, mention.first, mention.last) == (written, kind, first, last)


@pytest.mark.parametrize(
    ("text", "written", "kind", "year", "number", "fiscal"),
    [
        ("sales in Q4 2025 rose", "Q4 2025", "quarter", 2025, 4, False),
        ("sales in Q4'25 rose", "Q4'25", "quarter", 2025, 4, False),
        ("sales in 4Q25 rose", "4Q25", "quarter", 2025, 4, False),
        ("sales in Q4 FY2025 rose", "Q4 FY2025", "quarter", 2025, 4, True),
        ("sales in the fourth quarter of 2025 rose", "the fourth quarter of 2025", "quarter", 2025, 4, False),
        ("sales in the fourth quarter of fiscal 2025 rose", "the fourth quarter of fiscal 2025", "quarter", 2025, 4, True),
        ("sales in the second half of 2026 rose", "the second half of 2026", "half", 2026, 2, False),
        ("sales in 1H26 rose", "1H26", "half", 2026, 1, False),
        ("sales in H2 FY2025 rose", "H2 FY2025", "half", 2025, 2, True),
        ("sales in the first six months of 2025 rose", "the first six months of 2025", "half", 2025, 1, False),
        ("sales in FY2025 rose", "FY2025", "fiscal-year", 2025, None, True),
        ("sales in FY25 rose", "FY25", "fiscal-year", 2025, None, True),
        ("sales in fiscal 2025 rose", "fiscal 2025", "fiscal-year", 2025, None, True),
        ("sales in fiscal year 2019 rose", "fiscal year 2019", "fiscal-year", 2019, None, True),
    ],
)
def test_quarters_halves_and_fiscal_years(text, written, kind, year, number, fiscal):
    mention = only(text)
    assert (mention.text, mention.kind, mention.year, mention.quarter, mention.fiscal) == (written, kind, year, number, fiscal)
    # Without a known fiscal year end, no months are assumed.
    assert mention.first is None and mention.last is None


def test_fiscal_year_ended_gives_its_own_span_and_the_fiscal_year_end():
    mention = only("for the fiscal year ended June 30, 2025, revenue rose")
    assert (mention.kind, mention.year, mention.month, mention.day) == ("fiscal-year", 2025, 6, 30)
    assert (mention.first, mention.last) == (D(2024, 7, 1), D(2025, 6, 30))
    assert fiscal_year_end([mention], None)[:2] == (6, 30)


def test_fiscal_year_ended_on_a_weekend_date():
    mention = only("for the fiscal year ended September 28, 2019")
    assert (mention.first, mention.last) == (D(2018, 9, 29), D(2019, 9, 28))


def test_quarter_ended_gives_the_fiscal_year_end():
    mentions = scan("Revenue for the third quarter ended September 30, 2025 rose.")
    assert [(m.kind, m.quarter, m.first, m.last) for m in mentions] == [("quarter", 3, D(2025, 7, 1), D(2025, 9, 30))]
    assert fiscal_year_end(mentions, None)[:2] == (12, 31)


def test_conflicting_fiscal_year_ends_in_one_document_give_none():
    mentions = scan("Our fiscal year ends on June 30. For the years ended December 31, 2019 and 2018, sales rose.")
    assert fiscal_year_end(mentions, None) is None


def test_configured_fiscal_year_end_maps_quarters():
    sheet = sheet_of("Sales in Q1 FY2026, the second half of fiscal 2026 and fiscal 2026.", config={"dates": {"fiscal-year-end": "06-30"}})
    spans = [(m.text, m.first, m.last) for m in sheet.dates]
    assert spans == [
        ("Q1 FY2026", D(2025, 7, 1), D(2025, 9, 30)),
        ("the second half of fiscal 2026", D(2026, 1, 1), D(2026, 6, 30)),
        ("fiscal 2026", D(2025, 7, 1), D(2026, 6, 30)),
    ]
    assert sheet.fiscal_year_end is not None and sheet.fiscal_year_end.month == 6


def test_document_fiscal_year_end_maps_quarters():
    sheet = sheet_of("Our fiscal year ends on September 30. In the first quarter of fiscal 2026, sales rose.")
    (quarter,) = [m for m in sheet.dates if m.kind == "quarter"]
    assert (quarter.first, quarter.last) == (D(2025, 10, 1), D(2025, 12, 31))


def test_calendar_fiscal_year_maps_quarters_to_calendar_quarters():
    sheet = sheet_of("For the year ended December 31, 2025, sales rose. In Q4 2025 they doubled.")
    (quarter,) = [m for m in sheet.dates if m.kind == "quarter"]
    assert (quarter.first, quarter.last) == (D(2025, 10, 1), D(2025, 12, 31))


def test_january_fiscal_year_end_is_not_mapped():
    # Retailers label a year ending in January by either calendar year.
    sheet = sheet_of("Sales in Q4 FY2025 rose.", config={"dates": {"fiscal-year-end": "01-31"}})
    (quarter,) = sheet.dates
    assert quarter.first is None


# --- relative expressions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "today", "resolved", "first", "last"),
    [
        ("data presented last December", D(2026, 5, 14), "2025-12", D(2025, 12, 1), D(2025, 12, 31)),
        ("data presented last December", D(2026, 1, 8), "2025-12", D(2025, 12, 1), D(2025, 12, 31)),
        ("data presented last December", D(2025, 12, 20), "2024-12", D(2024, 12, 1), D(2024, 12, 31)),
        ("data presented last May", D(2026, 5, 14), "2025-05", D(2025, 5, 1), D(2025, 5, 31)),
        ("data presented last March", D(2026, 5, 14), "2026-03", D(2026, 3, 1), D(2026, 3, 31)),
        ("to be presented next January", D(2025, 12, 20), "2026-01", D(2026, 1, 1), D(2026, 1, 31)),
        ("to be presented next December", D(2025, 12, 20), "2026-12", D(2026, 12, 1), D(2026, 12, 31)),
        ("presented in December last year", D(2026, 5, 14), "2025-12", D(2025, 12, 1), D(2025, 12, 31)),
        ("it grew last year", D(2026, 1, 8), "2025", D(2025, 1, 1), D(2025, 12, 31)),
        ("it grew earlier this year", D(2026, 5, 14), "2026", D(2026, 1, 1), D(2026, 5, 14)),
        ("it will grow later this year", D(2026, 5, 14), "2026", D(2026, 5, 14), D(2026, 12, 31)),
        ("it will grow next month", D(2025, 12, 20), "2026-01", D(2026, 1, 1), D(2026, 1, 31)),
        ("it grew last month", D(2026, 1, 8), "2025-12", D(2025, 12, 1), D(2025, 12, 31)),
        ("it grew two years ago", D(2026, 5, 14), "2024", D(2024, 1, 1), D(2024, 12, 31)),
        ("it grew a year ago", D(2026, 5, 14), "2025", D(2025, 1, 1), D(2025, 12, 31)),
        ("it grew three months ago", D(2026, 2, 14), "2025-11", D(2025, 11, 1), D(2025, 11, 30)),
        ("it opened yesterday", D(2026, 3, 1), "2026-02-28", D(2026, 2, 28), D(2026, 2, 28)),
        ("it grew at the end of last year", D(2026, 5, 14), "2025", D(2025, 10, 1), D(2025, 12, 31)),
    ],
)
def test_relative_dates_resolve_against_the_document_date(text, today, resolved, first, last):
    mention = resolve_relative(only(text), today)
    assert mention.kind == "relative"
    assert (mention.resolved, mention.first, mention.last) == (resolved, first, last)


def test_relative_quarter_without_a_fiscal_year_end_spans_every_reading():
    mention = only("sales fell last quarter")
    resolved = resolve_relative(mention, D(2026, 5, 14))
    assert (resolved.first, resolved.last) == (D(2025, 11, 14), D(2026, 5, 13))
    resolved = resolve_relative(only("sales rise next quarter"), D(2026, 5, 14))
    assert (resolved.first, resolved.last) == (D(2026, 5, 15), D(2026, 11, 14))
    resolved = resolve_relative(only("sales rise this quarter"), D(2026, 5, 31))
    assert (resolved.first, resolved.last) == (D(2026, 3, 1), D(2026, 8, 30))


def test_relative_quarter_with_a_fiscal_year_end():
    mention = only("sales fell last quarter")
    resolved = resolve_relative(mention, D(2026, 5, 14), FiscalYearEnd(12, 31, "config"))
    assert (resolved.first, resolved.last) == (D(2026, 1, 1), D(2026, 3, 31))
    resolved = resolve_relative(mention, D(2026, 2, 14), FiscalYearEnd(12, 31, "config"))
    assert (resolved.first, resolved.last) == (D(2025, 10, 1), D(2025, 12, 31))
    resolved = resolve_relative(only("sales fell this quarter"), D(2026, 2, 14), FiscalYearEnd(6, 30, "config"))
    assert (resolved.year, resolved.quarter, resolved.first, resolved.last) == (2026, 3, D(2026, 1, 1), D(2026, 3, 31))


def test_relative_dates_stay_unresolved_without_a_document_date():
    sheet = sheet_of("We presented the data last December.")
    (mention,) = sheet.dates
    assert (mention.kind, mention.resolved, mention.first) == ("relative", None, None)


# --- durations and counts of periods -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "count", "unit", "qualifier"),
    [
        ("achieved $10.1 million in its first five months", "its first five months", 5, "month", "first"),
        ("for the third consecutive year", "for the third consecutive year", 3, "year", "consecutive"),
        ("for the 3rd straight quarter", "for the 3rd straight quarter", 3, "quarter", "consecutive"),
        ("for three consecutive years", "three consecutive years", 3, "year", "consecutive"),
        ("the second year in a row", "the second year in a row", 2, "year", "consecutive"),
        ("I have spent more than 30 years on it", "more than 30 years", 30, "year", "more than"),
        ("over the past three years", "over the past three years", 3, "year", "past"),
        ("within the next 12 months", "within the next 12 months", 12, "month", "next"),
        ("for nearly two decades", "nearly two decades", 2, "decade", "nearly"),
        ("a 10-year note", "10-year", 10, "year", None),
        ("for twenty-five years", "twenty-five years", 25, "year", None),
    ],
)
def test_durations(text, written, count, unit, qualifier):
    mention = only(text)
    assert (mention.kind, mention.text, mention.count, mention.unit, mention.qualifier) == ("duration", written, count, unit, qualifier)
    assert text[mention.start : mention.end] == written


def test_since():
    mention = only("on the market since 2021")
    assert (mention.kind, mention.text, mention.year, mention.first, mention.qualifier) == ("duration", "since 2021", 2021, D(2021, 1, 1), "since")
    mention = only("on the market since July 2025")
    assert (mention.year, mention.month, mention.first) == (2025, 7, D(2025, 7, 1))


def test_since_runs_to_the_document_date():
    sheet = sheet_of("Published on Pulse 2.0, May 14, 2026\n\nOn the market since 2021.")
    (since,) = [m for m in sheet.dates if m.qualifier == "since"]
    assert (since.first, since.last) == (D(2021, 1, 1), D(2026, 5, 14))


def test_first_nine_months_of_a_year():
    mention = only("in the first nine months of 2025")
    assert (mention.kind, mention.year, mention.count, mention.qualifier) == ("duration", 2025, 9, "first-of-year")


# --- what is not a date -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We have 2000 employees.",
        "See Rule 2019 and No. 2020 and Section 1999.",
        "The candidate APG-2025 is in trials.",
        "He is 30 years old.",
        "Revenue was $2025 million, up 2019%.",
        "It weighs 2,019 kg.",
        "You may 5 times retry.",
        "March ahead with the plan.",
    ],
)
def test_not_dates(text):
    assert scan(text) == []


def test_prepositions_are_recorded():
    mentions = scan("Approved in July 2025, valid until December 2027, as of March 31, 2026.")
    assert [(m.text, m.preposition) for m in mentions] == [
        ("July 2025", "in"), ("December 2027", "until"), ("March 31, 2026", "as of"),
    ]


def test_mentions_never_overlap_and_are_in_order():
    text = "On Thursday, March 5, 2026, since July 2025, in the fourth quarter of fiscal 2025 and last December."
    mentions = scan(text)
    for before, after in zip(mentions, mentions[1:]):
        assert before.end <= after.start
    assert [m.text for m in mentions] == [
        "Thursday, March 5, 2026", "since July 2025", "the fourth quarter of fiscal 2025", "last December",
    ]


def test_markdown_code_is_not_scanned():
    sheet = sheet_of("Released on May 14, 2026.\n\n```\nrelease_date = 2025-13-01\n```\n", path="doc.md")
    assert [m.text for m in sheet.dates] == ["May 14, 2026"]


def test_parse_date():
    assert parse_date("May 14, 2026") == D(2026, 5, 14)
    assert parse_date("14 May 2026") == D(2026, 5, 14)
    assert parse_date("2026-05-14") == D(2026, 5, 14)
    assert parse_date("July 2025") is None


# --- the document date ------------------------------------------------------------------


def read(path: str, text: str):
    doc, _ = read_document(path, text.encode("utf-8"))
    return doc


def test_document_date_from_front_matter():
    doc = read("post.md", "---\ntitle: x\ndate: 2026-05-14\n---\n\nText.\n")
    date = document_date(doc, settings_from())
    assert (date.date, date.source) == (D(2026, 5, 14), "front-matter")
    assert "line 3" in date.reason and "date: 2026-05-14" in date.reason


@pytest.mark.parametrize("value", ['"2026-05-14"', "2026-05-14T09:30:00Z", "May 14, 2026", "'14 May 2026'"])
def test_front_matter_date_forms(value):
    doc = read("post.md", f"---\ndate: {value}\n---\n\nText.\n")
    assert document_date(doc, settings_from()).date == D(2026, 5, 14)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("CAMBRIDGE, Mass., March 5, 2026 -- Acme today announced results.", D(2026, 3, 5)),
        ("SHANGHAI and ROCKVILLE, Md., Feb. 12, 2026 /PRNewswire/ -- Acme announced results.", D(2026, 2, 12)),
        ("NEW YORK, Jan. 8, 2026 \u2014 Acme announced results.", D(2026, 1, 8)),
        ("LONDON, 14 May 2026 - Acme announced results.", D(2026, 5, 14)),
    ],
)
def test_document_date_from_dateline(line, date):
    doc = read("release.txt", f"Acme Reports Results\n\n{line}\n")
    found = document_date(doc, settings_from())
    assert (found.date, found.source) == (date, "dateline")
    assert "line 3" in found.reason


def test_document_date_from_published_line():
    doc = read("seed.txt", "Title\n\nPublished on Pulse 2.0, May 14, 2026\n\nAuthor: A\n")
    found = document_date(doc, settings_from())
    assert (found.date, found.source) == (D(2026, 5, 14), "published")
    assert found.reason == "publication line 'Published on Pulse 2.0, May 14, 2026' (line 3)"


def test_a_date_inside_a_sentence_is_not_a_dateline():
    doc = read("doc.txt", "The company said on March 5, 2026 -- a Thursday -- that sales rose.\n")
    assert document_date(doc, settings_from()) is None


def test_document_date_order_front_matter_first():
    text = "---\ndate: 2026-01-02\n---\n\nCAMBRIDGE, Mass., March 5, 2026 -- News.\n\nPublished on X, May 14, 2026\n"
    assert document_date(read("a.md", text), settings_from()).source == "front-matter"
    text = "CAMBRIDGE, Mass., March 5, 2026 -- News.\n\nPublished on X, May 14, 2026\n"
    assert document_date(read("a.txt", text), settings_from()).source == "dateline"


def test_document_date_from_configuration(tmp_path):
    config = {"dates": {"document-date": {"press/*.md": "2026-02-12", "notes/interview.txt": "2026-05-14"}}}
    settings = replace(settings_from(config), root=str(tmp_path))
    found = document_date(read(str(tmp_path / "press" / "q1.md"), "No date here.\n"), settings)
    assert (found.date, found.source) == (D(2026, 2, 12), "config")
    assert "glob 'press/*.md' matches 'press/q1.md'" in found.reason
    found = document_date(read(str(tmp_path / "notes" / "interview.txt"), "No date here.\n"), settings)
    assert (found.date, found.source) == (D(2026, 5, 14), "config")
    assert "path 'notes/interview.txt'" in found.reason
    assert document_date(read(str(tmp_path / "other.md"), "No date here.\n"), settings) is None


def test_text_date_wins_over_configuration(tmp_path):
    settings = replace(settings_from({"dates": {"document-date": {"**": "2020-01-01"}}}), root=str(tmp_path))
    found = document_date(read(str(tmp_path / "a.txt"), "Published on X, May 14, 2026\n"), settings)
    assert found.source == "published"


def test_document_date_is_on_the_sheet():
    sheet = sheet_of("Published on X, May 14, 2026\n\nWe presented data last December.")
    assert sheet.document_date.date == D(2026, 5, 14)
    assert to_jsonable(sheet)["document_date"]["date"] == "2026-05-14"


# --- speed ---------------------------------------------------------------------------------


def test_text_without_date_words_has_no_mentions():
    assert scan("nothing to see here at all " * 1000) == []


def test_reason_says_when_the_configuration_was_overridden(tmp_path):
    settings = replace(settings_from({"dates": {"document-date": {"*.txt": "2020-01-01"}}}), root=str(tmp_path))
    found = document_date(read(str(tmp_path / "a.txt"), "Published on X, May 14, 2026\n"), settings)
    assert found.date == D(2026, 5, 14)
    assert "not the configuration ([tool.factlint.dates] document-date glob '*.txt' matches 'a.txt')" in found.reason


@pytest.mark.parametrize(
    ("text", "written", "year", "fiscal"),
    [
        ("in Q4-25", "Q4-25", 2025, False),
        ("in Q4\u201925", "Q4\u201925", 2025, False),
        ("in Q4 of fiscal 2025", "Q4 of fiscal 2025", 2025, True),
        ("in Q1 FY 26", "Q1 FY 26", 2026, True),
        ("in 2H 2025", "2H 2025", 2025, False),
        ("in H1'26", "H1'26", 2026, False),
    ],
)
def test_short_quarter_and_half_forms(text, written, year, fiscal):
    mention = only(text)
    assert (mention.text, mention.year, mention.fiscal) == (written, year, fiscal)


@pytest.mark.parametrize("text", ["Q3 10 days later", "rated H1 20 times", "the 4Q 12 units"])
def test_label_then_count_is_not_a_quarter(text):
    assert [m.kind for m in scan(text) if m.kind in ("quarter", "half")] == []

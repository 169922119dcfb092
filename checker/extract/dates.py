"""The ``dates`` extractor: date mentions, the document date and the fiscal year.

Fills ``sheet.dates`` with one :class:`~checker.facts.DateMention` per date
expression (spans never overlap; the longest reading wins) and
``sheet.document_date``.

What is recognised (kinds):

- ``date``: "May 14, 2026", "14 May 2026", "2026-05-14", "05/14/2026",
  "Thursday, March 5, 2026", "March 5" (no year). Impossible dates
  ("February 30, 2026", "2025-13-01") are kept with ``valid=False``.
- ``month``: "July 2025", "mid-July 2025".
- ``year``: "2025", "early 2026", "the end of 2025", "calendar 2025".
- ``quarter`` and ``half``: "Q4 2025", "4Q25", "fourth quarter of 2025",
  "the third quarter ended September 30, 2025", "second half of 2026",
  "1H26", "H2 FY2025", "the first six months of 2025".
- ``fiscal-year``: "FY2025", "fiscal 2025", "fiscal year ended June 30,
  2025", "the years ended December 31, 2019 and 2018", "our fiscal year ends
  on June 30".
- ``relative``: "last December", "earlier this year", "last year", "next
  month", "December last year", "two years ago", "today".
- ``duration``: "its first five months", "the first nine months of 2025",
  "for the third consecutive year", "more than 30 years", "over the past
  three years", "since 2021".

Resolution. ``first`` and ``last`` give the calendar days a mention covers
when they are known. Relative mentions resolve against the document date
("last December" is the most recent December before the document's month).
Quarters, halves and fiscal years are mapped to months only when the fiscal
year end is known: from ``[tool.factlint.dates] fiscal-year-end`` or from
the document itself ("fiscal year ended June 30, 2025", "the year ended
December 31, 2025", "third quarter ended September 30"); it is recorded in
``sheet.fiscal_year_end``. A fiscal year is labelled by the
calendar year it ends in; fiscal years ending in January or February are
labelled inconsistently by companies, so their quarters are not mapped.

The document date is found by :mod:`checker.extract.document_date`. The
events stated at a date (``sheet.events``) are another extractor's, kind
``events`` (:mod:`checker.extract.date_events`), which reads these mentions.

The extractor's parts, one job each: ``date_words`` (month and weekday names,
number words), ``date_grammar`` (the scanner and its lead-ins),
``date_mentions`` (one builder per grammar branch), ``date_resolve``
(calendar spans, fiscal periods, relative dates) and ``document_date``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from checker.extract.date_grammar import matches
from checker.extract.date_mentions import mention, parse_date
from checker.extract.date_resolve import FiscalYearEnd, apply_fiscal, fiscal_year_end, resolve_relative
from checker.extract.document_date import document_date

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document
    from checker.facts import DateMention, FactSheet

__all__ = ["FiscalYearEnd", "document_date", "extract", "fiscal_year_end", "parse_date", "resolve_relative", "scan"]


def scan(prose: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date mention in ``prose[start:end]``, unresolved (no document date, no fiscal year)."""
    out: list[DateMention] = []
    for match in matches(prose, start, len(prose) if end is None else end):
        found = mention(match, prose, preposition=True)
        if found is not None:
            out.append(found)
    return out


def extract(doc: Document, sheet: FactSheet, settings: Settings) -> None:
    """Fill ``sheet.dates``, ``sheet.document_date`` and ``sheet.fiscal_year_end``."""
    mentions = scan(doc.prose)
    anchor = document_date(doc, settings)
    fy_end = fiscal_year_end(mentions, settings)
    if fy_end is not None:
        from checker.facts import FiscalYearEndFact

        sheet.fiscal_year_end = FiscalYearEndFact(month=fy_end.month, day=fy_end.day, source=fy_end.source)
    resolved: list[DateMention] = []
    for found in mentions:
        if found.kind == "relative" and anchor is not None:
            found = resolve_relative(found, anchor.date, fy_end)
        elif found.qualifier == "since" and anchor is not None and found.first is not None:
            found = replace(found, last=anchor.date)
        else:
            found = apply_fiscal(found, fy_end)
        resolved.append(found)
    sheet.dates = resolved
    sheet.document_date = anchor

"""Dated records: the version headings of a changelog ("## 3.7.1 — 2024-09-30"), in document order.

A record is a heading line that names a version (two or more dot-separated
numbers, optionally after "v" or in brackets, optionally with a suffix such
as "rc1") followed by a full date and nothing else. The document-date finder
takes the first record as the date a changelog speaks from; the record-order
rule compares versions with dates.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from checker.extract.date_mentions import parse_date
from checker.patterns import compile_cached

if TYPE_CHECKING:
    from checker.document import Document


class DatedRecord(NamedTuple):
    """One version heading: the version as written and as numbers, its date and the date's span in the prose."""

    label: str
    version: tuple[int, ...]
    date: dt.date
    start: int
    end: int


@cache
def version_heading(full_date: str) -> re.Pattern[str]:
    """A heading line holding a version and then a date (``full_date`` is the date's pattern)."""
    return compile_cached(
        rf"^[ \t>*_#=]*\[?v?(?P<version>\d+(?:\.\d+)+)(?P<suffix>[\w.+-]*)\]?[ \t]*(?:[-:|\u2014\u2013][ \t]*)?"
        rf"\(?(?P<date>{full_date})\)?[ \t]*$",
        re.M,
    )


def dated_records(doc: Document, full_date: str) -> list[DatedRecord]:
    """Every version heading with a date on the calendar, in document order."""
    out = []
    for match in version_heading(full_date).finditer(doc.prose):
        date = parse_date(match.group("date"))
        if date is None:
            continue
        label = match.group("version") + match.group("suffix")
        version = tuple(int(part) for part in match.group("version").split("."))
        out.append(DatedRecord(label, version, date, match.start("date"), match.end("date")))
    return out

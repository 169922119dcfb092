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
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from checker.extract.date_mentions import parse_date
from checker.patterns import LazyPattern, compile_cached

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
def version_heading(full_date: str, listed: bool = False) -> re.Pattern[str]:
    """A heading line holding a version and then a date (``full_date`` is the date's pattern); "Version",
    "Release" or a product's name of one or two capitalised words may come before the version. ``listed``
    also takes the entries of a revision history: a list's bullet before the version, and a description after
    the date, past a colon, a dash or a gap of two blanks ("v1.2  18 August 2025  Times corrected",
    "- **1.4.1** (19 September 2025): hotfix"); such a list dates its releases, not the document."""
    bullet, marks, rest = "", "", r"[ \t]*$"
    if listed:
        bullet, marks, rest = r"(?:[-+][ \t]+[*_]*)?", "[*_]*", r"(?:[ \t]*$|[ \t]*(?::|[ \t][-|\u2014\u2013])[ \t]+\S|[ \t]{2,}\S)"
    return compile_cached(
        rf"^[ \t>*_#=]*{bullet}(?:(?i:version|release)[ \t]+|[A-Z][\w+-]*[ \t]+(?:[A-Z][\w+-]*[ \t]+)?)?"
        rf"\[?v?(?P<version>\d+(?:\.\d+)+)(?P<suffix>[\w.+-]*)\]?{marks}[ \t]*(?:[-:|\u2014\u2013][ \t]*)?"
        rf"\(?(?P<date>{full_date})\)?{rest}",
        re.M,
    )


# A line that starts as a version heading does (a version of two numbers or more), from the line break
# before it: the text's one character worth searching for, so that ``re`` skips to it. The run of marks is
# possessive (none of them can begin a version, so giving one back never helps): with a plain ``*`` re
# tries the rest at every length of the run, and the search costs four times as much.
# A product's name before the version is looked for only at the document's headings (``dated_records``): tried
# after every line break, a word or two before the version doubled the cost of the release-order rule.
_VERSION_LINE = LazyPattern(r"\n(?=[ \t>*_#=]*+(?:[-+][ \t]+[*_]*)?(?:(?:[Vv]ersion|[Rr]elease)[ \t]+)?\[?v?\d+\.\d)")


_VERSION_NUMBER = LazyPattern(r"\d\.\d")


def dated_records(doc: Document, full_date: str) -> list[DatedRecord]:
    """Every version heading with a date on the calendar, in document order."""
    out = []
    prose = doc.prose
    version = _VERSION_NUMBER.search
    headings = [doc.line_bounds(b.start)[0] for b in doc.paragraphs if b.kind == "heading" and version(prose, b.start, b.end)]
    for match in _headings(version_heading(full_date, listed=True), prose, headings):
        date = parse_date(match.group("date"))
        if date is None:
            continue
        label = match.group("version") + match.group("suffix")
        version = tuple(int(part) for part in match.group("version").split("."))
        out.append(DatedRecord(label, version, date, match.start("date"), match.end("date")))
    return out


def _headings(pattern: re.Pattern[str], prose: str, headings: Iterable[int] = ()) -> Iterator[re.Match[str]]:
    """``pattern.finditer(prose)`` for the version-heading pattern, tried only at the text's start, at the
    line starts where a version begins (the pattern's every match begins so; a search tries every character)
    and at the starts of the lines of ``headings`` (where a product's name may come first)."""
    last = 0
    match = pattern.match
    starts = sorted({0, *map(_after, _VERSION_LINE.finditer(prose)), *headings})
    for start in starts:
        if start < last:
            continue  # within the previous heading (a date can run over a line break)
        found = match(prose, start)
        if found is not None:
            last = found.end()
            yield found


_after = re.Match.end

"""The date a document speaks from, and why.

First found wins: front matter ``date:``; a dateline ("CAMBRIDGE, Mass.,
March 5, 2026 --", "BOSTON--(BUSINESS WIRE)--March 3, 2026--", "Boston, MA
\u2014 March 3, 2026 \u2014", "LONDON (Reuters) - March 3, 2026 -"); a
"Published on ..., May 14, 2026", "Date:", "Report date:", "Sent:" or "Updated:" line (an
email header is one; a few words may come before "sent", "issued", "published" or
"released" when a colon and the date end the line: "Judgment sent to the parties: 20
November 2026"); a changelog's first dated version heading ("## 3.7.1 \u2014 2024-09-30"); a date alone on a line near the top (a letter's "9
October 2024"); a short line among the first few that holds a full date (a
byline "By Jane Doe | March 3, 2026", a title "Minutes of the meeting held
on 3 March 2026"); then the configuration's ``document-date`` table (exact
path or glob relative to the project root). A date found in the text notes
a configured one it overrides. Without any of these the document has no
date, and the rules that need one stay quiet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Literal

from checker.extract.date_grammar import YEAR
from checker.extract.date_mentions import parse_date
from checker.extract.date_records import version_heading
from checker.extract.date_words import month_alternation, weekday_alternation
from checker.facts import DocumentDate
from checker.patterns import LazyPattern as _Lazy
from checker.patterns import LineStarts, compile_cached

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document


_SHORT = 120  # the longest line ``short`` reads (a byline, a title)
# A time of day after a date: "at 10:00", "10:14 AM EST", "07:45".
_TIME = r"(?:at[ \t]+)?\d{1,2}[:.]\d\d(?:[ \t]*[apAP]\.?[mM]\.?)?(?:[ \t]+[A-Z]{2,4})?"


@cache
def full_date() -> str:
    """The pattern of a full date as a document states its own: with a month name and a year, or ISO."""
    month = month_alternation()
    return (
        rf"(?:(?:{weekday_alternation()})\.?,?\s+)?(?:(?:{month})\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{month}),?\s+{YEAR}|(?:1[89]|20)\d\d-\d\d-\d\d(?![\d-]))"
    )


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The dateline, the publication line and the front matter's date entry."""
    full = full_date()
    patterns = {
        "dateline": compile_cached(
            rf"^[ \t>*_#]*(?P<city>[A-Z][A-Z.'\u2019-]+(?:[ \t]+[A-Z][A-Za-z.'\u2019-]*)*)(?P<mid>[^\r\n]{{0,100}}?,[ \t]*)"
            rf"(?P<date>{full})[^\r\n]{{0,60}}?(?:--|\u2014|\u2013|[ \t]-[ \t]|/[ \t]*$)",
            re.M,
        ),
        "wire": compile_cached(
            rf"^[ \t>*_#]*(?!(?:{weekday_alternation()}|{month_alternation()})\b)"
            rf"(?P<city>[A-Z][\w.'\u2019]*(?:[ \t]*,?[ \t]+[A-Z][\w.'\u2019]*){{0,4}})[ \t]*(?:\([^()\r\n]{{1,40}}\))?"
            rf"[ \t]*(?:,|--|[\u2014\u2013]|-)[ \t]*(?:\([^()\r\n]{{1,40}}\)[ \t]*(?:--|[\u2014\u2013]|-)[ \t]*)?"
            rf"(?P<date>{full})[ \t]*(?:--|[\u2014\u2013]|-[ \t]|-(?=[A-Z])|/)",
            re.M,
        ),
        "paren": compile_cached(
            rf"^[ \t>*_#]*(?!(?:{weekday_alternation()}|{month_alternation()})\b)"
            rf"(?P<city>[A-Z][\w.'\u2019]*(?:[ \t]*,?[ \t]+[A-Z][\w.'\u2019]*){{0,4}})[ \t]*\((?P<date>{full})\)[ \t]*(?:--|[\u2014\u2013]|-)",
            re.M,
        ),
        "published": compile_cached(
            # (Or after a byline's separator: "*Tournament recap | Published Tuesday 11 November 2025 | By ...*", "Update
            # No. 6 - Issued: Monday 17 November 2025"; not in a table row, which opens with the separator.)
            # Or after a few words that name what was sent or issued, when a colon and the date close the line ("Judgment
            # and summary sent to the parties: Friday 20 November 2026", "Decision issued: 3 March 2026").
            rf"^[ \t>*_#]*(?:[^\r\n|\u00b7\u2022]{{1,60}}(?:[|\u00b7\u2022]|[ \t][-\u2013\u2014])[ \t]*(?=(?i:published|posted|dated|issued|updated)\b)"
            rf"|[A-Z][\w'\u2019-]*(?:[ \t]+[\w'\u2019-]+){{0,3}}[ \t]+(?=(?i:sent|issued|published|released)\b[^\r\n:]{{0,40}}:[ \t]*{full}[ \t.]*$))?"
            # "Report date:", "Issue date:": the document's own date under a label that names the document; not "Start
            # date:", "Due date:", "Record date:", which name other dates.
            rf"(?i:published|posted|dated|(?:publication|report|release|issue|document|letter|notice|bulletin)\s+date|date|sent|issued|released|answered|(?:last\s+)?updated"
            rf"|for\s+(?:immediate\s+)?release|embargoed(?:\s+until)?)\b"
            rf"(?:(?!e\.g\.|for\s+example)[^\r\n]){{0,80}}?(?P<date>{full})",
            re.M,
        ),
        "changelog": version_heading(full),
        # A letter's date, a news story's timestamp ("March 3, 2026 10:14 AM EST"), a post's "March 3, 2026 | 4 min read".
        "alone": compile_cached(rf"^[ \t>*_#]*(?P<date>{full})[ \t.,]*(?:{_TIME})?(?:[ \t]*[|\u00b7\u2022][^\r\n]*)?[ \t]*$", re.M),
        # The date closes the line (a time may follow) after a separator or "held on": a byline, a title.
        # Not after a colon: "Start Date:", "Due date:" name other dates (the document's own labels are
        # read by the publication-line pattern); nor on a line about a deadline or a validity ("Deadline \u2014 30 June").
        "short": compile_cached(
            rf"^(?=[^\r\n]{{0,{_SHORT}}}$)(?![^\r\n]*\b(?i:deadline|due|expires?|expiry|effective|until|closes|closing|valid|starts?|ends?)\b)"
            rf"[^\r\n]*?(?:[|,\u00b7\u2022\u2014\u2013]|[ \t]-|\bheld[ \t]+on)[ \t]*(?P<date>{full})"
            rf"[ \t,]*(?:{_TIME}[^\r\n]*)?[ \t]*$",
            re.M,
        ),
        "front_date": compile_cached(r"^date[ \t]*[:=][ \t]*[\"']?(?P<value>[^\"'\r\n#]+)", re.M),
    }
    # Whether any head line at all is there, in one search each over the text the patterns are tried on:
    # the head for these, its top for the looser datelines and the date alone on a line (see _text_date).
    patterns["any_head"] = _any_of(patterns[name] for name in ("dateline", "published", "changelog"))
    patterns["any_top"] = _any_of(patterns[name] for name in ("wire", "paren", "alone"))
    return patterns


def _any_of(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` (multi-line, without back-references) does."""
    return compile_cached("|".join(f"(?:{_unnamed(pattern.pattern)})" for pattern in patterns), re.M)


def _unnamed(pattern: str) -> str:
    """``pattern`` with its named groups as plain groups (the same matches; names may then repeat)."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_FRONT_MATTER = _Lazy(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)^(?:---|\+\+\+|\.\.\.)[ \t]*$", re.S | re.M)
_HEAD = 6000  # datelines and "Published" lines are near the top
_CENTURY = _Lazy(r"(?:1[89]|20)\d\d")
# The lines near the top that can date a document, tried in order: (pattern and source, how a reason names it)
_Source = Literal["dateline", "published", "changelog", "date-line", "heading"]
_HEAD_LINES: tuple[tuple[str, _Source, str], ...] = (
    ("dateline", "dateline", "dateline"),
    ("wire", "dateline", "dateline"),
    ("paren", "dateline", "dateline"),
    ("published", "published", "publication line"),
    ("changelog", "changelog", "changelog heading"),
    ("alone", "date-line", "date line"),
)
_NON_BLANK = _Lazy(r"\S")
_TOP = 1500  # a date alone on a line dates the document only near its top (a letter's date)
_FIRST_LINES = 5  # a short line holding a full date dates the document among its first lines


def document_date(doc: Document, settings: Settings | None) -> DocumentDate | None:
    """The date the document speaks from, and why (see the module docstring for the order)."""
    found = _text_date(doc)
    configured = _configured_date(doc, settings)
    if found is None:
        return configured
    if configured is not None:
        note = configured.reason.removeprefix("configuration ")
        found = replace(found, reason=f"{found.reason}; not the configuration ({note}), which comes after it")
    return found


def _text_date(doc: Document) -> DocumentDate | None:
    grammar = _patterns()
    front = _FRONT_MATTER.match(doc.text)
    if front:
        entry = grammar["front_date"].search(doc.text, front.start("body"), front.end("body"))
        if entry:
            value = entry.group("value").strip()
            date = _front_matter_value(value)
            if date is not None:
                line = doc.position(entry.start()).line
                return DocumentDate(date=date, source="front-matter", start=entry.start(), end=entry.end(),
                                    reason=f"front matter {entry.group(0).strip()!r} (line {line})")
    head = doc.prose[:_HEAD]
    if not _CENTURY.search(head):
        return None  # both need a full date, so a year
    if not (grammar["any_head"].search(head) or grammar["any_top"].search(head, 0, _TOP)):
        return _heading(doc, grammar["short"], head)  # no head line of any kind: the usual case
    lines = LineStarts(head)  # every pattern here starts with "^" (multi-line)
    for pattern, source, label in _HEAD_LINES:
        if pattern in ("wire", "paren"):  # the looser datelines only open a document
            match = lines.search(grammar[pattern], 0, _TOP)
        elif source == "date-line":
            alone = list(islice(lines.finditer(grammar[pattern], 0, _TOP), 2))
            match = alone[0] if len(alone) == 1 else None  # several: a table's column headings, not a letter's date
        else:
            match = lines.search(grammar[pattern])
        found = _dated(doc, match, source, label)
        if found is not None:
            return found
    return _heading(doc, grammar["short"], head)


def _dated(doc: Document, match: re.Match[str] | None, source: _Source, label: str) -> DocumentDate | None:
    """The document date a head-line match states, if its date is on the calendar."""
    if match is None:
        return None
    date = parse_date(match.group("date"))
    if date is None:
        return None
    line = doc.position(match.start("date")).line
    shown = doc.text[match.start() : match.end()].strip()
    return DocumentDate(date=date, source=source, start=match.start("date"), end=match.end("date"),
                        reason=f"{label} {shown!r} (line {line})")


def _heading(doc: Document, short: re.Pattern[str], head: str) -> DocumentDate | None:
    """A full date on a short line among the first non-empty lines (a byline, a title, a meeting's heading)."""
    seen = 0
    for start, end in _non_empty_lines(head):
        seen += 1
        if seen > _FIRST_LINES:
            return None
        if end - start > _SHORT or not _CENTURY.search(head, start, end):
            continue  # too long for ``short``; or no year, so no full date
        found = _dated(doc, short.match(head, start, end), "heading", "heading")
        if found is not None:
            return found
    return None


def _non_empty_lines(text: str) -> Iterator[tuple[int, int]]:
    r"""(start, end) of each line of ``text`` with a non-blank character, a line ending at "\n" or "\r": the
    matches of ``[^\r\n]*\S[^\r\n]*``, found without reading every character of the long lines."""
    pos, size = 0, len(text)
    while pos <= size:
        end = text.find("\n", pos)
        if end == -1:
            end = size
        cr = text.find("\r", pos, end)
        while cr != -1:
            if _NON_BLANK.search(text, pos, cr):
                yield pos, cr
            pos = cr + 1
            cr = text.find("\r", pos, end)
        if _NON_BLANK.search(text, pos, end):
            yield pos, end
        pos = end + 1


def _configured_date(doc: Document, settings: Settings | None) -> DocumentDate | None:
    if settings is None or not settings.dates.document_date:
        return None
    from pathlib import Path

    from checker.discovery import matches_any, relative_to

    relative = relative_to(Path(doc.path), Path(settings.root))
    table = settings.dates.document_date
    exact = [key for key in table if key in (relative, doc.path)]
    globbed = [key for key in table if matches_any(relative, (key,)) or matches_any(doc.path, (key,))]
    for key in exact + globbed:
        how = "path" if key in exact else "glob"
        return DocumentDate(date=table[key], source="config",
                            reason=f"configuration [tool.factlint.dates] document-date {how} {key!r} matches {relative!r}")
    return None


def _front_matter_value(value: str) -> dt.date | None:
    match = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    return parse_date(value)

"""Date mentions from the scanner's matches: one small builder per grammar branch.

:func:`mention` extends a match over its lead-in ("Thursday, ", "more than ")
and hands it to the builder of its branch (``_BUILDERS``), which reads the
branch's groups and returns a :class:`~checker.facts.DateMention` (or None
when the match is not a date after all: "June 31 stores", "APG-2025").
``first``/``last`` are set here when the text alone gives them; fiscal and
relative resolution come later (:mod:`checker.extract.date_resolve`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from checker.extract.date_grammar import (
    COUNT_AFTER,
    COUNTED,
    NOT_YEAR_BEFORE,
    PREPOSITION,
    lead_in,
    scanner,
    search_before,
)
from checker.extract.date_resolve import month_span, months_span, year_span
from checker.extract.date_words import UNIT_NAMES, month_number, number_value, ordinal_value, two_digit_year, weekday_number
from checker.facts import DateMention


def mention(match: re.Match[str], prose: str, preposition: bool = False) -> DateMention | None:
    """A DateMention for one scanner match (``first``/``last`` before fiscal and relative resolution).

    With ``preposition``, the word just before the mention ("in", "since", ...) is recorded too.
    """
    branch = match.lastgroup or ""
    start, lead = lead_in(branch, prose, match.start())
    return _BUILDERS[branch](_Found(match, prose, start, lead, preposition))


def parse_date(text: str) -> dt.date | None:
    """The date in a string such as "May 14, 2026", "14 May 2026" or "2026-05-14", or None."""
    pattern = scanner()
    match = pattern.search(text)
    while match is not None:
        found = mention(match, text)
        if found is not None and found.kind == "date" and found.first is not None:
            return found.first
        match = pattern.search(text, match.end())
    return None


def _modifier(text: str | None) -> str | None:
    """A lead-in modifier in its normal form ("The End of" -> "end of", "in the middle of" -> "mid")."""
    if not text:
        return None
    words = re.sub(r"[\s-]+", " ", text.lower()).strip()
    words = words.removeprefix("at ").removeprefix("in ").removeprefix("the ").removesuffix(" in").strip()
    if words == "middle of":
        return "mid"
    if words.startswith("year"):
        return "year end"
    return words


def _valid(year: int | None, month: int, day: int) -> bool:
    """Whether the day is on the calendar (without a year, February 29 is)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None:
        return day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    return day <= calendar.monthrange(year, month)[1]


# --- the builders --------------------------------------------------------------


_SHORT_ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


class _Found:
    """One scanner match on its way to a mention: its groups, its span (with any lead-in) and the lead-in's groups."""

    __slots__ = ("group", "prose", "begin", "start", "end", "lead", "preposition")

    def __init__(self, match: re.Match[str], prose: str, start: int, lead: dict[str, str], preposition: bool) -> None:
        self.group = match.group
        self.prose = prose
        self.begin = match.start()  # where the branch matched, after any lead-in
        self.start = start
        self.end = match.end()
        self.lead = lead
        self.preposition = preposition

    def make(self, kind: str, **fields: Any) -> DateMention:
        """The mention of this match, of ``kind``, with ``fields`` set (and its preposition, when asked for)."""
        values = {"text": self.prose[self.start : self.end], "start": self.start, "end": self.end, "kind": kind, **fields}
        if self.preposition:
            found = search_before(PREPOSITION, self.prose, self.start, 16)
            if found is not None:
                word = found.group(1)
                folded = _PREPOSITION_WORDS.get(word)
                if folded is None:
                    folded = _PREPOSITION_WORDS[word] = re.sub(r"\s+", " ", word.lower())
                values["preposition"] = folded
        return DateMention(**values)


def _month(word: str) -> int:
    """The month a scanner group names (the grammar's month alternation only matches month names)."""
    number = month_number(word)
    assert number is not None, word
    return number


def _year_and_fiscal(found: _Found, branch: str, short: bool) -> tuple[int, bool]:
    """The year and whether it is a fiscal one, from a quarter's or half's groups."""
    g = found.group
    if not short:
        return two_digit_year(g(f"{branch}_year").strip()), bool(g(f"{branch}_fiscal"))
    for field in ("_year", "_fy_year", "_yy"):
        if g(branch + field):
            return two_digit_year(g(branch + field)), bool(g(f"{branch}_fiscal") or g(f"{branch}_fy_label"))
    raise AssertionError("a short quarter always has a year")


# --- one builder per branch: the mention a match of that branch makes, or None ---------


def _calendar_date(found: _Found, month_word: str, day: int, year: int | None) -> DateMention:
    month = _month(month_word)
    weekday = weekday_number(found.lead["wd"]) if "wd" in found.lead else None
    valid = _valid(year, month, day)
    first = dt.date(year, month, day) if valid and year is not None else None
    return found.make("date", year=year, month=month, day=day, weekday=weekday, valid=valid,
                      first=first, last=first, resolved=first.isoformat() if first else None)


def _build_mdy(found: _Found) -> DateMention | None:
    g = found.group
    return _calendar_date(found, g("mdy_month"), int(g("mdy_day")), int(g("mdy_year")))


def _build_dmy(found: _Found) -> DateMention | None:
    g = found.group
    return _calendar_date(found, g("dmy_month"), int(g("dmy_day")), int(g("dmy_year")))


def _build_md(found: _Found) -> DateMention | None:
    return _day_and_month(found, "md")


def _build_dm(found: _Found) -> DateMention | None:
    return _day_and_month(found, "dm")


def _day_and_month(found: _Found, branch: str) -> DateMention | None:
    """A date without a year, month first ("md": "May 24") or day first ("dm": "24 May")."""
    day = int(found.group(f"{branch}_day"))
    weekday = weekday_number(found.lead["wd"]) if "wd" in found.lead else None
    if weekday is None and (day > 31 or day == 0 or COUNTED.match(found.prose, found.end)):
        return None  # "May 45", "June 31 stores", "31 March stores": a count beside a month name, not a date
    return _calendar_date(found, found.group(f"{branch}_month"), day, None)


def _build_iso(found: _Found) -> DateMention | None:
    g = found.group
    year, month, day = int(g("iso_year")), int(g("iso_month")), int(g("iso_day"))
    if month == 0 and day == 0:
        return None
    valid = _valid(year, month, day)
    first = dt.date(year, month, day) if valid else None
    return found.make("date", year=year, month=month, day=day, valid=valid, first=first, last=first,
                      resolved=first.isoformat() if first else None)


def _build_slash(found: _Found) -> DateMention | None:
    g = found.group
    a, b, year = int(g("slash_first")), int(g("slash_second")), int(g("slash_year"))
    us, eu = _valid(year, a, b), _valid(year, b, a)
    if us and eu and a != b:
        return found.make("date", year=year)  # day and month order unknown
    if not (us or eu):
        return found.make("date", year=year, valid=False)
    month, day = (a, b) if us else (b, a)
    first = dt.date(year, month, day)
    return found.make("date", year=year, month=month, day=day, first=first, last=first, resolved=first.isoformat())


def _fiscal_year_end_stated(found: _Found, branch: str, year: int | None) -> DateMention:
    g = found.group
    month, day = _month(g(f"{branch}_month")), int(g(f"{branch}_day"))
    fiscal = bool(g(f"{branch}_fiscal"))
    if not _valid(year, month, day):
        return found.make("fiscal-year", year=year, month=month, day=day, valid=False, fiscal=fiscal)
    first = last = None
    if year is not None:
        last = dt.date(year, month, day)
        first = months_span(year - 1, month + 1, 1)[0] if day == calendar.monthrange(year, month)[1] else (
            dt.date(year - 1, month, min(day, calendar.monthrange(year - 1, month)[1])) + dt.timedelta(days=1))
    return found.make("fiscal-year", year=year, month=month, day=day, fiscal=fiscal, first=first, last=last,
                      qualifier="fiscal-year-end", resolved=f"FY{year}" if year else None)


def _build_fyend(found: _Found) -> DateMention | None:
    year = found.group("fyend_year")
    return _fiscal_year_end_stated(found, "fyend", int(year) if year else None)


def _build_fyends(found: _Found) -> DateMention | None:
    return _fiscal_year_end_stated(found, "fyends", None)


def _build_qend(found: _Found) -> DateMention | None:
    g = found.group
    month, day, year = _month(g("qend_month")), int(g("qend_day")), int(g("qend_year"))
    word = (g("qend_ordinal") or "").lower()
    quarter = ordinal_value(word) or _SHORT_ORDINALS.get(word) if word else None
    if not _valid(year, month, day):
        return found.make("quarter", year=year, month=month, day=day, quarter=quarter, valid=False)
    last = dt.date(year, month, day)
    first = months_span(year, month - 2, 1)[0]
    return found.make("quarter", year=year, month=month, day=day, quarter=quarter, first=first, last=last,
                      qualifier="quarter-end", resolved=f"{first.isoformat()}/{last.isoformat()}")


def _quarter(found: _Found, branch: str, quarter: int, short: bool) -> DateMention:
    year, fiscal = _year_and_fiscal(found, branch, short)
    return found.make("quarter", year=year, quarter=quarter, fiscal=fiscal, resolved=f"{'FY' if fiscal else ''}{year}-Q{quarter}")


def _ordinal_quarter(found: _Found, branch: str) -> DateMention:
    word = found.group(f"{branch}_ordinal").lower()
    return _quarter(found, branch, ordinal_value(word) or _SHORT_ORDINALS[word], short=False)


def _build_qord(found: _Found) -> DateMention | None:
    return _ordinal_quarter(found, "qord")


def _build_qyo(found: _Found) -> DateMention | None:
    return _ordinal_quarter(found, "qyo")


def _build_qshort(found: _Found) -> DateMention | None:
    return _quarter(found, "qshort", int(found.group("qshort_quarter")), short=True)


def _build_qnum(found: _Found) -> DateMention | None:
    return _quarter(found, "qnum", int(found.group("qnum_quarter")), short=True)


def _half(found: _Found, branch: str, half: int, short: bool) -> DateMention:
    year, fiscal = _year_and_fiscal(found, branch, short)
    return found.make("half", year=year, quarter=half, fiscal=fiscal, resolved=f"{'FY' if fiscal else ''}{year}-H{half}")


def _build_hord(found: _Found) -> DateMention | None:
    return _half(found, "hord", 1 if found.group("hord_ordinal").lower() in ("first", "1st") else 2, short=False)


def _build_hshort(found: _Found) -> DateMention | None:
    return _half(found, "hshort", int(found.group("hshort_half")), short=True)


def _build_hnum(found: _Found) -> DateMention | None:
    return _half(found, "hnum", int(found.group("hnum_half")), short=True)


def _build_firstof(found: _Found) -> DateMention | None:
    g = found.group
    count = number_value(g("firstof_number"))
    year = int(g("firstof_year"))
    fiscal = bool(g("firstof_fiscal"))
    if count is None or count != int(count) or not 1 <= count <= 12:
        return None
    months = int(count)
    label = "FY" if fiscal else ""
    if months == 6:
        return found.make("half", year=year, quarter=1, fiscal=fiscal, resolved=f"{label}{year}-H1")
    if months == 3:
        return found.make("quarter", year=year, quarter=1, fiscal=fiscal, resolved=f"{label}{year}-Q1")
    return found.make("duration", year=year, count=float(months), unit="month", qualifier="first-of-year", fiscal=fiscal)


def _fiscal_year(found: _Found, year_text: str) -> DateMention:
    year = two_digit_year(year_text.strip())
    return found.make("fiscal-year", year=year, fiscal=True, resolved=f"FY{year}")


def _build_fy(found: _Found) -> DateMention | None:
    return _fiscal_year(found, found.group("fy_year"))


def _build_fiscal(found: _Found) -> DateMention | None:
    return _fiscal_year(found, found.group("fiscal_year"))


def _build_monthyear(found: _Found) -> DateMention | None:
    month, year = _month(found.group("monthyear_month")), int(found.group("monthyear_year"))
    first, last = month_span(year, month)
    return found.make("month", year=year, month=month, first=first, last=last, qualifier=_modifier(found.lead.get("mod")),
                      resolved=f"{year:04d}-{month:02d}")


def _build_monthrel(found: _Found) -> DateMention | None:
    g = found.group
    return found.make("relative", month=_month(g("monthrel_month")), unit="month-name", qualifier=f"month-{g('monthrel_which').lower()}-year")


def _build_rel(found: _Found) -> DateMention | None:
    g = found.group
    which = g("rel_which").lower()
    modifier = _modifier(found.lead.get("mod"))
    qualifier = which + (f":{modifier}" if modifier else "")
    if g("rel_unit"):
        return found.make("relative", unit=re.sub(r"\s+", "-", g("rel_unit").lower()), qualifier=qualifier)
    return found.make("relative", month=_month(g("rel_month")), unit="month-name", qualifier=qualifier)


def _ago(found: _Found, number: str, unit: str) -> DateMention | None:
    count = number_value(number)
    if count is None:
        return None
    return found.make("relative", count=count, unit=UNIT_NAMES[unit.lower()], qualifier="ago")


def _build_ago(found: _Found) -> DateMention | None:
    return _ago(found, found.group("ago_number"), found.group("ago_unit"))


def _build_ago1(found: _Found) -> DateMention | None:
    return _ago(found, found.lead.get("n", ""), found.group("ago1_unit"))


def _build_day(found: _Found) -> DateMention | None:
    return found.make("relative", unit=found.group("day_word").lower(), qualifier="day")


def _build_since(found: _Found) -> DateMention | None:
    g = found.group
    if g("since_date_month"):
        month, day, year = _month(g("since_date_month")), int(g("since_date_day")), int(g("since_date_year"))
        if not _valid(year, month, day):
            return found.make("duration", year=year, month=month, day=day, valid=False, qualifier="since")
        return found.make("duration", year=year, month=month, day=day, first=dt.date(year, month, day), qualifier="since")
    if g("since_monthyear_month"):
        month, year = _month(g("since_monthyear_month")), int(g("since_monthyear_year"))
        return found.make("duration", year=year, month=month, first=dt.date(year, month, 1), qualifier="since")
    year = int(g("since_year"))
    return found.make("duration", year=year, first=year_span(year, _modifier(g("since_modifier")))[0], qualifier="since")


def _duration(found: _Found, branch: str, count: float, qualifier: str | None) -> DateMention:
    """A count of periods ("five years", "three consecutive quarters")."""
    unit = found.group(f"{branch}_unit").lower()
    unit = "season" if unit.startswith("season") else UNIT_NAMES[unit]
    return found.make("duration", count=count, unit=unit, qualifier=qualifier)


def _period_count(found: _Found, branch: str, qualifier: str | None) -> DateMention | None:
    count = number_value(found.group(f"{branch}_number"))
    return None if count is None else _duration(found, branch, count, qualifier)


def _build_firstn(found: _Found) -> DateMention | None:
    return _period_count(found, "firstn", "first")


def _build_nconsec(found: _Found) -> DateMention | None:
    return _period_count(found, "nconsec", "consecutive")


def _build_past(found: _Found) -> DateMention | None:
    return _period_count(found, "past", "next" if found.group("past_which").lower() in ("next", "coming", "following") else "past")


def _build_count(found: _Found) -> DateMention | None:
    count = number_value(found.group("count_number"))
    if count is None:
        return None
    if re.match(r"[\s-]*(?:old\b|of\s+age\b)", found.prose[found.end : found.end + 12]):
        return None  # an age, not a period
    hedge = found.lead.get("hedge")
    return _duration(found, "count", count, re.sub(r"\s+", " ", hedge.lower()) if hedge else None)


def _ordinal_count(found: _Found, branch: str) -> DateMention | None:
    """"the third consecutive year", "fifth quarter in a row"."""
    count = ordinal_value(found.group(f"{branch}_ordinal"))
    if count is None:
        return None
    return found.make("duration", count=float(count), unit=found.group(f"{branch}_unit").lower(), qualifier="consecutive")


def _build_consec(found: _Found) -> DateMention | None:
    return _ordinal_count(found, "consec")


def _build_inrow(found: _Found) -> DateMention | None:
    return _ordinal_count(found, "inrow")


def _build_year(found: _Found) -> DateMention | None:
    prose, begin, lead = found.prose, found.begin, found.lead
    modifier = _modifier(lead.get("mod"))
    if begin > 1 and prose[begin - 1] == "-" and prose[begin - 2].isalpha() and not lead:
        return None  # "APG-2025": part of an identifier
    if not lead and (search_before(NOT_YEAR_BEFORE, prose, begin, 24) or COUNT_AFTER.match(prose, found.end)):
        return None
    year = int(found.group("year_value"))
    if modifier and (modifier.startswith(("calendar", "full"))):
        modifier = None
    first, last = year_span(year, modifier)
    return found.make("year", year=year, first=first, last=last, qualifier=modifier, resolved=str(year))


_BUILDERS: dict[str, Callable[[_Found], DateMention | None]] = {
    "mdy": _build_mdy, "dmy": _build_dmy, "iso": _build_iso, "slash": _build_slash,
    "fyend": _build_fyend, "fyends": _build_fyends,
    "qend": _build_qend, "qord": _build_qord, "qyo": _build_qyo, "qshort": _build_qshort, "qnum": _build_qnum,
    "hord": _build_hord, "hshort": _build_hshort, "hnum": _build_hnum, "firstof": _build_firstof,
    "fy": _build_fy, "fiscal": _build_fiscal, "monthyear": _build_monthyear,
    "monthrel": _build_monthrel, "rel": _build_rel, "ago": _build_ago, "ago1": _build_ago1, "day": _build_day,
    "since": _build_since, "firstn": _build_firstn, "consec": _build_consec, "inrow": _build_inrow,
    "nconsec": _build_nconsec, "past": _build_past, "count": _build_count,
    "md": _build_md, "dm": _build_dm, "year": _build_year,
}


_PREPOSITION_WORDS: dict[str, str] = {}  # the words before a mention, lower-cased with single spaces


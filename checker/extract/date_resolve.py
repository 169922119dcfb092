"""Calendar days for date mentions: month and year spans, fiscal periods, relative dates.

A fiscal year is labelled by the calendar year it ends in; fiscal years ending
in January or February are labelled inconsistently by companies, so their
quarters are not mapped. Relative mentions resolve against the document date
("last December" is the most recent December before the document's month).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.facts import DateMention

if TYPE_CHECKING:
    from checker.config import Settings


class DaySpan(NamedTuple):
    """The first and last calendar day of a period, both included."""

    first: dt.date
    last: dt.date


class FiscalYearEnd(NamedTuple):
    """The month and day a fiscal year ends on, and where that was found."""

    month: int
    day: int
    source: str


_MODIFIER_SPANS = {
    # modifier -> (first month, last month) of the part of the period it names
    "early": (1, 4), "beginning of": (1, 3), "start of": (1, 3),
    "mid": (4, 9), "middle of": (4, 9),
    "late": (9, 12), "end of": (10, 12), "year end": (12, 12),
}


def nearest_day(anchor: dt.date, month: int, day: int) -> dt.date | None:
    """The date of ``month`` and ``day`` nearest ``anchor``, in its year or a year on either side (None when no
    such year has that day: February 30; February 29 when none of the three is a leap year)."""
    days = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            days.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(days, key=lambda date: abs(date - anchor)) if days else None


def month_span(year: int, month: int) -> DaySpan:
    """The days of ``month`` of ``year``."""
    return DaySpan(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))


def months_span(year: int, first_month: int, count: int) -> DaySpan:
    """``count`` months starting at ``first_month`` of ``year`` (month may exceed 12 or be < 1)."""
    start_index = year * 12 + first_month - 1
    end_index = start_index + count - 1
    start = dt.date(start_index // 12, start_index % 12 + 1, 1)
    end_year, end_month = end_index // 12, end_index % 12 + 1
    return DaySpan(start, dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1]))


def year_span(year: int, modifier: str | None) -> DaySpan:
    """The days of ``year``, or of the part of it a modifier names ("early", "the end of")."""
    if modifier in _MODIFIER_SPANS:
        first, last = _MODIFIER_SPANS[modifier]
        return months_span(year, first, last - first + 1)
    return DaySpan(dt.date(year, 1, 1), dt.date(year, 12, 31))


# --- fiscal periods ------------------------------------------------------------


def fiscal_year_end(mentions: list[DateMention], settings: Settings | None) -> FiscalYearEnd | None:
    """(month, day, where it came from) of the fiscal year end, if the configuration or document gives one."""
    if settings is not None and settings.dates.fiscal_year_end:
        month, day = (int(part) for part in settings.dates.fiscal_year_end.split("-"))
        return FiscalYearEnd(month, day, f"configuration fiscal-year-end = {settings.dates.fiscal_year_end!r}")
    found: dict[int, FiscalYearEnd] = {}
    for mention in mentions:
        if not mention.valid:
            continue
        if mention.kind == "fiscal-year" and mention.qualifier == "fiscal-year-end" and mention.month:
            found.setdefault(mention.month, FiscalYearEnd(mention.month, mention.day or 0, f"document: {mention.text!r}"))
        elif mention.kind == "quarter" and mention.qualifier == "quarter-end" and mention.quarter and mention.month:
            month = (mention.month + 3 * (4 - mention.quarter) - 1) % 12 + 1
            found.setdefault(month, FiscalYearEnd(month, calendar.monthrange(2001, month)[1], f"document: {mention.text!r}"))
    if len(found) == 1:
        return next(iter(found.values()))
    return None  # none, or several different ones: do not guess


def _fiscal_span(year: int, fy_end_month: int, first_month_index: int, months: int) -> DaySpan:
    """Months ``first_month_index``.. of fiscal year ``year`` (which ends in ``fy_end_month`` of ``year``)."""
    start_month = fy_end_month + 1 - 12 + first_month_index  # relative to ``year``
    return months_span(year, start_month, months)


def apply_fiscal(mention: DateMention, fy_end: FiscalYearEnd | None) -> DateMention:
    """A quarter, half or fiscal year (or "the first nine months of FY2025") with its days, when the fiscal year end is known."""
    if mention.first is not None or mention.year is None or not mention.valid:
        return mention
    if mention.kind not in ("quarter", "half", "fiscal-year") and mention.qualifier != "first-of-year":
        return mention
    if fy_end is None or fy_end.month in (1, 2):
        return mention
    end_month = fy_end.month
    if mention.kind in ("quarter", "half") and mention.quarter is None:
        return mention  # the builders number every quarter and half that reaches here
    if mention.kind == "quarter" and mention.quarter is not None:
        first, last = _fiscal_span(mention.year, end_month, 3 * (mention.quarter - 1), 3)
    elif mention.kind == "half" and mention.quarter is not None:
        first, last = _fiscal_span(mention.year, end_month, 6 * (mention.quarter - 1), 6)
    elif mention.kind == "fiscal-year":
        first, last = _fiscal_span(mention.year, end_month, 0, 12)
    else:
        first, last = _fiscal_span(mention.year, end_month, 0, int(mention.count or 0))
    return replace(mention, first=first, last=last)


# --- relative dates ------------------------------------------------------------


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


_STEP = {"last": -1, "this": 0, "next": 1}
_DAY_OFFSET = {"today": 0, "yesterday": -1, "tomorrow": 1}


def resolve_relative(mention: DateMention, today: dt.date, fy_end: FiscalYearEnd | None = None) -> DateMention:
    """A relative mention resolved against the document date ``today``."""
    qualifier = mention.qualifier or ""
    which, _, modifier = qualifier.partition(":")
    update: dict[str, Any] = {}
    if qualifier == "day":
        update = _one_day(today + dt.timedelta(days=_DAY_OFFSET[mention.unit or "today"]))
    elif qualifier == "ago":
        update = _ago(mention, today)
    elif qualifier.startswith("month-"):
        update = _month_of_year(mention.month or 1, today.year + _STEP[qualifier.split("-")[1]])
    elif mention.unit == "month-name":
        update = _named_month(mention.month or 1, which, today)
    elif mention.unit == "year" and _PART.match(modifier):
        update = _part_of_year(which, modifier, today.year, 12)
    elif mention.unit == "year":
        update = _year(which, modifier, today)
    elif mention.unit == "fiscal-year" and fy_end is not None and fy_end.month not in (1, 2):
        fiscal_year = today.year if today.month <= fy_end.month else today.year + 1
        update = _part_of_year(which, modifier if _PART.match(modifier) else "", fiscal_year, fy_end.month)
    elif mention.unit == "month":
        update = _month(which, modifier, today)
    elif mention.unit == "quarter":
        if fy_end is None:
            update = _any_quarter(which, today)
        elif fy_end.month not in (1, 2):
            update = _fiscal_quarter(which, fy_end.month, today)
    if not update:
        return mention
    return replace(mention, **update)


_PART = re.compile(r"(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) (half|quarter) of$")
_PART_INDEX = {"first": 0, "second": 1, "third": 2, "fourth": 3, "1st": 0, "2nd": 1, "3rd": 2, "4th": 3}


def _part_of_year(which: str, modifier: str, this_year: int, end_month: int) -> dict[str, Any]:
    """"the second half of last year", "this fiscal year": a (fiscal) year stepped from ``this_year``, or a part of it."""
    year = this_year + _STEP[which]
    part = _PART.match(modifier)
    if part is None:
        first, last = _fiscal_span(year, end_month, 0, 12)
        return {"year": year, "first": first, "last": last, "resolved": f"{first.isoformat()}/{last.isoformat()}"}
    index, unit = _PART_INDEX[part.group(1)], part.group(2)
    if unit == "half" and index > 1:
        return {}
    months = 6 if unit == "half" else 3
    first, last = _fiscal_span(year, end_month, months * index, months)
    return {"year": year, "quarter": index + 1, "first": first, "last": last, "resolved": f"{first.isoformat()}/{last.isoformat()}"}


def _one_day(day: dt.date) -> dict[str, Any]:
    return {"year": day.year, "month": day.month, "day": day.day, "first": day, "last": day, "resolved": day.isoformat()}


def _month_of_year(month: int, year: int) -> dict[str, Any]:
    first, last = month_span(year, month)
    return {"year": year, "first": first, "last": last, "resolved": f"{year:04d}-{month:02d}"}


def _ago(mention: DateMention, today: dt.date) -> dict[str, Any]:
    """"two years ago", "a month ago": the year, month or day that far before ``today``."""
    count = int(mention.count or 0)
    if mention.count != count:
        return {}
    if mention.unit in ("year", "decade"):
        year = today.year - count * (10 if mention.unit == "decade" else 1)
        return {"year": year, "first": dt.date(year, 1, 1), "last": dt.date(year, 12, 31), "resolved": str(year)}
    if mention.unit == "month":
        year, month = _shift_month(today.year, today.month, -count)
        return {"month": month, **_month_of_year(month, year)}
    return _one_day(today - dt.timedelta(days=count * (7 if mention.unit == "week" else 1)))


def _named_month(month: int, which: str, today: dt.date) -> dict[str, Any]:
    """"last December" is the most recent December before this month; "next May" the first after it."""
    if which == "last":
        year = today.year if month < today.month else today.year - 1
    elif which == "next":
        year = today.year if month > today.month else today.year + 1
    else:
        year = today.year
    return _month_of_year(month, year)


def _year(which: str, modifier: str, today: dt.date) -> dict[str, Any]:
    """"last year", "earlier this year" (up to ``today``), "late next year"."""
    year = today.year + _STEP[which]
    first, last = year_span(year, None)
    if modifier in ("earlier", "early") and which == "this":
        last = today if modifier == "earlier" else year_span(year, "early")[1]
    elif modifier in ("later", "late") and which == "this":
        first = today if modifier == "later" else year_span(year, "late")[0]
    elif modifier:
        first, last = year_span(year, {"earlier": "early", "later": "late"}.get(modifier, modifier))
    return {"year": year, "first": first, "last": last, "resolved": str(year)}


def _month(which: str, modifier: str, today: dt.date) -> dict[str, Any]:
    """"last month", "earlier this month" (up to ``today``)."""
    year, month = _shift_month(today.year, today.month, _STEP[which])
    first, last = month_span(year, month)
    if which == "this" and modifier == "earlier":
        last = today
    elif which == "this" and modifier == "later":
        first = today
    return {"year": year, "month": month, "first": first, "last": last, "resolved": f"{year:04d}-{month:02d}"}


def _any_quarter(which: str, today: dt.date) -> dict[str, Any]:
    """Without a fiscal year end: every day the quarter can hold, whichever quarters the company keeps.

    "next quarter" starts after ``today`` and ends within six months; "last quarter" ended before it and
    began within six months; "this quarter" holds ``today`` and lies within three months of it.
    """
    step = _STEP[which]
    if step > 0:
        first, last = today + dt.timedelta(days=1), _add_months(today, 6)
    elif step < 0:
        first, last = _add_months(today, -6), today - dt.timedelta(days=1)
    else:
        first, last = _add_months(today, -3) + dt.timedelta(days=1), _add_months(today, 3) - dt.timedelta(days=1)
    return {"first": first, "last": last, "resolved": f"{first.isoformat()}/{last.isoformat()}"}


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = _shift_month(day.year, day.month, months)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _fiscal_quarter(which: str, end_month: int, today: dt.date) -> dict[str, Any]:
    """The fiscal quarter containing ``today``, then stepped to the last or next one."""
    fiscal_year = today.year if today.month <= end_month else today.year + 1
    index = (today.month - end_month - 1) % 12 // 3 + _STEP[which]
    fiscal_year += index // 4
    index %= 4
    first, last = _fiscal_span(fiscal_year, end_month, 3 * index, 3)
    return {"year": fiscal_year, "quarter": index + 1, "first": first, "last": last, "resolved": f"{first.isoformat()}/{last.isoformat()}"}

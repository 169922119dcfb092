"""DAT001: a weekday that does not fall on the date it is written with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checker.finding import Edit, Finding, Fix
from checker.patterns import LazyPattern
from checker.rule import Rule

_WEEKDAY_WORD = LazyPattern(r"[A-Za-z]+\.?")
_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_AP = ("Mon", "Tues", "Wed", "Thurs", "Fri", "Sat", "Sun")


class WeekdayMismatch(Rule):
    """A weekday that the date it is written with does not fall on.

    What it checks
    --------------
    Checks every date written with its weekday ("Wednesday, February 12,
    2026", "Thu., Mar. 5, 2026", "Friday 14 March 2025") against the
    calendar. A date written without a year ("Thursday, March 5") is taken
    in the year the document gives that month elsewhere ("9-11 June 2026"),
    else, within six weeks of the document's date, in the year that puts it
    nearest ("opens Friday, March 21" in a report of March 15, 2026 is a
    Saturday); otherwise it is reported only when the weekday fits neither
    the document's year nor the years on either side, or, in a sentence
    that reports a past event ("made landfall late on Thursday, September
    16" in a review of December 8, 2026), neither the last such day before
    the document's date nor the one a year before it.

    Why it matters
    --------------
    A weekday and a date that disagree leave the reader unsure which one to
    believe, and in an announcement of an event or a deadline one of them is
    wrong.

    Confidence
    ----------
    ``high`` when the year is written (the calendar decides); ``medium`` for
    a date without a year, whose year is taken from the document's date.

    Fix safety
    ----------
    A suggestion only (never applied by ``--fix``): it changes the weekday to
    the one the date falls on, but the date may be the wrong half.

    Flagged
    -------
        The results will be presented on Wednesday, February 12, 2026.

    Passes
    ------
        The results will be presented on Thursday, February 12, 2026.
    """

    code = "DAT001"
    name = "weekday-mismatch"
    severity = "error"
    requires = ("dates",)

    def check(self, doc, facts) -> Iterator[Finding]:
        anchor = facts.document_date
        month_years: tuple[dict[int, set[int]], dict[int, set[int]]] | None = None
        for mention in facts.dates:
            if mention.kind != "date" or mention.weekday is None or not mention.valid:
                continue
            word = _WEEKDAY_WORD.match(doc.text, mention.start)
            if word is None:
                continue
            written = _NAMES[mention.weekday]
            label = f"{_month_name(mention.month)} {mention.day}"
            confidence = "high"
            if mention.year is not None:
                actual = dt.date(mention.year, mention.month, mention.day).weekday()
                if actual == mention.weekday:
                    continue
                label += f", {mention.year}"
                evidence = f"{label} falls on a {_NAMES[actual]}; the text says {written}"
            else:
                confidence = "medium"  # the year is the document's, inferred
                if month_years is None:
                    month_years = _years_of_months(facts.dates)
                inferred = _yearless(month_years, anchor, mention, label, written)
                if inferred is None and anchor is not None:
                    inferred = _reported_past(doc, anchor, mention, label)
                if inferred is None:
                    continue
                actual, evidence = inferred
            replacement = _styled(actual, word.group(0))
            yield self.finding(
                mention.start,
                mention.end,
                f'"{mention.text}": {label} is a {_NAMES[actual]}, not a {written}',
                evidence=evidence,
                fix=Fix((Edit(word.start(), word.end(), replacement),), "display", f'Write "{replacement}"'),
                confidence=confidence,
            )


def _years_of_months(dates) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """The years written with each month in the document's full dates and months, and in its full dates alone, read
    once per document (a scan of every date for each date without a year was quadratic in a long log of weekdays)."""
    years: dict[int, set[int]] = {}
    full: dict[int, set[int]] = {}
    for m in dates:
        if m.year is not None and m.month is not None and m.kind in ("date", "month"):
            years.setdefault(m.month, set()).add(m.year)
            if m.day is not None and m.kind == "date":
                full.setdefault(m.month, set()).add(m.year)
    return years, full


def _yearless(month_years: tuple[dict[int, set[int]], dict[int, set[int]]], anchor, mention, label: str, written: str) -> tuple[int, str] | None:
    """The weekday a date written without a year falls on, and the evidence, when it is not the one written."""
    month, day = mention.month, mention.day
    stated = set(month_years[0].get(month, ()))
    near = _dated(stated.pop(), month, day) if len(stated) == 1 else None
    if near is not None:
        why = f"the document writes {_month_name(month)} with the year {near.year}"
        if anchor is None:
            # Without the document's date, the month's one year must be that of the document's full dates in that
            # month (not a month named in passing, "began in December 1979"), and a weekday that fits a year on
            # either side may be meant for it.
            if month_years[1].get(month) != {near.year} or any(_weekday(near.year + delta, month, day) == mention.weekday for delta in (-1, 1)):
                return None
    elif anchor is None:
        return None  # neither the month's year nor the document's date is written
    else:
        near = _nearest(anchor.date, month, day)
        why = f"the {label} nearest the document's date ({anchor.date.isoformat()}, from the {anchor.source.replace('-', ' ')})"
        why += f" is in {near.year}" if near else ""
    if near is not None:
        # The year the document gives that month ("9-11 June 2026"), or, a few weeks from the document's date,
        # that year's ("opens Friday, March 21" in a report of March 15, 2026): a weekday that only another year
        # gives is a slip.
        actual = near.weekday()
        return None if actual == mention.weekday else (actual, f"no year is written; {why}: {label}, {near.year} is a {_NAMES[actual]}")
    years = [anchor.date.year + delta for delta in (-1, 0, 1)]
    in_year = _dated(anchor.date.year, month, day)
    if in_year is None or any(_weekday(year, month, day) == mention.weekday for year in years):
        return None
    actual = in_year.weekday()
    return actual, (
        f"no year is written; {label} is a {_NAMES[actual]} in {anchor.date.year} (the document's year, "
        f"from the {anchor.source.replace('-', ' ')}), and not a {written} in {years[0]} or {years[2]} either"
    )


def _reported_past(doc, anchor, mention, label: str) -> tuple[int, str] | None:
    """The weekday of a date without a year in a sentence that reports a past event ("It made landfall late on
    Thursday, September 16" in a review of December 8, 2026), and the evidence, when the weekday fits neither the
    last such day before the document's date nor the one a year before it (a later year cannot be meant)."""
    from checker.clauses import clause_span, sentence_span
    from checker.extract.date_resolve import nearest_day
    from checker.tense import plain_past

    near = nearest_day(anchor.date, mention.month, mention.day)
    if near is None:
        return None
    last = near if near <= anchor.date else _dated(near.year - 1, mention.month, mention.day)
    before = _dated(last.year - 1, mention.month, mention.day) if last is not None else None
    if last is None or before is None or mention.weekday in (last.weekday(), before.weekday()):
        return None
    sentence = sentence_span(doc, mention.start)
    left, right = clause_span(doc, sentence, mention.start, mention.end)
    if not plain_past(doc.prose[left:right], doc.prose[sentence[0] : sentence[1]]):
        return None
    actual = last.weekday()
    return actual, (
        f"no year is written, and the sentence reports a past event: the last {label} before the document's date "
        f"({anchor.date.isoformat()}, from the {anchor.source.replace('-', ' ')}) is a {_NAMES[actual]} in {last.year}, "
        f"and it was a {_NAMES[before.weekday()]} in {before.year}"
    )


_NEAR = dt.timedelta(days=45)


def _nearest(anchor: dt.date, month: int, day: int) -> dt.date | None:
    """The date of ``month`` and ``day`` nearest ``anchor`` (in its year or either side), if within ``_NEAR`` of it."""
    from checker.extract.date_resolve import nearest_day

    near = nearest_day(anchor, month, day)
    return near if near is not None and abs(near - anchor) <= _NEAR else None


def _dated(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday(year: int, month: int, day: int) -> int | None:
    date = _dated(year, month, day)
    return None if date is None else date.weekday()


def _month_name(month: int | None) -> str:
    return dt.date(2001, month or 1, 1).strftime("%B")


def _styled(weekday: int, written: str) -> str:
    """The weekday in the style of the word it replaces (full, abbreviated, upper case)."""
    core = written.rstrip(".")
    if core.lower() in (name.lower() for name in _NAMES):
        name = _NAMES[weekday]
    elif len(core) > 3:
        name = _AP[weekday]
    else:
        name = _SHORT[weekday]
    if core.isupper() and len(core) > 1:
        name = name.upper()
    return name + ("." if written.endswith(".") else "")

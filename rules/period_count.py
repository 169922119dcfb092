"""DAT006: a count of periods ("its first eight months", "for more than 20 years") that the stated dates contradict."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from typing import NamedTuple

from checker.extract.date_words import month_number, number_value
from checker.finding import Finding, Related
from checker.patterns import LazyPattern
from checker.rule import Rule

# Words that make a date the start of what is being counted.
_START = LazyPattern(
    r"\b(?:approved|approval|launched|launch|introduced|introduction|commerciali[sz]ed|commerciali[sz]ation|available"
    r"|marketed|opened|opening|began|started|debuted|debut|released|release|listed|listing|went\s+on\s+sale)\b"
    r"[^.;:]{0,40}$",
    re.I,
)
_FOUNDED = LazyPattern(r"\b(?:founded|established|incorporated|formed|created)\b[^.;:]{0,20}$", re.I)
# Statements about the future or estimates: a count there is a plan, not a record.
_NOT_RECORD = LazyPattern(
    r"\b(?:will|shall|would|could|(?-i:may)|might|expect\w*|project\w*|forecast\w*|target\w*|estimat\w*|aim\w*|goal\w*"
    r"|plan\w*|guidance|anticipat\w*|intend\w*|if)\b",
    re.I,
)
_MONTH_NAMES = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?)\b"
)
# "the five months from September to December 2025", "the three months between January and March".
_MONTHS_BETWEEN = LazyPattern(
    r"\b(?:the|those|these|its|our|their)\s+(?:(?:last|first|past)\s+)?(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
    r"\s+(?P<unit>months)\s+(?:from|between)\s+(?P<m1>" + _MONTH_NAMES + r")(?:\s+(?P<y1>(?:19|20)\d\d))?\s+(?:to|and|through|until|till)\s+"
    r"(?P<m2>" + _MONTH_NAMES + r")(?:\s+(?P<y2>(?:19|20)\d\d))?",
    re.I,
)
# "was due to open in March 2025 and is now forecast to open in December 2026, a delay of 18 months": the gap between
# the only two months (with their years) of the sentence, the later one second.
_DELAY = LazyPattern(
    r"\b(?:a|the)\s+delay\s+of\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(?P<unit>months|years)\b"
)
# A count of days or weeks "between" or "from" two dates: "the six weeks between June 2 and July 28", "the 12 days from
# 3 March to 12 March", "for nine days, from August 31 to September 6"; the count is read before the unit.
_UNITS_BETWEEN = tuple((unit, LazyPattern(rf"({unit})(?<=\b{unit}),?\s+(between|from)\b")) for unit in ("days", "weeks"))
# "an 18-day traverse from", "a 40-day drilling campaign": found from "-day", the count read before it.
_N_DAY = LazyPattern(r"-(day|week)(?![\w-])")
# A count in parentheses right after a period's two dates: "Monday 16 November 2026 to Friday 4 December 2026 (19 days)".
_COUNT_IN_PARENTHESES = LazyPattern(r"\((\d{1,3}|[a-z]+)\s+(day|week)s?\)", re.I)
_JUST_BLANKS = LazyPattern(r"[ \t]*$")
_FROM_AFTER = LazyPattern(r"(?:\s+[a-z][\w-]*){0,3}?\s+(from|between)\s")
_APPOSITIVE_BEFORE = LazyPattern(r",\s+(?:a|an|the)\s+$")
# A first day written as a bare number, with its weekday or not, before the second date: "Monday 23 to ".
_BARE_DAY = LazyPattern(r"\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(to|until|till|through|and)\s+$")
# What joins the two dates: the word, and at most a few words before the second ("and the 2.4 release on").
_AND = LazyPattern(r",?\s+and\s+(?:[^\s;:!?]*[^\s.,;:!?]\s+){0,4}$")
_TO = LazyPattern(r",?\s+(?:to|until|till|through)\s+(?:[^\s;:!?]*[^\s.,;:!?]\s+){0,4}$")
# The count before a unit ("six weeks") or before the hyphen of "-day" ("40-day").
_COUNT_BEFORE = LazyPattern(r"(?<![\w.,-])(\d{1,3}|[a-z]+)\s*$", re.I)
_MONTH_YEAR = LazyPattern(r"\b(?P<m>" + _MONTH_NAMES + r")\s+(?P<y>(?:19|20)\d\d)\b")
_AT_LEAST = frozenset({"more than", "over", "at least", "well over", "just over", "upwards of"})
_AT_MOST = frozenset({"less than", "fewer than", "under", "up to", "nearly", "almost", "just under", "close to"})


def _ends_after(prose: str, end: int, after: list, joins) -> tuple | None:
    """The first two of the date mentions ``after`` (those after ``end`` in its sentence), if they are a period's ends:
    full dates, a few words after ``end`` and apart, joined by ``joins`` ("and" after "between", "to" or "until" after
    "from"), and not the start of a longer list of dates."""
    if len(after) < 2:
        return None
    first, second = after[0], after[1]
    if not (_names_a_day(first) and _names_a_day(second)):
        return None
    if first.start - end > 40 or second.start - first.end > 40 or not joins.match(prose, first.end, second.start):
        return None
    if len(after) > 2 and after[2].kind == "date" and after[2].start - second.end < 40:
        return None  # a list of dates, not the two ends of one period
    return first, second


def _period_ends(prose: str, end: int, after: list, between: bool) -> tuple | None:
    """The two ends of the period that "between" (``between``) or "from" opens before ``end``: two dates after it
    (``_ends_after``), or a bare first day before the first date ("the 12 days from 3 to 16 June")."""
    ends = _ends_after(prose, end, after, _AND if between else _TO)
    if ends is None and after and _names_a_day(after[0]):
        ends = _bare_first_day(prose, end, after[0], between)
    return ends


def _names_a_day(mention) -> bool:
    """Whether a date mention names a day of a month (with or without its year)."""
    return mention.kind == "date" and bool(mention.day) and bool(mention.month) and mention.valid


def _bare_first_day(prose: str, start: int, second, between: bool) -> tuple | None:
    """A period's ends when its first day is a bare number between ``start`` and the date ``second`` ("from Monday 23
    to Thursday 26 November"; "and" after "between"), read in the month of ``second``, or the month before it when
    the number is larger ("from 28 to 3 March")."""
    bare = _BARE_DAY.match(prose, start, second.start)
    if bare is None or (bare.group(2) == "and") != between:
        return None
    day = int(bare.group(1))
    at = bare.start() + len(bare.group(0)) - len(bare.group(0).lstrip())
    month, year = second.month, second.year
    if day > second.day:
        month, year = (month - 1, year) if month > 1 else (12, year and year - 1)
    return _End(prose[at : bare.end(1)], at, bare.end(1), year, month, day), second


class _End(NamedTuple):
    """A period's first day written as a bare number before the second's date ("from Monday 23 to Thursday 26 November")."""

    text: str
    start: int
    end: int
    year: int | None
    month: int
    day: int


def _day_of(mention, year: int):
    """The calendar day of a date ``mention`` in ``year`` (its own, when written), or None if there is none."""
    import datetime as dt

    try:
        return dt.date(year, mention.month, mention.day)
    except ValueError:
        return None


def _months(first, last) -> int:
    """Calendar months touched from ``first`` to ``last``, both included."""
    return (last.year * 12 + last.month) - (first.year * 12 + first.month) + 1


class PeriodCountMismatch(Rule):
    """A count of periods that the dates in the document contradict.

    What it checks
    --------------
    Checks these kinds of count against the dates around them:

    - "the five months from September to December 2025": the months named
      must number five, counting both ends or one (four or three here);
    - "due to open in March 2025 and now forecast for December 2026, a delay
      of 18 months": the months from the one date to the other (21 here),
      give or take one (six for a delay in years);
    - "the six weeks between the 2.3 release on June 2 and the 2.4 release
      on July 28", "the 12 days from 3 March to 12 March", "the 12 days from
      3 to 16 June", "for nine days, from August 31 to September 6": the
      days from the one date to the
      other, counting both ends or one, and for weeks within half a week
      either way, or a week more between two dates (the weeks strictly
      between them: 56 days here, eight weeks). The two dates
      must follow the count within a few words, joined by "and" after
      "between" and by "to", "until" or "through" after "from", so
      "within 30 days from 1 June, and payments by 31 August" is no period;
      and so with "N-day" and "N-week": "an 18-day traverse from December 2
      to December 19", "a five-day programme from Monday 23 to Thursday 26
      November", and after its two dates, "began on December 1, 2025 and
      was completed on January 18, 2026, a 40-day drilling campaign",
      "leave Ningbo on January 11 and arrive ... on February 22, the
      five-week ocean crossing"; and a count in parentheses right after two
      dates: "Monday 11 January 2027 to Friday 5 February 2027 (33 days)";

    - "its first N months" (or weeks, quarters, years) after a start such as
      "approved in July 2025": from the start to the end of the period the
      sentence reports ("in 2025"), or else to the document's date, there
      must be room for N of them;
    - "for the Nth consecutive year" with "since YEAR" in the same sentence;
    - "for more than N years" (or "for N years", "for nearly N years") with
      "since YEAR" in the same sentence, against the document's date.

    Counts that nothing in the document pins down ("for the third
    consecutive year" on its own) are not checkable and are left alone, as
    are counts in plans, forecasts and conditions.

    Why it matters
    --------------
    Counts of periods are easy to get wrong when a text is updated: a
    figure for "its first five months" stays correct, but "its first eight
    months" for a product launched in July and reported for that year
    claims months that had not happened.

    Confidence
    ----------
    ``high`` when both ends of the count are written in the text (a start
    and the period reported, or "since 2019" and a year); ``medium`` when
    one end is the document's date (a count "for more than N years" always
    is).

    Flagged
    -------
        Lisaftoclax, approved in July 2025, achieved $10.1 million in its
        first eight months on the market in 2025.

    Passes
    ------
        Lisaftoclax, approved in July 2025, achieved $10.1 million in its
        first five months on the market in 2025.
    """

    code = "DAT006"
    name = "period-count-mismatch"
    severity = "warning"
    confidence = "medium"
    requires = ("dates",)

    def check(self, doc, facts) -> Iterator[Finding]:
        from checker.clauses import ByStart, sentence_span

        dates = ByStart(facts.dates)
        yield from self._months_between(doc)
        yield from self._delays(doc)
        yield from self._days_between(doc, facts, dates)
        for mention in dates.facts:
            if mention.kind != "duration" or mention.count is None or mention.count != int(mention.count):
                continue
            sentence = sentence_span(doc, mention.start)
            if _NOT_RECORD.search(doc.prose, sentence[0], sentence[1]):
                continue
            in_sentence = [m for m in dates.between(sentence[0], sentence[1]) if m is not mention]
            if mention.qualifier == "first" and mention.unit in ("day", "week", "month", "quarter", "year"):
                yield from self._first(doc, facts, dates, mention, sentence, in_sentence)
            elif mention.qualifier == "consecutive" and mention.unit == "year":
                yield from self._consecutive(doc, facts, mention, in_sentence)
            elif mention.unit in ("year", "decade") and mention.preposition == "for" and (
                mention.qualifier is None or mention.qualifier in _AT_LEAST | _AT_MOST
            ):
                yield from self._elapsed(doc, facts, mention, in_sentence)

    def _months_between(self, doc) -> Iterator[Finding]:
        """"the five months from September to December 2025": the months named, counted with both ends or without one."""
        prose = doc.prose
        if " months from " not in prose and " months between " not in prose:
            return
        for match in _MONTHS_BETWEEN.finditer(prose):
            count = int(number_value(match.group("n")) or 0)
            first, last = month_number(match.group("m1")), month_number(match.group("m2"))
            if not (count and first and last):
                continue  # (never: the pattern takes only counts and month names these read)
            y2 = int(match.group("y2")) if match.group("y2") else None
            y1 = int(match.group("y1")) if match.group("y1") else (y2 if y2 is None or first <= last else y2 - 1)
            if y1 is None:  # no year at all: within one year, or over its end
                y1, y2 = 0, (0 if first <= last else 1)
            elif y2 is None:
                y2 = y1 if first <= last else y1 + 1
            both = (y2 * 12 + last) - (y1 * 12 + first) + 1
            if both < 1 or count in (both, both - 1):
                continue
            named = f"{match.group('m1')} to {match.group('m2')}"
            yield self.finding(
                match.start("n"), match.end("unit"),
                f'"{match.group("n")} months" does not fit "{named}", which is {both} months counting both, {both - 1} counting one',
                evidence=f"{named}: {both} calendar months counting both ends; the text says {count}",
                confidence="high",
            )

    def _delays(self, doc) -> Iterator[Finding]:
        """"due in March 2025 ... now December 2026, a delay of 18 months": the months from one date to the other."""
        from checker.clauses import sentence_span

        prose = doc.prose
        if "delay of " not in prose:
            return
        for match in _DELAY.finditer(prose):
            start, end = sentence_span(doc, match.start())
            dates = list(_MONTH_YEAR.finditer(prose, start, match.start()))
            if len(dates) != 2 or _MONTH_YEAR.search(prose, match.end(), end) is not None:
                continue
            (m1, y1), (m2, y2) = ((month_number(d.group("m")), int(d.group("y"))) for d in dates)
            if not (m1 and m2):
                continue
            gap = (y2 * 12 + m2) - (y1 * 12 + m1)
            count = int(number_value(match.group("n")) or 0)
            stated = count * 12 if match.group("unit") == "years" else count
            # A day on either side may move the gap by a month; a delay in years is a round figure (six months either way).
            slack = 6 if match.group("unit") == "years" else 1
            if gap <= 0 or abs(stated - gap) <= slack:
                continue
            named = f"{dates[0].group()} to {dates[1].group()}"
            yield self.finding(
                match.start("n"), match.end("unit"),
                f'"{match.group("n")} {match.group("unit")}" does not fit "{named}", which is {gap} months',
                evidence=f"{named}: {gap} months; the text says a delay of {match.group('n')} {match.group('unit')}",
                related=(Related(dates[0].start(), dates[0].end(), "the first date"), Related(dates[1].start(), dates[1].end(), "the second date")),
                confidence="high",
            )

    def _days_between(self, doc, facts, dates) -> Iterator[Finding]:
        """"the six weeks between the 2.3 release on June 2 and the 2.4 release on July 28": the days from one date to
        the other, counted with both ends or one; weeks within a week either way."""
        from checker.clauses import sentence_span

        if not any(mention.kind == "date" and mention.day for mention in facts.dates):
            return  # every count read here ends at a day of the calendar
        prose = doc.prose
        # (Each search opens with its unit, which it skips to: cheaper than asking first whether the text holds it.)
        for match in (match for _, pattern in _UNITS_BETWEEN for match in pattern.finditer(prose)):
            before = _COUNT_BEFORE.search(prose, max(0, match.start() - 20), match.start())
            count = number_value(before.group(1)) if before else None
            if not count or count != int(count):
                continue
            end = sentence_span(doc, match.start())[1]
            unit = "day" if match.group(1).startswith("day") else "week"
            between = match.group(2) == "between"
            ends = _period_ends(prose, match.end(), dates.between(match.end(), end), between)
            if ends is not None:
                yield from self._between(prose, facts, (before.start(1), match.end(1), int(count), unit), ends[0], ends[1], between=between)
        if "-day" in prose or "-week" in prose:
            yield from self._day_counts(doc, facts, dates)
        if " day" in prose or " week" in prose:
            yield from self._counts_in_parentheses(doc, facts, dates)

    def _counts_in_parentheses(self, doc, facts, dates) -> Iterator[Finding]:
        """"Monday 11 January 2027 to Friday 5 February 2027 (26 days)": a count in parentheses right after two dates
        joined by "to", "until" or "through", which are not the end of a longer list of dates."""
        prose = doc.prose
        for match in _COUNT_IN_PARENTHESES.finditer(prose):
            count = number_value(match.group(1))
            if not count or count != int(count):
                continue
            before = dates.between(max(0, match.start() - 120), match.start())
            if len(before) < 2 or not _JUST_BLANKS.match(prose, before[-1].end, match.start()):
                continue
            ends = _ends_after(prose, before[-2].start, before[-2:], _TO)
            if ends is None:
                continue
            first, second = ends
            if prose[max(0, first.start - 5) : first.start].strip().lower().endswith(("to", "and", ",")):
                continue  # the last two dates of a list
            counted = (match.start(1), match.end(0) - 1, int(count), match.group(2).lower())
            yield from self._between(prose, facts, counted, first, second)

    def _day_counts(self, doc, facts, dates) -> Iterator[Finding]:
        """"an 18-day radar traverse from December 2 to December 19", "a five-day programme from Monday 23 to Thursday
        26 November", and after its two dates: "began on December 1, 2025 and was completed on January 18, 2026, a
        40-day drilling campaign"."""
        from checker.clauses import sentence_span

        prose = doc.prose
        for match in _N_DAY.finditer(prose):
            before = _COUNT_BEFORE.search(prose, max(0, match.start() - 20), match.start())
            count = number_value(before.group(1)) if before else None
            if not count or count != int(count):
                continue
            start, end = sentence_span(doc, match.start())
            counted = (before.start(1), match.end(), int(count), match.group(1))
            onward = _FROM_AFTER.match(prose, match.end(), end)
            if onward is not None:
                after = dates.between(onward.end(), end)
                between = onward.group(1) == "between"
                ends = _period_ends(prose, onward.end(), after, between)
                if ends is not None:
                    yield from self._between(prose, facts, counted, ends[0], ends[1], between=between)
            elif _APPOSITIVE_BEFORE.search(prose, max(start, before.start(1) - 10), before.start(1)):
                pair = dates.between(start, before.start(1))
                if len(pair) == 2 and all(map(_names_a_day, pair)):
                    yield from self._between(prose, facts, counted, pair[0], pair[1])

    def _between(self, prose, facts, counted, first, second, between: bool = False) -> Iterator[Finding]:
        """The finding for a count of days or weeks (``counted``: its span in ``prose``, count and unit) from the date
        ``first`` to the date ``second``, if it does not fit them. Weeks fit within half a week, as a writer rounds
        them; ``between`` two dates, within a week more, since the weeks strictly between them may be meant ("the
        seven weeks between June 2 and July 28", 56 days)."""
        start, end, count, unit = counted
        text = prose[start:end]
        fallback = facts.document_date.date.year if facts.document_date is not None else 2001
        one, two = _day_of(first, first.year or second.year or fallback), _day_of(second, second.year or first.year or fallback)
        if one is None or two is None:
            return
        if two < one and first.year is None and second.year is None:
            two = _day_of(second, (second.year or fallback) + 1)
        if two is None or two <= one:
            return
        days = (two - one).days
        if unit == "day":
            if count in (days, days + 1):
                return
            said = f"{days} days, {days + 1} counting both"
        else:
            if min(abs(count * 7 - days), abs(count * 7 - days - 1)) <= (7 if between else 3.5):
                return
            said = f"{days} days, {days / 7:.1f} weeks"
        named = f"{first.text} to {second.text}"
        yield self.finding(
            start, end,
            f'"{text}" does not fit "{named}", which is {said}',
            evidence=f"{_shown(one, first, second)} to {_shown(two, first, second)}: {days} days; the text says {text}",
            related=(Related(first.start, first.end, "the first date"), Related(second.start, second.end, "the second date")),
            confidence="high",
        )

    def _first(self, doc, facts, dates, mention, sentence, in_sentence) -> Iterator[Finding]:
        count = int(mention.count)
        starts = [m for m in self._previous(doc, dates, sentence) + in_sentence
                  if (m.kind in ("date", "month") or (m.kind == "year" and mention.unit == "year"))
                  and m.first is not None and m.start < mention.start
                  and _START.search(doc.prose, max(0, m.start - 60), m.start)]
        if not starts:
            return
        start = starts[-1]
        ends = [m for m in in_sentence if m is not start and m.start > start.start and m.last is not None
                and m.kind in ("date", "month", "year", "quarter", "half", "fiscal-year")
                and m.preposition in ("in", "by", "through", "as of", "during", "until", "to")]
        if ends:
            end, source = ends[0].last, f'"{ends[0].text}" ends {ends[0].last.isoformat()}'
        elif facts.document_date is not None:
            end, source = facts.document_date.date, f"document date {facts.document_date.date.isoformat()}"
        else:
            return
        if end < start.first:
            return
        unit = mention.unit
        if unit in ("month", "quarter", "year"):
            months = _months(start.first, end)
            room = {"month": months, "quarter": -(-months // 3), "year": -(-months // 12)}[unit]
        else:
            days = (end - start.first).days + 1 + (start.last - start.first).days
            room = days if unit == "day" else -(-days // 7)
        if room >= count:
            return
        yield self.finding(
            mention.start, mention.end,
            f'"{mention.text}" counts {count} {unit}s, but from "{start.text}" to the end of the period there are at most {room}',
            evidence=f'start "{start.text}" = {start.first.isoformat()}; {source}; at most {room} {unit}(s)',
            related=(Related(start.start, start.end, "start of the period"),),
            confidence="high" if ends else "medium",
        )

    def _previous(self, doc, dates, sentence) -> list:
        """Mentions in the sentence before ``sentence`` (a start date is often stated just before the count)."""
        from checker.clauses import previous_sentence

        before = previous_sentence(doc, sentence)
        if before is None:
            return []
        return dates.between(before[0], before[1])

    def _consecutive(self, doc, facts, mention, in_sentence) -> Iterator[Finding]:
        since = [m for m in in_sentence if m.qualifier == "since" and m.year is not None]
        if len(since) != 1:
            return
        others = [m for m in in_sentence if m.kind in ("date", "month", "year") and m.year is not None]
        if others:
            reference, source = others[-1].year, f'"{others[-1].text}"'
        elif facts.document_date is not None:
            reference, source = facts.document_date.date.year, "the document date"
        else:
            return
        first = since[0].year
        allowed = {reference - first, reference - first + 1}
        count = int(mention.count)
        if count in allowed or reference < first:
            return
        yield self.finding(
            mention.start, mention.end,
            f'"{mention.text}" does not fit "{since[0].text}": {reference} is year {reference - first + 1} counting {first}',
            evidence=f"{first} to {reference} ({source}) is {reference - first + 1} years counting both ends, {reference - first} not counting {first}",
            related=(Related(since[0].start, since[0].end, "start of the run"),),
            confidence="high" if others else "medium",
        )

    def _elapsed(self, doc, facts, mention, in_sentence) -> Iterator[Finding]:
        since = [m for m in in_sentence if m.qualifier == "since" and m.first is not None]
        if len(since) != 1 or facts.document_date is None:
            return
        start = since[0]
        count = int(mention.count) * (10 if mention.unit == "decade" else 1)
        today = facts.document_date.date
        if start.month is None:
            span_end = start.first.replace(month=12, day=31)
        elif start.day is None:
            span_end = start.first.replace(day=calendar.monthrange(start.first.year, start.first.month)[1])
        else:
            span_end = start.first
        most = (today - start.first).days / 365.25
        least = (today - span_end).days / 365.25
        hedge = mention.qualifier
        if hedge in _AT_LEAST:
            wrong = most < count
        elif hedge in _AT_MOST:
            wrong = least > count + 0.5
        else:
            wrong = count > most + 1 or count < least - 1
        if not wrong:
            return
        yield self.finding(
            mention.start, mention.end,
            f'"{mention.text}" does not fit "{start.text}": by {today.isoformat()} that is {least:.0f} to {most:.0f} years',
            evidence=f'"{start.text}" begins {start.first.isoformat()}; document date {today.isoformat()} from {facts.document_date.reason}',
            related=(Related(start.start, start.end, "start of the period"),),
        )


def _shown(day, first, second) -> str:
    """A day of the period from ``first`` to ``second`` in evidence: ISO when the text gives a year, else its month
    and day ("January 11")."""
    return day.isoformat() if first.year is not None or second.year is not None else f"{day:%B} {day.day}"

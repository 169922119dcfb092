"""DAT002: a date that does not exist (February 30, month 13, February 29 of a common year)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from checker.finding import Finding
from checker.patterns import LazyPattern
from checker.rule import Rule

_SLASH = LazyPattern(r"\d{1,2}/\d{1,2}/\d{4}")
# Words before the date in "since ...", "fiscal year ended ...", "the third quarter ended ...".
_LEAD = LazyPattern(r"(?:(?:the|since|fiscal|years?|first|second|third|fourth|1st|2nd|3rd|4th|quarter|three|months|then|ended|ending|on)\s+)+", re.I)


# A sentence that presents its date as impossible: an example of an invalid input, not a typo.
_SAYS_INVALID = LazyPattern(
    r"\b(?:invalid|not\s+(?:a\s+)?valid|non-?existent|(?:does\s+not|doesn't|do\s+not|don't)\s+exist|impossible"
    r"|errors?|exceptions?|overflows?|rolls?\s+over)\b",
    re.I,
)
_NOT_BEFORE = LazyPattern(r"\bnot[\s*_`\"']*\Z", re.I)


class ImpossibleDate(Rule):
    """A date that is not on the calendar.

    What it checks
    --------------
    Reports dates that cannot exist: a day beyond the end of its month
    ("April 31, 2025", "February 30"), February 29 in a year that is not a
    leap year ("2025-02-29"), a month number above 12 ("2025-13-01"), and
    numeric dates such as "13/13/2025" that are impossible in both the
    month/day and the day/month order. A date the sentence itself calls
    impossible ("February 29, 2013, which is not a valid date", "displays
    May 1, not April 31") is an example, not a slip, and passes.

    Why it matters
    --------------
    An impossible date is a typo in a fact: one of its figures is wrong, and
    nobody can tell which. Leap days are the classic case: February 29
    exists only in years divisible by 4, except whole centuries not divisible
    by 400.

    Confidence
    ----------
    ``high`` when the month is written in words ("April 31"); ``medium`` for
    an all-numeric date ("2025-13-01", "13/13/2025"), which technical text
    also writes as a code, a version or a deliberate example.

    Flagged
    -------
        The offer expires on February 29, 2025.

    Passes
    ------
        The offer expires on February 28, 2025.
    """

    code = "DAT002"
    name = "impossible-date"
    severity = "error"
    requires = ("dates",)

    def check(self, doc, facts) -> Iterator[Finding]:
        from checker.clauses import sentence_span

        for mention in facts.dates:
            if mention.valid:
                continue
            sentence = sentence_span(doc, mention.start)
            if _SAYS_INVALID.search(doc.prose, sentence.start, sentence.end) or _NOT_BEFORE.search(
                doc.prose, max(sentence.start, mention.start - 8), mention.start
            ):
                continue  # the text itself presents the date as impossible ("which is not a valid date")
            reason = _reason(mention.text, mention.year, mention.month, mention.day)
            # "fiscal year ended June 31, 2025", "since September 31, 2019": point at the date itself.
            lead = _LEAD.match(mention.text)
            start = mention.start + (lead.end() if lead else 0)
            text = doc.text[start : mention.end]
            yield self.finding(
                start,
                mention.end,
                f'"{text}" is not a date: {reason}',
                evidence=f"read as year {mention.year or '(none)'}, month {mention.month or '?'}, day {mention.day or '?'}; {reason}",
                confidence="high" if any(char.isalpha() for char in text) else "medium",
            )


def _reason(text: str, year: int | None, month: int | None, day: int | None) -> str:
    if month is None or day is None:
        if _SLASH.search(text):
            return "neither the month/day nor the day/month reading exists"
        return "no such day"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day < 1:
        return "there is no day 0"
    name = dt.date(2001, month, 1).strftime("%B")
    if year is None:
        return f"{name} has at most {29 if month == 2 else calendar.monthrange(2001, month)[1]} days"
    if month == 2 and day == 29:
        return f"{year} is not a leap year"
    return f"{name} {year} has {calendar.monthrange(year, month)[1]} days"

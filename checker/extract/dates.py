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
``sheet.extra["dates.fiscal_year_end"]``. A fiscal year is labelled by the
calendar year it ends in; fiscal years ending in January or February are
labelled inconsistently by companies, so their quarters are not mapped.

Document date, first found wins: front matter ``date:``, a dateline
("CAMBRIDGE, Mass., March 5, 2026 --"), a "Published on ..., May 14, 2026"
line, then the configuration's ``document-date`` table (exact path or glob
relative to the project root).

The grammar is a set of regular expressions compiled into one scanner on
first use; a cheap pre-filter skips documents without digits or date words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from itertools import chain as _chain
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.facts import DateMention, DocumentDate
from checker.patterns import BoundedMemo, compile_cached, trie_regex
from checker.patterns import LazyPattern as _Lazy

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document
    from checker.facts import FactSheet


# --- vocabulary -------------------------------------------------------------

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAY_ABBR = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_UNIT_NAMES = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
    "quarter": "quarter", "quarters": "quarter", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade",
}


@cache
def _gate_words() -> str:
    """The words some branch starts with, as one factored alternation (built once: it is large)."""
    return trie_regex(_GATE_WORDS)


@cache
def _month_alternation() -> str:
    names = []
    for name in MONTH_NAMES:
        names += [name, name.upper()]
    for abbr in _MONTH_ABBR:
        names += [abbr.title(), abbr.title() + ".", abbr.upper(), abbr.upper() + "."]
    return trie_regex(names)


@cache
def _weekday_alternation() -> str:
    names = []
    for name in WEEKDAY_NAMES:
        names += [name, name.upper()]
    for abbr in _WEEKDAY_ABBR:
        names += [abbr.title(), abbr.title() + ".", abbr.upper(), abbr.upper() + "."]
    return trie_regex(names)


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept.", "DECEMBER"), else None."""
    key = word.rstrip(".").lower()
    for index, name in enumerate(MONTH_NAMES, 1):
        if key == name.lower():
            return index
    return _MONTH_ABBR.get(key)


def weekday_number(word: str) -> int | None:
    """0 (Monday) to 6 for a weekday name or abbreviation, else None."""
    key = word.rstrip(".").lower()
    for index, name in enumerate(WEEKDAY_NAMES):
        if key == name.lower():
            return index
    return _WEEKDAY_ABBR.get(key)


def number_value(word: str) -> float | None:
    """The value of a count written in digits or words ("five", "twenty-one", "a")."""
    text = word.lower().replace(",", "").strip()
    text = re.sub(r"[\s-]+", " ", text)
    if text in ("a", "an"):
        return 1.0
    if text in ("a dozen", "dozen"):
        return 12.0
    try:
        return float(text)
    except ValueError:
        pass
    if text in _SMALL:
        return float(_SMALL.index(text))
    parts = text.split()
    if parts and parts[0] in _TENS:
        value = _TENS[parts[0]]
        if len(parts) == 2 and parts[1] in _SMALL[1:10]:
            value += _SMALL.index(parts[1])
        elif len(parts) > 1:
            return None
        return float(value)
    if text == "hundred" or text == "a hundred":
        return 100.0
    return None


def ordinal_value(word: str) -> int | None:
    text = word.lower()
    if text in _ORDINALS:
        return _ORDINALS.index(text) + 1
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", text)
    return int(match.group(1)) if match else None


def two_digit_year(text: str) -> int:
    value = int(text.lstrip("'\u2019"))
    if value < 100:
        return 2000 + value if value < 70 else 1900 + value
    return value


# --- the grammar --------------------------------------------------------------

_GRAMMAR: dict[str, Any] = {}

_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d])"
_YY = r"(?:['\u2019]?\d\d)(?!\d)"
# The digit forms of a count and an ordinal (also their only readings at a digit: see _DIGIT_FORMS).
_NUMW_DIGITS = r"\d+(?:\.\d+)?"
_ORD_DIGITS = r"\d{1,2}(?:st|nd|rd|th)"
_NUMW = (
    rf"(?:{_NUMW_DIGITS}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|one|two|three|four|five|six|seven|eight|nine|a\s+dozen|dozen|hundred)"
)
_ORD = r"(?:" + "|".join(_ORDINALS) + rf"|{_ORD_DIGITS})"
_HEDGE = (
    r"(?:more\s+than|well\s+over|just\s+over|just\s+under|over|nearly|almost|about|approximately|around|roughly|some"
    r"|at\s+least|less\s+than|fewer\s+than|under|close\s+to|upwards\s+of|up\s+to)"
)


class Branch(NamedTuple):
    """One alternative of the scanner: its name (also the name of its group) and its pattern."""

    name: str
    pattern: str


@cache
def _branches() -> tuple[Branch, ...]:
    """Every branch of the scanner; each starts at its core word (optional lead-ins are found by ``_lead_in``).

    The groups inside a branch are named ``<branch>_<field>`` ("mdy_month"): names are unique across
    the scanner, and the builder of each branch (``_BUILDERS``) reads its own.
    """
    M = _month_alternation()

    def month(p: str) -> str:
        return rf"(?P<{p}_month>{M})(?![A-Za-z])"

    def day(p: str) -> str:
        return rf"(?P<{p}_day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"

    def year(p: str) -> str:
        return rf"(?P<{p}_year>{_YEAR})"

    def mdy(p: str) -> str:
        return rf"{month(p)}\s*{day(p)},?\s+{year(p)}"

    def short_year(p: str) -> str:
        # "Q4 2025", "Q4 of fiscal 2025", "Q4 FY25", "Q4'25", "Q4-25", "4Q25"; never "Q4 25" (a count after a label)
        return (
            rf"(?:(?:\s+of\s+|\s*[-/]\s*|\s+)?(?P<{p}_fiscal>(?i:fiscal(?:\s+year)?\s+)|FY\s*)?(?P<{p}_year>{_YEAR})"
            rf"|\s*(?P<{p}_fy_label>FY\s*)(?P<{p}_fy_year>\d\d)|(?:['\u2019]|[-/])?(?P<{p}_yy>\d\d))(?![\w-])"
        )

    ords = r"first|second|third|fourth|1st|2nd|3rd|4th"
    fiscal = r"(?:fiscal(?:\s+year)?|FY)\s*"
    since_modifier = r"(?i:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of)"
    not_after_year = r"(?![^\W\d_]|%|[.,]\d)"  # "2025a", "2025%", "2025.5": not a year
    return (
        # full dates
        Branch("mdy", rf"{month('mdy')}\s*{day('mdy')},?\s+{year('mdy')}"),
        Branch("dmy", rf"{day('dmy')}\s+(?:of\s+)?{month('dmy')},?\s+{year('dmy')}"),
        Branch("iso", r"(?<![\d./-])(?P<iso_year>(?:1[89]|20)\d\d)-(?P<iso_month>\d\d)-(?P<iso_day>\d\d)(?![\d-])"),
        Branch("slash", r"(?<![\d./-])(?P<slash_first>\d{1,2})/(?P<slash_second>\d{1,2})/(?P<slash_year>(?:1[89]|20)\d\d)(?![\d/])"),
        # fiscal year end stated: "fiscal year ended June 30, 2025", "years ended December 31, 2019"
        Branch(
            "fyend",
            rf"(?i:(?P<fyend_fiscal>fiscal\s+)?years?\s+(?:then\s+)?(?:ended|ending))\s+(?:on\s+)?{month('fyend')}\s+{day('fyend')}"
            rf"(?:,?\s+{year('fyend')})?",
        ),
        Branch(
            "fyends",
            rf"(?i:(?P<fyends_fiscal>fiscal)\s+year(?:\s+|-)(?:ends|end|closes)(?:\s+(?:is|on|of|at))*)\s+{month('fyends')}\s+{day('fyends')}"
            r"(?!,?\s+\d)",
        ),
        # quarters
        Branch(
            "qend",
            rf"(?i:(?:(?P<qend_ordinal>{ords})\s+)?(?:fiscal\s+)?(?:quarter|three\s+months)\s+(?:ended|ending))\s+(?:on\s+)?{mdy('qend')}",
        ),
        Branch(
            "qord",
            rf"(?i:(?P<qord_ordinal>{ords})[\s-]+quarter(?:\s+of)?\s+(?:the\s+)?(?P<qord_fiscal>{fiscal})?)"
            rf"(?P<qord_year>{_YEAR}|(?<=FY)\s*{_YY})",
        ),
        Branch(
            "qyo",
            rf"(?i:(?P<qyo_fiscal>fiscal\s+(?:year\s+)?|FY\s*)?)(?P<qyo_year>{_YEAR})\s+(?i:(?P<qyo_ordinal>first|second|third|fourth)[\s-]+quarter)",
        ),
        Branch("qshort", rf"Q(?P<qshort_quarter>[1-4]){short_year('qshort')}"),
        Branch("qnum", rf"(?P<qnum_quarter>[1-4])Q{short_year('qnum')}"),
        # halves
        Branch(
            "hord",
            rf"(?i:(?P<hord_ordinal>first|second|1st|2nd)\s+half(?:\s+of)?\s+(?:the\s+)?(?P<hord_fiscal>{fiscal})?)"
            rf"(?P<hord_year>{_YEAR}|(?<=FY)\s*{_YY})",
        ),
        Branch("hshort", rf"H(?P<hshort_half>[12]){short_year('hshort')}"),
        Branch("hnum", rf"(?P<hnum_half>[12])H{short_year('hnum')}"),
        # "the first nine months of 2025"
        Branch("firstof", rf"(?i:first\s+(?P<firstof_number>{_NUMW})\s+months\s+of\s+(?:the\s+)?(?P<firstof_fiscal>{fiscal})?)(?P<firstof_year>{_YEAR})"),
        # fiscal years
        Branch("fy", rf"(?P<fy_label>FY|F\.Y\.)\s*(?P<fy_year>{_YEAR}|{_YY})(?:/(?:\d\d)?\d\d)?(?![\w-])"),
        Branch("fiscal", rf"(?i:fiscal\s+(?:year\s+)?)(?P<fiscal_year>{_YEAR})(?:/(?:\d\d)?\d\d)?(?![\w-])"),
        # months
        Branch("monthyear", rf"{month('monthyear')},?\s+(?:of\s+)?{year('monthyear')}"),
        # relative expressions
        Branch("monthrel", rf"{month('monthrel')}\s+(?:of\s+)?(?P<monthrel_which>(?i:last|this|next))\s+(?i:year)(?![\w-])"),
        Branch("rel", rf"(?P<rel_which>(?i:last|this|next))\s+(?:(?P<rel_unit>(?i:year|month|quarter|week))(?![\w-])|(?P<rel_month>{M})(?![A-Za-z]))"),
        Branch("ago", rf"(?P<ago_number>(?i:{_NUMW}))\s+(?P<ago_unit>(?i:years?|months?|weeks?|days?|decades?))\s+(?i:ago)\b"),
        Branch("ago1", r"(?P<ago1_unit>(?i:year|month|week|day|decade))\s+(?i:ago)\b"),
        Branch("day", r"(?P<day_word>today|yesterday|tomorrow|Today|Yesterday|Tomorrow)(?![\w-])"),
        # durations and counts of periods
        Branch(
            "since",
            rf"(?i:since)\s+(?:(?P<since_modifier>{since_modifier})[\s-]+)?"
            rf"(?:{mdy('since_date')}|{month('since_monthyear')},?\s+(?P<since_monthyear_year>{_YEAR})|(?P<since_year>{_YEAR}){not_after_year})",
        ),
        Branch(
            "firstn",
            rf"(?i:first\s+(?P<firstn_full>full\s+)?)(?P<firstn_number>(?i:{_NUMW}))\s+(?P<firstn_unit>(?i:days|weeks|months|quarters|years))(?![\w-])",
        ),
        Branch(
            "consec",
            rf"(?P<consec_ordinal>(?i:{_ORD}))\s+(?i:(?:consecutive|straight|successive)\s+)(?P<consec_unit>(?i:year|quarter|month|week|season|time))(?![\w-])",
        ),
        Branch("inrow", rf"(?P<inrow_ordinal>(?i:{_ORD}))\s+(?P<inrow_unit>(?i:year|quarter|month|season|time))\s+(?i:in\s+a\s+row)"),
        Branch(
            "nconsec",
            rf"(?P<nconsec_number>(?i:{_NUMW}))\s+(?i:consecutive|straight|successive)\s+(?P<nconsec_unit>(?i:years|quarters|months|weeks|seasons))(?![\w-])",
        ),
        Branch(
            "past",
            r"(?P<past_which>(?i:past|last|next|coming|previous|prior|preceding|following))"
            rf"\s+(?P<past_number>(?i:{_NUMW}))\s+(?P<past_unit>(?i:years|months|weeks|days|quarters|decades))(?![\w-])",
        ),
        Branch("count", rf"(?P<count_number>(?i:{_NUMW}))(?:\+)?(?:\s+|-)(?P<count_unit>(?i:years|months|decades|weeks|year|month|decade|week))(?![\w-])"),
        # dates without a year
        Branch("md", rf"{month('md')}\s+{day('md')}(?!\s*[,.]?\s*\d)(?!-\w)"),
        # years
        Branch("year", rf"(?<![\w$\u20ac\u00a3\u00a5#.,/])(?P<year_value>{_YEAR}){not_after_year}"),
    )


_MOD = (
    r"early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of"
    r"|the\s+middle\s+of|middle\s+of"
)
# Lead-ins found by looking back from a match: (?<!\w) ... \Z, searched in a short window before it.
_LEAD_INS = {
    "weekday": r"(?P<wd>{W})(?![A-Za-z]),?\s+(?:the\s+)?\Z",
    "the": r"(?i:the)\s+\Z",
    "month-modifier": rf"(?P<mod>(?i:{_MOD}))(?:\s+|-)\Z",
    "year-modifier": rf"(?P<mod>(?i:{_MOD}|year[\s-]end|calendar(?:\s+year)?|full[\s-]year))(?:\s+|-)\Z",
    "relative-modifier": r"(?P<mod>(?i:earlier|later|early|late|at\s+the\s+end\s+of|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of|mid|in\s+the\s+middle\s+of|the\s+middle\s+of))(?:[\s-]+in)?(?:\s+|-)\Z",
    "determiner": r"(?i:its|their|the|our|his|her|my|your)\s+\Z",
    "for-the": r"(?i:(?:for\s+)?(?:the|a))\s+\Z",
    "over-the": r"(?i:(?:(?:over|in|during|for|within)\s+)?the)\s+\Z",
    "hedge": rf"(?P<hedge>(?i:{_HEDGE}))\s+\Z",
    "a": r"(?P<n>(?i:an?|one))\s+\Z",
}
# Which lead-ins each branch may have, tried in order (the first that matches is used).
_BRANCH_LEAD_INS = {
    "mdy": ("weekday", "the"), "dmy": ("weekday", "the"), "md": ("weekday", "the"),
    "qend": ("the",), "qord": ("the",), "hord": ("the",), "firstof": ("the",),
    "monthyear": ("month-modifier",), "year": ("year-modifier",),
    "rel": ("relative-modifier",), "firstn": ("determiner",), "consec": ("for-the",), "inrow": ("for-the",),
    "past": ("over-the",), "count": ("hedge",), "ago1": ("a",),
}


# Every word a branch can start with, in lower, Title and UPPER case.
_GATE_WORDS = sorted({
    variant
    for word in (
        [n.lower() for n in MONTH_NAMES] + list(_MONTH_ABBR) + _SMALL + list(_TENS) + _ORDINALS
        + """q h fy f.y. fiscal year years quarter last this next past coming previous prior preceding following
        today yesterday tomorrow since dozen hundred month week day decade""".split()
    )
    for variant in (word, word.title(), word.upper())
})

# Words before a number that make it an identifier, not a year.
_NOT_YEAR_BEFORE = _Lazy(
    r"(?:\b(?:no|nos|number|rule|rules|section|article|item|form|regulation|order|chapter|page|pages|pp|p"
    r"|model|version|v|room|suite|route|highway|iso|pep|rfc|code|box|unit|flight|windows|office|server|studio|ticket"
    r"|issue|issues|pr|bug|line|lines|port|step|level|grade|class|type|series)\.?\s*|(?:(?<![A-Za-z])x|[#:\u00d7*+=<>])\s*|\d\s+)$",
    re.I,
)
# Nouns after a number that make it a count, not a year.
_COUNT_AFTER = _Lazy(
    r"\s*(?:employees|people|patients|persons|participants|subjects|members|customers|users|clients|students"
    r"|shares|units|stores|sites|cases|beds|vehicles|tons|tonnes|words|lines|bytes|items|records|rows|times"
    r"|points|pixels|km|kilometers|kilometres|miles|meters|metres|feet|kg|mg|ml|hours|minutes|seconds|days|weeks"
    r"|months|years|cells|mice|rats|samples|doses|homes|jobs|acres|square|sq|ft|m|mm|cm|to\s+\d|-\s*\d{1,3}\b(?!\d))\b",
    re.I,
)
# A plural noun after "June 31": the number counts something.
_COUNTED = _Lazy(
    r"\s+(?!(?:was|has|is|this|its|as|always|sometimes|thus|plus|across|unless|perhaps|towards|afterwards|besides|"
    r"whereas|yes|less|us)\b)[a-z]{3,}s\b"
)
_PREPOSITION = _Lazy(
    r"\b(in|on|during|since|until|till|through|thru|by|before|after|from|to|as\s+of|at|of|for|between|and|or|"
    r"ended|ending|beginning|starting|effective|due|into|throughout|within|around|circa)\s+(?:the\s+|early\s+|mid-?|late\s+)?$",
    re.I,
)
_MODIFIER_SPANS = {
    # modifier -> (first month, last month) of the part of the period it names
    "early": (1, 4), "beginning of": (1, 3), "start of": (1, 3),
    "mid": (4, 9), "middle of": (4, 9),
    "late": (9, 12), "end of": (10, 12), "year end": (12, 12),
}


# The characters each branch can start with (a superset, in the branch's own case rule): a
# one-character test that spares trying the ~30 other branches at most positions (-20% scan time).
_MONTH_FIRST = "[ADFJMNOS]"  # month names are matched capitalised or in capitals
_NUMW_FIRST = r"(?i:[\dadefhnost])"
_ORD_FIRST = r"(?i:[\defnst])"
_FIRST = {
    "mdy": _MONTH_FIRST, "dmy": r"\d", "iso": "[12]", "slash": r"\d", "fyend": "(?i:[fy])", "fyends": "(?i:f)",
    "qend": "(?i:[fqst1-4])", "qord": "(?i:[fst1-4])", "qyo": "(?i:[f12])", "qshort": "Q", "qnum": "[1-4]",
    "hord": "(?i:[fs12])", "hshort": "H", "hnum": "[12]", "firstof": "(?i:f)", "fy": "F", "fiscal": "(?i:f)",
    "monthyear": _MONTH_FIRST, "monthrel": _MONTH_FIRST, "rel": "(?i:[lnt])", "ago": _NUMW_FIRST,
    "ago1": "(?i:[dmwy])", "day": "[tTyY]", "since": "(?i:s)", "firstn": "(?i:f)", "consec": _ORD_FIRST,
    "inrow": _ORD_FIRST, "nconsec": _NUMW_FIRST, "past": "(?i:[cflnp])", "count": _NUMW_FIRST,
    "md": _MONTH_FIRST, "year": "[12]",
}


def _grammar() -> dict[str, Any]:
    if not _GRAMMAR:
        branches = _branches()
        # Gate: only try the branches where a word starts with a digit or a word some branch starts with.
        gate = r"(?<!\w)(?=\d|" + _gate_words() + ")"
        # Each branch is tried only where its first character can be (see _FIRST).
        _GRAMMAR["scanner"] = compile_cached(
            gate + "(?:" + "|".join(f"(?={_FIRST[name]})(?P<{name}>{pattern})" for name, pattern in branches) + ")"
        )
        weekdays = _weekday_alternation()
        _GRAMMAR["lead_ins"] = {
            name: compile_cached(r"(?<!\w)" + pattern.replace("{W}", weekdays)) for name, pattern in _LEAD_INS.items()
        }
        # Cheap pre-filter: a digit or a word some branch starts with, anywhere in the text.
        _GRAMMAR["prefilter"] = compile_cached(gate)
        month = _month_alternation()
        full = rf"(?:(?:{_weekday_alternation()})\.?,?\s+)?(?:(?:{month})\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{month}),?\s+{_YEAR}|(?:1[89]|20)\d\d-\d\d-\d\d(?![\d-]))"
        _GRAMMAR["full"] = compile_cached(full)
        _GRAMMAR["dateline"] = compile_cached(
            rf"^[ \t>*_#]*(?P<city>[A-Z][A-Z.'\u2019-]+(?:[ \t]+[A-Z][A-Za-z.'\u2019-]*)*)(?P<mid>[^\r\n]{{0,100}}?,[ \t]*)"
            rf"(?P<date>{full})[^\r\n]{{0,60}}?(?:--|\u2014|\u2013|[ \t]-[ \t]|/[ \t]*$)",
            re.M,
        )
        _GRAMMAR["published"] = compile_cached(
            rf"^[ \t>*_#]*(?i:published|posted|dated|publication\s+date|date)\b[^\r\n]{{0,80}}?(?P<date>{full})", re.M
        )
        _GRAMMAR["front_date"] = compile_cached(r"^date[ \t]*[:=][ \t]*[\"']?(?P<value>[^\"'\r\n#]+)", re.M)
    return _GRAMMAR


def parse_date(text: str) -> dt.date | None:
    """The date in a string such as "May 14, 2026", "14 May 2026" or "2026-05-14", or None."""
    grammar = _grammar()
    match = grammar["scanner"].search(text)
    while match is not None:
        mention = _mention(match, text)
        if mention is not None and mention.kind == "date" and mention.first is not None:
            return mention.first
        match = grammar["scanner"].search(text, match.end())
    return None


# --- building mentions --------------------------------------------------------


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _months_span(year: int, first_month: int, count: int) -> tuple[dt.date, dt.date]:
    """``count`` months starting at ``first_month`` of ``year`` (month may exceed 12 or be < 1)."""
    start_index = year * 12 + first_month - 1
    end_index = start_index + count - 1
    start = dt.date(start_index // 12, start_index % 12 + 1, 1)
    end_year, end_month = end_index // 12, end_index % 12 + 1
    return start, dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _modifier(text: str | None) -> str | None:
    if not text:
        return None
    words = re.sub(r"[\s-]+", " ", text.lower()).strip()
    words = words.removeprefix("at ").removeprefix("in ").removeprefix("the ").removesuffix(" in").strip()
    if words == "middle of":
        return "mid"
    if words.startswith("year"):
        return "year end"
    return words


def _year_span(year: int, modifier: str | None) -> tuple[dt.date, dt.date]:
    if modifier in _MODIFIER_SPANS:
        first, last = _MODIFIER_SPANS[modifier]
        return _months_span(year, first, last - first + 1)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _valid(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None:
        return day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    return day <= calendar.monthrange(year, month)[1]


def _lead_in(branch: str, prose: str, start: int) -> tuple[int, dict[str, str]]:
    """Extend a match backwards over its optional lead-in ("Thursday, ", "more than ", "the end of ")."""
    names = _BRANCH_LEAD_INS.get(branch)
    if not names:
        return start, {}
    # Every lead-in ends with a blank or a hyphen just before the match.
    if start == 0 or not (prose[start - 1].isspace() or prose[start - 1] == "-"):
        return start, {}
    window, pos = _window_before(prose, start, 32)
    offset, lead = _memo((names, window, pos), lambda: _lead_in_search(names, window, pos))
    return start - offset, lead


# Results of the searches in the few characters before a match, by the text they depend on (each
# pattern looks at most one character behind where it starts): the same phrases recur before dates.
_WINDOW_CACHE = BoundedMemo(100_000)


def _window_before(prose: str, start: int, width: int) -> tuple[str, int]:
    """The text a search of ``prose[start - width:start]`` depends on (with the character before, for
    look-behinds of one character) and where in it the search starts."""
    lo = max(0, start - width)
    key_lo = max(0, lo - 1)
    return prose[key_lo:start], lo - key_lo


_memo = _WINDOW_CACHE.get_or  # ``compute()``, remembered by ``key``


def _lead_in_search(names: tuple[str, ...], window: str, pos: int) -> tuple[int, dict[str, str]]:
    """(how far before the end of ``window`` the lead-in starts, its groups), or (0, {})."""
    patterns = _grammar()["lead_ins"]
    end = len(window)
    for name in names:
        found = patterns[name].search(window, pos, end)
        if found is not None:
            return end - found.start(), {k: v for k, v in found.groupdict().items() if v}
    return 0, {}


def _search_before(pattern: Any, prose: str, start: int, width: int) -> Any:
    """``pattern.search(prose, max(0, start - width), start)`` (cached; for patterns that look at most
    one character behind where they start): the match, on a copy of the text it depends on."""
    window, pos = _window_before(prose, start, width)
    return _memo((pattern, window, pos), lambda: pattern.search(window, pos, len(window)))


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
        values = _DEFAULTS.copy()  # every field, in the model's order
        values["text"] = self.prose[self.start : self.end]
        values["start"] = self.start
        values["end"] = self.end
        values["kind"] = kind
        values.update(fields)
        if self.preposition:
            found = _search_before(_PREPOSITION, self.prose, self.start, 16)
            if found is not None:
                word = found.group(1)
                folded = _PREPOSITION_WORDS.get(word)
                if folded is None:
                    folded = _PREPOSITION_WORDS[word] = re.sub(r"\s+", " ", word.lower())
                values["preposition"] = folded
        return _new_mention(values)


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
    day = int(found.group("md_day"))
    weekday = weekday_number(found.lead["wd"]) if "wd" in found.lead else None
    if weekday is None and (day > 31 or day == 0 or _COUNTED.match(found.prose, found.end)):
        return None  # "May 45", "June 31 stores": a count after a month name, not a date
    return _calendar_date(found, found.group("md_month"), day, None)


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
        first = _months_span(year - 1, month + 1, 1)[0] if day == calendar.monthrange(year, month)[1] else (
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
    first = _months_span(year, month - 2, 1)[0]
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
    first, last = _month_span(year, month)
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
        return found.make("relative", unit=g("rel_unit").lower(), qualifier=qualifier)
    return found.make("relative", month=_month(g("rel_month")), unit="month-name", qualifier=qualifier)


def _ago(found: _Found, number: str, unit: str) -> DateMention | None:
    count = number_value(number)
    if count is None:
        return None
    return found.make("relative", count=count, unit=_UNIT_NAMES[unit.lower()], qualifier="ago")


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
    return found.make("duration", year=year, first=_year_span(year, _modifier(g("since_modifier")))[0], qualifier="since")


def _duration(found: _Found, branch: str, count: float, qualifier: str | None) -> DateMention:
    """A count of periods ("five years", "three consecutive quarters")."""
    unit = found.group(f"{branch}_unit").lower()
    unit = "season" if unit.startswith("season") else _UNIT_NAMES[unit]
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
    if not lead and (_search_before(_NOT_YEAR_BEFORE, prose, begin, 24) or _COUNT_AFTER.match(prose, found.end)):
        return None
    year = int(found.group("year_value"))
    if modifier and (modifier.startswith(("calendar", "full"))):
        modifier = None
    first, last = _year_span(year, modifier)
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
    "md": _build_md, "year": _build_year,
}


def _mention(match: re.Match[str], prose: str, preposition: bool = False) -> DateMention | None:
    """A DateMention for one scanner match (``first``/``last`` before fiscal and relative resolution).

    With ``preposition``, the word just before the mention ("in", "since", ...) is recorded too.
    """
    branch = match.lastgroup or ""
    start, lead = _lead_in(branch, prose, match.start())
    return _BUILDERS[branch](_Found(match, prose, start, lead, preposition))


def _new_mention(values: dict[str, Any]) -> DateMention:
    """``DateMention.model_construct(**values)`` for ``values`` naming every field and only them, in
    the model's order (a copy of ``_DEFAULTS`` updated), without its per-call overhead."""
    mention = _NEW(DateMention)
    _SET(mention, "__dict__", values)
    _SET(mention, "__pydantic_fields_set__", _FIELD_SET.copy())
    _SET(mention, "__pydantic_extra__", None)
    _SET(mention, "__pydantic_private__", None)
    return mention


_NEW = object.__new__
_SET = object.__setattr__
_FIELDS = tuple(DateMention.model_fields)
_FIELD_SET = set(_FIELDS)
_PREPOSITION_WORDS: dict[str, str] = {}  # the words before a mention, lower-cased with single spaces

_DEFAULTS: dict[str, Any] = {
    "text": None, "start": None, "end": None, "kind": None,
    "year": None, "month": None, "day": None, "weekday": None, "resolved": None,
    "quarter": None, "fiscal": False, "valid": True, "first": None, "last": None,
    "count": None, "unit": None, "qualifier": None, "preposition": None,
}
_DEFAULTS = {name: _DEFAULTS[name] for name in _FIELDS}  # in the model's order
assert len(_DEFAULTS) == len(_FIELDS)


def scan(prose: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date mention in ``prose[start:end]``, unresolved (no document date, no fiscal year)."""
    grammar = _grammar()
    end = len(prose) if end is None else end
    if not grammar["prefilter"].search(prose, start, end):
        return []
    out: list[DateMention] = []
    # The same matches as ``grammar["scanner"].finditer(prose, start, end)``, found faster: the
    # scanner is tried only at ``start`` and after each character that can precede a gate
    # position (a superset of the gate's positions), and only with the branches whose first
    # character can be the one there (see ``_scanner_for``).
    scanner_for = _SCANNERS.get
    last = start
    for position in _chain((start,), _candidate_ends(prose, start, end)):
        if position < last or position >= end:
            continue
        char = prose[position]
        scanner = scanner_for(char, _MISSING)
        if scanner is _MISSING:
            scanner = _scanner_for(char)
        if scanner is None:
            continue
        match = scanner.match(prose, position, end)
        if match is None:
            continue
        last = match.end()
        mention = _mention(match, prose, preposition=True)
        if mention is not None:
            out.append(mention)
    return out


_MISSING = object()
# first character -> the scanner restricted to the branches that can start with it (None: no branch can)
_SCANNERS: dict[str, Any] = {}
_SUBSCANNERS: dict[tuple[str, ...], Any] = {}
_CANDIDATES: list[Any] = []


def _candidate_ends(prose: str, start: int, end: int):
    """Positions after each character other than an ASCII letter, digit or underscore that is
    followed by what the scanner's gate accepts: every gate position after ``start``, and a few more."""
    if not _CANDIDATES:
        # The character class only repeats the alternation's first characters: a one-step test that
        # spares trying the alternation after most blanks (-20% time for this search).
        first = re.escape("".join(sorted({word[0] for word in _GATE_WORDS})))
        _CANDIDATES.append(compile_cached(r"[^0-9A-Za-z_](?=[\d" + first + r"])(?=\d|" + _gate_words() + ")"))
    return map(_match_end, _CANDIDATES[0].finditer(prose, start, end))


_match_end = re.Match.end


def _scanner_for(char: str) -> Any:
    """The scanner with only the branches whose first character (``_FIRST``) can be ``char``:
    at a position starting with ``char`` it matches exactly what the whole scanner matches."""
    branches = _branches()
    names = tuple(name for name, _ in branches if re.match(_FIRST[name], char))
    digit = re.match(r"\d", char) is not None
    if not names:
        scanner = None
    elif len(names) == len(branches):
        scanner = _grammar()["scanner"]
    else:
        scanner = _SUBSCANNERS.get((names, digit))
        if scanner is None:
            if digit:
                # At a digit the gate's ``\d`` holds, and the branches take their digit forms.
                gate, patterns = r"(?<!\w)", _digit_branches()
            else:
                gate, patterns = r"(?<!\w)(?=\d|" + _gate_words() + ")", dict(branches)
            scanner = _SUBSCANNERS[names, digit] = compile_cached(
                gate + "(?:" + "|".join(f"(?={_FIRST[name]})(?P<{name}>{patterns[name]})" for name, _ in branches if name in names) + ")"
            )
    _SCANNERS[char] = scanner
    return scanner


# A count or an ordinal at the start of a branch, and its only readings at a digit: every other
# alternative of ``_NUMW`` and ``_ORD`` starts with an ASCII letter, which no digit matches even
# ignoring case, so at a digit those alternatives fail on their first character and the
# alternation can only ever match (and backtrack) through its digit alternative, in the same order.
_DIGIT_FORMS = (
    (f"(?i:{_NUMW})", _NUMW_DIGITS),
    (f"(?i:{_ORD})", f"(?i:{_ORD_DIGITS})"),
)


@cache
def _digit_branches() -> dict[str, str]:
    """Each branch's pattern as it can match at a digit (see ``_DIGIT_FORMS``): the scanner's
    costliest branches there ("5 years ago", "3 consecutive quarters") otherwise try every number word."""
    out = {}
    for name, pattern in _branches():
        group = re.match(r"\(\?P<\w+>", pattern)
        if group is not None:
            for general, digits in _DIGIT_FORMS:
                if pattern.startswith(general, group.end()):
                    pattern = pattern[: group.end()] + digits + pattern[group.end() + len(general):]
        out[name] = pattern
    return out


# --- fiscal year ----------------------------------------------------------------


def fiscal_year_end(mentions: list[DateMention], settings: Settings | None) -> tuple[int, int, str] | None:
    """(month, day, where it came from) of the fiscal year end, if the configuration or document gives one."""
    if settings is not None and settings.dates.fiscal_year_end:
        month, day = (int(part) for part in settings.dates.fiscal_year_end.split("-"))
        return month, day, f"configuration fiscal-year-end = {settings.dates.fiscal_year_end!r}"
    found: dict[int, tuple[int, int, str]] = {}
    for mention in mentions:
        if not mention.valid:
            continue
        if mention.kind == "fiscal-year" and mention.qualifier == "fiscal-year-end" and mention.month:
            found.setdefault(mention.month, (mention.month, mention.day or 0, f"document: {mention.text!r}"))
        elif mention.kind == "quarter" and mention.qualifier == "quarter-end" and mention.quarter and mention.month:
            month = (mention.month + 3 * (4 - mention.quarter) - 1) % 12 + 1
            found.setdefault(month, (month, calendar.monthrange(2001, month)[1], f"document: {mention.text!r}"))
    if len(found) == 1:
        return next(iter(found.values()))
    return None  # none, or several different ones: do not guess


def _fiscal_span(year: int, fy_end_month: int, first_month_index: int, months: int) -> tuple[dt.date, dt.date]:
    """Months ``first_month_index``.. of fiscal year ``year`` (which ends in ``fy_end_month`` of ``year``)."""
    start_month = fy_end_month + 1 - 12 + first_month_index  # relative to ``year``
    return _months_span(year, start_month, months)


def _apply_fiscal(mention: DateMention, fy_end: tuple[int, int, str] | None) -> DateMention:
    if mention.first is not None or mention.year is None or not mention.valid:
        return mention
    if mention.kind not in ("quarter", "half", "fiscal-year") and mention.qualifier != "first-of-year":
        return mention
    if fy_end is None or fy_end[0] in (1, 2):
        return mention
    end_month = fy_end[0]
    if mention.kind == "quarter":
        first, last = _fiscal_span(mention.year, end_month, 3 * (mention.quarter - 1), 3)
    elif mention.kind == "half":
        first, last = _fiscal_span(mention.year, end_month, 6 * (mention.quarter - 1), 6)
    elif mention.kind == "fiscal-year":
        first, last = _fiscal_span(mention.year, end_month, 0, 12)
    else:
        first, last = _fiscal_span(mention.year, end_month, 0, int(mention.count or 0))
    return mention.model_copy(update={"first": first, "last": last})


# --- relative dates ---------------------------------------------------------------


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def resolve_relative(mention: DateMention, today: dt.date, fy_end: tuple[int, int, str] | None = None) -> DateMention:
    """A relative mention resolved against the document date ``today``."""
    qualifier = mention.qualifier or ""
    which, _, modifier = qualifier.partition(":")
    update: dict[str, Any] = {}
    if qualifier == "day":
        day = today + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[mention.unit or "today"])
        update = {"year": day.year, "month": day.month, "day": day.day, "first": day, "last": day, "resolved": day.isoformat()}
    elif qualifier == "ago":
        count = int(mention.count or 0)
        if mention.count != count:
            return mention
        if mention.unit in ("year", "decade"):
            year = today.year - count * (10 if mention.unit == "decade" else 1)
            update = {"year": year, "first": dt.date(year, 1, 1), "last": dt.date(year, 12, 31), "resolved": str(year)}
        elif mention.unit == "month":
            year, month = _shift_month(today.year, today.month, -count)
            first, last = _month_span(year, month)
            update = {"year": year, "month": month, "first": first, "last": last, "resolved": f"{year:04d}-{month:02d}"}
        else:
            day = today - dt.timedelta(days=count * (7 if mention.unit == "week" else 1))
            update = {"year": day.year, "month": day.month, "day": day.day, "first": day, "last": day, "resolved": day.isoformat()}
    elif qualifier.startswith("month-"):
        which = qualifier.split("-")[1]
        year = today.year + {"last": -1, "this": 0, "next": 1}[which]
        first, last = _month_span(year, mention.month or 1)
        update = {"year": year, "first": first, "last": last, "resolved": f"{year:04d}-{mention.month:02d}"}
    elif mention.unit == "month-name":
        month = mention.month or 1
        if which == "last":
            year = today.year if month < today.month else today.year - 1
        elif which == "next":
            year = today.year if month > today.month else today.year + 1
        else:
            year = today.year
        first, last = _month_span(year, month)
        update = {"year": year, "first": first, "last": last, "resolved": f"{year:04d}-{month:02d}"}
    elif mention.unit == "year":
        year = today.year + {"last": -1, "this": 0, "next": 1}[which]
        first, last = _year_span(year, None)
        if modifier in ("earlier", "early") and which == "this":
            last = today if modifier == "earlier" else _year_span(year, "early")[1]
        elif modifier in ("later", "late") and which == "this":
            first = today if modifier == "later" else _year_span(year, "late")[0]
        elif modifier:
            first, last = _year_span(year, {"earlier": "early", "later": "late"}.get(modifier, modifier))
        update = {"year": year, "first": first, "last": last, "resolved": str(year)}
    elif mention.unit == "month":
        year, month = _shift_month(today.year, today.month, {"last": -1, "this": 0, "next": 1}[which])
        first, last = _month_span(year, month)
        if which == "this" and modifier == "earlier":
            last = today
        elif which == "this" and modifier == "later":
            first = today
        update = {"year": year, "month": month, "first": first, "last": last, "resolved": f"{year:04d}-{month:02d}"}
    elif mention.unit == "quarter" and fy_end is not None and fy_end[0] not in (1, 2):
        # The fiscal quarter containing ``today``, then step.
        end_month = fy_end[0]
        fiscal_year = today.year if today.month <= end_month else today.year + 1
        index = (today.month - end_month - 1) % 12 // 3
        index += {"last": -1, "this": 0, "next": 1}[which]
        fiscal_year += index // 4
        index %= 4
        first, last = _fiscal_span(fiscal_year, end_month, 3 * index, 3)
        update = {"year": fiscal_year, "quarter": index + 1, "first": first, "last": last,
                  "resolved": f"{first.isoformat()}/{last.isoformat()}"}
    if not update:
        return mention
    return mention.model_copy(update=update)


# --- the document date --------------------------------------------------------------

_FRONT_MATTER = _Lazy(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)^(?:---|\+\+\+|\.\.\.)[ \t]*$", re.S | re.M)
_HEAD = 6000  # datelines and "Published" lines are near the top
_CENTURY = _Lazy(r"(?:1[89]|20)\d\d")


def document_date(doc: Document, settings: Settings | None) -> DocumentDate | None:
    """The date the document speaks from, and why (see the module docstring for the order)."""
    found = _text_date(doc)
    configured = _configured_date(doc, settings)
    if found is None:
        return configured
    if configured is not None:
        note = configured.reason.removeprefix("configuration ")
        found = found.model_copy(update={"reason": f"{found.reason}; not the configuration ({note}), which comes after it"})
    return found


def _text_date(doc: Document) -> DocumentDate | None:
    grammar = _grammar()
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
    for source, pattern, label in (("dateline", grammar["dateline"], "dateline"), ("published", grammar["published"], "publication line")):
        match = pattern.search(head)
        if match:
            date = parse_date(match.group("date"))
            if date is not None:
                line = doc.position(match.start("date")).line
                shown = doc.text[match.start(): match.end()].strip()
                return DocumentDate(date=date, source=source, start=match.start("date"), end=match.end("date"),
                                    reason=f"{label} {shown!r} (line {line})")
    return None


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


# --- the extractor ------------------------------------------------------------------


def extract(doc: Document, sheet: FactSheet, settings: Settings) -> None:
    """Fill ``sheet.dates`` and ``sheet.document_date``."""
    mentions = scan(doc.prose)
    anchor = document_date(doc, settings)
    fy_end = fiscal_year_end(mentions, settings)
    if fy_end is not None:
        sheet.extra["dates.fiscal_year_end"] = {"month": fy_end[0], "day": fy_end[1], "source": fy_end[2]}
    resolved: list[DateMention] = []
    for mention in mentions:
        if mention.kind == "relative" and anchor is not None:
            mention = resolve_relative(mention, anchor.date, fy_end)
        elif mention.qualifier == "since" and anchor is not None and mention.first is not None:
            mention = mention.model_copy(update={"last": anchor.date})
        else:
            mention = _apply_fiscal(mention, fy_end)
        resolved.append(mention)
    sheet.dates = resolved
    sheet.document_date = anchor

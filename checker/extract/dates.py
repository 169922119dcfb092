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
from functools import cache
from itertools import chain as _chain
from typing import TYPE_CHECKING, Any

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


@cache
def _branches() -> tuple[tuple[str, str], ...]:
    """(name, pattern) of every branch; each starts at its core word (optional lead-ins are found by ``_extend``)."""
    M = _month_alternation()

    def month(p: str) -> str:
        return rf"(?P<{p}_m>{M})(?![A-Za-z])"

    def day(p: str) -> str:
        return rf"(?P<{p}_d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"

    def year(p: str) -> str:
        return rf"(?P<{p}_y>{_YEAR})"

    def mdy(p: str) -> str:
        return rf"{month(p)}\s*{day(p)},?\s+{year(p)}"

    def short_year(p: str) -> str:
        # "Q4 2025", "Q4 of fiscal 2025", "Q4 FY25", "Q4'25", "Q4-25", "4Q25"; never "Q4 25" (a count after a label)
        return (
            rf"(?:(?:\s+of\s+|\s*[-/]\s*|\s+)?(?P<{p}_fy>(?i:fiscal(?:\s+year)?\s+)|FY\s*)?(?P<{p}_y>{_YEAR})"
            rf"|\s*(?P<{p}_fy2>FY\s*)(?P<{p}_y2>\d\d)|(?:['\u2019]|[-/])?(?P<{p}_y3>\d\d))(?![\w-])"
        )

    ords = r"first|second|third|fourth|1st|2nd|3rd|4th"
    fiscal = r"(?:fiscal(?:\s+year)?|FY)\s*"
    return (
        # full dates
        ("mdy", rf"{month('a')}\s*{day('a')},?\s+{year('a')}"),
        ("dmy", rf"{day('b')}\s+(?:of\s+)?{month('b')},?\s+{year('b')}"),
        ("iso", r"(?<![\d./-])(?P<c_y>(?:1[89]|20)\d\d)-(?P<c_m>\d\d)-(?P<c_d>\d\d)(?![\d-])"),
        ("slash", r"(?<![\d./-])(?P<s_a>\d{1,2})/(?P<s_b>\d{1,2})/(?P<s_y>(?:1[89]|20)\d\d)(?![\d/])"),
        # fiscal year end stated: "fiscal year ended June 30, 2025", "years ended December 31, 2019"
        ("fyend", rf"(?i:(?P<f_fiscal>fiscal\s+)?years?\s+(?:then\s+)?(?:ended|ending))\s+(?:on\s+)?{month('f')}\s+{day('f')}(?:,?\s+{year('f')})?"),
        ("fyends", rf"(?i:(?P<g_fiscal>fiscal)\s+year(?:\s+|-)(?:ends|end|closes)(?:\s+(?:is|on|of|at))*)\s+{month('g')}\s+{day('g')}(?!,?\s+\d)"),
        # quarters
        ("qend", rf"(?i:(?:(?P<h_o>{ords})\s+)?(?:fiscal\s+)?(?:quarter|three\s+months)\s+(?:ended|ending))\s+(?:on\s+)?{mdy('h')}"),
        ("qord", rf"(?i:(?P<i_o>{ords})[\s-]+quarter(?:\s+of)?\s+(?:the\s+)?(?P<i_fy>{fiscal})?)(?P<i_y>{_YEAR}|(?<=FY)\s*{_YY})"),
        ("qyo", rf"(?i:(?P<j_fy>fiscal\s+(?:year\s+)?|FY\s*)?)(?P<j_y>{_YEAR})\s+(?i:(?P<j_o>first|second|third|fourth)[\s-]+quarter)"),
        ("qshort", rf"Q(?P<k_q>[1-4]){short_year('k')}"),
        ("qnum", rf"(?P<l_q>[1-4])Q{short_year('l')}"),
        # halves
        ("hord", rf"(?i:(?P<m_o>first|second|1st|2nd)\s+half(?:\s+of)?\s+(?:the\s+)?(?P<m_fy>{fiscal})?)(?P<m_y>{_YEAR}|(?<=FY)\s*{_YY})"),
        ("hshort", rf"H(?P<n_h>[12]){short_year('n')}"),
        ("hnum", rf"(?P<o_h>[12])H{short_year('o')}"),
        # "the first nine months of 2025"
        ("firstof", rf"(?i:first\s+(?P<p_n>{_NUMW})\s+months\s+of\s+(?:the\s+)?(?P<p_fy>{fiscal})?)(?P<p_y>{_YEAR})"),
        # fiscal years
        ("fy", rf"(?P<q_fy>FY|F\.Y\.)\s*(?P<q_y>{_YEAR}|{_YY})(?:/(?:\d\d)?\d\d)?(?![\w-])"),
        ("fiscal", rf"(?i:fiscal\s+(?:year\s+)?)(?P<r_y>{_YEAR})(?:/(?:\d\d)?\d\d)?(?![\w-])"),
        # months
        ("monthyear", rf"{month('t')},?\s+(?:of\s+)?{year('t')}"),
        # relative expressions
        ("monthrel", rf"{month('u')}\s+(?:of\s+)?(?P<u_w>(?i:last|this|next))\s+(?i:year)(?![\w-])"),
        ("rel", rf"(?P<v_w>(?i:last|this|next))\s+(?:(?P<v_u>(?i:year|month|quarter|week))(?![\w-])|(?P<v_m>{M})(?![A-Za-z]))"),
        ("ago", rf"(?P<w_n>(?i:{_NUMW}))\s+(?P<w_u>(?i:years?|months?|weeks?|days?|decades?))\s+(?i:ago)\b"),
        ("ago1", r"(?P<x_u>(?i:year|month|week|day|decade))\s+(?i:ago)\b"),
        ("day", r"(?P<y_w>today|yesterday|tomorrow|Today|Yesterday|Tomorrow)(?![\w-])"),
        # durations and counts of periods
        ("since", rf"(?i:since)\s+(?:(?P<z_mod>(?i:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of))[\s-]+)?(?:{mdy('z')}|{month('zz')},?\s+(?P<zz_y>{_YEAR})|(?P<zzz_y>{_YEAR})(?![^\W\d_]|%|[.,]\d))"),
        ("firstn", rf"(?i:first\s+(?P<aa_full>full\s+)?)(?P<aa_n>(?i:{_NUMW}))\s+(?P<aa_u>(?i:days|weeks|months|quarters|years))(?![\w-])"),
        ("consec", rf"(?P<ab_o>(?i:{_ORD}))\s+(?i:(?:consecutive|straight|successive)\s+)(?P<ab_u>(?i:year|quarter|month|week|season|time))(?![\w-])"),
        ("inrow", rf"(?P<ac_o>(?i:{_ORD}))\s+(?P<ac_u>(?i:year|quarter|month|season|time))\s+(?i:in\s+a\s+row)"),
        ("nconsec", rf"(?P<ad_n>(?i:{_NUMW}))\s+(?i:consecutive|straight|successive)\s+(?P<ad_u>(?i:years|quarters|months|weeks|seasons))(?![\w-])"),
        ("past", rf"(?P<ae_w>(?i:past|last|next|coming|previous|prior|preceding|following))\s+(?P<ae_n>(?i:{_NUMW}))\s+(?P<ae_u>(?i:years|months|weeks|days|quarters|decades))(?![\w-])"),
        ("count", rf"(?P<af_n>(?i:{_NUMW}))(?:\+)?(?:\s+|-)(?P<af_u>(?i:years|months|decades|weeks|year|month|decade|week))(?![\w-])"),
        # dates without a year
        ("md", rf"{month('ah')}\s+{day('ah')}(?!\s*[,.]?\s*\d)(?!-\w)"),
        # years
        ("year", rf"(?<![\w$\u20ac\u00a3\u00a5#.,/])(?P<ai_y>{_YEAR})(?![^\W\d_]|%|[.,]\d)"),
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


def _year_and_fiscal(g: Any, p: str, short: bool) -> tuple[int, bool]:
    """The year and whether it is a fiscal one, from a quarter's or half's groups."""
    if not short:
        return two_digit_year(g(f"{p}_y").strip()), bool(g(f"{p}_fy"))
    for suffix in ("_y", "_y2", "_y3"):
        if g(p + suffix):
            return two_digit_year(g(p + suffix)), bool(g(f"{p}_fy") or g(f"{p}_fy2"))
    raise AssertionError("a short quarter always has a year")


def _mention(match: re.Match[str], prose: str, preposition: bool = False) -> DateMention | None:
    """A DateMention for one scanner match (``first``/``last`` before fiscal and relative resolution).

    With ``preposition``, the word just before the mention ("in", "since", ...) is recorded too.
    """
    kind_name = match.lastgroup or ""
    g = match.group
    start, lead = _lead_in(kind_name, prose, match.start())
    end = match.end()

    def make(kind: str, **extra: Any) -> DateMention:
        values = _DEFAULTS.copy()  # every field, in the model's order
        values["text"] = prose[start:end]
        values["start"] = start
        values["end"] = end
        values["kind"] = kind
        values.update(extra)
        if preposition:
            found = _search_before(_PREPOSITION, prose, start, 16)
            if found is not None:
                word = found.group(1)
                folded = _PREPOSITION_WORDS.get(word)
                if folded is None:
                    folded = _PREPOSITION_WORDS[word] = re.sub(r"\s+", " ", word.lower())
                values["preposition"] = folded
        return _new_mention(values)

    if kind_name in ("mdy", "dmy", "md"):
        p = {"mdy": "a", "dmy": "b", "md": "ah"}[kind_name]
        month = month_number(g(f"{p}_m"))
        day = int(g(f"{p}_d"))
        year = int(g(f"{p}_y")) if kind_name != "md" else None
        weekday = weekday_number(lead["wd"]) if "wd" in lead else None
        valid = _valid(year, month, day)
        if kind_name == "md" and weekday is None and (day > 31 or day == 0 or _COUNTED.match(prose, end)):
            return None  # "May 45", "June 31 stores": a count after a month name, not a date
        first = dt.date(year, month, day) if valid and year is not None else None
        return make("date", year=year, month=month, day=day, weekday=weekday, valid=valid,
                    first=first, last=first, resolved=first.isoformat() if first else None)
    if kind_name == "iso":
        year, month, day = int(g("c_y")), int(g("c_m")), int(g("c_d"))
        if month == 0 and day == 0:
            return None
        valid = _valid(year, month, day)
        first = dt.date(year, month, day) if valid else None
        return make("date", year=year, month=month, day=day, valid=valid, first=first, last=first,
                    resolved=first.isoformat() if first else None)
    if kind_name == "slash":
        a, b, year = int(g("s_a")), int(g("s_b")), int(g("s_y"))
        us, eu = _valid(year, a, b), _valid(year, b, a)
        if us and eu and a != b:
            return make("date", year=year)  # day and month order unknown
        if not (us or eu):
            return make("date", year=year, valid=False)
        month, day = (a, b) if us else (b, a)
        first = dt.date(year, month, day)
        return make("date", year=year, month=month, day=day, first=first, last=first, resolved=first.isoformat())
    if kind_name in ("fyend", "fyends"):
        p = "f" if kind_name == "fyend" else "g"
        month, day = month_number(g(f"{p}_m")), int(g(f"{p}_d"))
        year = int(g("f_y")) if kind_name == "fyend" and g("f_y") else None
        fiscal = bool(g(f"{p}_fiscal"))
        if not _valid(year, month, day):
            return make("fiscal-year", year=year, month=month, day=day, valid=False, fiscal=fiscal)
        first = last = None
        if year is not None:
            last = dt.date(year, month, day)
            first = _months_span(year - 1, month + 1, 1)[0] if day == calendar.monthrange(year, month)[1] else (
                dt.date(year - 1, month, min(day, calendar.monthrange(year - 1, month)[1])) + dt.timedelta(days=1))
        return make("fiscal-year", year=year, month=month, day=day, fiscal=fiscal, first=first, last=last,
                    qualifier="fiscal-year-end", resolved=f"FY{year}" if year else None)
    if kind_name == "qend":
        month, day, year = month_number(g("h_m")), int(g("h_d")), int(g("h_y"))
        word = (g("h_o") or "").lower()
        quarter = ordinal_value(word) or _SHORT_ORDINALS.get(word) if word else None
        if not _valid(year, month, day):
            return make("quarter", year=year, month=month, day=day, quarter=quarter, valid=False)
        last = dt.date(year, month, day)
        first = _months_span(year, month - 2, 1)[0]
        return make("quarter", year=year, month=month, day=day, quarter=quarter, first=first, last=last,
                    qualifier="quarter-end", resolved=f"{first.isoformat()}/{last.isoformat()}")
    if kind_name in ("qord", "qyo", "qshort", "qnum"):
        p = {"qord": "i", "qyo": "j", "qshort": "k", "qnum": "l"}[kind_name]
        if kind_name in ("qord", "qyo"):
            word = g(f"{p}_o").lower()
            quarter = ordinal_value(word) or _SHORT_ORDINALS[word]
        else:
            quarter = int(g(f"{p}_q"))
        year, fiscal = _year_and_fiscal(g, p, kind_name in ("qshort", "qnum"))
        return make("quarter", year=year, quarter=quarter, fiscal=fiscal,
                    resolved=f"{'FY' if fiscal else ''}{year}-Q{quarter}")
    if kind_name in ("hord", "hshort", "hnum"):
        p = {"hord": "m", "hshort": "n", "hnum": "o"}[kind_name]
        half = (1 if g("m_o").lower() in ("first", "1st") else 2) if kind_name == "hord" else int(g(f"{p}_h"))
        year, fiscal = _year_and_fiscal(g, p, kind_name != "hord")
        return make("half", year=year, quarter=half, fiscal=fiscal, resolved=f"{'FY' if fiscal else ''}{year}-H{half}")
    if kind_name == "firstof":
        count = number_value(g("p_n"))
        year = int(g("p_y"))
        fiscal = bool(g("p_fy"))
        if count is None or count != int(count) or not 1 <= count <= 12:
            return None
        count = int(count)
        label = "FY" if fiscal else ""
        if count == 6:
            return make("half", year=year, quarter=1, fiscal=fiscal, resolved=f"{label}{year}-H1")
        if count == 3:
            return make("quarter", year=year, quarter=1, fiscal=fiscal, resolved=f"{label}{year}-Q1")
        return make("duration", year=year, count=float(count), unit="month", qualifier="first-of-year", fiscal=fiscal)
    if kind_name in ("fy", "fiscal"):
        year = two_digit_year(g("q_y" if kind_name == "fy" else "r_y").strip())
        return make("fiscal-year", year=year, fiscal=True, resolved=f"FY{year}")
    if kind_name == "monthyear":
        month, year = month_number(g("t_m")), int(g("t_y"))
        first, last = _month_span(year, month)
        return make("month", year=year, month=month, first=first, last=last, qualifier=_modifier(lead.get("mod")),
                    resolved=f"{year:04d}-{month:02d}")
    if kind_name == "monthrel":
        return make("relative", month=month_number(g("u_m")), unit="month-name", qualifier=f"month-{g('u_w').lower()}-year")
    if kind_name == "rel":
        which = g("v_w").lower()
        modifier = _modifier(lead.get("mod"))
        qualifier = which + (f":{modifier}" if modifier else "")
        if g("v_u"):
            return make("relative", unit=g("v_u").lower(), qualifier=qualifier)
        return make("relative", month=month_number(g("v_m")), unit="month-name", qualifier=qualifier)
    if kind_name in ("ago", "ago1"):
        count = number_value(g("w_n") if kind_name == "ago" else lead.get("n", ""))
        if count is None:
            return None
        unit = _UNIT_NAMES[(g("w_u") if kind_name == "ago" else g("x_u")).lower()]
        return make("relative", count=count, unit=unit, qualifier="ago")
    if kind_name == "day":
        return make("relative", unit=g("y_w").lower(), qualifier="day")
    if kind_name == "since":
        if g("z_m"):
            month, day, year = month_number(g("z_m")), int(g("z_d")), int(g("z_y"))
            if not _valid(year, month, day):
                return make("duration", year=year, month=month, day=day, valid=False, qualifier="since")
            return make("duration", year=year, month=month, day=day, first=dt.date(year, month, day), qualifier="since")
        if g("zz_m"):
            month, year = month_number(g("zz_m")), int(g("zz_y"))
            return make("duration", year=year, month=month, first=dt.date(year, month, 1), qualifier="since")
        year = int(g("zzz_y"))
        return make("duration", year=year, first=_year_span(year, _modifier(g("z_mod")))[0], qualifier="since")
    if kind_name in ("firstn", "nconsec", "past", "count"):
        p = {"firstn": "aa", "nconsec": "ad", "past": "ae", "count": "af"}[kind_name]
        count = number_value(g(f"{p}_n"))
        if count is None:
            return None
        unit = g(f"{p}_u").lower()
        unit = "season" if unit.startswith("season") else _UNIT_NAMES[unit]
        if kind_name == "firstn":
            qualifier = "first"
        elif kind_name == "nconsec":
            qualifier = "consecutive"
        elif kind_name == "past":
            qualifier = "next" if g("ae_w").lower() in ("next", "coming", "following") else "past"
        else:
            if re.match(r"[\s-]*(?:old\b|of\s+age\b)", prose[end : end + 12]):
                return None  # an age, not a period
            hedge = lead.get("hedge")
            qualifier = re.sub(r"\s+", " ", hedge.lower()) if hedge else None
        return make("duration", count=count, unit=unit, qualifier=qualifier)
    if kind_name in ("consec", "inrow"):
        p = "ab" if kind_name == "consec" else "ac"
        count = ordinal_value(g(f"{p}_o"))
        if count is None:
            return None
        return make("duration", count=float(count), unit=g(f"{p}_u").lower(), qualifier="consecutive")
    if kind_name == "year":
        begin = match.start()
        modifier = _modifier(lead.get("mod"))
        if begin > 1 and prose[begin - 1] == "-" and prose[begin - 2].isalpha() and not lead:
            return None  # "APG-2025": part of an identifier
        if not lead and (_search_before(_NOT_YEAR_BEFORE, prose, begin, 24) or _COUNT_AFTER.match(prose, end)):
            return None
        year = int(g("ai_y"))
        if modifier and (modifier.startswith(("calendar", "full"))):
            modifier = None
        first, last = _year_span(year, modifier)
        return make("year", year=year, first=first, last=last, qualifier=modifier, resolved=str(year))
    return None


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

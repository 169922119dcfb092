"""The date grammar: one regular-expression scanner over every kind of date mention.

Each :class:`Branch` of the scanner recognises one way of writing a date
("May 14, 2026", "Q4 FY25", "two years ago"); its groups are named
``<branch>_<field>``. Optional words before a match ("Thursday, ", "more
than ", "the end of ") are lead-ins, found by looking back from the match.
:func:`matches` finds the scanner's matches in a text; the builders in
:mod:`checker.extract.date_mentions` turn them into mentions.

Speed: a gate skips positions where no branch can start, each branch is tried
only where its first character can be, and at a digit the branches take their
digit-only forms (see ``_scanner_for``). The matches are those of the plain
scanner.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import chain as _chain
from operator import methodcaller
from typing import Any, NamedTuple

from checker.extract.date_words import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    NUMBER_WORDS,
    ORDINALS,
    TENS,
    month_alternation,
    weekday_alternation,
)
from checker.patterns import BoundedMemo, compile_cached, process_memo, trie_regex, word_characters
from checker.patterns import LazyPattern as _Lazy

_GRAMMAR: dict[str, Any] = {}

YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d])"
_YY = r"(?:['\u2019]?\d\d)(?!\d)"
# The digit forms of a count and an ordinal (also their only readings at a digit: see _DIGIT_FORMS).
_NUMW_DIGITS = r"\d+(?:\.\d+)?"
_ORD_DIGITS = r"\d{1,2}(?:st|nd|rd|th)"
# The words as tries: the grammar reads them ignoring case, where the re module tries every alternative of a
# plain alternation in turn (a trie fails on the first character). Each is followed by a blank, "+" or hyphen in
# every branch, and no word is another's prefix followed by one of those, so at most one alternative can match
# there: the order of the alternatives (which a trie changes) does not change any match.
_NUMW = (
    rf"(?:{_NUMW_DIGITS}|"
    + trie_regex(list(TENS)) + r"(?:[\s-]" + trie_regex("one two three four five six seven eight nine".split()) + ")?|"
    + trie_regex(
        "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen ten one two three four five six seven eight nine"
        " dozen hundred".split()
    )
    + r"|a\s+dozen)"
)
_ORD = r"(?:" + trie_regex(ORDINALS) + rf"|{_ORD_DIGITS})"
_HEDGE = (
    r"(?:more\s+than|well\s+over|just\s+over|just\s+under|over|nearly|almost|about|approximately|around|roughly|some"
    r"|at\s+least|less\s+than|fewer\s+than|under|close\s+to|upwards\s+of|up\s+to)"
)


class Branch(NamedTuple):
    """One alternative of the scanner: its name (also the name of its group) and its pattern."""

    name: str
    pattern: str


@cache
def branches() -> tuple[Branch, ...]:
    """Every branch of the scanner; each starts at its core word (optional lead-ins are found by looking back).

    The groups inside a branch are named ``<branch>_<field>`` ("mdy_month"): names are unique across
    the scanner, and the builder of each branch (``date_mentions._BUILDERS``) reads its own.
    """
    M = month_alternation()

    def month(p: str) -> str:
        return rf"(?P<{p}_month>{M})(?![A-Za-z])"

    def day(p: str) -> str:
        return rf"(?<!\d[.,])(?P<{p}_day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"  # (not the decimals of "1,163.0")

    def year(p: str) -> str:
        return rf"(?P<{p}_year>{YEAR})"

    def mdy(p: str) -> str:
        return rf"{month(p)}\s*{day(p)},?\s+{year(p)}"

    def short_year(p: str) -> str:
        # "Q4 2025", "Q4 of fiscal 2025", "Q4 FY25", "Q4'25", "Q4-25", "4Q25"; never "Q4 25" (a count after a label)
        return (
            rf"(?:(?:\s+of\s+|\s*[-/]\s*|\s+)?(?P<{p}_fiscal>(?i:fiscal(?:\s+year)?\s+)|FY\s*)?(?P<{p}_year>{YEAR})"
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
            rf"(?P<qord_year>{YEAR}|(?<=FY)\s*{_YY})",
        ),
        Branch(
            "qyo",
            rf"(?i:(?P<qyo_fiscal>fiscal\s+(?:year\s+)?|FY\s*)?)(?P<qyo_year>{YEAR})\s+(?i:(?P<qyo_ordinal>first|second|third|fourth)[\s-]+quarter)",
        ),
        Branch("qshort", rf"Q(?P<qshort_quarter>[1-4]){short_year('qshort')}"),
        Branch("qnum", rf"(?P<qnum_quarter>[1-4])Q{short_year('qnum')}"),
        # halves
        Branch(
            "hord",
            rf"(?i:(?P<hord_ordinal>first|second|1st|2nd)\s+half(?:\s+of)?\s+(?:the\s+)?(?P<hord_fiscal>{fiscal})?)"
            rf"(?P<hord_year>{YEAR}|(?<=FY)\s*{_YY})",
        ),
        Branch("hshort", rf"H(?P<hshort_half>[12]){short_year('hshort')}"),
        Branch("hnum", rf"(?P<hnum_half>[12])H{short_year('hnum')}"),
        # "the first nine months of 2025"
        Branch("firstof", rf"(?i:first\s+(?P<firstof_number>{_NUMW})\s+months\s+of\s+(?:the\s+)?(?P<firstof_fiscal>{fiscal})?)(?P<firstof_year>{YEAR})"),
        # fiscal years
        Branch("fy", rf"(?P<fy_label>FY|F\.Y\.)\s*(?P<fy_year>{YEAR}|{_YY})(?:/(?:\d\d)?\d\d)?(?![\w-])"),
        Branch("fiscal", rf"(?i:fiscal\s+(?:year\s+)?)(?P<fiscal_year>{YEAR})(?:/(?:\d\d)?\d\d)?(?![\w-])"),
        # months
        Branch("monthyear", rf"{month('monthyear')},?\s+(?:of\s+)?{year('monthyear')}"),
        # relative expressions
        Branch("monthrel", rf"{month('monthrel')}\s+(?:of\s+)?(?P<monthrel_which>(?i:last|this|next))\s+(?i:year)(?![\w-])"),
        Branch(
            "rel",
            rf"(?P<rel_which>(?i:last|this|next))\s+(?:(?P<rel_unit>(?i:fiscal\s+year|year|month|quarter|week))(?![\w-])"
            rf"|(?P<rel_month>{M})(?![A-Za-z]))",
        ),
        Branch("ago", rf"(?P<ago_number>(?i:{_NUMW}))\s+(?P<ago_unit>(?i:years?|months?|weeks?|days?|decades?))\s+(?i:ago)\b"),
        Branch("ago1", r"(?P<ago1_unit>(?i:year|month|week|day|decade))\s+(?i:ago)\b"),
        Branch("day", r"(?P<day_word>today|yesterday|tomorrow|Today|Yesterday|Tomorrow)(?![\w-])"),
        # durations and counts of periods
        Branch(
            "since",
            rf"(?i:since)\s+(?:(?P<since_modifier>{since_modifier})[\s-]+)?"
            rf"(?:{mdy('since_date')}|{month('since_monthyear')},?\s+(?P<since_monthyear_year>{YEAR})|(?P<since_year>{YEAR}){not_after_year})",
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
        Branch("dm", rf"{day('dm')}\s+(?:of\s+)?{month('dm')}(?!\s*[,.]?\s*\d(?!\d?[:.]\d\d\b))(?!-\w)"),
        # years
        Branch("year", rf"(?<![\w$\u20ac\u00a3\u00a5#.,/])(?P<year_value>{YEAR}){not_after_year}"),
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
    "relative-modifier": (
        r"(?P<mod>(?i:(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:half|quarter)\s+of|earlier|later|early|late|at\s+the\s+end\s+of|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of"
        r"|the\s+start\s+of|start\s+of|mid|in\s+the\s+middle\s+of|the\s+middle\s+of))(?:[\s-]+in)?(?:\s+|-)\Z"
    ),
    "determiner": r"(?i:its|their|the|our|his|her|my|your)\s+\Z",
    "for-the": r"(?i:(?:for\s+)?(?:the|a))\s+\Z",
    "over-the": r"(?i:(?:(?:over|in|during|for|within)\s+)?the)\s+\Z",
    "hedge": rf"(?P<hedge>(?i:{_HEDGE}))\s+\Z",
    "a": r"(?P<n>(?i:an?|one))\s+\Z",
}
# Which lead-ins each branch may have, tried in order (the first that matches is used).
BRANCH_LEAD_INS = {
    "mdy": ("weekday", "the"), "dmy": ("weekday", "the"), "md": ("weekday", "the"), "dm": ("weekday", "the"),
    "qend": ("the",), "qord": ("the",), "hord": ("the",), "firstof": ("the",),
    "monthyear": ("month-modifier",), "year": ("year-modifier",),
    "rel": ("relative-modifier",), "firstn": ("determiner",), "consec": ("for-the",), "inrow": ("for-the",),
    "past": ("over-the",), "count": ("hedge",), "ago1": ("a",),
}


# Every word a branch can start with, in lower, Title and UPPER case.
_GATE_WORDS = sorted({
    variant
    for word in (
        [n.lower() for n in MONTH_NAMES] + list(MONTH_ABBREVIATIONS) + NUMBER_WORDS + list(TENS) + ORDINALS
        + """q h fy f.y. fiscal year years quarter last this next past coming previous prior preceding following
        today yesterday tomorrow since dozen hundred month week day decade""".split()
    )
    for variant in (word, word.title(), word.upper())
})


# The words a match can start with: the gate's words but the lower-case month names and abbreviations (the
# grammar reads months capitalised or in capitals, and no branch starts with a lower-case one: "decade" is a
# word of its own) and the lower-case "q", "h" and "f.y." ("Q4", "H1", "F.Y." are read as written). Where the
# gate holds through one of those only ("market", "have"), no branch matches, so no candidate is needed there.
_START_WORDS = sorted(
    set(_GATE_WORDS) - {name.lower() for name in MONTH_NAMES} - set(MONTH_ABBREVIATIONS) - {"q", "h", "f.y."}
)


@cache
def _gate_words() -> str:
    """The words some branch starts with, as one factored alternation (built once: it is large)."""
    return trie_regex(_GATE_WORDS)


# Words before a number that make it an identifier, not a year.
NOT_YEAR_BEFORE = _Lazy(
    r"(?:\b(?:no|nos|number|rule|rules|section|article|item|form|regulation|order|chapter|page|pages|pp|p"
    r"|model|version|v|room|suite|route|highway|iso|pep|rfc|code|box|unit|flight|windows|office|server|studio|ticket"
    r"|issue|issues|pr|bug|line|lines|port|step|level|grade|class|type|series)\.?\s*|(?:(?<![A-Za-z])x|[#:\u00d7*+=<>])\s*|\d\s+)$",
    re.I,
)
# Nouns after a number that make it a count, not a year.
COUNT_AFTER = _Lazy(
    r"\s*(?:employees|people|patients|persons|participants|subjects|members|customers|users|clients|students"
    r"|shares|units|stores|sites|cases|beds|vehicles|tons|tonnes|words|lines|bytes|items|records|rows|times"
    r"|points|pixels|km|kilometers|kilometres|miles|meters|metres|feet|kg|mg|ml|hours|minutes|seconds|days|weeks"
    r"|months|years|cells|mice|rats|samples|doses|homes|jobs|acres|square|sq|ft|m|mm|cm|to\s+\d|-\s*\d{1,3}\b(?!\d))\b",
    re.I,
)
# A plural noun after "June 31": the number counts something.
COUNTED = _Lazy(
    r"\s+(?!(?:was|has|is|this|its|as|always|sometimes|thus|plus|across|unless|perhaps|towards|afterwards|besides|"
    r"whereas|yes|less|us)\b)[a-z]{3,}s\b"
)
PREPOSITION = _Lazy(
    r"\b(in|on|during|since|until|till|through|thru|by|before|after|from|to|as\s+of|at|of|for|between|and|or|"
    r"ended|ending|beginning|starting|effective|due|into|throughout|within|around|circa)\s+(?:the\s+|early\s+|mid-?|late\s+)?$",
    re.I,
)


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
    "md": _MONTH_FIRST, "dm": r"\d", "year": "[12]",
}


def _grammar() -> dict[str, Any]:
    if not _GRAMMAR:
        every = branches()
        # Gate: only try the branches where a word starts with a digit or a word some branch starts with.
        gate = r"(?<!\w)(?=\d|" + _gate_words() + ")"
        # Each branch is tried only where its first character can be (see _FIRST).
        _GRAMMAR["scanner"] = compile_cached(
            gate + "(?:" + "|".join(f"(?={_FIRST[name]})(?P<{name}>{pattern})" for name, pattern in every) + ")"
        )
        weekdays = weekday_alternation()
        _GRAMMAR["lead_ins"] = {
            name: compile_cached(r"(?<!\w)" + pattern.replace("{W}", weekdays)) for name, pattern in _LEAD_INS.items()
        }
    return _GRAMMAR


def scanner() -> re.Pattern[str]:
    """The whole scanner: one named group per branch (``match.lastgroup`` names the branch)."""
    pattern: re.Pattern[str] = _grammar()["scanner"]
    return pattern


def matches(prose: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The scanner's matches in ``prose[start:end]``, left to right, never overlapping."""
    # The same matches as ``scanner().finditer(prose, start, end)``, found faster: the
    # scanner is tried only at ``start`` and after each character that can precede a position
    # where it can match (``_candidate_ends``: a superset of those positions), and only with the
    # branches whose first character can be the one there (see ``_scanner_for``).
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
        yield match


_MISSING = object()
# first character -> the scanner restricted to the branches that can start with it (None: no branch can)
_SCANNERS: dict[str, Any] = {}
_SUBSCANNERS: dict[tuple[tuple[str, ...], bool], Any] = {}
_CANDIDATES: list[Any] = []


def _candidate_ends(prose: str, start: int, end: int) -> Iterator[int]:
    """Positions after each character other than an ASCII letter, digit or underscore that is
    followed by a digit or a word a match can start with (``_START_WORDS``): every position after
    ``start`` where the scanner can match, and a few more."""
    if not _CANDIDATES:
        # The character class only repeats the alternation's first characters: a one-step test that
        # spares trying the alternation after most blanks (-20% time for this search).
        first = re.escape("".join(sorted({word[0] for word in _START_WORDS})))
        _CANDIDATES.append(compile_cached(r"[^0-9A-Za-z_](?=[\d" + first + r"])(?=\d|" + trie_regex(_START_WORDS) + ")"))
        _CANDIDATES.append(_folded_candidates())
    if prose.isascii() or _PLAIN_ONLY.search(_ASCII_RUNS.sub("", prose)) is None:
        folded = word_characters(prose)
        return map(_first_start, _CANDIDATES[1].finditer(folded, start, end))
    return map(_match_end, _CANDIDATES[0].finditer(prose, start, end))


# The same search at about half the cost, on a folded copy of the text: every character but an ASCII letter, digit
# or underscore made a space (outside ASCII first made "?" by the encoding: the offsets stay the text's). re skips
# to a leading literal in a tight loop, where it tests a leading class with a call per character; after the space,
# a word's first character (a class most words fail) is looked back at for the words it starts (lower case first),
# and a digit for how a match at a digit goes on (``_DIGIT_GATE``, narrowed). Where the text holds no decimal digit
# and no long s ("\u017f", "s" ignoring case) outside ASCII, a character is an ASCII letter, digit or underscore in
# the copy exactly when it is one in the text, and the words ("." made spaces) match the copy wherever they match
# the text: the candidates are a superset.
_PLAIN_ONLY = re.compile("[\\d\u017f]")
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
# How each branch goes on from a digit (see ``_DIGIT_GATE``), folded ("." "/" "+" "-" and blanks are spaces), looking
# back at the digit: a number, blanks and a month ("5 May", "5 of May"), a unit ("3 years", "10+ years", "2.5 months
# ago") or "consecutive" and the like; "5/6/2024"; an ordinal ("3rd"); "1Q"; "2H"; a year.
_FOLDED_DIGIT_GATE = (
    r"[0-9](?:[0-9]*(?: [0-9]+)? +(?:of +)?[ADFJMNOS]|[0-9]*(?: [0-9]+)? +[ymdwcsYMDWCS]|[0-9]? [0-9][0-9]? (?:1[89]|20)"
    r"|[0-9]?(?i:st|nd|rd|th)|(?<=[1-4])Q|(?<=[12])H|(?<=1)[89][0-9][0-9](?![0-9])|(?<=2)0[0-9][0-9](?![0-9]))"
)


def _folded_candidates() -> Any:
    words = sorted({word_characters(word) for word in _START_WORDS})
    firsts = sorted({word[0] for word in words}, key=lambda char: (not char.islower(), char))  # lower case first
    alternatives = "|".join(trie_regex([word for word in words if word[0] == char]) for char in firsts)
    first = re.escape("".join(sorted(set(firsts) | set("0123456789"))))
    pattern = rf" ([{first}])(?<=(?=(?:{alternatives}|{_FOLDED_DIGIT_GATE})).)"
    return compile_cached(pattern)


_match_end = re.Match.end
_first_start = methodcaller("start", 1)


def _scanner_for(char: str) -> Any:
    """The scanner with only the branches whose first character (``_FIRST``) can be ``char``:
    at a position starting with ``char`` it matches exactly what the whole scanner matches."""
    every = branches()
    names = tuple(name for name, _ in every if re.match(_FIRST[name], char))
    digit = re.match(r"\d", char) is not None
    if not names:
        scanner = None
    elif len(names) == len(every):
        scanner = _grammar()["scanner"]
    else:
        scanner = _SUBSCANNERS.get((names, digit))
        if scanner is None:
            if digit:
                # At a digit the gate's ``\d`` holds, and the branches take their digit forms, which all
                # start as ``_DIGIT_GATE`` says.
                gate, patterns = r"(?<!\w)" + _DIGIT_GATE, _digit_branches()
            else:
                gate, patterns = r"(?<!\w)(?=\d|" + _gate_words() + ")", dict(every)
            # (No first-character look-ahead, ``_FIRST``: here each holds.)
            alternatives = (f"(?P<{name}>{patterns[name]})" for name, _ in every if name in names)
            scanner = _SUBSCANNERS[names, digit] = compile_cached(gate + "(?:" + "|".join(alternatives) + ")")
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


# How every branch's digit form goes on from its first digit: a number and a blank, "+" or hyphen ("5 years",
# "10+ years", "2024-05-14"), an ordinal ("3rd quarter"), a day and a slash ("5/6/2024"), "1Q" or "2H", or a
# year. A look-ahead that most figures fail at once ("25%", "3.5x", "1,200", "v2"), where the branches would
# each be tried.
_DIGIT_GATE = r"(?=\d+(?:\.\d+)?[\s+-]|\d{1,2}(?i:st|nd|rd|th)|\d{1,2}/|[1-4]Q|[12]H|" + YEAR + ")"


@cache
def _digit_branches() -> dict[str, str]:
    """Each branch's pattern as it can match at a digit (see ``_DIGIT_FORMS``): the scanner's
    costliest branches there ("5 years ago", "3 consecutive quarters") otherwise try every number word."""
    out = {}
    for name, pattern in branches():
        group = re.match(r"\(\?P<\w+>", pattern)
        if group is not None:
            for general, digits in _DIGIT_FORMS:
                if pattern.startswith(general, group.end()):
                    pattern = pattern[: group.end()] + digits + pattern[group.end() + len(general):]
        out[name] = pattern
    return out


# --- lead-ins and the words before a match ----------------------------------------


def lead_in(branch: str, prose: str, start: int) -> tuple[int, dict[str, str]]:
    """Extend a match backwards over its optional lead-in ("Thursday, ", "more than ", "the end of ")."""
    names = BRANCH_LEAD_INS.get(branch)
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
_WINDOW_CACHE = process_memo(BoundedMemo(100_000))


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


def search_before(pattern: Any, prose: str, start: int, width: int) -> Any:
    """``pattern.search(prose, max(0, start - width), start)`` (cached; for patterns that look at most
    one character behind where they start): the match, on a copy of the text it depends on."""
    window, pos = _window_before(prose, start, width)
    return _memo((pattern, window, pos), lambda: pattern.search(window, pos, len(window)))

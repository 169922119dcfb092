"""Fact statements: subject + measure + period = value, for checks across documents.

The ``facts`` extractor reads sentences such as "Olverembatinib generated
full-year sales of $62.2 million" or "Norwind Robotics was founded in 2012"
and records each as a :class:`~checker.facts.FactStatement`. Corpus rules
compare statements with the same key (subject, measure, period) across
documents and against the reference ledger (``checker.ledger``).

Precision first: a statement whose subject, measure or period is unclear is
not a fact. Guidance and conditionals ("expects revenue of", "would",
"could") are skipped, and so is a figure qualified by anything that is not a
period ("revenue from China", "adjusted revenue", "$61 million in Europe").

Subjects
--------
A proper name right before the verb or measure ("Olverembatinib generated",
"Norwind's 2025 revenue", "sales of Lisaftoclax"), or a company pronoun
("we", "our", "the company"), which stands for the document's organisation:
the one name with a corporate ending (Inc., Ltd., Pharma, Robotics, ...), or
defined as ``(the "Company")``, that the document mentions at least twice and
at least twice as often as any other. No such organisation: pronoun
statements are not facts. Subjects compare by :func:`subject_key` (case,
possessive and legal endings such as Inc., Ltd., Group dropped), and across
a corpus a one-word subject stands for the one longer subject it begins
("Norwind" is "Norwind Robotics" when no other subject starts with Norwind).

Measures (the normaliser)
-------------------------
A measure phrase is canonical only when it is exactly one of these phrases
(hyphens read as spaces), optionally after the harmless modifiers
``full-year``, ``full year``, ``annual``, ``yearly``, ``quarterly``, ``record``,
``reported``; any other modifier ("adjusted", "product" before "sales",
"China") makes the phrase unknown and the statement is skipped.

================  ==========================================================
canonical         phrases
================  ==========================================================
revenue           revenue(s), total revenue(s), net revenue(s), total net
                  revenue(s), consolidated revenue(s), turnover
sales             sales, net sales, total sales, total net sales
product revenue   product revenue(s), net product revenue(s), product sales,
                  net product sales, total product revenue(s)
net income        net income, net profit, net earnings
net loss          net loss
operating income  operating income, operating profit, income from operations
operating loss    operating loss, loss from operations
gross profit      gross profit
r&d expenses      research and development expense(s), r&d expense(s)
employees         employees, staff, people, team members, workforce, headcount
founded           founded, established, incorporated (year of founding)
first approval    first approved, first approval (year)
================  ==========================================================

For a subject that is not an organisation (a product), revenue, sales and
product revenue are one measure, ``sales``: "Olverembatinib revenue" and
"Olverembatinib sales" are the same figure. For an organisation they stay
apart (a company's product revenue is not its total revenue).

Periods
-------
``2025`` (also "full-year 2025", "calendar 2025", "the year (or twelve
months) ended December 31, 2025"), ``FY2025`` ("fiscal 2025", "FY25", "the
year ended June 30, 2025"; the same as ``2025`` when the configured fiscal
year ends on 12-31), ``Q4 2025`` ("fourth quarter of 2025", "4Q25",
"Q4'25", "three months ended December 31, 2025"), ``H1 2025`` ("first half
of 2025", "1H25"); "last year" and "this year" resolve against the document
date. A period may stand before the measure ("2025 revenue"), after it
("revenue for 2025"), after the figure ("$61 million in 2025") or open the
sentence ("In 2025, revenue was ... and net loss was ..."); two different
periods for one figure make it unclear. "Full-year" with no year takes the
one year named in the previous sentence of the paragraph ("2025 was a strong
year. X generated full-year sales of ..."). Headcounts are dated by "as
of"/"at the end of" a date, else by the document's month (``2026-05``).
Founding and first approval are timeless.

Figures
-------
``low``/``high`` is what the figure as written allows: its rounding (from the
numbers extractor), widened for a whole number ending in zeros ("$60 million"
may be rounded to the ten: 55 to 65; "800 employees" 750 to 850) and by 5%
for an approximate hedge ("about", "approximately", "roughly"), down to 90%
for "nearly"/"almost". "More than", "over" and "at least" are bounds taken
literally (open above, from the figure's own rounding); so are "up to",
"less than" and "under" (open below).

Growth claims
-------------
A money statement may carry a growth claim: a percent right after the
figure with a direction ("up", "an increase of", "growth", "decline") and a
comparison ("year over year", "compared with 2024", "sequentially"), or
"rose 12% year over year to $X". The claim records the signed percent, its
interval and the period compared against. When the prior figure is in the
same sentence ("up 48% from $41.2 million") the claim is left to the
numbers rules.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from checker.patterns import FromEnd
from checker.patterns import LazyPattern as _Lazy

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document
    from checker.facts import FactSheet, FactStatement, GrowthClaim, Quantity


# --- the measure normaliser -----------------------------------------------------

MEASURES: dict[str, tuple[str, ...]] = {
    "revenue": (
        "revenue", "revenues", "total revenue", "total revenues", "net revenue", "net revenues",
        "total net revenue", "total net revenues", "consolidated revenue", "consolidated revenues",
        "turnover",
    ),
    "sales": ("sales", "net sales", "total sales", "total net sales"),
    "product revenue": (
        "product revenue", "product revenues", "net product revenue", "net product revenues",
        "product sales", "net product sales", "total product revenue", "total product revenues",
    ),
    "net income": ("net income", "net profit", "net earnings"),
    "net loss": ("net loss",),
    "operating income": ("operating income", "operating profit", "income from operations"),
    "operating loss": ("operating loss", "loss from operations"),
    "gross profit": ("gross profit",),
    "r&d expenses": (
        "research and development expense", "research and development expenses",
        "r&d expense", "r&d expenses",
    ),
    "employees": ("employees", "staff", "people", "team members", "workforce", "headcount"),
    "founded": ("founded", "established", "incorporated"),
    "first approval": ("first approved", "first approval"),
}

# Money measures that name the company as a whole even without a subject.
_COMPANY_LEVEL = frozenset({"net income", "net loss", "operating income", "operating loss", "gross profit", "r&d expenses"})
SALES_FAMILY = frozenset({"revenue", "sales", "product revenue"})
_MONEY = frozenset(MEASURES) - {"employees", "founded", "first approval"}

_PHRASES: dict[str, str] = {phrase: canonical for canonical, phrases in MEASURES.items() for phrase in phrases}
_MODIFIERS = ("full year", "annual", "yearly", "quarterly", "record", "reported")


def normalise_measure(phrase: str) -> str | None:
    """The canonical measure of a phrase ("net product revenue" -> "product revenue"), or None."""
    words = re.sub(r"[\s\-\u2010-\u2013]+", " ", phrase.lower()).strip()
    words = words.replace("\u2019", "'")
    changed = True
    while changed:
        changed = False
        for modifier in _MODIFIERS:
            if words.startswith(modifier + " "):
                words = words[len(modifier) + 1 :]
                changed = True
    if words in _PHRASES:
        return _PHRASES[words]
    return _PHRASES.get(words.replace(" measure", ""))


def fact_measure(measure: str, organisation: bool) -> str:
    """The measure a statement is keyed by: a product's revenue, sales, product revenue are one."""
    if not organisation and measure in SALES_FAMILY:
        return "sales"
    return measure


# --- subjects -----------------------------------------------------------------

_LEGAL = frozenset(
    "inc incorporated corp corporation ltd limited plc llc lp co company group holdings holding "
    "international intl sa ag se nv bv gmbh kk".split()
)
_CORPORATE = (
    r"Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|plc|PLC|LLC|Group|Holdings|Pharma|"
    r"Pharmaceuticals|Therapeutics|Biosciences|Biotech|Bio|Technologies|Technology|Robotics|Systems|"
    r"Networks|Software|Labs|Laboratories|Bank|Bancorp|Motors|Energy|Industries|Partners|Co\.|Company|"
    r"AG|SA|SE|NV|GmbH"
)
_SPACE = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"  # a space or one line break, never a blank line
# A corporate ending after a space, the space checked on each match: led by the words
# themselves, the pattern lets re skip ahead to a possible first letter (a lookbehind in
# front would have it try every position). An ending holds no space, so a match that is
# not after a space never hides one that is.
_CORPORATE_WORD = _Lazy(rf"(?:{_CORPORATE})(?![\w])")
_ORG_BEFORE = _Lazy(rf"(?<![\w&\-])((?:[A-Z][\w&\-]*|&)(?:{_SPACE}(?:[A-Z][\w&\-]*|&)){{0,3}}){_SPACE}\Z")
_COMPANY_MARKER = _Lazy(r"\((?:the\s+)?[\"\u201c]Company[\"\u201d]")
_DEFINED_COMPANY = _Lazy(
    rf"\b((?:[A-Z][\w&\-]*{_SPACE}){{0,4}}[A-Z][\w&\-.]*)[ \t]*\((?:the\s+)?[\"\u201c]Company[\"\u201d]"
)
# Words that start a capitalised run without being part of a name.
_NOT_NAME = frozenset(
    """
    the a an this that these those in on at for during through over throughout by of and but or
    while whereas as so our its their his her my your we it they he she i total net full annual
    revenue revenues sales together overall meanwhile also additionally further furthermore
    moreover however today yesterday since after before when where which with from to q fy
    january february march april may june july august september october november december
    first second third fourth fiscal calendar year quarter half last this next both all each
    compared versus record reported
    """.split()
)


def subject_key(name: str) -> str:
    """A subject as compared: lowercase, no possessive, no legal ending ("Norwind Robotics Inc." -> "norwind robotics")."""
    text = name.replace("\u2019", "'").strip()
    text = re.sub(r"'s?$", "", text)
    words = [w for w in re.sub(r"[^\w&\s-]", " ", text.lower()).split() if w]
    while words and words[0] == "the":
        words.pop(0)
    while len(words) > 1 and words[-1] in _LEGAL:
        words.pop()
    return " ".join(words)


def canonical_subjects(keys: Iterable[str]) -> dict[str, str]:
    """Map each subject key to its corpus-wide form: a one-word key to the one longer key it begins."""
    keys = set(keys)
    longer: dict[str, set[str]] = {}
    for key in keys:
        first, _, rest = key.partition(" ")
        if rest:
            longer.setdefault(first, set()).add(key)
    out = {}
    for key in keys:
        candidates = longer.get(key) if " " not in key else None
        out[key] = next(iter(candidates)) if candidates and len(candidates) == 1 else key
    return out


def document_organisation(prose: str) -> str | None:
    """The organisation a document is about (see the module docstring), as written."""
    for marker in _COMPANY_MARKER.finditer(prose):
        defined = _DEFINED_COMPANY.search(prose, max(0, marker.start() - 120), marker.end())
        name = _clean_name(defined.group(1)) if defined else ""
        if name:
            return name
    counts: dict[str, int] = {}
    display: dict[str, str] = {}
    for ending in _CORPORATE_WORD.finditer(prose):
        if prose[ending.start() - 1 : ending.start()] not in (" ", "\t", "\n"):
            continue
        match = _ORG_BEFORE.search(prose, max(0, ending.start() - 80), ending.start())
        if match is None:
            continue
        name = _clean_name(" ".join((match.group(1) + " " + ending.group(0)).split()))
        if not name:
            continue
        key = subject_key(name)
        counts[key] = counts.get(key, 0) + 1
        if key not in display or len(name) < len(display[key]):
            display[key] = name
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    best, count = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    if count >= 2 and count >= 2 * runner:
        return display[best]
    return None


def _clean_name(name: str) -> str:
    words = name.split()
    while words and words[0].lower().strip(".,") in _NOT_NAME:
        words.pop(0)
    return " ".join(words)


# --- periods ------------------------------------------------------------------

_YEAR = r"(?:19|20)\d\d"
_MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for m in names
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_FISCAL = r"(?:fiscal(?:\s+year)?|FY)"

# One alternation; the named groups say which form matched.
PERIOD = (
    rf"(?:(?:the\s+)?(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th)[\s\-]+quarter\s+(?:of\s+)?(?P<qfis>{_FISCAL}\s*)?(?P<qy>{_YEAR})"
    rf"|(?:the\s+)?(?P<hord>first|second)[\s\-]+half\s+(?:of\s+)?(?P<hfis>{_FISCAL}\s*)?(?P<hy>{_YEAR})"
    rf"|Q(?P<qn>[1-4])\s*(?P<qfis2>FY\s*|fiscal\s+)?['\u2019]?(?P<qy2>{_YEAR}|\d\d)"
    rf"|(?P<qn3>[1-4])Q\s*['\u2019]?(?P<qy3>{_YEAR}|\d\d)"
    rf"|H(?P<hn>[12])\s*(?P<hfis2>FY\s*)?['\u2019]?(?P<hy2>{_YEAR}|\d\d)"
    rf"|(?P<hn2>[12])H\s*['\u2019]?(?P<hy3>{_YEAR}|\d\d)"
    rf"|(?:the\s+)?(?P<qmonths>three|3)\s+months\s+ended\s+(?P<qmon>{_MONTH})\s+\d{{1,2}},?\s+(?P<qmy>{_YEAR})"
    rf"|(?:the\s+)?(?P<yfis>fiscal\s+)?(?:year|(?:twelve|12)\s+months)\s+ended\s+(?P<ymon>{_MONTH})\s+(?P<yday>\d{{1,2}}),?\s+(?P<ymy>{_YEAR})"
    rf"|(?:the\s+)?(?P<fis>fiscal(?:\s+year)?\s*|FY\s*['\u2019]?)(?P<fy>{_YEAR}|\d\d)"
    rf"|(?:the\s+)?(?:full[\s\-]+year|calendar(?:\s+year)?|year)\s+(?:of\s+)?(?P<cy>{_YEAR})"
    rf"|(?P<y>{_YEAR})"
    rf"|(?P<rel>last|this)\s+year"
    r")(?![\w])"
)
PERIOD_RE = _Lazy(PERIOD, re.I)


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def parse_period(match: re.Match, document_year: int | None = None, calendar_fiscal: bool = False) -> str | None:
    """The canonical period of a ``PERIOD`` match ("fourth quarter of 2025" -> "Q4 2025"), or None."""
    g = match.groupdict()
    fy = "FY" if not calendar_fiscal else ""
    if g.get("qord"):
        return f"Q{_ORDINAL[g['qord'].lower()]} {fy if g['qfis'] else ''}{g['qy']}"
    if g.get("hord"):
        return f"H{1 if g['hord'].lower() == 'first' else 2} {fy if g['hfis'] else ''}{g['hy']}"
    if g.get("qn"):
        return f"Q{g['qn']} {fy if g['qfis2'] else ''}{_year(g['qy2'])}"
    if g.get("qn3"):
        return f"Q{g['qn3']} {_year(g['qy3'])}"
    if g.get("hn"):
        return f"H{g['hn']} {fy if g['hfis2'] else ''}{_year(g['hy2'])}"
    if g.get("hn2"):
        return f"H{g['hn2']} {_year(g['hy3'])}"
    if g.get("qmonths"):
        month = _MONTHS[g["qmon"].lower().rstrip(".")]
        return f"Q{month // 3} {g['qmy']}" if month % 3 == 0 else None
    if g.get("ymon"):
        month = _MONTHS[g["ymon"].lower().rstrip(".")]
        if month == 12 and g["yday"] == "31":
            return g["ymy"]
        return f"FY{g['ymy']}" if not calendar_fiscal else None
    if g.get("fy"):
        return f"{fy}{_year(g['fy'])}"
    if g.get("cy"):
        return g["cy"]
    if g.get("y"):
        return g["y"]
    if g.get("rel"):
        if document_year is None:
            return None
        return str(document_year - 1 if g["rel"].lower() == "last" else document_year)
    return None


def prior_period(period: str) -> str | None:
    """The same period a year earlier ("Q4 2025" -> "Q4 2024")."""
    match = re.fullmatch(r"((?:[QH]\d )?(?:FY)?)(\d{4})", period)
    if not match:
        return None
    return f"{match.group(1)}{int(match.group(2)) - 1}"


def previous_quarter(period: str) -> str | None:
    match = re.fullmatch(r"Q(\d) ((?:FY)?)(\d{4})", period)
    if not match:
        return None
    quarter, fiscal, year = int(match.group(1)), match.group(2), int(match.group(3))
    return f"Q{quarter - 1} {fiscal}{year}" if quarter > 1 else f"Q4 {fiscal}{year - 1}"


# --- figures ------------------------------------------------------------------

_APPROXIMATE = frozenset({"about", "approximately", "approx.", "approx", "roughly", "around", "some", "circa", "close to", "an estimated"})
_AT_LEAST = frozenset({"more than", "over", "at least", "in excess of", "upwards of", "above", "exceeding", "just over", "well over", "greater than"})
_AT_MOST = frozenset({"up to", "less than", "under", "below", "at most", "fewer than", "no more than", "just under"})
_NEARLY = frozenset({"nearly", "almost", "close to", "just shy of"})
HEDGE = r"(?:about|approximately|approx\.?|roughly|around|some|circa|close\s+to|an\s+estimated|more\s+than|over|at\s+least|in\s+excess\s+of|upwards\s+of|above|exceeding|just\s+over|well\s+over|greater\s+than|up\s+to|less\s+than|under|below|at\s+most|fewer\s+than|no\s+more\s+than|just\s+under|nearly|almost|just\s+shy\s+of)"
_DIGITS = _Lazy(r"\d[\d,]*(?:\.\d+)?")


def figure_interval(value: float, low: float, high: float, text: str, hedge: str | None, scale: float = 1.0, exact: bool = False) -> tuple[float, float]:
    """What a figure as written allows (see "Figures" in the module docstring)."""
    hedge = re.sub(r"\s+", " ", hedge.lower()) if hedge else None
    # "more than 800" is a bound, taken literally: 799.5 and up, never 750.
    if hedge in _AT_LEAST:
        return low, math.inf
    if hedge in _AT_MOST:
        return (-math.inf if value < 0 else 0.0), high
    if not exact:
        digits = _DIGITS.search(text)
        if digits and "." not in digits.group(0):
            whole = digits.group(0).replace(",", "")
            zeros = len(whole) - len(whole.rstrip("0"))
            if 0 < zeros < len(whole):
                step = 10**zeros * scale
                low, high = min(low, value - step / 2), max(high, value + step / 2)
    if hedge in _APPROXIMATE:
        margin = abs(value) * 0.05
        low, high = low - margin, high + margin
    elif hedge in _NEARLY:
        low = min(low, value * 0.9)
    return low, high


# --- statement grammar ----------------------------------------------------------

_NAME_TOKEN = r"(?-i:[A-Z][\w&\-]*(?:\.(?=\w))?[\w&\-]*\.?|&)"
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,4}}"
_ORG_PRONOUN = r"we|the\s+company|our\s+company|the\s+group"
_PLURAL_SUBJECT = r"(?:these|those|both|our|the)\s+(?:\w+\s+){0,2}(?:products|drugs|medicines|brands|therapies)"
# Where a statement may begin: the sentence start, after punctuation or a
# conjunction, then an optional adverb. _LEAD also allows a leading period
# ("In 2025, we ..."); headcounts and years use _SIMPLE_LEAD, which does not.
_SIMPLE_LEAD = (
    r"(?:^|(?<=[,;:(\u2014\u2013])\s*|(?<=\s)(?:and|but|while|whereas|that|as|so|when|after)\s+)"
    r"(?:(?:today|now|currently|at\s+present|overall|in\s+total|together)\s*,?\s+)?"
)
_LEAD = (
    _SIMPLE_LEAD
    + rf"(?:(?:(?:in|during|for|over|throughout)\s+)?(?:the\s+)?(?:{PERIOD.replace('?P<', '?P<l_')})\s*,?\s+)?"
)
_MODIFIER = r"(?:full[\s\-]+year|annual|yearly|quarterly|record|reported)"
# Longest first, then alphabetical: the same pattern in every process (see checker.patterns.compile_cached).
_MEASURE_WORDS = sorted({p for p in _PHRASES if _PHRASES[p] in _MONEY}, key=lambda p: (-len(p), p))
_MEASURE = r"(?:" + "|".join(re.escape(p).replace(r"\ ", r"[\s\-]+") for p in _MEASURE_WORDS) + r")"
_PERIOD_ADJ = rf"(?:(?:{PERIOD.replace('?P<', '?P<a_')})[\s\-]+)"
_PERIOD_AFTER = rf"(?:\s*,?\s+(?:for|in|during|of)\s+(?:the\s+)?(?:{PERIOD.replace('?P<', '?P<m_')}))"
_ACTIVE_VERB = (
    r"(?:generat|report|post|record|achiev|deliver|book|produc|earn|realiz|realis|recogniz|recognis)(?:ed|es|s|e)?"
    r"|had|has|have|drove|drive|drives|brought\s+in|brings\s+in|saw|sees|reached|reaches|totaled|totalled"
)
_AUX = r"(?:(?:has|have|had|also|again|now|once\s+again)\s+)*"
_COPULA = (
    r"(?:was|were|is|are|totaled|totalled|totals|reached|came\s+to|came\s+in\s+at|amounted\s+to|stood\s+at|of"
    r"|(?:rose|grew|increased|climbed|jumped|fell|declined|decreased|dropped)(?P<gby>\s+(?:by\s+)?"
    r"(?P<gpct>\d[\d.,]*\s*(?:%|percent|per\s+cent))(?:\s+(?P<gcmp>year[\s\-]+(?:over|on)[\s\-]+year|yoy|y/y))?)?\s+to)"
)

_ACTIVE = FromEnd(
    rf"{_LEAD}(?P<subj>{_ORG_PRONOUN}|{_PLURAL_SUBJECT}|{_NAME})\s+{_AUX}(?P<verb>{_ACTIVE_VERB})\s+"
    rf"(?:(?:the|a|an|its|their|our)\s+)?{_PERIOD_ADJ}?(?P<measure>(?:{_MODIFIER}[\s\-]+)*{_MEASURE})"
    rf"{_PERIOD_AFTER}?\s+(?:of|totaling|totalling|amounting\s+to|worth)\s+(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
_NOMINAL = FromEnd(
    rf"{_LEAD}(?:(?P<poss>(?:{_NAME})['\u2019]s|our|the\s+company['\u2019]s|the\s+group['\u2019]s|{_NAME})\s+)?"
    rf"{_PERIOD_ADJ}?(?P<measure>(?:{_MODIFIER}[\s\-]+)*{_MEASURE}){_PERIOD_AFTER}?\s*,?\s+"
    rf"(?P<verb>{_COPULA})\s+(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
_MEASURE_OF = FromEnd(
    rf"{_LEAD}{_PERIOD_ADJ}?(?P<measure>(?:{_MODIFIER}[\s\-]+)*{_MEASURE})\s+(?:of|for|from)\s+(?P<subj>{_NAME})"
    rf"{_PERIOD_AFTER}?\s*,?\s+(?P<verb>{_COPULA})\s+(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
_VALUE_FIRST_BEFORE = FromEnd(
    rf"{_LEAD}(?P<subj>{_ORG_PRONOUN}|{_NAME})\s+{_AUX}(?P<verb>{_ACTIVE_VERB})\s+(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
_VALUE_FIRST_AFTER = _Lazy(
    rf"\s+(?:in|of)\s+{_PERIOD_ADJ}?(?P<measure>(?:{_MODIFIER}[\s\-]+)*{_MEASURE})(?![\w])", re.I
)
# What may follow a figure: a period, then the end of the clause.
_AFTER_PERIOD = _Lazy(rf"\s*,?\s*(?:(?:in|for|during)\s+(?:the\s+)?)?(?:{PERIOD})", re.I)
_CLAUSE_END = _Lazy(
    r"\s*(?:[,.;:)\u2014\u2013]|--|\Z|(?:and|which|with|up|down|compared|versus|vs\.?|an?|representing|reflecting|"
    r"marking|driven|thanks|due|as|while|whereas|from\s+(?:\$|US\$|\u20ac|\u00a3|\d))(?![\w]))",
    re.I,
)

# Employees: "we have ... over 800 employees", "Norwind employs 120 people".
_EMPLOYER_BEFORE = _Lazy(
    rf"{_SIMPLE_LEAD}(?P<subj>{_ORG_PRONOUN}|{_NAME})\s+(?:(?:now|currently|also|today)\s+)*"
    r"(?P<verb>have|has|had|employ|employs|employed)\b(?P<gap>(?:\s+(?!\w+(?:ed|ing)\b|(?:lost|cut|laid|let|fired|hired|added|grown|shed|reduced|trained|recruited|onboarded|welcomed)\b)[a-z]+){0,6}?)\s+"
    rf"(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
_EMPLOYEES_AFTER = _Lazy(
    r"\s+(?:(?:full[\s\-]+time|permanent|dedicated)\s+)?(?P<measure>employees|staff|people|team\s+members)"
    r"(?P<where>\s+(?:worldwide|globally|around\s+the\s+(?:world|globe)|across\s+the\s+(?:world|globe)|in\s+total))?",
    re.I,
)
_WORKFORCE_BEFORE = FromEnd(
    rf"{_SIMPLE_LEAD}(?P<poss>(?:{_NAME})['\u2019]s|our|the\s+company['\u2019]s)\s+(?:global\s+|total\s+)?"
    rf"(?P<measure>workforce|headcount)\s+(?:was|is|stood\s+at|reached|totaled|totalled|of)\s+(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
_AS_OF = _Lazy(
    rf"\s*,?\s*(?:as\s+of|at)\s+(?:(?P<mon>{_MONTH})\s+(?:\d{{1,2}},?\s+)?(?P<y>{_YEAR})|the\s+end\s+of\s+(?P<ey>{_YEAR})|year[\s\-]+end\s+(?P<ye>{_YEAR}))",
    re.I,
)

# Years: founding and first approval (the numbers extractor does not treat years as quantities).
_YEAR_VALUE = rf"(?:in\s+(?:(?:{_MONTH})\s+(?:\d{{1,2}},?\s+)?)?)(?P<year>{_YEAR})(?![\w])"
_FOUNDED_PASSIVE = _Lazy(
    rf"{_SIMPLE_LEAD}(?P<subj>{_ORG_PRONOUN}|{_NAME})(?:\s*,\s*(?:which\s+was\s+)?|\s+(?:was|were|has\s+been)\s+)"
    rf"(?:originally\s+)?(?P<verb>founded|established|incorporated)(?:\s+in\s+(?-i:[A-Z][\w.]*(?:,?\s+[A-Z][\w.]*){{0,2}})(?=\s+in\s+))?\s+{_YEAR_VALUE}",
    re.I,
)
_FOUNDED_ACTIVE = _Lazy(
    rf"(?:\b(?:I|we|he|she|they|who)\s+(?:(?:co-?)?founded|started|established|launched)|\b(?:before|after|when|since)\s+"
    rf"(?:co-?founding|founding|starting|establishing|launching))\s+(?P<subj>{_NAME})\s+{_YEAR_VALUE}",
    re.I,
)
_FOUNDED_INTRO = _Lazy(rf"(?:^|(?<=[.;]\s))(?:Founded|Established)\s+{_YEAR_VALUE},\s+(?P<subj>{_NAME})\s+(?:(?:now|today|also)\s+)?(?-i:[a-z]+)\b", re.I)
_SINCE_FOUNDING = _Lazy(rf"\bsince\s+(?P<subj>our|the\s+company['\u2019]s)\s+founding\s+{_YEAR_VALUE}", re.I)
_FIRST_APPROVAL = _Lazy(
    rf"(?:{_SIMPLE_LEAD})(?P<subj>{_NAME})(?:['\u2019]s\s+first\s+approval\s+(?:came\s+)?|\s+was\s+first\s+approved\s+){_YEAR_VALUE}",
    re.I,
)
_ITS_FIRST_APPROVAL = _Lazy(rf"\b(?:since|after|following|with)\s+its\s+first\s+approval\s+{_YEAR_VALUE}", re.I)
_PRECEDING_NAME = _Lazy(rf"(?:^|(?<=\s))(?P<prep>\w+\s+)?(?P<subj>{_NAME})\s+(?=[^A-Z]*\Z)")

# Growth claims after the figure.
_DIRECTION_UP = r"increase|rise|growth|gain|jump|improvement|higher|more|up"
_DIRECTION_DOWN = r"decrease|decline|drop|fall|reduction|lower|less|down"
_COMPARISON = (
    r"(?P<yoy>year[\s\-]+(?:over|on)[\s\-]+year|yoy|y/y|(?:compared\s+(?:with|to)|from|over|versus|vs\.?)\s+(?:the\s+)?"
    r"(?:prior|previous|preceding)\s+year|(?:compared\s+(?:with|to)|from|over|versus|vs\.?)\s+(?:a|one)\s+year\s+(?:ago|earlier)"
    r"|(?:compared\s+(?:with|to)|from|over|versus|vs\.?)\s+(?:the\s+)?same\s+(?:period|quarter)\s+(?:of\s+)?(?:last|a|the\s+prior|the\s+previous)\s+year)"
    rf"|(?P<qoq>quarter[\s\-]+(?:over|on)[\s\-]+quarter|sequentially)"
    rf"|(?:compared\s+(?:with|to)|from|over|versus|vs\.?|relative\s+to)\s+(?:(?:the\s+)?(?:full\s+year\s+)?)(?:{PERIOD.replace('?P<', '?P<c_')})"
)
_GROWTH_BETWEEN = _Lazy(
    rf"\A\s*(?:(?:in|for|during)\s+(?:the\s+)?(?:{PERIOD.replace('?P<', '?P<b_')}))?\s*[,;(\u2014\u2013]?\s*"
    r"(?:(?:which\s+(?:was|is|represents|represented)|representing|reflecting|marking|for|with)\s+)?(?:an?\s+)?"
    rf"(?:(?P<pre>{_DIRECTION_UP}|{_DIRECTION_DOWN})(?:\s+of)?\s+)?(?:by\s+)?(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
_GROWTH_AFTER = _Lazy(
    rf"\A\s*(?:(?P<cmp1>{_COMPARISON.replace('?P<', '?P<x_')})\s+)?(?P<post>{_DIRECTION_UP}|{_DIRECTION_DOWN})?"
    rf"(?:\s+(?:than\s+(?:in\s+)?)?(?P<cmp2>{_COMPARISON}))?(?![\w])",
    re.I,
)

# Sentences that state no fact: guidance, conditionals, estimates.
_NOT_A_FACT = _Lazy(
    r"\b(?:expect\w*|anticipat\w*|forecast\w*|guidance|projected|projects|projection\w*|target\w*|will|would|could|"
    r"might|should|estimat\w*|outlook|goal|aims?|plans?|planned|potential(?:ly)?|if|unless|assum\w*|pro\s+forma|"
    r"hypothetical\w*|budget\w*|intend\w*|hope\w*|seek\w*|may)\b"
)
# Hints are written as alternations of plain words ("Revenue|revenue", not
# "[Rr]evenue"): the re module then skips ahead to a possible first letter,
# about four times faster than trying the whole alternation at every position.
_PREFILTER = _Lazy(
    r"Revenue|revenue|Sales|sales|Turnover|turnover|Income|income|Profit|profit|Earnings|earnings|Loss|loss"
    r"|Expense|expense|Employ|employ|Staff|staff|People|people|Team\s+members|team\s+members|Workforce|workforce"
    r"|Headcount|headcount|Founded|founded|Founding|founding|Established|established|Incorporated|incorporated"
    r"|First\s+approv|first\s+approv|REVENUE|SALES|INCOME|EMPLOYEES"
)
# A money statement's window before the figure must contain a measure word
# (or end with a verb, for "generated $61 million in revenue"), and end with
# one of the words the patterns end with: cheap tests before the big patterns.
_MEASURE_HINT = _Lazy(
    r"Revenue|revenue|Sales|sales|Turnover|turnover|Income|income|Profit|profit|Earnings|earnings|Loss|loss"
    r"|Expense|expense|REVENUE|SALES"
)
_MONEY_TAIL = FromEnd(
    r"(?:of|to|at|worth|was|were|is|are|totals|totaled|totalled|totaling|totalling|reached|reaches|had|has|have|"
    r"drove|drive|drives|saw|sees|in|\w+(?:ed|es|s|e))\s+(?:" + HEDGE + r"\s+)?\Z",
    re.I,
)
_YEAR_FACT_WORDS = ("ounded", "ounding", "OUNDED", "stablished", "ncorporated", "irst approv")
_YEAR_FACT_HINT = _Lazy(
    r"Founded|founded|Founding|founding|Established|established|Incorporated|incorporated|First\s+approv|first\s+approv|FOUNDED"
)


def _is_currency(q: Quantity) -> bool:
    return bool(q.unit) and q.unit not in ("%", "pp", "bp", "x")


class _Context:
    """Per-document state: the organisation, the document date, settings."""

    def __init__(self, doc: Document, sheet: FactSheet, settings: Settings | None) -> None:
        self.doc = doc
        self.sheet = sheet
        self.prose = doc.prose
        self.organisation = document_organisation(doc.prose)
        self.org_key = subject_key(self.organisation) if self.organisation else None
        date = sheet.document_date.date if sheet.document_date is not None else None
        self.date = date
        self.year = date.year if date else None
        fiscal_end = getattr(getattr(settings, "dates", None), "fiscal_year_end", None)
        self.calendar_fiscal = fiscal_end == "12-31"
        self.quantities = sorted(sheet.quantities, key=lambda q: q.start)
        self.facts: list[FactStatement] = []
        self.seen: set[tuple[int, int]] = set()

    def before(self, sentence, end: int, limit: int = 240) -> tuple[str, int]:
        """The sentence's text before ``end`` and the offset of its first character.

        A window cut short of the sentence start begins with NUL, so ``^`` in
        a pattern means the sentence start and nothing else.
        """
        start = max(sentence.start, end - limit)
        text = self.prose[start:end]
        if text.endswith("\\"):  # "\$62.2 million" in plain text
            text = text[:-1]
        if start > sentence.start:
            return "\0" + text, start - 1
        return text, start


def extract(doc: Document, sheet: FactSheet, settings: Settings | None = None) -> None:
    """Fill ``sheet.facts`` with the document's fact statements."""
    import bisect

    prose = doc.prose
    # Candidate places: figures (money or counts) and founding/approval words.
    anchors = [q.start for q in sheet.quantities if not q.unit or _is_currency(q)]
    for word in _YEAR_FACT_WORDS:  # str.find is far faster than a regex scan of the whole text
        at = prose.find(word)
        while at != -1:
            anchors.append(at)
            at = prose.find(word, at + 1)
    if not anchors:
        return
    sentences = doc.sentences
    starts = [sentence.start for sentence in sentences]
    chosen = sorted({i for i in (bisect.bisect_right(starts, anchor) - 1 for anchor in anchors) if i >= 0})
    ctx: _Context | None = None
    for index in chosen:
        sentence = sentences[index]
        text = prose[sentence.start : sentence.end]
        if not _PREFILTER.search(text) or _NOT_A_FACT.search(text):
            continue
        if ctx is None:
            ctx = _Context(doc, sheet, settings)
            quantity_starts = [q.start for q in ctx.quantities]
        previous = sentences[index - 1] if index and sentences[index - 1].paragraph == sentence.paragraph else None
        first, last = bisect.bisect_left(quantity_starts, sentence.start), bisect.bisect_left(quantity_starts, sentence.end)
        quantities = [q for q in ctx.quantities[first:last] if q.end <= sentence.end]
        for position, q in enumerate(quantities):
            if _is_currency(q):
                _money(ctx, sentence, previous, q, quantities[position + 1 :])
            elif not q.unit:
                _headcount(ctx, sentence, q)
        if _YEAR_FACT_HINT.search(text):
            _years(ctx, sentence)
    if ctx is not None:
        ctx.facts.sort(key=lambda f: (f.start, f.end))
        sheet.facts = ctx.facts


# --- money statements -----------------------------------------------------------------


def _money(ctx: _Context, sentence, previous, q: Quantity, following: list[Quantity]) -> None:
    prose = ctx.prose
    before, offset = ctx.before(sentence, q.start)
    backwards = before[::-1]
    if not _MONEY_TAIL.found(before, backwards, max(0, len(before) - 48)):
        return
    patterns = (("active", _ACTIVE), ("nominal", _NOMINAL), ("of", _MEASURE_OF), ("first", _VALUE_FIRST_BEFORE))
    if not _MEASURE_HINT.search(before):
        patterns = patterns[3:]
    match = kind = None
    for kind, pattern in patterns:  # noqa: B007 (kind is read after the loop)
        match = pattern.search(before, backwards)
        if match:
            break
    if match is None:
        return
    groups = match.groupdict()
    if kind == "nominal" and groups["verb"].lower() == "of" and not groups.get("poss"):
        return  # "revenue of $5 million" alone could be anyone's
    after_start = q.end
    periods = _periods(ctx, groups, "l_")
    if kind == "first":
        tail = _VALUE_FIRST_AFTER.match(prose, q.end, sentence.end)
        if tail is None:
            return
        phrase = tail.group("measure")
        periods += _periods(ctx, tail.groupdict(), "a_")
        after_start = tail.end()
    else:
        phrase = groups["measure"]
        periods += _periods(ctx, groups, "a_") + _periods(ctx, groups, "m_")
    measure = normalise_measure(phrase)
    if measure is None or measure not in _MONEY:
        return
    # What follows the figure: an optional period, then the end of the clause.
    follow = _AFTER_PERIOD.match(prose, after_start, sentence.end)
    if follow:
        periods.append(parse_period(follow, ctx.year, ctx.calendar_fiscal))
        after_start = follow.end()
    if not _CLAUSE_END.match(prose, after_start, sentence.end):
        return
    distinct = set(periods)
    if None in distinct or len(distinct) > 1:
        return
    period = distinct.pop() if distinct else _sentence_period(ctx, sentence) or _topic_year(ctx, phrase, sentence, previous)
    if period is None:
        return
    subject, organisation = _subject(ctx, groups, kind, measure, phrase)
    if subject is None:
        return
    if _implicit(groups) and not _opens_statement(ctx, sentence, offset + match.start("measure")):
        return  # "In our Logistics segment, revenue for 2025 was ...": a part, not the company
    anchor = "subj" if groups.get("subj") else "poss" if groups.get("poss") else "measure"
    statement_start = offset + match.start(anchor) if anchor in groups and groups[anchor] else q.start
    hedge = q.hedge or (groups.get("hedge") or "").strip() or None
    fact = _fact(ctx, subject, organisation, measure, phrase, period, q, hedge, statement_start)
    growth = None
    if groups.get("gpct"):
        growth = _growth_before(ctx, match, offset, fact, sentence)
    elif following:
        growth = _growth_after(ctx, q, following, sentence, fact)
    if growth is not None:
        fact = fact.model_copy(update={"growth": growth})
    _add(ctx, fact)
    _comparison_fact(ctx, sentence, q, following, fact)


class _Groups:
    """A match-like view of a subset of named groups, for :func:`parse_period`."""

    def __init__(self, groups: dict) -> None:
        self._groups = groups

    def groupdict(self) -> dict:
        return self._groups


def _periods(ctx: _Context, groups: dict, prefix: str) -> list[str | None]:
    sub = {k[len(prefix) :]: v for k, v in groups.items() if k.startswith(prefix)}
    if not any(sub.values()):
        return []
    return [parse_period(_Groups(sub), ctx.year, ctx.calendar_fiscal)]  # type: ignore[arg-type]


_SENTENCE_PERIOD = _Lazy(
    rf"(?:in|during|for|throughout)\s+(?:the\s+)?(?:{PERIOD})\s*,", re.I
)


def _sentence_period(ctx: _Context, sentence) -> str | None:
    """"In 2025, revenue was $60.9 million and net loss was $12.3 million": the opening period holds for the sentence."""
    match = _SENTENCE_PERIOD.match(ctx.prose, sentence.start, sentence.end)
    return parse_period(match, ctx.year, ctx.calendar_fiscal) if match else None


_FULL_YEAR = _Lazy(r"full[\s\-]+year|annual|yearly", re.I)
_ANY_YEAR = _Lazy(rf"(?<![\w$.,]){_YEAR}(?![\w%]|[.,]\d)")


def _topic_year(ctx: _Context, phrase: str, sentence, previous) -> str | None:
    """"Full-year" sales with no year: the one year named in the previous sentence."""
    if not _FULL_YEAR.search(phrase) or previous is None:
        return None
    if _ANY_YEAR.search(ctx.prose, sentence.start, sentence.end):
        return None
    years = set(_ANY_YEAR.findall(ctx.prose, previous.start, previous.end))
    return years.pop() if len(years) == 1 else None


_ANAPHORIC = frozenset("these those this that such other others each its their his her some any certain remaining".split())
_PRONOUNS = frozenset({"we", "our", "the company", "our company", "the group", "the company's", "the group's"})
_TOTAL = _Lazy(r"(?:total|consolidated)\b", re.I)


def _subject(ctx: _Context, groups: dict, kind: str, measure: str, phrase: str) -> tuple[str | None, bool]:
    """Who the statement is about, and whether that is an organisation; (None, False) if unclear."""
    raw = (groups.get("subj") or groups.get("poss") or "").strip()
    raw = re.sub(r"['\u2019]s\Z", "", raw)
    lowered = re.sub(r"\s+", " ", raw.lower()).replace("\u2019", "'")
    organisation = (ctx.organisation, True) if ctx.organisation else (None, False)
    if lowered in _PRONOUNS:
        return organisation
    if lowered and re.fullmatch(_PLURAL_SUBJECT, lowered):
        # "these two products drove total revenue": the company's total.
        return organisation if _TOTAL.match(phrase.strip()) else (None, False)
    if lowered.split(" ", 1)[0] in _ANAPHORIC:
        return None, False  # "These revenues", "Such sales", "Other revenue": some part of a whole
    name = _clean_name(raw)
    if not name:
        # No subject: a company-wide measure belongs to the document's organisation.
        company_level = measure in _COMPANY_LEVEL or measure == "revenue" or bool(_TOTAL.match(phrase.strip()))
        return organisation if company_level and kind in ("nominal", "employer") else (None, False)
    key = subject_key(name)
    if not key:
        return None, False
    is_org = _is_organisation(ctx, name, key)
    if not is_org and (ctx.organisation is None or _common_words(name)):
        # "China sales", "Service revenue": not a named subject. A product or segment
        # counts only in a document about a known organisation: "Foodservice" in an
        # unnamed company's report could be any company's segment.
        return None, False
    return name, is_org


def _implicit(groups: dict) -> bool:
    """Whether a statement names no subject at all ("Total revenue for 2025 was ...")."""
    raw = re.sub(r"['\u2019]s\Z", "", (groups.get("subj") or groups.get("poss") or "").strip())
    lowered = re.sub(r"\s+", " ", raw.lower()).replace("\u2019", "'")
    if lowered in _PRONOUNS or re.fullmatch(_PLURAL_SUBJECT, lowered):
        return False
    return not _clean_name(raw)


_OPENING = _Lazy(
    rf"\s*(?:(?:in|during|for|throughout)\s+(?:the\s+)?(?:{PERIOD.replace('?P<', '?P<o_')})\s*,?\s*)?"
    r"(?:(?:overall|in\s+total|together|today|currently|meanwhile|additionally|also)\s*,?\s*)?"
    rf"(?:(?:{PERIOD})[\s\-]+)?(?:(?:total|consolidated|net)\s+)?\Z",
    re.I,
)
_ANNOUNCED_THAT = _Lazy(
    rf"\s*(?P<subj>{_ORG_PRONOUN}|{_NAME})\s+(?:(?:today|also)\s+)?(?:announced|reported|said|noted|stated|disclosed)\s+that\s+"
    rf"(?:(?:{PERIOD})[\s\-]+)?(?:(?:total|consolidated|net)\s+)?\Z",
    re.I,
)


def _opens_statement(ctx: _Context, sentence, at: int) -> bool:
    """Whether a subject-less statement at ``at`` speaks for the whole company.

    Only when nothing but a period or an adverb comes before it in the
    sentence, when the organisation itself "reported that ...", or when it
    continues ("... and net loss was") a statement already taken from the
    same sentence.
    """
    if _OPENING.match(ctx.prose, sentence.start, at):
        return True
    announced = _ANNOUNCED_THAT.match(ctx.prose, sentence.start, at)
    if announced:
        subject = announced.group("subj")
        return subject.lower() in _PRONOUNS or _is_organisation(ctx, subject, subject_key(subject))
    before = ctx.prose[sentence.start : at]
    if re.search(r"\band\s+(?:(?:total|consolidated|net)\s+)?\Z", before):
        return any(sentence.start <= fact.start < at for fact in ctx.facts)
    return False


def _is_organisation(ctx: _Context, name: str, key: str) -> bool:
    """The document's organisation (or its first words: "Norwind"), or a name with a corporate ending."""
    if ctx.org_key and (key == ctx.org_key or ctx.org_key.startswith(key + " ")):
        return True
    return bool(re.search(rf"\s(?:{_CORPORATE})\Z", name))


def _common_words(name: str) -> bool:
    """Whether every word of a name is an everyday English word (or a short capitalised code)."""
    from checker.lexicon import zipf

    words = re.findall(r"[A-Za-z][A-Za-z&\-]*", name)
    if not words:
        return True
    return all(zipf(word) >= 3.0 or (word.isupper() and len(word) <= 3) for word in words)


def _fact(ctx: _Context, subject: str, organisation: bool, measure: str, phrase: str, period: str, q: Quantity, hedge: str | None, statement_start: int) -> FactStatement:
    from checker.facts import FactStatement

    value, low, high = q.value, q.low, q.high  # in units: the numbers extractor applies the scale
    scale = q.scale or 1.0
    low, high = figure_interval(value, low, high, q.text, hedge, scale=scale)
    start = q.start + 1 if ctx.doc.text.startswith("\\", q.start) else q.start  # "\$62.2 million"
    text = ctx.doc.text[start : q.end]
    if hedge and not text.lower().startswith(hedge.lower()):
        text = f"{hedge} {text}"
    return FactStatement.model_construct(
        subject=subject,
        measure=fact_measure(measure, organisation),
        period=period,
        value=value,
        low=low,
        high=high,
        unit=q.unit,
        text=text,
        start=start,
        end=q.end,
        subject_key=subject_key(subject),
        organisation=organisation,
        phrase=re.sub(r"\s+", " ", phrase.strip()),
        statement_start=statement_start,
        statement_end=q.end,
        growth=None,
    )


def _add(ctx: _Context, fact: FactStatement) -> None:
    if (fact.start, fact.end) in ctx.seen:
        return
    ctx.seen.add((fact.start, fact.end))
    ctx.facts.append(fact)


_COMPARED_WITH = _Lazy(
    r"\s*,?\s*(?:compared\s+(?:with|to)|versus|vs\.?|up\s+from|down\s+from|from|against)\s+(?P<hedge>" + HEDGE + r"\s+)?\Z", re.I
)


def _comparison_fact(ctx: _Context, sentence, q: Quantity, following: list[Quantity], fact: FactStatement) -> None:
    """"$61.0 million in 2025, compared with $40.1 million in 2024": the second figure is a fact too."""
    if not following:
        return
    other = following[0]
    if not _is_currency(other) or other.unit != q.unit:
        return
    between = ctx.prose[q.end : other.start]
    follow = _AFTER_PERIOD.match(between)
    rest = between[follow.end() :] if follow else between
    hedge_match = _COMPARED_WITH.match(rest)
    if not hedge_match:
        return
    after = _AFTER_PERIOD.match(ctx.prose, other.end, sentence.end)
    if after is None or not re.match(r"\s*,?\s*(?:in|for|during)\s", ctx.prose[other.end : after.end()], re.I):
        return
    period = parse_period(after, ctx.year, ctx.calendar_fiscal)
    if period is None or period == fact.period:
        return
    if not _CLAUSE_END.match(ctx.prose, after.end(), sentence.end + 1 if sentence.end < len(ctx.prose) else sentence.end):
        return
    hedge = other.hedge or (hedge_match.group("hedge") or "").strip() or None
    second = _fact(ctx, fact.subject, fact.organisation, fact.measure, fact.phrase, period, other, hedge, fact.statement_start)
    _add(ctx, second)


# --- growth claims --------------------------------------------------------------------


def _growth_after(ctx: _Context, q: Quantity, following: list[Quantity], sentence, fact: FactStatement) -> GrowthClaim | None:
    percent = following[0]
    if percent.unit != "%":
        return None
    between = _GROWTH_BETWEEN.match(ctx.prose[q.end : percent.start])
    if between is None:
        return None
    after = _GROWTH_AFTER.match(ctx.prose[percent.end : sentence.end])
    if after is None:
        return None
    direction_word = between.group("pre") or after.group("post")
    if not direction_word:
        return None
    prior = _comparison_period(ctx, after.groupdict(), fact.period)
    if prior is None:
        return None
    if not _GROWTH_END.match(ctx.prose, percent.end + after.end(), sentence.end):
        return None  # "up 52% year over year on a constant-currency basis"
    if _GROWTH_QUALIFIER.search(ctx.prose, q.end, sentence.end):
        return None
    # A figure stated for the prior period in the same sentence is the numbers rules' business.
    if len(following) > 1 and any(_is_currency(other) for other in following[1:]):
        return None
    hedge = percent.hedge or (between.group("hedge") or "").strip() or None
    end = percent.end + after.end()
    return _growth(ctx, percent, hedge, direction_word, prior, percent.start if not between.group("pre") else q.end + between.start("pre"), end)


def _growth_before(ctx: _Context, match: re.Match, offset: int, fact: FactStatement, sentence) -> GrowthClaim | None:
    start, end = offset + match.start("gpct"), offset + match.end("gpct")
    if _GROWTH_QUALIFIER.search(ctx.prose, sentence.start, sentence.end):
        return None
    percent = next((q for q in ctx.quantities if q.start <= start < q.end or start <= q.start < end), None)
    if percent is None or percent.unit != "%":
        return None
    if not match.group("gcmp"):
        return None
    prior = prior_period(fact.period)
    if prior is None:
        return None
    verb = match.group("verb").split()[0]
    return _growth(ctx, percent, percent.hedge, verb, prior, offset + match.start("verb"), offset + match.end("gby"))


# After a growth claim: the end of the clause. Anywhere in the sentence: a
# basis other than the reported figures, which the prior figure does not share.
_GROWTH_END = _Lazy(
    r"\s*(?:[,.;:)\u2014\u2013]|--|\Z|(?:and|driven|due|reflecting|primarily|mainly|largely|thanks|as|while|which)(?![\w]))",
    re.I,
)
_GROWTH_QUALIFIER = _Lazy(
    r"constant[\s\-]+(?:currency|currencies|exchange)|currency[\s\-]+neutral|exclud|exclusive\s+of|organic|"
    r"like[\s\-]+for[\s\-]+like|comparable|pro\s+forma|adjusted|same[\s\-]+store|basis|annualized|annualised",
    re.I,
)
_DOWN = _Lazy(rf"\A(?:{_DIRECTION_DOWN}|fell|declined|decreased|dropped)\Z", re.I)


def _growth(ctx: _Context, percent: Quantity, hedge: str | None, direction: str, prior: str, start: int, end: int) -> GrowthClaim:
    from checker.facts import GrowthClaim

    sign = -1.0 if _DOWN.match(direction.strip()) else 1.0
    value, low, high = abs(percent.value), abs(percent.low), abs(percent.high)
    low, high = figure_interval(value, min(low, high), max(low, high), percent.text, hedge)
    if sign < 0:
        value, low, high = -value, -high, -low
    text = ctx.doc.text[start:end]
    return GrowthClaim.model_construct(percent=value, low=low, high=high, prior_period=prior, text=text, start=start, end=end)


def _comparison_period(ctx: _Context, groups: dict, period: str) -> str | None:
    """The period a growth claim compares against ("year-over-year" after 2025 -> "2024")."""
    found = []
    for prefix in ("x_", ""):
        sub = {k[len(prefix) :]: v for k, v in groups.items() if k.startswith(prefix) and (prefix or not k.startswith("x_"))}
        if sub.get("yoy"):
            found.append(prior_period(period))
        elif sub.get("qoq"):
            found.append(previous_quarter(period))
        else:
            found += _periods(ctx, sub, "c_")
    if None in found or len(set(found)) != 1:
        return None
    prior = found[0]
    return prior if prior != period else None


# --- headcounts ---------------------------------------------------------------------


def _headcount(ctx: _Context, sentence, q: Quantity) -> None:
    if q.value <= 0 or not float(q.value).is_integer():
        return
    prose = ctx.prose
    before, offset = ctx.before(sentence, q.start, 200)
    match = _EMPLOYER_BEFORE.search(before)
    after_end = q.end
    kind = "employer"
    if match is not None:
        tail = _EMPLOYEES_AFTER.match(prose, q.end, sentence.end)
        if tail is None:
            return
        phrase = tail.group("measure")
        if phrase.lower() == "people" and match.group("verb").lower().startswith("ha"):
            return  # "we have 800 people" may be customers or patients; "employs 800 people" is staff
        after_end = tail.end()
    else:
        match = _WORKFORCE_BEFORE.search(before, before[::-1])
        if match is None:
            return
        phrase = match.group("measure")
    as_of = _AS_OF.match(prose, after_end, sentence.end)
    if as_of:
        after_end = as_of.end()
        if as_of.group("y"):
            period = f"{as_of.group('y')}-{_MONTHS[as_of.group('mon').lower().rstrip('.')]:02d}"
        else:
            period = f"{as_of.group('ey') or as_of.group('ye')}-12"
    elif ctx.date is not None:
        period = f"{ctx.date.year}-{ctx.date.month:02d}"
    else:
        return
    if not _CLAUSE_END.match(prose, after_end, sentence.end):
        return
    groups = match.groupdict()
    subject, organisation = _subject(ctx, groups, kind, "employees", "total")
    if subject is None or not organisation:
        return
    anchor = "subj" if groups.get("subj") else "poss"
    hedge = q.hedge or (groups.get("hedge") or "").strip() or None
    _add(ctx, _fact(ctx, subject, organisation, "employees", phrase, period, q, hedge, offset + match.start(anchor)))


# --- years --------------------------------------------------------------------

_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "across", "throughout", "outside", "within", "to"})


def _years(ctx: _Context, sentence) -> None:
    """Founding years and first approvals (years are not quantities for the numbers extractor)."""
    from checker.facts import FactStatement

    text = ctx.prose[sentence.start : sentence.end]
    found: list[tuple[str, str, re.Match, int]] = []
    for pattern in (_FOUNDED_PASSIVE, _FOUNDED_ACTIVE, _FOUNDED_INTRO, _SINCE_FOUNDING):
        for match in pattern.finditer(text):
            found.append(("founded", match.group("subj"), match, match.start("subj")))
    for match in _FIRST_APPROVAL.finditer(text):
        found.append(("first approval", match.group("subj"), match, match.start("subj")))
    for match in _ITS_FIRST_APPROVAL.finditer(text):
        name = _PRECEDING_NAME.search(text, 0, match.start())
        if name is None or (name.group("prep") or "").strip().lower() in _PLACE_PREPOSITIONS:
            continue
        found.append(("first approval", name.group("subj"), match, name.start("subj")))
    for measure, raw, match, subject_at in found:
        subject, organisation = _subject(ctx, {"subj": raw}, "year", measure, measure)
        if subject is None:
            continue
        if measure == "founded" and re.search(r"start|launch", match.group(0), re.I) and not organisation:
            continue  # "started POLARIS-1 in 2023" is not a founding
        start, end = sentence.start + match.start("year"), sentence.start + match.end("year")
        year = float(match.group("year"))
        _add(ctx, FactStatement.model_construct(
            subject=subject,
            measure=measure,
            period="",
            value=year,
            low=year,
            high=year,
            unit="year",
            text=ctx.doc.text[start:end],
            start=start,
            end=end,
            subject_key=subject_key(subject),
            organisation=organisation,
            phrase=measure,
            statement_start=sentence.start + min(subject_at, match.start()),
            statement_end=end,
            growth=None,
        ))

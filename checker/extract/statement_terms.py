"""The vocabulary of fact statements: measures, subject keys, periods and hedged figures.

The tables and normalisers that the statement extractor (``checker.extract.statements``)
matches against, and that the reference ledger (``checker.ledger``) reads its
entries with: a measure phrase to its canonical measure, a subject to the key
it is compared by, a period as written to its canonical form, a figure and its
hedge to the interval it allows. The module docstring of
``checker.extract.statements`` documents them for users.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from checker.patterns import LazyPattern as _Lazy

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
    "gross margin": ("gross margin", "gross margins", "gross profit margin"),
    "operating margin": ("operating margin", "operating margins", "operating profit margin"),
    "net margin": ("net margin", "net profit margin"),
    "employees": ("employees", "staff", "people", "team members", "workforce", "headcount"),
    "founded": ("founded", "established", "incorporated"),
    "first approval": ("first approved", "first approval"),
}

# Money measures that name the company as a whole even without a subject.
# Measures stated as a percent of revenue: a statement of one is a percent, never an amount.
RATES = frozenset({"gross margin", "operating margin", "net margin"})
COMPANY_LEVEL = frozenset({"net income", "net loss", "operating income", "operating loss", "gross profit", "r&d expenses"}) | RATES
SALES_FAMILY = frozenset({"revenue", "sales", "product revenue"})
MONEY = frozenset(MEASURES) - {"employees", "founded", "first approval"} - RATES

PHRASES: dict[str, str] = {phrase: canonical for canonical, phrases in MEASURES.items() for phrase in phrases}
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
    if words in PHRASES:
        return PHRASES[words]
    return PHRASES.get(words.replace(" measure", ""))


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
CORPORATE = (
    r"Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|plc|PLC|LLC|Group|Holdings|Pharma|"
    r"Pharmaceuticals|Therapeutics|Biosciences|Biotech|Bio|Technologies|Technology|Robotics|Systems|"
    r"Networks|Software|Labs|Laboratories|Bank|Bancorp|Motors|Energy|Industries|Partners|Co\.|Company|"
    r"AG|SA|SE|NV|GmbH"
)


LEGAL_WORDS = _LEGAL


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


# --- periods ------------------------------------------------------------------

YEAR = r"(?:19|20)\d\d"
MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for m in names
}
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_FISCAL = r"(?:fiscal(?:\s+year)?|FY)"

# One alternation; the named groups say which form matched.
PERIOD = (
    rf"(?:(?:the\s+)?(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th)[\s\-]+quarter\s+(?:of\s+)?(?P<qfis>{_FISCAL}\s*)?(?P<qy>{YEAR})"
    rf"|(?:the\s+)?(?P<hord>first|second)[\s\-]+half\s+(?:of\s+)?(?P<hfis>{_FISCAL}\s*)?(?P<hy>{YEAR})"
    rf"|(?P<fqfis>fiscal(?:\s+year)?\s+|FY\s*['\u2019]?)(?P<fqy>{YEAR}|\d\d)\s+(?:(?P<fqord>first|second|third|fourth)[\s\-]+quarter|Q(?P<fqn>[1-4]))"
    rf"|Q(?P<qn>[1-4])\s*(?:of\s+)?(?P<qfis2>FY\s*|fiscal(?:\s+year)?\s+)?['\u2019]?(?P<qy2>{YEAR}|\d\d)"
    rf"|(?P<qn3>[1-4])Q\s*['\u2019]?(?P<qy3>{YEAR}|\d\d)"
    rf"|H(?P<hn>[12])\s*(?P<hfis2>FY\s*)?['\u2019]?(?P<hy2>{YEAR}|\d\d)"
    rf"|(?P<hn2>[12])H\s*['\u2019]?(?P<hy3>{YEAR}|\d\d)"
    rf"|(?:the\s+)?(?P<qmonths>three|3)\s+months\s+ended\s+(?P<qmon>{MONTH})\s+\d{{1,2}},?\s+(?P<qmy>{YEAR})"
    rf"|(?:the\s+)?(?P<yfis>fiscal\s+)?(?:year|(?:twelve|12)\s+months)\s+ended\s+(?P<ymon>{MONTH})\s+(?P<yday>\d{{1,2}}),?\s+(?P<ymy>{YEAR})"
    rf"|(?:the\s+)?(?P<fis>fiscal(?:\s+year)?\s*|FY\s*['\u2019]?)(?P<fy>{YEAR}|\d\d)"
    rf"|(?:the\s+)?(?:full[\s\-]+year|calendar(?:\s+year)?|year)\s+(?:of\s+)?(?P<cy>{YEAR})"
    rf"|(?P<y>{YEAR})"
    rf"|(?P<rel>last|this)\s+year"
    r")(?![\w])"
)
PERIOD_RE = _Lazy(PERIOD, re.I)


def _year(text: str) -> int:
    """A year as written: "25" is 2025."""
    value = int(text)
    return value + 2000 if value < 100 else value


def parse_period(match: re.Match, document_year: int | None = None, calendar_fiscal: bool = False) -> str | None:
    """The canonical period of a ``PERIOD`` match ("fourth quarter of 2025" -> "Q4 2025"), or None."""
    return period_from_groups(match.groupdict(), document_year, calendar_fiscal)


def period_from_groups(g: dict[str, Any], document_year: int | None = None, calendar_fiscal: bool = False) -> str | None:
    """The canonical period named by a ``PERIOD`` match's groups (see :func:`parse_period`)."""
    fy = "FY" if not calendar_fiscal else ""
    if g.get("qord"):
        return f"Q{_ORDINAL[g['qord'].lower()]} {fy if g['qfis'] else ''}{g['qy']}"
    if g.get("hord"):
        return f"H{1 if g['hord'].lower() == 'first' else 2} {fy if g['hfis'] else ''}{g['hy']}"
    if g.get("fqfis"):  # "fiscal 2025 second quarter", "FY25 Q2"
        quarter = _ORDINAL[g["fqord"].lower()] if g.get("fqord") else int(g["fqn"])
        return f"Q{quarter} {fy}{_year(g['fqy'])}"
    if g.get("qn"):
        return f"Q{g['qn']} {fy if g['qfis2'] else ''}{_year(g['qy2'])}"
    if g.get("qn3"):
        return f"Q{g['qn3']} {_year(g['qy3'])}"
    if g.get("hn"):
        return f"H{g['hn']} {fy if g['hfis2'] else ''}{_year(g['hy2'])}"
    if g.get("hn2"):
        return f"H{g['hn2']} {_year(g['hy3'])}"
    if g.get("qmonths"):
        month = MONTHS[g["qmon"].lower().rstrip(".")]
        return f"Q{month // 3} {g['qmy']}" if month % 3 == 0 else None
    if g.get("ymon"):
        month = MONTHS[g["ymon"].lower().rstrip(".")]
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
    """The quarter before ("Q1 2025" -> "Q4 2024")."""
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
HEDGE = (
    r"(?:about|approximately|approx\.?|roughly|around|some|circa|close\s+to|an\s+estimated|more\s+than"
    r"|over|at\s+least|in\s+excess\s+of|upwards\s+of|above|exceeding|just\s+over|well\s+over"
    r"|greater\s+than|up\s+to|less\s+than|under|below|at\s+most|fewer\s+than|no\s+more\s+than|just\s+under"
    r"|nearly|almost|just\s+shy\s+of)"
)
_DIGITS = _Lazy(r"\d[\d,]*(?:\.\d+)?")


class Bounds(NamedTuple):
    """The interval a figure allows; either end may be infinite ("more than 800")."""

    low: float
    high: float


def figure_interval(value: float, low: float, high: float, text: str, hedge: str | None, scale: float = 1.0, exact: bool = False) -> Bounds:
    """What a figure as written allows (see "Figures" in ``checker.extract.statements``)."""
    hedge = re.sub(r"\s+", " ", hedge.lower()) if hedge else None
    # "more than 800" is a bound, taken literally: 799.5 and up, never 750.
    if hedge in _AT_LEAST:
        return Bounds(low, math.inf)
    if hedge in _AT_MOST:
        return Bounds(-math.inf if value < 0 else 0.0, high)
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
    return Bounds(low, high)

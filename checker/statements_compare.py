"""Comparing fact statements across documents and with the ledger: what the NUM101-NUM103 rules share.

The statements themselves come from the ``facts`` extractor; this module decides when two of them are the
same fact (subject, measure, interval) and words the evidence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.extract.statement_terms import SALES_FAMILY, canonical_subjects

if TYPE_CHECKING:
    from checker.corpus import Corpus, DocumentResult
    from checker.facts import FactSheet
    from checker.ledger import Ledger


class Growth(NamedTuple):
    """A stated change against a prior period, as the corpus rules keep it (see ``GrowthClaim``)."""

    percent: float
    low: float
    high: float
    prior_period: str
    text: str
    start: int
    end: int


class StatedFact(NamedTuple):
    """A fact statement as the corpus rules keep it: what ``gather_facts`` takes of a ``FactStatement``."""

    subject: str
    subject_key: str
    measure: str
    period: str
    unit: str
    value: float
    low: float
    high: float
    text: str
    start: int
    end: int
    organisation: bool
    statement_start: int
    growth: Growth | None
    named: bool  # the subject is written in the statement (not a pronoun, not the document's organisation)


def gather_facts(sheet: FactSheet) -> tuple[StatedFact, ...] | None:
    """A document's fact statements as plain records (a corpus rule's ``gather``), or None when it states none."""
    if not sheet.facts:
        return None
    out = []
    for fact in sheet.facts:
        claim = fact.growth
        growth = None if claim is None else Growth(claim.percent, claim.low, claim.high, claim.prior_period, claim.text, claim.start, claim.end)
        out.append(StatedFact(fact.subject, fact.subject_key, fact.measure, fact.period, fact.unit, fact.value, fact.low, fact.high,
                              fact.text, fact.start, fact.end, fact.organisation, fact.statement_start, growth, fact.named))
    return tuple(out)


def stated_facts(corpus: Corpus, records: Iterable[tuple[int, Any]]) -> list[tuple[DocumentResult, StatedFact]]:
    """Every gathered statement with its document, in corpus order (records may come back from the cache as plain tuples)."""
    out = []
    for doc, record in records:
        document = corpus[doc]
        for item in record:
            fact = StatedFact(*item)
            if fact.growth is not None:
                fact = fact._replace(growth=Growth(*fact.growth))
            out.append((document, fact))
    return out


def same_measure(document_measure: str, organisation: bool, ledger_measure: str) -> bool:
    """Whether a document statement's measure is a ledger fact's measure."""
    if document_measure == ledger_measure:
        return True
    return not organisation and document_measure == "sales" and ledger_measure in SALES_FAMILY


def overlaps(a_low: float, a_high: float, b_low: float, b_high: float) -> bool:
    """Whether two closed intervals meet (with a relative tolerance for float noise)."""
    tolerance = 1e-9 * max(1.0, abs(a_low), abs(a_high) if math.isfinite(a_high) else 0.0)
    return a_low <= b_high + tolerance and b_low <= a_high + tolerance


def growth_interval(current: tuple[float, float], prior: tuple[float, float]) -> tuple[float, float] | None:
    """The percent change current/prior - 1 that the two intervals allow, or None if undefined."""
    (c_low, c_high), (p_low, p_high) = current, prior
    if p_low <= 0 or c_low < 0:
        return None
    return (c_low / p_high - 1) * 100, (c_high / p_low - 1) * 100 if math.isfinite(c_high) else math.inf


def format_amount(value: float, unit: str) -> str:
    """A value for messages: "$62.2 million", "800", "2009"."""
    if unit == "year":
        return str(int(value))
    if unit == "%":
        return f"{value:,.2f}".rstrip("0").rstrip(".") + "%"
    symbol = {"USD": "$", "EUR": "\u20ac", "GBP": "\u00a3"}.get(unit, "")
    prefix = symbol or (f"{unit} " if unit else "")
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{prefix}{value / scale:,.1f} {word}"
    return f"{prefix}{value:,.0f}" if float(value).is_integer() else f"{prefix}{value:,.2f}"


_PLURAL_MEASURES = frozenset({"sales", "r&d expenses"})
_MONTH_NAMES = ("January February March April May June July August September October November December").split()


def describe(subject: str, measure: str, period: str) -> str:
    """A fact's key in words, with its verb: "Norwind Robotics revenue for 2025 is"."""
    if measure == "founded":
        return f"the founding year of {subject} is"
    if measure == "first approval":
        return f"the year of {subject}'s first approval is"
    if measure == "employees":
        month = re.fullmatch(r"(\d{4})-(\d\d)", period)
        when = f" as of {_MONTH_NAMES[int(month.group(2)) - 1]} {month.group(1)}" if month else (f" in {period}" if period else "")
        return f"the headcount of {subject}{when} is"
    verb = "are" if measure in _PLURAL_MEASURES else "is"
    return f"{subject} {measure}" + (f" for {period}" if period else "") + f" {verb}"




def corpus_subjects(facts: Iterable[tuple[DocumentResult, StatedFact]], ledger: Ledger | None = None) -> dict[str, str]:
    """Every subject key of a corpus (and its ledger) mapped to its corpus-wide form."""
    keys = {fact.subject_key for _, fact in facts}
    if ledger is not None:
        keys |= {fact.subject_key for fact in ledger.facts}
    return canonical_subjects(keys)


def where(sheet: DocumentResult, offset: int, here: str | None = None) -> str:
    """"line 9" in the document ``here``, "q4-results.md line 9" elsewhere."""
    line = sheet.position(offset)[0]
    return f"line {line}" if sheet.path == here else f"{sheet.path} line {line}"


def format_interval(low: float, high: float, unit: str) -> str:
    """An interval in words, for evidence: "$61.85 million to $61.95 million", "more than 800"."""
    if low == high:
        return format_amount(low, unit)
    if math.isinf(high):
        return f"at least {format_amount(low, unit)}"
    if math.isinf(low) or low <= 0 < high and low == 0:
        return f"at most {format_amount(high, unit)}"
    return f"{_precise(low, unit)} to {_precise(high, unit)}"


def _precise(value: float, unit: str) -> str:
    """A bound of an interval, to four significant digits."""
    if unit == "%":
        return f"{value:,.4g}%"
    symbol = {"USD": "$", "EUR": "\u20ac", "GBP": "\u00a3"}.get(unit, "")
    prefix = symbol or (f"{unit} " if unit and unit != "year" else "")
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{prefix}{value / scale:,.4g} {word}"
    return f"{prefix}{value:,.6g}"

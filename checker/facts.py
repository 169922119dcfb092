"""The fact sheet: what pass 1 extracted from one document, as plain data.

A FactSheet is JSON-serialisable: it is what document rules and the corpus
rules' ``gather`` read in pass 1, and what ``factlint facts`` prints. It
holds facts only: rule findings and internal errors are kept apart, in the
engine's ``checker.corpus.DocumentResult``. Each rule family owns the models of its own section below; fields
hold offsets into the document's text (0-based, end exclusive), and
``line_starts`` lets anyone holding only the sheet resolve them to lines and
columns.

These are frozen, slotted dataclasses (the sheet itself is mutable while the
extractors fill it in), keyword-only like the models they replaced: building
one costs a plain ``__init__``, and importing this module costs no validation
library. The extractors are the only producers and are tested; nothing is
validated on construction. The published JSON schema of ``factlint facts``
is generated from these same classes by :mod:`checker.fact_schema`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True, kw_only=True)
class Directive:
    """An inline suppression comment (see checker.suppress)."""

    # "unknown": a ``factlint-`` comment whose directive is none of the others (``word`` says which)
    kind: Literal["disable", "enable", "disable-line", "disable-next-line", "disable-file", "unknown"]
    codes: tuple[str, ...] = ()  # empty: every rule
    word: str = ""  # the directive as written, kept for an unknown one
    start: int
    end: int
    line: int  # 1-based line of the comment
    target: int = 0  # disable-next-line: the 1-based line it applies to


# --- names (checker.extract.names) -------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class NameMention:
    """One occurrence of a name candidate."""

    text: str  # as written, without a possessive 's
    start: int
    end: int
    kind: Literal["word", "phrase", "drug", "code", "acronym"]
    # Its capitals say nothing: first word of a sentence or line, a heading,
    # a title-case or all-capital line.
    initial: bool = False
    heading: bool = False  # in a heading, a title-case or an all-capital line


@dataclass(frozen=True, slots=True, kw_only=True)
class AcronymDefinition:
    """``long (SHORT)`` or ``SHORT (long)``."""

    short: str
    long: str
    start: int  # span of the whole definition
    end: int
    short_start: int
    short_end: int
    long_start: int = 0
    long_end: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Alias:
    """Two names the document says are one entity ("Olverembatinib (HQP1351)")."""

    name: str
    alias: str
    start: int
    end: int


# --- numbers (checker.extract.numbers) ---------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A number as written, with the interval its rounding allows.

    ``value``, ``low`` and ``high`` are in units (the scale applied: "$1.2
    billion" has value 1.2e9, low 1.15e9, high 1.25e9, scale 1e9);
    ``decimals`` is the precision as written (decimals of the written
    mantissa). A range ("10%-12%") is one quantity of kind "range" whose
    interval spans both ends. Spelled-out counts ("two") and multiplier
    verbs ("doubled") are ``exact``. The hedge is kept apart: low and high
    reflect rounding only (``checker.intervals.hedged`` applies a hedge).
    """

    text: str
    start: int
    end: int
    value: float
    low: float
    high: float
    unit: str = ""  # "", "%", "pp", "bp", "x", or a currency code such as "USD"
    scale: float = 1.0
    hedge: str | None = None  # "about", "more than", "up to", ...
    decimals: int = 0
    kind: Literal["number", "range", "multiple"] = "number"
    exact: bool = False
    noun: str = ""  # the counted noun after a bare number ("412 patients" -> "patients")


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """An arithmetic claim that was recognised and checked.

    ``start``/``end`` is the stated result a finding points at (the "42%" of
    "an increase of 42%"); ``parts`` are the spans of the figures the result
    was computed from. ``kind`` says what was checked (the rules that report
    claims choose theirs by kind); ``detail`` is the evidence ("48.6 / 31.2
    - 1 = +55.8% (55.6% to 56.0% with rounding); the text says 42%").
    """

    kind: str  # "percent-change", "change", "direction", "percentage-points", "multiple", "share", "total", "percent-sum", "cagr"
    start: int
    end: int
    consistent: bool
    detail: str = ""
    stated: str = ""  # the stated result as written
    computed: str = ""  # the computed result, written like the stated one
    low: float | None = None  # the computed range
    high: float | None = None
    parts: tuple[tuple[int, int], ...] = ()
    loose: bool = False  # loosely worded ("drove total revenue of"): a warning, not an error
    suggestion: str = ""  # replacement text for the stated result (a display-only fix)
    inferred: bool = False  # a base the text does not state beside the claim: a whole or parts from elsewhere, a worked-back level


# --- dates (checker.extract.dates) --------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    """One date expression, as written and as resolved.

    ``year``/``month``/``day`` are what the text names (for a fiscal year
    with a stated end, "fiscal year ended June 30, 2025", month and day give
    that end; for "since ..." mentions they give the starting point).
    ``first``/``last`` are the calendar days the mention covers, when known:
    quarters, halves and fiscal years only get them when the fiscal year end
    is known; relative mentions only when the document date is known.
    """

    text: str
    start: int
    end: int
    # "date", "month", "year", "quarter", "half", "fiscal-year", "relative", "duration"
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday, as written in the text
    resolved: str | None = None  # ISO date or period the mention resolves to ("2025-12", "2025", "FY2025")
    quarter: int | None = None  # 1-4 for quarters, 1-2 for halves
    fiscal: bool = False  # written as a fiscal period ("FY2025", "Q4 fiscal 2025")
    valid: bool = True  # False for impossible dates ("February 30, 2026", "2025-13-01")
    first: _dt.date | None = None  # first calendar day covered
    last: _dt.date | None = None  # last calendar day covered
    count: float | None = None  # durations and "ago": how many units
    unit: str | None = None  # "day", "week", "month", "quarter", "year", "decade", ...
    # durations: "first", "consecutive", "since", "past", "next", "first-of-year" or a hedge
    # ("more than", "over", "nearly", ...); years and months: "early", "mid", "late", "end of", ...;
    # relative: "last", "this", "next" (":earlier" etc. for a modifier), "ago", "day", "month-last-year"
    qualifier: str | None = None
    preposition: str | None = None  # the word just before ("in", "on", "since", "until", "by", ...)


@dataclass(frozen=True, slots=True, kw_only=True)
class FiscalYearEndFact:
    """The end of the fiscal year, as the configuration or the document gives it."""

    month: int
    day: int
    source: str  # where it came from: "configuration fiscal-year-end = '06-30'", "document: 'fiscal year ended June 30, 2025'"


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentDate:
    """The date a document was written or published, where it was found and why it was chosen."""

    date: _dt.date
    source: Literal["front-matter", "dateline", "published", "changelog", "date-line", "heading", "config"]
    reason: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DatedEvent:
    """An event of named things stated at a date ("Norwind will launch the X200 on March 10, 2026").

    Found by :mod:`checker.extract.date_events`: the clause of a date mention
    with an event word in it. ``names`` and ``words`` are what says which
    event it is (lower-case tokens of the clause's capitalised names, and its
    other content words); ``start``/``end`` span the date.
    """

    event: str  # the event's lemma: "launch", "release", "open", "close", "complete", "start", "end", ...
    label: str = ""  # the names as written, in order ("Norwind Robotics X200")
    names: list[str]
    words: list[str]
    text: str  # the date as written
    start: int
    end: int
    first: _dt.date | None = None  # the days the date covers; None when it names no year ("Thursday, March 10")
    last: _dt.date | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # as written (0 = Monday)
    future: bool = False  # stated as planned or to come


# --- facts across documents (checker.extract.statements) -----------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class GrowthClaim:
    """A stated change of a fact against a prior period ("81% year-over-year growth")."""

    percent: float  # signed: -12.0 for "down 12%"
    low: float  # the percent's rounding interval (hedges widen it)
    high: float
    prior_period: str  # the period compared against: "2024", "Q3 2025"
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FactStatement:
    """subject + measure + period = value, as stated in the document.

    ``value``, ``low`` and ``high`` are absolute (scale applied: "$62.2
    million" is 62.2e6, 62.15e6 to 62.25e6). ``start``/``end`` span the
    figure; ``statement_start``/``statement_end`` the words that make the
    statement (subject to figure).
    """

    subject: str  # as written (a pronoun is replaced by the document's organisation)
    measure: str  # canonical measure: "revenue", "sales", "employees", "founded", ...
    period: str = ""  # canonical period: "2025", "Q4 2025", "H1 2025", "FY2025"; "" when timeless
    value: float
    low: float
    high: float
    unit: str = ""  # "USD" and other currency codes, "" for counts, "year" for years
    text: str
    start: int
    end: int
    subject_key: str = ""  # normalised subject (see checker.extract.statement_terms.subject_key)
    organisation: bool = False  # the subject is a company, not a product or segment
    phrase: str = ""  # the measure as written ("full-year sales")
    statement_start: int = 0
    statement_end: int = 0
    growth: GrowthClaim | None = None
    named: bool = False  # the subject is written in the statement (not a pronoun, not left to the document's organisation)


# --- compounds (checker.extract.compounds) --------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class CompoundMention:
    """One lower-case two-word compound in one of its forms: ``follow-up``, ``followup`` or ``follow up``.

    A closed form is recorded for each way its word splits into two known words; an open one
    only where it could do a hyphenated form's job (``follower`` or ``noun`` set).
    """

    first: str
    second: str
    form: Literal["hyphenated", "closed", "open"]
    start: int
    end: int
    follower: str = ""  # the content word right after it ("loan" in "long-term loan"), if any
    noun: bool = False  # between an article and a clause boundary ("a follow-up.")


# --- the sheet ----------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class FactSheet:
    """Everything pass 1 learned about one document."""

    path: str
    format: str
    encoding: str = "utf-8"
    length: int = 0
    line_starts: list[int] = field(default_factory=lambda: [0])
    in_scope: bool = True  # findings are reported only for documents in scope
    content_digest: str = ""  # BLAKE2 of the bytes that were checked (--fix writes only over these bytes)
    directives: list[Directive] = field(default_factory=list)
    names: list[NameMention] = field(default_factory=list)
    acronyms: list[AcronymDefinition] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)  # capitalised words written mid-sentence, as written (which documents are related)
    # The name the document is about, when its first block is a heading that is that name alone ("# pnmenlarge",
    # a reference page's title): NAM001 never reports a name a document is titled with as a variant.
    title: str = ""
    # The language of the prose when it is not English ("es": checker.language), else "": the names rules tell a
    # name from an ordinary word by an English word list, so NAM001 does not read such a document.
    language: str = ""
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    document_date: DocumentDate | None = None
    fiscal_year_end: FiscalYearEndFact | None = None
    events: list[DatedEvent] = field(default_factory=list)
    facts: list[FactStatement] = field(default_factory=list)
    compounds: list[CompoundMention] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)  # extractors that ran
    locations: list[str] = field(default_factory=list)  # Word and PDF: where each line is ("paragraph 12"), see Document.locations

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in this document."""
        from checker.document import offset_to_position

        pos = offset_to_position(self.line_starts, offset)
        return pos.line, pos.column

    def location(self, line: int) -> str | None:
        """Where a 1-based line is, in the document's own terms ("paragraph 12", "page 2, line 7"), if it has them."""
        locations = self.locations
        return locations[line - 1] if 0 < line <= len(locations) else None

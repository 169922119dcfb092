"""The fact sheet: what pass 1 extracted from one document, as plain data.

A FactSheet is JSON-serialisable and picklable: it is what worker processes
send back, what corpus rules (pass 2) read, and what ``factlint facts``
prints. Each rule family owns the models of its own section below; fields
hold offsets into the document's text (0-based, end exclusive), and
``line_starts`` lets anyone holding only the sheet resolve them to lines and
columns.

Hot-path code builds these with ``model_construct`` (no validation): the
extractors are the only producers and are tested.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.finding import Finding


class _Fact(BaseModel):
    model_config = ConfigDict(frozen=True)


class Directive(_Fact):
    """An inline suppression comment (see checker.suppress)."""

    kind: Literal["disable", "enable", "disable-next-line", "disable-file"]
    codes: tuple[str, ...] = ()  # empty: every rule
    start: int
    end: int
    line: int  # 1-based line of the comment
    target: int = 0  # disable-next-line: the 1-based line it applies to


# --- names (checker.extract.names) -------------------------------------------


class NameMention(_Fact):
    """One occurrence of a name candidate."""

    text: str
    start: int
    end: int
    kind: Literal["word", "phrase", "drug", "code", "acronym"]


class AcronymDefinition(_Fact):
    """``long (SHORT)`` or ``SHORT (long)``."""

    short: str
    long: str
    start: int  # span of the whole definition
    end: int
    short_start: int
    short_end: int


class Alias(_Fact):
    """Two names the document says are one entity ("Olverembatinib (HQP1351)")."""

    name: str
    alias: str
    start: int
    end: int


# --- numbers (checker.extract.numbers) ---------------------------------------


class Quantity(_Fact):
    """A number as written, with the interval its rounding allows."""

    text: str
    start: int
    end: int
    value: float
    low: float
    high: float
    unit: str = ""  # "", "%", "pp", "bp", "x", or a currency code such as "USD"
    scale: float = 1.0
    hedge: str | None = None  # "about", "more than", "up to", ...


class Claim(_Fact):
    """An arithmetic claim that was recognised and checked."""

    kind: str  # "percent-change", "share", "total", "multiple", "cagr", ...
    start: int
    end: int
    consistent: bool
    detail: str = ""


# --- dates (checker.extract.dates) --------------------------------------------


class DateMention(_Fact):
    text: str
    start: int
    end: int
    kind: str  # "date", "month", "year", "quarter", "half", "fiscal-year", "relative", "duration"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday, as written in the text
    resolved: str | None = None  # ISO date or period the mention resolves to


class DocumentDate(_Fact):
    date: _dt.date
    source: Literal["front-matter", "dateline", "published", "config"]
    reason: str
    start: int | None = None
    end: int | None = None


# --- facts across documents (checker.extract.facts) --------------------------


class FactStatement(_Fact):
    """subject + measure + period = value, as stated in the document."""

    subject: str
    measure: str
    period: str = ""
    value: float
    low: float
    high: float
    unit: str = ""
    text: str
    start: int
    end: int


# --- the sheet ----------------------------------------------------------------


class FactSheet(BaseModel):
    """Everything pass 1 learned about one document."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    path: str
    format: str
    encoding: str = "utf-8"
    length: int = 0
    line_starts: list[int] = Field(default_factory=lambda: [0])
    in_scope: bool = True  # findings are reported only for documents in scope
    directives: list[Directive] = Field(default_factory=list)
    names: list[NameMention] = Field(default_factory=list)
    acronyms: list[AcronymDefinition] = Field(default_factory=list)
    aliases: list[Alias] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    document_date: DocumentDate | None = None
    facts: list[FactStatement] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    extracted: list[str] = Field(default_factory=list)  # extractors that ran
    extra: dict[str, Any] = Field(default_factory=dict)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in this document."""
        from checker.document import offset_to_position

        pos = offset_to_position(self.line_starts, offset)
        return pos.line, pos.column

"""What rules report: findings located by character offsets, with evidence and fixes.

Rules work in character offsets into ``Document.text`` (code points, 0-based,
end exclusive). The engine turns offsets into 1-based lines and columns when
it builds a :class:`Diagnostic`, the resolved form that formatters print.
These are frozen dataclasses because they sit on the hot path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
Applicability = Literal["safe", "unsafe", "display"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

# How sure a rule is of a finding, from its evidence: "high" (the text is wrong as written, e.g. an
# arithmetic mismatch outside every rounding interval), "medium" (very likely wrong, but the rule
# inferred part of the context), "low" (worth a look; often a house-style choice or a guess).
Confidence = Literal["high", "medium", "low"]
CONFIDENCE_RANK: dict[str, int] = {"low": 0, "medium": 1, "high": 2}


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits applied together; ``display`` fixes are suggestions only."""

    edits: tuple[Edit, ...]
    applicability: Applicability = "display"
    message: str = ""


@dataclass(frozen=True, slots=True)
class Related:
    """Another place involved in a finding, possibly in another document.

    ``path`` is None for the document the finding belongs to.
    """

    start: int
    end: int
    message: str = ""
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found, located by offsets in the document's text.

    ``path`` is None when the finding belongs to the document being checked;
    corpus rules set it to say which document it belongs to.
    """

    rule: str
    start: int
    end: int
    message: str
    evidence: str | None = None
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    path: str | None = None
    severity: Severity | None = None  # None: the rule's (configured) severity
    confidence: Confidence | None = None  # None: the rule's default confidence


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and 1-based column counted in code points."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class RelatedLocation:
    """A related place resolved to lines and columns (1-based), with what it shows."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str = ""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding resolved for output: path, positions and rule metadata."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    evidence: str | None = None
    related: tuple[RelatedLocation, ...] = field(default=())
    fix: Fix | None = None
    location: str | None = None  # for Word and PDF: "paragraph 12", "table 2, row 3, cell 4", "page 2, line 7"
    confidence: Confidence = "high"

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.message)

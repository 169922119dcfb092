"""The corpus pass as a map/reduce: what the engine keeps of each document once its fact sheet is gone.

Pass 1 builds a document's :class:`~checker.facts.FactSheet`, runs the
document rules on it, and then keeps only a :class:`DocumentResult`: where
the document is (path, line index), its findings and suppression
directives, and one small record per corpus rule, made by that rule's
``gather(sheet)`` (the map). The sheet itself is dropped, in the worker
process that built it. As results arrive, in document order, the engine
adds each record to the rule's aggregate (``rule.aggregate()``, then
``aggregate.add(doc, record)``: the reduce). At the end each corpus rule
sees its aggregate and the :class:`Corpus` (every document's result, for
paths, scope and positions) in ``check_corpus(corpus, aggregate)``. No
process ever holds every sheet, and a cached document supplies its records
without being read again.

Records are plain data (tuples, strings, numbers, booleans, None, bytes and
dicts of those): they cross process boundaries and are stored in the cache
(``checker.cache``), which gives lists back as tuples.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.facts import Directive, FactSheet
    from checker.finding import Finding
    from checker.rule import Rule


@dataclass(slots=True)
class DocumentResult:
    """What pass 1 keeps of one document: enough to place, filter and report findings."""

    path: str
    format: str
    encoding: str = "utf-8"
    in_scope: bool = True
    content_digest: str = ""  # BLAKE2 of the bytes that were checked (--fix writes only over these bytes)
    line_starts: Sequence[int] = field(default_factory=lambda: array("I", (0,)))
    locations: tuple[str, ...] = ()  # Word and PDF: where each line is, in the document's own terms
    directives: tuple[Directive, ...] = ()
    findings: list[Finding] = field(default_factory=list)  # the document rules' findings
    errors: tuple[str, ...] = ()  # internal errors: the run exits 2, and the result is never cached
    claims_checked: int = 0
    claims_inconsistent: int = 0
    # corpus rule code -> its gather() record; handed to the aggregates, then dropped
    records: dict[str, Any] | None = None
    sheet: FactSheet | None = None  # kept only when the run is asked to (``engine.run(keep_sheets=True)``)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in this document."""
        starts = self.line_starts  # as checker.document.offset_to_position, without its object (called per related place)
        index = bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def location(self, line: int) -> str | None:
        """Where a 1-based line is, in the document's own terms ("paragraph 12", "page 2, line 7"), if it has them."""
        return self.locations[line - 1] if 0 < line <= len(self.locations) else None


class Corpus(Sequence[DocumentResult]):
    """Every document of the run, by index (the ``doc`` given to ``aggregate.add``)."""

    def __init__(self, documents: Sequence[DocumentResult]) -> None:
        self._documents = documents

    def __len__(self) -> int:
        return len(self._documents)

    def __getitem__(self, index):
        return self._documents[index]

    def __iter__(self) -> Iterator[DocumentResult]:
        return iter(self._documents)


class Records:
    """The default aggregate: every document's record that is not None, with its document index, in order."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[tuple[int, Any]] = []

    def add(self, doc: int, record: Any) -> None:
        if record is not None:
            self.items.append((doc, record))

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def run_corpus_rule(rule: Rule, sheets: Sequence[FactSheet]) -> list[Finding]:
    """A corpus rule over fact sheets held in memory (tests, benchmarks): gather, reduce in order, check."""
    aggregate = rule.aggregate()
    documents = []
    for index, sheet in enumerate(sheets):
        aggregate.add(index, rule.gather(sheet))
        documents.append(
            DocumentResult(path=sheet.path, format=sheet.format, in_scope=sheet.in_scope, line_starts=array("I", sheet.line_starts))
        )
    return list(rule.check_corpus(Corpus(documents), aggregate))

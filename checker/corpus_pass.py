"""The corpus pass: pass 1's results -> the corpus rules' findings -> filtered, resolved, sorted diagnostics.

``checker.engine`` runs pass 1 (per document: read, parse, extract, document rules,
the corpus rules' records) and hands each ``DocumentResult`` to a :class:`Reduce`
as it arrives, in document order. The reduction adds each result's records to the
corpus rules' aggregates (``checker.corpus``); once every document is in, the
corpus rules report from their aggregates. Then every finding, per document or
corpus-wide, is filtered (scope, per-file-ignores, inline suppressions), given its
configured severity, resolved to lines and columns, and sorted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from checker.corpus import Corpus, DocumentResult
from checker.finding import Diagnostic, Finding, RelatedLocation, Severity

if TYPE_CHECKING:
    from checker.cache_diagnostics import Placed
    from checker.config import Settings
    from checker.ledger import Ledger
    from checker.rule import Rule

# More documents changed since the memos' corpus pass than this: the corpus rules report as if there were no
# earlier pass to start from (the changed documents' records are not kept for them).
CHANGES_MAX = 64


def check_documents(
    documents: list[DocumentResult], settings: Settings, rules: Sequence[type[Rule]], ledger: Ledger | None = None
) -> tuple[list[Diagnostic], list[str]]:
    """Pass 2 over documents already through pass 1 (``process``, or ``run(keep_records=True)``): corpus rules
    from the documents' records, then filter, resolve and sort.

    Returns the diagnostics and the internal errors. A long-running caller (the language
    server) keeps the results of a set of documents, rebuilds the one that changed and calls this.
    """
    reduce = Reduce(corpus_rules(settings, rules, ledger), keep_records=True)
    for index, document in enumerate(documents):
        reduce.add(index, document)
    errors = [error for document in documents for error in document.errors]
    corpus_findings = reduce.findings(Corpus(documents), errors)
    return filtered(documents, corpus_findings, settings, rules), errors


def ledger_of(settings: Settings) -> Ledger | None:
    if not settings.ledger:
        return None
    from checker.ledger import load_ledger  # raises ConfigError (exit 2) when malformed

    return load_ledger(Path(settings.root) / settings.ledger)


def corpus_rules(settings: Settings, rules: Sequence[type[Rule]], ledger: Ledger | None) -> list[Rule]:
    from checker.engine import instantiate

    chosen = [instantiate(rule, settings) for rule in rules if rule.scope == "corpus"]
    for rule in chosen:
        rule.ledger = ledger
    return chosen


def filtered(
    documents: list[DocumentResult], corpus_findings: list[Finding], settings: Settings, rules: Sequence[type[Rule]], placed: Placed | None = None
) -> list[Diagnostic]:
    """Every in-scope document's findings and the corpus findings on it, filtered, placed and sorted (``placed``: the
    diagnostics the cache kept from the last run, given back for the documents where they are this run's)."""
    by_path: dict[str, list[Finding]] = {}
    for finding in corpus_findings:
        by_path.setdefault(finding.path or "", []).append(finding)
    from checker.engine import instantiate

    suppression_rules = [instantiate(rule, settings) for rule in rules if rule.reads_suppressions]
    return _finish(documents, by_path, settings, {rule.code: rule for rule in rules}, suppression_rules, placed)


class Reduce:
    """The corpus rules' aggregates, fed each document's records in order (checker.corpus)."""

    def __init__(self, rules: list[Rule] | Callable[[], list[Rule]], keep_records: bool = False, ahead: bool = False) -> None:
        # ``rules`` may be a function that makes them: called when the first document's records or the report
        # need them, and never when the cache has the corpus findings already (``known``), so that a run that
        # changed nothing does not import the corpus rules' modules.
        self._make = rules if callable(rules) else None
        self._wants_ahead = ahead
        self.rules: list[Rule] = []
        self.aggregates: dict[str, Any] = {}
        self.ahead: list[Rule] = []
        if not callable(rules):
            self._start(rules)
        self.failed: dict[str, str] = {}
        self.keep_records = keep_records  # the results keep their records (else dropped once reduced)
        self.known: list[Finding] | None = None  # the corpus findings, when the cache already has them
        # Rule code -> what its aggregate keeps from one corpus pass for the next (``aggregate.memo``,
        # plain data): given from the cache's last pass before the rule reports, taken back after.
        self.memos: dict[str, Any] = {}
        # Whether the memos are kept for a next corpus pass (a cache is in use): else a rule need not make them.
        self.remember = False
        # The documents changed since the corpus pass that made the memos: displayed path -> its records then
        # (packed), None when not known; None altogether when that corpus is not known (checker.cache).
        self.changed: dict[str, bytes | None] | None = None
        self._changes: dict[int, tuple[bytes | None, dict[str, Any]]] | None = {}  # document -> (its records then, now)
        self._changed_paths: set[str] = set()

    def _start(self, rules: list[Rule]) -> None:
        from checker.rule import Rule

        self._make = None
        self.rules = rules
        self.aggregates = {rule.code: rule.aggregate() for rule in rules}
        # Rules that do part of their report as records arrive (``Rule.advance``): asked only when pass 1
        # runs in other processes (``ahead``), while this one would otherwise wait for their results.
        self.ahead = [rule for rule in rules if type(rule).advance is not Rule.advance] if self._wants_ahead else []

    def add(self, doc: int, result: DocumentResult) -> None:
        records = result.records or {}
        if not self.keep_records:
            result.records = None
        if self.changed is not None and self._changes is not None and result.path in self.changed and len(self.changed) <= CHANGES_MAX:
            if result.path in self._changed_paths:  # two documents of one path: which one changed is not known
                self._changes = None
            else:
                self._changed_paths.add(result.path)
                self._changes[doc] = (self.changed[result.path], records)
        if self.known is not None:
            return
        if self._make is not None:
            self._start(self._make())
        if not doc and self.changed is not None and 0 < len(self.changed) <= CHANGES_MAX:
            # Few documents changed since the memos' corpus pass: an aggregate may hold the records it is given
            # and reduce them when asked, a rule searching only the part of the corpus that the changes touch.
            for aggregate in self.aggregates.values():
                if hasattr(aggregate, "hold"):
                    aggregate.hold()
        for code, aggregate in self.aggregates.items():
            if code in self.failed:
                continue
            try:
                aggregate.add(doc, records.get(code))
            except Exception as error:
                self.failed[code] = _failure(code, error)
        for rule in self.ahead:
            if rule.code in self.failed or rule.code in self.memos:
                continue
            try:
                rule.advance(self.aggregates[rule.code])
            except Exception as error:
                self.failed[rule.code] = _failure(rule.code, error)

    def findings(self, corpus: Corpus, errors: list[str]) -> list[Finding]:
        if self.known is not None:
            return self.known
        if self._make is not None:
            self._start(self._make())
        out: list[Finding] = []
        for rule in self.rules:
            if rule.code in self.failed:
                errors.append(self.failed[rule.code])
                continue
            aggregate = self.aggregates[rule.code]
            remembers = hasattr(aggregate, "memo")
            if remembers:
                aggregate.memo = self.memos.get(rule.code)
                if hasattr(aggregate, "changes"):
                    aggregate.changes = self._changes_of(rule.code)
                    aggregate.remember = self.remember
            try:
                out.extend(rule.check_corpus(corpus, aggregate))
                if remembers:
                    self.memos[rule.code] = aggregate.memo
            except Exception as error:
                errors.append(_failure(rule.code, error))
        self.aggregates.clear()  # reported: their memory is free for what follows (formatting, the cache's write)
        return out

    def _changes_of(self, code: str) -> dict[int, tuple[Any, Any]] | None:
        """Document -> (its record for ``code`` at the memo's corpus pass, its record now), for the documents
        changed since; None when that is not known (no memo's corpus, a record then not stored or unreadable)."""
        if self.changed is None or self._changes is None or not 0 < len(self._changes) == len(self.changed) <= CHANGES_MAX:
            return None
        import msgpack

        out: dict[int, tuple[Any, Any]] = {}
        for doc, (packed, records) in self._changes.items():
            if packed is None:
                return None
            try:
                before = msgpack.unpackb(packed, use_list=False, raw=False, strict_map_key=False)
            except Exception:
                return None
            if not isinstance(before, dict):
                return None
            out[doc] = (before.get(code), records.get(code))
        return out


def stats(documents: list[DocumentResult]) -> dict[str, int]:
    return {
        "documents": sum(1 for document in documents if document.in_scope),
        "corpus_documents": len(documents),
        "claims_checked": sum(document.claims_checked for document in documents if document.in_scope),
        "claims_inconsistent": sum(document.claims_inconsistent for document in documents if document.in_scope),
    }


def _finish(
    documents: list[DocumentResult],
    corpus_findings: dict[str, list[Finding]],
    settings: Settings,
    rules: dict[str, type[Rule]],
    suppression_rules: Sequence[Rule] = (),
    placed: Placed | None = None,
) -> list[Diagnostic]:
    from checker.globs import matches_any
    from checker.registry import matches
    from checker.suppress import Suppressor

    by_path = {document.path: document for document in documents}
    root = Path(settings.root)
    out: list[Diagnostic] = []
    places: dict[tuple, RelatedLocation] = {}  # related places resolved so far (a name's places recur in many findings)
    for sheet in documents:
        if not sheet.in_scope:
            continue
        if placed is not None:
            kept = placed.reuse(sheet)
            if kept is not None:
                out.extend(kept)
                continue
        findings = [f for f in sheet.findings if f.rule in rules] + corpus_findings.get(sheet.path, [])
        ignored = _per_file_ignores(sheet.path, settings, root, matches_any)
        suppressor = Suppressor(list(sheet.directives)) if sheet.directives else None
        for finding in findings:
            if ignored and matches(finding.rule, ignored):
                continue
            line = sheet.position(finding.start)[0]
            if suppressor is not None and suppressor.suppresses(finding.rule, line):
                continue
            out.append(resolve(finding, sheet, rules[finding.rule], settings, by_path, places))
        if suppressor is None:
            continue
        unused = suppressor.unused()
        for rule in suppression_rules:  # the suppression hook: rules that judge the directives themselves
            if ignored and matches(rule.code, ignored):
                continue
            for finding in rule.check_suppressions(sheet, unused, suppressor.invalid):
                out.append(resolve(finding, sheet, rules[finding.rule], settings, by_path))
    out.sort(key=Diagnostic.sort_key)
    return out


def _per_file_ignores(path: str, settings: Settings, root: Path, matches_any) -> tuple[str, ...]:
    if not settings.per_file_ignores:
        return ()
    from checker.discovery import relative_to

    relative = relative_to(Path(path), root)
    codes: list[str] = []
    for pattern, selectors in settings.per_file_ignores.items():
        if matches_any(relative, (pattern,)) or matches_any(path, (pattern,)):
            codes.extend(selectors)
    return tuple(codes)


def configured_severity(rule: type[Rule], settings: Settings) -> str | None:
    """The severity configured for a rule: by code, else name, else the longest matching prefix."""
    table = settings.severity
    if not table:
        return None
    if rule.code in table:
        return table[rule.code]
    if rule.name in table:
        return table[rule.name]
    prefixes = [key for key in table if rule.code.startswith(key.upper()) or key.lower() == rule.category]
    return table[max(prefixes, key=len)] if prefixes else None


def resolve(
    finding: Finding,
    sheet: DocumentResult,
    rule: type[Rule],
    settings: Settings,
    by_path: dict[str, DocumentResult],
    places: dict[tuple, RelatedLocation] | None = None,
) -> Diagnostic:
    """A finding located by offsets -> a Diagnostic located by lines and columns (``places``: related places
    resolved before, to share)."""
    line, column = sheet.position(finding.start)
    end_line, end_column = sheet.position(max(finding.end, finding.start))
    severity = cast(Severity, finding.severity or configured_severity(rule, settings) or rule.severity)
    related = []
    if places is None:
        places = {}
    for item in finding.related:
        key = (item.path or sheet.path, item.start, item.end, item.message)
        place = places.get(key)
        if place is None:
            target = by_path.get(key[0])
            r_line, r_column = (target or sheet).position(item.start)
            r_end_line, r_end_column = (target or sheet).position(max(item.end, item.start))
            place = RelatedLocation((target or sheet).path, r_line, r_column, r_end_line, r_end_column, item.message)
            if target is not None:  # else placed in this finding's document: not shared
                places[key] = place
        related.append(place)
    return Diagnostic(
        path=sheet.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.code,
        name=rule.name,
        category=rule.category,
        severity=severity,
        message=finding.message,
        start=finding.start,
        end=finding.end,
        evidence=finding.evidence,
        related=tuple(related),
        fix=finding.fix,
        location=sheet.location(line),
        confidence=finding.confidence or rule.confidence,
    )


def _failure(code: str, error: Exception) -> str:
    """The internal error a corpus rule's failure is reported as (its reduction, work ahead or report)."""
    return f"corpus rule {code} failed: {type(error).__name__}: {error}"

"""The engine: documents -> pass 1 (per document, parallel) -> pass 2 (corpus) -> filter -> sort.

Pass 1 reads, decodes and parses each document, runs the extractors the
enabled rules need, and runs the document rules on documents in scope. Its
result is the document's FactSheet (plain data, so it crosses process
boundaries). Pass 2 gives every sheet to the corpus rules. Then findings are
filtered (scope, per-file-ignores, inline suppressions), given their
configured severity, resolved to lines and columns, and sorted.

Scope and corpus: findings are reported only for documents in scope (the
files named on the command line); the corpus (every document the config's
include globs match under the project root) supplies evidence to corpus
rules. When no enabled rule needs the corpus, only the scope is read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from checker.config import Settings
from checker.document import Document
from checker.facts import FactSheet
from checker.finding import Diagnostic, Finding, RelatedLocation, Severity
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.ledger import Ledger

# Below this much work a process pool costs more than it saves.
_POOL_MIN_FILES = 8
_POOL_MIN_BYTES = 2_000_000


@dataclass(frozen=True, slots=True)
class Source:
    """A document to read: from disk (``file``) or from memory (``data``)."""

    path: str  # as displayed
    file: str | None = None
    data: bytes | None = None
    in_scope: bool = True
    encoding: str | None = None  # read in this encoding, detected by an earlier read, not detected again


@dataclass(frozen=True, slots=True)
class Notice:
    """A document that could not be checked, and why (binary, unreadable)."""

    path: str
    message: str


@dataclass
class RunResult:
    diagnostics: list[Diagnostic]
    sheets: list[FactSheet]
    notices: list[Notice]
    rules: list[type[Rule]]
    stats: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # internal errors: the run exits 2
    # The bytes of in-scope documents linted from memory (standard input), by path: formatters
    # that show source lines must show what was linted, not a file of the same name on disk.
    in_memory: dict[str, bytes] = field(default_factory=dict)


# --- pass 1 -----------------------------------------------------------------------

_WORKER: tuple[Settings, list[Rule], tuple[str, ...]] | None = None


def _init_worker(settings: Settings, codes: tuple[str, ...], extract_all: bool) -> None:
    global _WORKER
    _WORKER = _context(settings, codes, extract_all)


def _context(settings: Settings, codes: Sequence[str], extract_all: bool) -> tuple[Settings, list[Rule], tuple[str, ...]]:
    from checker.extract import ORDER
    from checker.registry import by_code

    registry = by_code()
    rules = [instantiate(registry[code], settings) for code in codes]
    kinds = ORDER if extract_all else tuple(sorted({kind for rule in rules for kind in rule.requires}))
    return settings, rules, kinds


def instantiate(rule_class: type[Rule], settings: Settings) -> Rule:
    """A rule with its options from ``[tool.factlint.rules.<name or code>]``."""
    table = settings.rules.get(rule_class.name) or settings.rules.get(rule_class.code)
    options = None
    if rule_class.Options is not None:
        from pydantic import ValidationError

        from checker.config import ConfigError

        try:
            options = rule_class.Options.model_validate(table or {})
        except ValidationError as error:
            raise ConfigError(f"{settings.source}: rules.{rule_class.name}: {error}") from None
    elif table:
        from checker.config import ConfigError

        raise ConfigError(f"{settings.source}: rule {rule_class.name!r} has no options")
    return rule_class(settings, options)


def _process(source: Source) -> FactSheet | Notice:
    assert _WORKER is not None
    return process(source, *_WORKER)


def process(source: Source, settings: Settings, rules: list[Rule], kinds: Iterable[str]) -> FactSheet | Notice:
    """Pass 1 for one document: read, parse, extract, run document rules."""
    from checker.readers import BinaryFileError, UnreadableDocument

    try:
        data = source.data if source.data is not None else Path(source.file or source.path).read_bytes()
    except OSError as error:
        return Notice(source.path, f"could not be read: {error.strerror or error}")
    from checker.budget import TimeLimitExceeded, time_limit

    try:
        with time_limit(settings.time_limit):
            sheet = _check(source, data, settings, rules, kinds)
    except BinaryFileError as error:
        return Notice(source.path, f"skipped: binary file ({error})")
    except UnreadableDocument as error:
        return Notice(source.path, f"not checked: {error}")
    except TimeLimitExceeded as exceeded:
        return Notice(source.path, f"not checked: it took longer than the time limit of {exceeded.seconds:g} s per document (time-limit in the configuration)")
    sheet.content_digest = content_digest(data)
    return sheet


def _check(source: Source, data: bytes, settings: Settings, rules: list[Rule], kinds: Iterable[str]) -> FactSheet:
    """Read, parse and extract one document's bytes (raises ``BinaryFileError``)."""
    from checker.readers import read_document
    from checker.reading import reading_notes

    doc, decoded = read_document(source.path, data, encoding=source.encoding)
    doc.reading = reading_notes(data, doc.text, decoded.encoding, decoded.bad_byte)
    return build_sheet(doc, settings, rules, kinds, source.in_scope)


def content_digest(data: bytes) -> str:
    """The digest that identifies a document's bytes (``FactSheet.content_digest``)."""
    import hashlib

    return hashlib.blake2b(data, digest_size=16).hexdigest()


def build_sheet(doc: Document, settings: Settings, rules: list[Rule], kinds: Iterable[str], in_scope: bool = True) -> FactSheet:
    """The fact sheet of a parsed document, with its document rules' findings."""
    from checker.extract import run_extractors
    from checker.suppress import parse_directives

    sheet = FactSheet.model_construct(
        path=doc.path,
        format=doc.format,
        encoding=doc.encoding,
        length=len(doc.text),
        line_starts=doc.line_starts,
        in_scope=in_scope,
        directives=parse_directives(doc),
        # Every list given: model_construct inspects a default factory's signature on each call (0.4 ms).
        names=[], acronyms=[], aliases=[], entities=[], quantities=[], claims=[], dates=[], events=[],
        document_date=None, facts=[], findings=[], extracted=[], extra={"locations": doc.locations} if doc.locations else {},
    )
    try:
        run_extractors(doc, sheet, settings, kinds)
    except Exception as error:  # a bug must not lose the other documents' results
        _record_error(sheet, "extracting facts", error)
        return sheet
    if in_scope:
        for rule in rules:
            if rule.scope == "document" and rule.applies_to(doc.format):
                try:
                    sheet.findings.extend(rule.check(doc, sheet))
                except Exception as error:
                    _record_error(sheet, f"rule {rule.code}", error)
    return sheet


def _record_error(sheet: FactSheet, where: str, error: Exception) -> None:
    import traceback

    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    at = f" ({frame.filename}:{frame.lineno})" if frame else ""
    sheet.extra.setdefault("errors", []).append(f"{sheet.path}: {where} failed: {type(error).__name__}: {error}{at}")


# --- the run -----------------------------------------------------------------------


def run(
    sources: list[Source],
    settings: Settings,
    rules: list[type[Rule]],
    jobs: int | None = None,
    extract_all: bool = False,
    cache_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> RunResult:
    """Lint ``sources`` (in scope or corpus-only) with ``rules``; with ``cache_dir``, reuse unchanged documents' sheets."""
    codes = tuple(rule.code for rule in rules)
    ledger: Ledger | None = None
    if settings.ledger:
        from checker.ledger import load_ledger  # raises ConfigError (exit 2) when malformed

        ledger = load_ledger(Path(settings.root) / settings.ledger)
    if cache_dir is None:
        results = _pass_one(sources, settings, codes, jobs, extract_all, progress)
    else:
        results = _pass_one_cached(sources, settings, codes, jobs, extract_all, cache_dir, progress)
    sheets = [r for r in results if isinstance(r, FactSheet)]
    notices = [r for r in results if isinstance(r, Notice)]
    diagnostics, errors = check_sheets(sheets, settings, rules, ledger)
    stats = _stats(sheets)
    in_memory = {source.path: source.data for source in sources if source.data is not None and source.file is None and source.in_scope}
    return RunResult(diagnostics, sheets, notices, list(rules), stats, errors, in_memory)


def check_sheets(
    sheets: list[FactSheet], settings: Settings, rules: Sequence[type[Rule]], ledger: Ledger | None = None
) -> tuple[list[Diagnostic], list[str]]:
    """Pass 2 over fact sheets already built (by ``process``): corpus rules, then filter, resolve and sort.

    Returns the diagnostics and the internal errors. A long-running caller (the language
    server) keeps the sheets of a set of documents, rebuilds the one that changed and calls this.
    """
    corpus_rules = [instantiate(rule, settings) for rule in rules if rule.scope == "corpus"]
    for rule in corpus_rules:
        rule.ledger = ledger
    errors = [error for sheet in sheets for error in sheet.extra.get("errors", ())]
    corpus_findings: dict[str, list[Finding]] = {}
    for rule in corpus_rules:
        try:
            for finding in rule.check_corpus(sheets):
                corpus_findings.setdefault(finding.path or "", []).append(finding)
        except Exception as error:
            errors.append(f"corpus rule {rule.code} failed: {type(error).__name__}: {error}")
    suppression_rules = [instantiate(rule, settings) for rule in rules if rule.reads_suppressions]
    diagnostics = _finish(sheets, corpus_findings, settings, {rule.code: rule for rule in rules}, suppression_rules)
    return diagnostics, errors


def prepare(settings: Settings, rules: Sequence[type[Rule]], extract_all: bool = False) -> tuple[Settings, list[Rule], tuple[str, ...]]:
    """What ``process`` needs besides the source: the settings, the rules instantiated, the extractors to run."""
    return _context(settings, tuple(rule.code for rule in rules), extract_all)


def _pass_one(
    sources: list[Source], settings: Settings, codes: tuple[str, ...], jobs: int | None, extract_all: bool, progress: Callable[[int], None] | None = None
) -> list:
    jobs = jobs or os.cpu_count() or 1
    size = sum(len(s.data) if s.data is not None else _size(s.file or s.path) for s in sources)
    if jobs <= 1 or len(sources) < 2 or (len(sources) < _POOL_MIN_FILES and size < _POOL_MIN_BYTES):
        context = _context(settings, codes, extract_all)
        return [_done(process(source, *context), progress) for source in sources]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(64, len(sources) // (jobs * 4) or 1))
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    ctx = multiprocessing.get_context(method)
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(settings, codes, extract_all)) as pool:
        return [_done(result, progress) for result in pool.map(_process, sources, chunksize=chunk)]


def _done(result: FactSheet | Notice, progress: Callable[[int], None] | None) -> FactSheet | Notice:
    """``result``, after telling ``progress`` (the CLI's progress bar) that one more document is done."""
    if progress is not None:
        progress(1)
    return result


def _pass_one_cached(
    sources: list[Source], settings: Settings, codes: tuple[str, ...], jobs: int | None, extract_all: bool, cache_dir: Path,
    progress: Callable[[int], None] | None = None,
) -> list:
    """Pass 1 through the fact-sheet cache (checker.cache): only new or changed documents are processed."""
    from dataclasses import replace

    from checker.cache import SheetCache, digest

    try:
        cache = SheetCache(cache_dir, settings, codes, extract_all)
    except OSError:  # factlint's own files could not be examined: run without the cache
        return _pass_one(sources, settings, codes, jobs, extract_all, progress)
    results: list = [None] * len(sources)
    missing: list[tuple[int, Source, bytes | None]] = []
    for index, source in enumerate(sources):
        if source.data is not None or source.file is None:  # standard input: not cached
            missing.append((index, source, None))
            continue
        try:
            data = Path(source.file).read_bytes()
        except OSError:
            missing.append((index, source, None))  # process() reports it
            continue
        content = digest(data)
        sheet = cache.get(_cache_key(source), content, source.in_scope)
        if sheet is None:
            missing.append((index, replace(source, data=data), content))
        else:
            results[index] = sheet
    if progress is not None:
        progress(len(sources) - len(missing))
    processed = _pass_one([source for _, source, _ in missing], settings, codes, jobs, extract_all, progress)
    for (index, source, known), result in zip(missing, processed):
        results[index] = result
        if known is not None and isinstance(result, FactSheet):
            cache.put(_cache_key(source), known, result)
    cache.save({_cache_key(source) for source in sources if source.file is not None})
    return results


def _cache_key(source: Source) -> tuple[str, str]:
    """The displayed path (it is in the sheet) and the file's absolute path."""
    return source.path, os.path.abspath(source.file or source.path)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _stats(sheets: list[FactSheet]) -> dict[str, int]:
    checked = sum(len(sheet.claims) for sheet in sheets if sheet.in_scope)
    inconsistent = sum(1 for sheet in sheets if sheet.in_scope for claim in sheet.claims if not claim.consistent)
    return {
        "documents": sum(1 for sheet in sheets if sheet.in_scope),
        "corpus_documents": len(sheets),
        "claims_checked": checked,
        "claims_inconsistent": inconsistent,
    }


def _finish(
    sheets: list[FactSheet],
    corpus_findings: dict[str, list[Finding]],
    settings: Settings,
    rules: dict[str, type[Rule]],
    suppression_rules: Sequence[Rule] = (),
) -> list[Diagnostic]:
    from checker.globs import matches_any
    from checker.registry import matches
    from checker.suppress import Suppressor

    by_path = {sheet.path: sheet for sheet in sheets}
    root = Path(settings.root)
    out: list[Diagnostic] = []
    for sheet in sheets:
        if not sheet.in_scope:
            continue
        findings = [f for f in sheet.findings if f.rule in rules] + corpus_findings.get(sheet.path, [])
        ignored = _per_file_ignores(sheet.path, settings, root, matches_any)
        suppressor = Suppressor(sheet.directives) if sheet.directives else None
        for finding in findings:
            if ignored and matches(finding.rule, ignored):
                continue
            line = sheet.position(finding.start)[0]
            if suppressor is not None and suppressor.suppresses(finding.rule, line):
                continue
            out.append(resolve(finding, sheet, rules[finding.rule], settings, by_path))
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


def validate_selectors(settings: Settings) -> None:
    """Every rule the config names (select, ignore, severity, per-file-ignores) must exist (ConfigError naming the file)."""
    from checker.config import ConfigError
    from checker.registry import RegistryError, lookup

    named = [("select", s) for s in settings.select] + [("ignore", s) for s in settings.ignore]
    named += [("severity", key) for key in settings.severity]
    named += [("per-file-ignores", s) for selectors in settings.per_file_ignores.values() for s in selectors]
    for table, selector in named:
        try:
            lookup(selector)
        except RegistryError as error:
            raise ConfigError(f"{settings.source}: {table}: {error}") from None


def resolve(finding: Finding, sheet: FactSheet, rule: type[Rule], settings: Settings, by_path: dict[str, FactSheet]) -> Diagnostic:
    """A finding located by offsets -> a Diagnostic located by lines and columns."""
    line, column = sheet.position(finding.start)
    end_line, end_column = sheet.position(max(finding.end, finding.start))
    severity = cast(Severity, finding.severity or configured_severity(rule, settings) or rule.severity)
    related = []
    for item in finding.related:
        target = by_path.get(item.path or sheet.path, sheet)
        r_line, r_column = target.position(item.start)
        r_end_line, r_end_column = target.position(max(item.end, item.start))
        related.append(RelatedLocation(target.path, r_line, r_column, r_end_line, r_end_column, item.message))
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

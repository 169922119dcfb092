"""The engine: documents -> pass 1 (per document, parallel) -> pass 2 (corpus) -> filter -> sort.

Pass 1 reads, decodes and parses each document, builds its FactSheet with
the extractors the enabled rules need, runs the document rules on documents
in scope, and lets each corpus rule gather the small record it needs from
the sheet. What it keeps is a compact ``checker.corpus.DocumentResult``
(findings, directives, line index, records): the sheet is dropped in the
worker that built it. Pass 2 (``checker.corpus_pass``) is a reduction: each
result's records are added to the corpus rules' aggregates as results arrive,
in document order, and the corpus rules report from their aggregates. Then
findings are filtered (scope, per-file-ignores, inline suppressions), given
their configured severity, resolved to lines and columns, and sorted.
This module holds pass 1 and the run that joins the two passes (through the
cache, ``checker.cache``, when there is one).

Scope and corpus: findings are reported only for documents in scope (the
files named on the command line); the corpus (every document the config's
include globs match under the project root) supplies evidence to corpus
rules. When no enabled rule needs the corpus, only the scope is read.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from checker import collector
from checker.config import Settings
from checker.corpus import Corpus, DocumentResult
from checker.corpus_pass import Reduce, corpus_rules, filtered, ledger_of, stats
from checker.corpus_pass import check_documents as check_documents  # the language server's corpus pass
from checker.corpus_pass import configured_severity as configured_severity
from checker.corpus_pass import resolve as resolve
from checker.document import Document
from checker.facts import FactSheet
from checker.finding import Diagnostic, Finding
from checker.patterns import release_memos
from checker.rule import Rule

# Below this much work a process pool costs more than it saves.
_POOL_MIN_FILES = 8
_POOL_MIN_BYTES = 2_000_000
# Pass 1 sends workers chunks of consecutive documents of about equal size in bytes.
_CHUNK_MIN_BYTES = 64_000
_CHUNK_MAX_BYTES = 2_000_000
_CHUNK_MAX_FILES = 256


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
    """What a run found: the diagnostics to report, the documents checked, notices, rules, counts and errors."""

    diagnostics: list[Diagnostic]
    documents: list[DocumentResult]  # every document checked (in scope or corpus evidence), in order
    notices: list[Notice]
    rules: list[type[Rule]]
    stats: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # internal errors: the run exits 2
    # The bytes of in-scope documents linted from memory (standard input), by path: formatters
    # that show source lines must show what was linted, not a file of the same name on disk.
    in_memory: dict[str, bytes] = field(default_factory=dict)
    # The fact sheets, when the run was asked to keep them (``keep_sheets``: the API, ``factlint facts``).
    sheets: list[FactSheet] = field(default_factory=list)
    # What a baseline did to the run (set by the CLI): its file, the findings it held back and its stale
    # entries (checker.baseline.stale_json), which the json, sarif, full and html formats report.
    baseline: dict = field(default_factory=dict)


# --- pass 1 -----------------------------------------------------------------------

# Pass 1 over sources, results in their order: (sources, settings, rule codes, extract_all, keep_sheets).
PassOne = Callable[[list[Source], Settings, tuple[str, ...], bool, bool], Iterable[DocumentResult | Notice]]

_WORKER: tuple[Settings, list[Rule], tuple[str, ...]] | None = None
_KEEP_SHEETS = False


def _init_worker(settings: Settings, codes: tuple[str, ...], extract_all: bool, keep_sheets: bool) -> None:
    global _WORKER, _KEEP_SHEETS
    _WORKER = _context(settings, codes, extract_all)
    _KEEP_SHEETS = keep_sheets


def _context(settings: Settings, codes: Sequence[str], extract_all: bool) -> tuple[Settings, list[Rule], tuple[str, ...]]:
    from checker.extract import ORDER
    from checker.registry import get

    rules = [instantiate(cast("type[Rule]", get(code)), settings) for code in codes]
    kinds = ORDER if extract_all else tuple(sorted({kind for rule in rules for kind in rule.requires}))
    return settings, rules, kinds


def instantiate(rule_class: type[Rule], settings: Settings) -> Rule:
    """A rule with its options from ``[tool.factlint.rules.<name or code>]``."""
    table = settings.rules.get(rule_class.name) or settings.rules.get(rule_class.code)
    options = None
    if rule_class.Options is not None:
        if table:  # else the rule's defaults (Rule.__init__), valid by construction: pydantic stays unimported
            from pydantic import ValidationError

            from checker.config import ConfigError
            from checker.rule import validate_options

            try:
                options = validate_options(rule_class.Options, table)
            except ValidationError as error:
                raise ConfigError(f"{settings.source}: rules.{rule_class.name}: {error}") from None
    elif table:
        from checker.config import ConfigError

        raise ConfigError(f"{settings.source}: rule {rule_class.name!r} has no options")
    return rule_class(settings, options)


def _process_chunk(sources: list[Source]) -> list[DocumentResult | Notice]:
    assert _WORKER is not None
    return [process(source, *_WORKER, _KEEP_SHEETS) for source in sources]


def process(source: Source, settings: Settings, rules: list[Rule], kinds: Iterable[str], keep_sheet: bool = False) -> DocumentResult | Notice:
    """Pass 1 for one document: read, parse, extract, run document rules, gather the corpus rules' records."""
    from checker.readers import BinaryFileError, UnreadableDocument

    try:
        data = source.data if source.data is not None else Path(source.file or source.path).read_bytes()
    except OSError as error:
        return Notice(source.path, f"could not be read: {error.strerror or error}")
    from checker.budget import TimeLimitExceeded, time_limit

    try:
        with time_limit(settings.time_limit):
            sheet, findings, errors = _check(source, data, settings, rules, kinds)
    except BinaryFileError as error:
        return Notice(source.path, f"skipped: binary file ({error})")
    except UnreadableDocument as error:
        return Notice(source.path, f"not checked: {error}")
    except TimeLimitExceeded as exceeded:
        return Notice(source.path, f"not checked: it took longer than the time limit of {exceeded.seconds:g} s per document (time-limit in the configuration)")
    sheet.content_digest = content_digest(data)
    records = {}
    for rule in rules:
        if rule.scope == "corpus":
            try:
                records[rule.code] = rule.gather(sheet)
            except Exception as error:
                errors.append(_error_text(sheet.path, f"rule {rule.code} (gather)", error))
    return DocumentResult(
        path=sheet.path,
        format=sheet.format,
        encoding=sheet.encoding,
        in_scope=sheet.in_scope,
        content_digest=sheet.content_digest,
        line_starts=array("I", sheet.line_starts),
        locations=tuple(sheet.locations),
        directives=tuple(sheet.directives),
        findings=findings,
        errors=tuple(errors),
        claims_checked=len(sheet.claims),
        claims_inconsistent=sum(1 for claim in sheet.claims if not claim.consistent),
        records=records,
        sheet=sheet if keep_sheet else None,
    )


def _check(source: Source, data: bytes, settings: Settings, rules: list[Rule], kinds: Iterable[str]) -> tuple[FactSheet, list[Finding], list[str]]:
    """Read, parse and extract one document's bytes (raises ``BinaryFileError``)."""
    from checker.readers import read_document
    from checker.reading import reading_notes

    doc, decoded = read_document(source.path, data, encoding=source.encoding)
    doc.reading = reading_notes(data, doc.text, decoded.encoding, decoded.bad_byte)
    return build_sheet(doc, settings, rules, kinds, source.in_scope)


def content_digest(data: bytes) -> str:
    """The digest that identifies a document's bytes (``FactSheet.content_digest``)."""
    from checker.signing import blake2b

    return blake2b(data, digest_size=16).hexdigest()


def build_sheet(
    doc: Document, settings: Settings, rules: list[Rule], kinds: Iterable[str], in_scope: bool = True
) -> tuple[FactSheet, list[Finding], list[str]]:
    """The fact sheet of a parsed document, its document rules' findings, and internal errors."""
    from checker.extract import run_extractors
    from checker.suppress import parse_directives

    sheet = FactSheet(
        path=doc.path,
        format=doc.format,
        encoding=doc.encoding,
        length=len(doc.text),
        line_starts=doc.line_starts,
        in_scope=in_scope,
        directives=parse_directives(doc),
        locations=list(doc.locations),
    )
    findings: list[Finding] = []
    errors: list[str] = []
    try:
        run_extractors(doc, sheet, settings, kinds)
    except Exception as error:  # a bug must not lose the other documents' results
        errors.append(_error_text(sheet.path, "extracting facts", error))
        return sheet, findings, errors
    if in_scope:
        for rule in rules:
            if rule.scope == "document" and rule.applies_to(doc.format):
                try:
                    findings.extend(rule.check(doc, sheet))
                except Exception as error:
                    errors.append(_error_text(sheet.path, f"rule {rule.code}", error))
    return sheet, findings, errors


def _error_text(path: str, where: str, error: Exception) -> str:
    import traceback

    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    at = f" ({frame.filename}:{frame.lineno})" if frame else ""
    return f"{path}: {where} failed: {type(error).__name__}: {error}{at}"


# --- the run -----------------------------------------------------------------------


def run(
    sources: list[Source],
    settings: Settings,
    rules: list[type[Rule]],
    jobs: int | None = None,
    extract_all: bool = False,
    cache_dir: Path | None = None,
    keep_sheets: bool = True,
    progress: Callable[[int], None] | None = None,
    keep_records: bool = False,
    pass_one: PassOne | None = None,
) -> RunResult:
    """Lint ``sources`` (in scope or corpus-only) with ``rules``.

    With ``cache_dir``, unchanged documents are not read again, and an unchanged corpus
    reuses the corpus rules' findings (``checker.cache``). ``keep_sheets`` keeps every
    document's fact sheet in ``RunResult.sheets`` (memory grows with the corpus, and the
    cache is not used); without it, no sheet outlives its document's pass 1.
    ``keep_records`` keeps each document's corpus records in its result, for a caller
    that checks the corpus again later (``check_documents``). ``progress`` is told once
    per document done. ``pass_one`` runs pass 1 elsewhere (``checker.dask_engine``)
    instead of in this process and its ``jobs`` worker processes.
    """
    codes = tuple(rule.code for rule in rules)
    ledger = ledger_of(settings)
    # With pass 1 in worker processes, this one reduces their results and can work ahead on the report.
    elsewhere = pass_one is not None or (jobs or os.cpu_count() or 1) > 1
    cache = None
    if cache_dir is not None and not keep_sheets:
        from checker.cache import open_cache

        cache = open_cache(cache_dir, settings, codes, extract_all)
    # With the cache, the corpus rules are made only if it does not have their findings already (a run that
    # changed nothing imports none of their modules); without it, before pass 1, where a bad option stops the run.
    making = (lambda: corpus_rules(settings, rules, ledger)) if cache is not None else corpus_rules(settings, rules, ledger)
    reduce = Reduce(making, keep_records, ahead=elsewhere)
    first: PassOne = pass_one or (lambda chosen, settings_, codes_, extract_all_, keep: _pass_one(chosen, settings_, codes_, jobs, extract_all_, keep))
    if cache is None:
        stream = first(sources, settings, codes, extract_all, keep_sheets)
    else:
        stream = cache.pass_one(sources, lambda missing: first(missing, settings, codes, extract_all, False), reduce)
    documents: list[DocumentResult] = []
    notices: list[Notice] = []
    sheets: list[FactSheet] = []
    for result in stream:
        if progress is not None:
            progress(1)
        if isinstance(result, Notice):
            notices.append(result)
            continue
        reduce.add(len(documents), result)
        if result.sheet is not None:
            sheets.append(result.sheet)
            result.sheet = None
        documents.append(result)
    # The memos pass 1 filled in this process (with --jobs 1) are not asked again: emptied,
    # their memory serves the corpus pass instead of adding to the run's peak.
    release_memos()
    errors = [error for document in documents for error in document.errors]
    # The corpus pass and the report build long-lived aggregates, findings and diagnostics, and leave
    # little cyclic garbage (checker.collector): with the collector paused a cold run of the 90.7 MB
    # corpus peaks no higher.
    paused = collector.pause()
    try:
        corpus_findings = reduce.findings(Corpus(documents), errors)
        known = cache.diagnostics if cache is not None else None  # nothing changed since the last run
        placed = cache.placed(documents, corpus_findings) if cache is not None and known is None else None
        diagnostics = known if known is not None else filtered(documents, corpus_findings, settings, rules, placed)
        if cache is not None:
            cache.finish(diagnostics, errors, reduce.memos, placed)
    finally:
        collector.resume(paused)
        collector.thaw()
    in_memory = {source.path: source.data for source in sources if source.data is not None and source.file is None and source.in_scope}
    return RunResult(diagnostics, documents, notices, list(rules), stats(documents), errors, in_memory, sheets)


def prepare(settings: Settings, rules: Sequence[type[Rule]], extract_all: bool = False) -> tuple[Settings, list[Rule], tuple[str, ...]]:
    """What ``process`` needs besides the source: the settings, the rules instantiated, the extractors to run."""
    return _context(settings, tuple(rule.code for rule in rules), extract_all)


def _pass_one(
    sources: list[Source], settings: Settings, codes: tuple[str, ...], jobs: int | None, extract_all: bool, keep_sheets: bool
) -> Iterator[DocumentResult | Notice]:
    """Pass 1 over ``sources``, results in their order (in worker processes when the work is worth it)."""
    jobs = jobs or os.cpu_count() or 1
    sizes = [len(s.data) if s.data is not None else _size(s.file or s.path) for s in sources]
    if jobs <= 1 or len(sources) < 2 or (len(sources) < _POOL_MIN_FILES and sum(sizes) < _POOL_MIN_BYTES):
        context = _context(settings, codes, extract_all)
        for source in sources:
            yield process(source, *context, keep_sheets)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    ctx = multiprocessing.get_context(method)
    initargs = (settings, codes, extract_all, keep_sheets)
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=initargs) as pool:
        for results in pool.map(_process_chunk, _chunks(sources, sizes, jobs)):
            yield from results


def _chunks(sources: list[Source], sizes: list[int], jobs: int) -> Iterator[list[Source]]:
    """Consecutive sources in chunks of about equal size in bytes: enough chunks to keep every worker busy to the end."""
    target = max(_CHUNK_MIN_BYTES, min(_CHUNK_MAX_BYTES, sum(sizes) // (jobs * 16)))
    chunk: list[Source] = []
    size = 0
    for source, length in zip(sources, sizes):
        chunk.append(source)
        size += length
        if size >= target or len(chunk) >= _CHUNK_MAX_FILES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def validate_selectors(settings: Settings) -> None:
    """Every rule the config names (select, ignore, severity, per-file-ignores) must exist (ConfigError naming the file)."""
    from checker.config import ConfigError
    from checker.registry import RegistryError, check_selector

    named = [("select", s) for s in settings.select] + [("ignore", s) for s in settings.ignore]
    named += [("severity", key) for key in settings.severity]
    named += [("per-file-ignores", s) for selectors in settings.per_file_ignores.values() for s in selectors]
    for table, selector in named:
        try:
            check_selector(selector)
        except RegistryError as error:
            raise ConfigError(f"{settings.source}: {table}: {error}") from None

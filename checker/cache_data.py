"""The cache's files as plain data: how a document's result and a finding are written and read back, and how files are signed.

Nothing in a cache file is ever executed or unpickled: a file holds msgpack
data in a versioned layout (``FORMAT``), each document's result and records
as packed bytes of their own (decoded only when used), findings field by
field, and every value is checked on the way back (:func:`check`): anything
unexpected raises, and the caller takes it as a miss. A file starts with a
keyed BLAKE2b of its payload (``checker.signing``): the key is a per-user secret kept
in the user cache directory, never in the project. What is stored, when, and
when it is reused is ``checker.cache``'s business.
"""

from __future__ import annotations

import os
import sys
from array import array
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.patterns import builder
from checker.signing import blake2b, same_digest, sign

if TYPE_CHECKING:
    from checker.corpus import DocumentResult
    from checker.engine import Source
    from checker.facts import Directive
    from checker.finding import Finding

FORMAT = 6  # the layout of a cache file (part of the signed data)
SEQ = (tuple, list)  # a sequence as msgpack gives it back (tuples) or as it was packed
_LIBRARIES = ("pyparsing", "regex", "pydantic", "pydantic_core", "ftfy", "rapidfuzz", "wordfreq", "charset_normalizer")


def digest(data: bytes) -> bytes:
    return blake2b(data, digest_size=16).digest()


def load_signed(path: Path, key: bytes) -> Any:
    """The signed msgpack payload of a file (ValueError when absent, forged, damaged or of another layout)."""
    import msgpack

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise ValueError("unreadable") from error
    end = data.find(b"\n")
    payload = memoryview(data)[end + 1 :]  # not a copy: the file may be tens of megabytes
    if end < 0 or not same_digest(data[:end], sign(key, payload)):
        raise ValueError("not written by this user's factlint")
    value = msgpack.unpackb(payload, use_list=False, raw=False, strict_map_key=False)
    if not isinstance(value, SEQ) or len(value) < 2 or value[0] != FORMAT:
        raise ValueError("another layout")
    return value


def write_signed(path: Path, key: bytes, value: Any, write_atomic: Callable) -> None:
    """``value`` (plain data, its first item ``FORMAT``) packed, signed and written in one step."""
    import msgpack

    payload = msgpack.packb(value, use_bin_type=True)
    write_atomic(path, sign(key, payload) + b"\n" + payload, durable=False)


def result_to_data(result: DocumentResult) -> tuple[bytes, bytes]:
    """A document's result packed: (everything but the records, the records)."""
    import msgpack

    starts = result.line_starts if isinstance(result.line_starts, array) else array("I", result.line_starts)
    directives = [(d.kind, list(d.codes), d.word, d.start, d.end, d.line, d.target) for d in result.directives]
    body = (
        result.path, result.format, result.encoding, result.content_digest, starts.tobytes(), list(result.locations),
        directives, [finding_to_data(finding) for finding in result.findings], result.claims_checked, result.claims_inconsistent,
    )
    return msgpack.packb(body, use_bin_type=True), msgpack.packb(result.records or {}, use_bin_type=True)


def result_from_data(source: Source, body: bytes, records: bytes, with_records: bool, light: bool = False) -> DocumentResult | None:
    """The result :func:`_result_to_data` packed, or None for anything else.

    ``light``: without its findings and directives, for a run whose diagnostics are known already
    (what is left places the diagnostics and counts the claims: ``RunResult.documents``).
    """
    import msgpack

    from checker.corpus import DocumentResult

    try:
        path, format, encoding, content, starts, locations, directives, findings, checked, inconsistent = msgpack.unpackb(
            body, use_list=False, raw=False
        )
        if path != source.path:
            return None
        line_starts = array("I")
        line_starts.frombytes(check(starts, bytes))
        return DocumentResult(
            path=path,
            format=check(format, str),
            encoding=check(encoding, str),
            in_scope=source.in_scope,
            content_digest=check(content, str),
            line_starts=line_starts,
            locations=tuple(check(item, str) for item in check(locations, SEQ)),
            directives=() if light else tuple(_directive_from_data(item) for item in check(directives, SEQ)),
            findings=[] if light else [finding_from_data(item) for item in check(findings, SEQ)],
            claims_checked=check(checked, int),
            claims_inconsistent=check(inconsistent, int),
            records=check(msgpack.unpackb(records, use_list=False, raw=False, strict_map_key=False), dict) if with_records else None,
        )
    except Exception:  # not a stored result: read the document again
        return None


def line_starts_from_data(body: bytes) -> array:
    """The line index of a document's packed result (raises on anything else)."""
    import msgpack

    starts = array("I")
    starts.frombytes(check(msgpack.unpackb(body, use_list=False, raw=False)[4], bytes))
    return starts


_DIRECTIVE_KINDS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file", "unknown")


def _directive_from_data(data: Any) -> Directive:
    """A stored directive, checked field by field (a dataclass validates nothing)."""
    from checker.facts import Directive

    kind, codes, word, start, end, line, target = check(data, SEQ)
    if kind not in _DIRECTIVE_KINDS:
        raise ValueError("bad directive kind")
    return Directive(
        kind=kind,
        codes=tuple(check(code, str) for code in check(codes, SEQ)),
        word=check(word, str),
        start=check(start, int),
        end=check(end, int),
        line=check(line, int),
        target=check(target, int),
    )


def finding_to_data(finding: Finding) -> tuple:
    fix = finding.fix
    return (
        finding.rule,
        finding.start,
        finding.end,
        finding.message,
        finding.evidence,
        [(r.start, r.end, r.message, r.path) for r in finding.related],
        None if fix is None else ([(e.start, e.end, e.replacement) for e in fix.edits], fix.applicability, fix.message),
        finding.path,
        finding.severity,
        finding.confidence,
    )


# ``checker.patterns.builder`` of a class, made once: the stored findings, related places and diagnostics a warm run
# after an edit decodes by the hundred thousand are built with their slots filled directly.
built = cache(builder)


def check(value: Any, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise TypeError(f"expected {kind}, got {type(value).__name__}")
    return value


def finding_from_data(data: Any, places: dict[Any, Any] | None = None) -> Finding:
    """A stored finding, checked field by field. ``places``: the related places decoded so far, by their data
    (many findings list the same places: the places of a name's other form), to share."""
    from checker.finding import Edit, Finding, Fix

    rule, start, end, message, evidence, related, fix, path, severity, confidence = check(data, SEQ)
    if fix is not None:
        edits, applicability, title = check(fix, SEQ)
        if applicability not in ("safe", "unsafe", "display"):
            raise ValueError("bad applicability")
        fix = Fix(
            tuple(Edit(check(s, int), check(e, int), check(r, str)) for s, e, r in check(edits, SEQ)),
            applicability,
            check(title, str),
        )
    if severity not in (None, "error", "warning", "info"):
        raise ValueError("bad severity")
    if confidence not in (None, "high", "medium", "low"):
        raise ValueError("bad confidence")
    return Finding(
        rule=check(rule, str),
        start=check(start, int),
        end=check(end, int),
        message=check(message, str),
        evidence=check(evidence, (str, type(None))),
        related=_related_from_data(check(related, SEQ), {} if places is None else places),
        fix=fix,
        path=check(path, (str, type(None))),
        severity=severity,
        confidence=confidence,
    )


def findings_to_bytes(findings: list[Finding]) -> bytes:
    """Findings packed compactly: each text once (a table), each finding's related places as one array of
    numbers (start, end, message, path: four each, the texts by their place in the table, -1 for None)."""
    import msgpack

    texts: dict[str, int] = {}

    def text(value: str | None) -> int:
        return -1 if value is None else texts.setdefault(value, len(texts))

    packed = []
    for f in findings:
        places = _packed([n for r in f.related for n in (r.start, r.end, text(r.message), text(r.path))])
        fix = None if f.fix is None else ([n for e in f.fix.edits for n in (e.start, e.end, text(e.replacement))], f.fix.applicability, text(f.fix.message))
        texts_of = (text(f.message), text(f.evidence))
        packed.append((f.rule, f.start, f.end, *texts_of, places.typecode, places.tobytes(), fix, text(f.path), f.severity, f.confidence))
    return msgpack.packb((list(texts), packed), use_bin_type=True)


def findings_from_bytes(data: bytes) -> list[Finding]:
    """The findings :func:`findings_to_bytes` packed, checked (anything else raises)."""
    import msgpack

    from checker.finding import Edit, Finding, Fix, Related

    table, packed = check(msgpack.unpackb(data, use_list=False, raw=False), SEQ)
    texts = check(table, SEQ)
    if not all(type(item) is str for item in texts):
        raise TypeError("expected texts")
    related_place, finding = built(Related), built(Finding)

    def text(index: Any) -> str | None:
        if type(index) is not int:  # (as check(index, int): an int, not a bool)
            raise TypeError("bad text index")
        if index < 0:
            if index != -1:
                raise ValueError("bad text index")
            return None
        return texts[index]

    def required(index: Any) -> str:
        value = text(index)
        if value is None:
            raise ValueError("a text is missing")
        return value

    out = []
    places: dict[tuple[int, int, int, int], Related] = {}  # the places of a name's other form recur in each finding
    for rule, start, end, message, evidence, typecode, numbers, fix, path, severity, confidence in check(packed, SEQ):
        related = []
        numbers = _numbers(typecode, numbers)
        if len(numbers) % 4:
            raise ValueError("not related places")
        for i in range(0, len(numbers), 4):
            key = (numbers[i], numbers[i + 1], numbers[i + 2], numbers[i + 3])
            place = places.get(key)
            if place is None:
                place = places[key] = related_place(key[0], key[1], required(key[2]), text(key[3]))
            related.append(place)
        if fix is not None:
            edits, applicability, title = check(fix, SEQ)
            if applicability not in ("safe", "unsafe", "display") or len(check(edits, SEQ)) % 3:
                raise ValueError("bad fix")
            fix = Fix(
                tuple(Edit(check(edits[i], int), check(edits[i + 1], int), required(edits[i + 2])) for i in range(0, len(edits), 3)),
                applicability,
                required(title),
            )
        if severity not in (None, "error", "warning", "info") or confidence not in (None, "high", "medium", "low"):
            raise ValueError("bad severity or confidence")
        if type(rule) is not str or type(start) is not int or type(end) is not int:
            raise TypeError("bad finding")
        out.append(finding(rule, start, end, required(message), text(evidence), tuple(related), fix, text(path), severity, confidence))
    return out


def _related_from_data(items: Any, places: dict[Any, Any]) -> tuple:
    from checker.finding import Related

    out = []
    for item in items:
        place = places.get(item)
        if place is None:
            start, end, message, path = item
            # Exact types (a bool is no offset), as check() asks; msgpack gives these types exactly.
            if type(start) is not int or type(end) is not int or type(message) is not str or not (path is None or type(path) is str):
                raise TypeError("not a related place")
            place = places[item] = Related(start, end, message, path)
        out.append(place)
    return tuple(out)


def _packed(numbers: list[int]) -> array:
    try:
        return array("i", numbers)
    except OverflowError:
        return array("q", numbers)


def _numbers(typecode: Any, packed: Any) -> array:
    numbers = array(check(typecode, str) if typecode in ("i", "q") else "?")
    numbers.frombytes(check(packed, bytes))
    if numbers and min(numbers) < -1:
        raise ValueError("bad number")
    return numbers


def code_fingerprint() -> str:
    """What identifies this factlint: its files, the extracting libraries, the Python version."""
    import importlib.util

    import checker
    import checker.rules

    parts = [sys.version]
    for root in (*checker.__path__, *checker.rules.__path__):
        for directory, subdirectories, files in os.walk(root):
            subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
            for name in sorted(files):
                if not name.endswith((".pyc", ".tmp")):
                    stat = os.stat(os.path.join(directory, name))
                    parts.append(f"{directory}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    for library in _LIBRARIES:
        spec = importlib.util.find_spec(library)
        origin = spec.origin if spec is not None else None
        if origin and os.path.exists(origin):
            stat = os.stat(origin)
            parts.append(f"{library}:{origin}:{stat.st_size}:{stat.st_mtime_ns}")
        else:
            parts.append(f"{library}:absent")
    return "\n".join(parts)

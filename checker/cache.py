"""The fact-sheet cache: pass 1 is skipped for documents that have not changed.

A pre-commit run names one or two files, but the corpus rules need the fact
sheet of every document in the project. Re-reading hundreds of unchanged
documents on every commit is the slow part of such a run, so pass 1's results
are kept in ``.factlint_cache/`` under the project root (``cache-dir`` in the
config, ``--cache-dir`` on the command line, ``--no-cache`` to bypass it).

A sheet is reused only when everything that could change it is the same:

* the document's bytes (a BLAKE2 digest), its path and whether it is in scope;
* the effective configuration and the selected rules;
* factlint's own code and data files (size and modification time of each),
  the libraries that extract facts, and the Python version.

Anything else (a new release, an edited rule, a changed vocabulary) starts a
new cache file.

The cache directory sits in the project, so its files are as untrusted as the
documents: a repository can commit one. Nothing in it is ever executed. A file
holds plain data (JSON: each sheet as ``FactSheet.model_dump(mode="json")``,
its findings written out field by field), and it is signed with an HMAC-SHA256
keyed by a per-user secret (:func:`user_key`) kept in the user cache directory,
never in the project. A file whose signature does not verify, or whose content
is not the expected structure, is a miss: its documents are read again.
Documents that could not be read or raised an internal error are never
stored. A cache that cannot be read or written only costs time: the run goes
on as if there were none.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.facts import FactSheet
    from checker.finding import Finding

_KEEP_FILES = 8  # cache files (one per configuration) kept; older ones are removed
_LIBRARIES = ("pyparsing", "regex", "pydantic", "pydantic_core", "ftfy", "rapidfuzz", "wordfreq", "charset_normalizer")
_README = b"Signature: 8a477f597d28d172789f06886806bc55\n# factlint's fact-sheet cache: safe to delete.\n"
_FORMAT = 1  # the layout of a cache file (part of the signed data)
_MAGIC = b"factlint-sheets"
_KEY_FILE = "cache-key"
_KEY_SIZE = 32
_keys: dict[str, bytes | None] = {}


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def user_key() -> bytes | None:
    """The per-user secret that signs factlint's caches, created once (mode 0600) in the user cache directory.

    None when it can be neither read nor created: the caches are then not used.
    """
    from checker.files import cache_dir

    path = os.path.join(cache_dir(), _KEY_FILE)
    if path in _keys:
        return _keys[path]
    key = None
    try:
        key = _read_key(path)
        if key is None:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            fd, temporary = _temporary(os.path.dirname(path))
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(os.urandom(_KEY_SIZE))
                try:
                    os.link(temporary, path)  # atomic, and never replaces a key another run made meanwhile
                except FileExistsError:
                    pass
            finally:
                os.unlink(temporary)
            key = _read_key(path)
    except OSError:
        key = None
    _keys[path] = key
    return key


def _temporary(directory: str) -> tuple[int, str]:
    import tempfile

    return tempfile.mkstemp(prefix=f".{_KEY_FILE}.", suffix=".factlint", dir=directory)  # mode 0600


def _read_key(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            key = handle.read(_KEY_SIZE + 1)
    except FileNotFoundError:
        return None
    return key if len(key) == _KEY_SIZE else None


def _sign(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, _MAGIC + payload, hashlib.sha256).hexdigest().encode("ascii")


class SheetCache:
    """The stored sheets of one configuration, keyed by (displayed path, absolute path) of each document."""

    def __init__(self, directory: Path, settings: Settings, codes: tuple[str, ...], extract_all: bool) -> None:
        self.directory = directory
        key = "\n".join((_code_fingerprint(), repr(settings), repr(Path(settings.root).resolve()), repr(codes), str(extract_all)))
        self.file = directory / f"sheets-{hashlib.blake2b(key.encode('utf-8'), digest_size=10).hexdigest()}.json"
        self._key = user_key()
        # key -> (content digest, in scope, the sheet as plain data); a sheet is validated when it is used
        self._entries: dict[tuple[str, str], tuple[bytes, bool, Any]] = self._read()
        self._changed = False

    def _read(self) -> dict[tuple[str, str], tuple[bytes, bool, Any]]:
        if self._key is None:
            return {}
        try:
            with open(self.file, "rb") as handle:
                data = handle.read()
            signature, _, payload = data.partition(b"\n")
            if not hmac.compare_digest(signature, _sign(self._key, payload)):
                return {}  # not written by this user's factlint: a miss
            stored = json.loads(payload)
            if not isinstance(stored, dict) or stored.get("format") != _FORMAT or not isinstance(stored.get("entries"), list):
                return {}
            entries = {}
            for item in stored["entries"]:
                display, absolute, content, in_scope, sheet = item
                if not (isinstance(display, str) and isinstance(absolute, str) and isinstance(content, str)):
                    continue
                if not isinstance(in_scope, bool) or not isinstance(sheet, dict):
                    continue
                entries[(display, absolute)] = (bytes.fromhex(content), in_scope, sheet)
            return entries
        except Exception:  # absent, unreadable, or not the expected structure: a miss
            return {}

    def get(self, key: tuple[str, str], content: bytes, in_scope: bool) -> FactSheet | None:
        """The stored sheet of ``key`` if it was made from ``content`` (a digest) with the same scope."""
        entry = self._entries.get(key)
        if entry is None or entry[0] != content or entry[1] != in_scope:
            return None
        try:
            stored = entry[2]
            sheet = sheet_from_data(json.loads(stored) if isinstance(stored, str) else stored)
        except Exception:  # not a sheet: read the document again
            return None
        if sheet.path != key[0] or sheet.in_scope != in_scope:
            return None
        return sheet

    def put(self, key: tuple[str, str], content: bytes, sheet: FactSheet) -> None:
        if self._key is None or sheet.extra.get("errors"):
            return  # no key to sign with, or an internal error (not a result)
        try:
            # Kept as its JSON text, not as nested dicts: a corpus's worth of dicts held until
            # save() cost about 100 MB per 10 MB of prose; the text is a fraction of that.
            data = _compact(sheet_to_data(sheet))
        except Exception:  # not storable (plain data only): it is simply read again next time
            return
        self._entries[key] = (content, sheet.in_scope, data)
        self._changed = True

    def save(self, seen: set[tuple[str, str]]) -> None:
        """Write the cache if this run changed it; entries of deleted documents are dropped."""
        for key in [key for key in self._entries if key not in seen and not os.path.exists(key[1])]:
            del self._entries[key]
            self._changed = True
        if not self._changed or self._key is None:
            return
        from checker.files import write_atomic

        try:
            payload = self._payload()
            self._prepare()
            write_atomic(self.file, _sign(self._key, payload) + b"\n" + payload, durable=False)
            self._prune()
        except Exception:  # no room, no permission, a file in the way: the next run reads the documents again
            pass

    def _payload(self) -> bytes:
        """The cache file's JSON: entries stored by this run are already JSON text, spliced in as they are."""
        parts = []
        for (display, absolute), (content, in_scope, sheet) in self._entries.items():
            head = _compact([display, absolute, content.hex(), in_scope])[:-1]
            body = sheet if isinstance(sheet, str) else _compact(sheet)
            parts.append(f"{head},{body}]")
        return (_compact({"format": _FORMAT})[:-1] + ',"entries":[' + ",".join(parts) + "]}").encode("utf-8")

    def _prepare(self) -> None:
        """Create the directory, telling git and backup tools to leave it alone.

        The marker files go only into a directory this run created: an existing
        directory (the user's, or one a repository put there) is left as it is.
        """
        try:
            self.directory.parent.mkdir(parents=True, exist_ok=True)
            self.directory.mkdir()
        except FileExistsError:
            if not self.directory.is_dir():
                raise
            return
        for name, content in ((".gitignore", b"# created by factlint\n*\n"), ("CACHEDIR.TAG", _README)):
            (self.directory / name).write_bytes(content)

    def _prune(self) -> None:
        files = sorted(self.directory.glob("sheets-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[_KEEP_FILES:]:
            old.unlink(missing_ok=True)


# --- sheets as plain data -------------------------------------------------------------


def _compact(value: Any) -> str:
    """JSON text without spaces or escapes of non-ASCII characters."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sheet_to_data(sheet: FactSheet) -> dict[str, Any]:
    """A sheet as JSON-compatible data (findings written out field by field)."""
    data = sheet.model_dump(mode="json", exclude={"findings"})
    data["findings"] = [_finding_to_data(finding) for finding in sheet.findings]
    return data


def sheet_from_data(data: Any) -> FactSheet:
    """The sheet :func:`sheet_to_data` made (raises ValueError, TypeError or a ValidationError for anything else)."""
    from checker.facts import FactSheet

    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise TypeError("not a stored sheet")
    findings = [_finding_from_data(item) for item in data["findings"]]
    sheet = FactSheet.model_validate({**data, "findings": []})
    sheet.findings = findings
    return sheet


def _finding_to_data(finding: Finding) -> dict[str, Any]:
    fix = finding.fix
    return {
        "rule": finding.rule,
        "start": finding.start,
        "end": finding.end,
        "message": finding.message,
        "evidence": finding.evidence,
        "related": [{"start": r.start, "end": r.end, "message": r.message, "path": r.path} for r in finding.related],
        "fix": None
        if fix is None
        else {
            "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in fix.edits],
            "applicability": fix.applicability,
            "message": fix.message,
        },
        "path": finding.path,
        "severity": finding.severity,
        "confidence": finding.confidence,
    }


def _check(value: Any, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise TypeError(f"expected {kind}, got {type(value).__name__}")
    return value


def _dicts(value: Any) -> list[dict]:
    for item in _check(value, list):
        _check(item, dict)
    return value


def _finding_from_data(data: Any) -> Finding:
    from checker.finding import Edit, Finding, Fix, Related

    _check(data, dict)
    fix = data["fix"]
    if fix is not None:
        _check(fix, dict)
        if fix["applicability"] not in ("safe", "unsafe", "display"):
            raise ValueError("bad applicability")
        edits = tuple(
            Edit(_check(e["start"], int), _check(e["end"], int), _check(e["replacement"], str)) for e in _dicts(fix["edits"])
        )
        fix = Fix(edits, fix["applicability"], _check(fix["message"], str))
    related = tuple(
        Related(_check(r["start"], int), _check(r["end"], int), _check(r["message"], str), _check(r["path"], (str, type(None))))
        for r in _dicts(data["related"])
    )
    if data["severity"] not in (None, "error", "warning", "info"):
        raise ValueError("bad severity")
    if data.get("confidence") not in (None, "high", "medium", "low"):
        raise ValueError("bad confidence")
    return Finding(
        rule=_check(data["rule"], str),
        start=_check(data["start"], int),
        end=_check(data["end"], int),
        message=_check(data["message"], str),
        evidence=_check(data["evidence"], (str, type(None))),
        related=related,
        fix=fix,
        path=_check(data["path"], (str, type(None))),
        severity=data["severity"],
        confidence=data.get("confidence"),
    )


def _code_fingerprint() -> str:
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

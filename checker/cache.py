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
new cache file. Sheets are stored with pickle; since the file name is a digest
of the local installation's files and times, a cache file that came from
elsewhere (say, committed to a repository) is never the one loaded. Documents that could not be read or raised an internal error
are never stored. A cache that cannot be read or written only costs time:
the run goes on as if there were none.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.facts import FactSheet

DEFAULT_DIR = ".factlint_cache"
_KEEP_FILES = 8  # cache files (one per configuration) kept; older ones are removed
_LIBRARIES = ("pyparsing", "regex", "pydantic", "pydantic_core", "ftfy", "rapidfuzz", "wordfreq", "charset_normalizer")
_README = b"Signature: 8a477f597d28d172789f06886806bc55\n# factlint's fact-sheet cache: safe to delete.\n"


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


class SheetCache:
    """The stored sheets of one configuration, keyed by (displayed path, absolute path) of each document."""

    def __init__(self, directory: Path, settings: Settings, codes: tuple[str, ...], extract_all: bool) -> None:
        self.directory = directory
        key = "\n".join((_code_fingerprint(), repr(settings), repr(Path(settings.root).resolve()), repr(codes), str(extract_all)))
        self.file = directory / f"sheets-{hashlib.blake2b(key.encode('utf-8'), digest_size=10).hexdigest()}.pickle"
        self._entries: dict[tuple[str, str], tuple[bytes, bool, bytes]] = self._read()
        self._changed = False

    def _read(self) -> dict[tuple[str, str], tuple[bytes, bool, bytes]]:
        try:
            with open(self.file, "rb") as handle:
                entries = pickle.load(handle)
        except Exception:  # absent, unreadable, or written by an incompatible version
            return {}
        return entries if isinstance(entries, dict) else {}

    def get(self, key: tuple[str, str], content: bytes, in_scope: bool) -> FactSheet | None:
        """The stored sheet of ``key`` if it was made from ``content`` (a digest) with the same scope."""
        entry = self._entries.get(key)
        if entry is None or entry[0] != content or entry[1] != in_scope:
            return None
        try:
            return pickle.loads(entry[2])
        except Exception:
            return None

    def put(self, key: tuple[str, str], content: bytes, sheet: FactSheet) -> None:
        if sheet.extra.get("errors"):
            return  # an internal error is not a result
        try:
            self._entries[key] = (content, sheet.in_scope, pickle.dumps(sheet, pickle.HIGHEST_PROTOCOL))
        except Exception:  # not storable: it is simply read again next time
            return
        self._changed = True

    def save(self, seen: set[tuple[str, str]]) -> None:
        """Write the cache if this run changed it; entries of deleted documents are dropped."""
        for key in [key for key in self._entries if key not in seen and not os.path.exists(key[1])]:
            del self._entries[key]
            self._changed = True
        if not self._changed:
            return
        from checker.files import write_atomic

        try:
            self._prepare()
            write_atomic(self.file, pickle.dumps(self._entries, pickle.HIGHEST_PROTOCOL), durable=False)
            self._prune()
        except Exception:  # no room, no permission, a file in the way: the next run reads the documents again
            pass

    def _prepare(self) -> None:
        """Create the directory, telling git and backup tools to leave it alone."""
        self.directory.mkdir(parents=True, exist_ok=True)
        for name, content in ((".gitignore", b"# created by factlint\n*\n"), ("CACHEDIR.TAG", _README)):
            marker = self.directory / name
            if not marker.exists():
                marker.write_bytes(content)

    def _prune(self) -> None:
        files = sorted(self.directory.glob("sheets-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[_KEEP_FILES:]:
            old.unlink(missing_ok=True)


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

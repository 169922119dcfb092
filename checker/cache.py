"""The cache: pass 1 is skipped for documents that have not changed, pass 2 for a corpus that has not.

A pre-commit run names one or two files, but the corpus rules need every
document of the project. Re-reading hundreds of unchanged documents on every
commit is the slow part of such a run, so pass 1's results are kept in
``.factlint_cache/`` under the project root (``cache-dir`` in the config,
``--cache-dir`` on the command line, ``--no-cache`` to bypass it): each
document's :class:`~checker.corpus.DocumentResult` (its findings,
directives, line index) and its corpus rules' records, so that a changed
document is read again and the others only give their records to the
corpus rules. Beside it, the run's diagnostics (every finding, filtered and
placed) are kept under a digest of every document's key, bytes and scope
(and the ledger's bytes): when nothing changed, they are reused, no record
is decoded and no finding of a document either. They are kept by document
(``checker.cache_diagnostics``): when a few documents changed, a document
whose diagnostics provably stay the same gets them back instead of being
placed again. The entries and the records
are spread over shard files by path (``_SHARDS`` of each), so a run that
changes one document writes one shard of each, not the whole cache.

A document's bytes are read and hashed only when its file's size, times or
inode differ from those stored with its entry. Those are stored only for a
file last changed at least two seconds before it was read: a change within
the same tick of the clock as the read would leave them alike (git's "racily
clean" entries), and such a file is simply hashed again next time.

A result is reused only when everything that could change it is the same:

* the document's bytes (a BLAKE2 digest) and its path;
* the effective configuration and the selected rules;
* factlint's own code and data files (size and modification time of each),
  the libraries that extract facts, and the Python version.

Anything else (a new release, an edited rule, a changed vocabulary) starts a
new cache file.

Scope is not part of a document's key: it filters findings, so ``factlint .``
and ``factlint one.md`` share one cache. A result made in scope carries its
document rules' findings and serves either scope; one made out of scope (a
corpus document of a one-file run) has none, so it serves only as corpus
evidence, and the first run that has the document in scope reads it again.
(The corpus findings' digest does include scope: they are reported only for
documents in scope.)

The cache directory sits in the project, so its files are as untrusted as the
documents: a repository can commit one. Nothing in it is ever executed or
unpickled. A file holds plain data in a versioned msgpack layout, signed with
an HMAC-SHA256 keyed by a per-user secret kept in the user cache directory,
never in the project (``checker.cache_data``: this module decides what is
stored and when it is reused, that one how it is written and read back). A file whose signature does not
verify, or whose content is not the expected structure, is a miss: its
documents are read again. Documents that could not be read or raised an
internal error are never stored, nor are the corpus findings of a run with
an internal error. A cache that cannot be read or written only costs time:
the run goes on as if there were none.
"""

from __future__ import annotations

import os
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from checker import collector
from checker.cache_data import FORMAT as _FORMAT
from checker.cache_data import SEQ as _SEQ
from checker.cache_data import check as _check
from checker.cache_data import code_fingerprint as _code_fingerprint
from checker.cache_data import digest, line_starts_from_data, load_signed, result_from_data, result_to_data, write_signed
from checker.cache_diagnostics import Placed, Stored, moved_from, paths_digest, stored_diagnostics, stored_from_data
from checker.corpus_pass import CHANGES_MAX
from checker.signing import blake2b, user_key

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.corpus import DocumentResult
    from checker.engine import Notice, Source
    from checker.finding import Diagnostic, Finding

_KEEP_FILES = 8  # configurations whose cache files are kept; older ones are removed
_SHARDS = 16  # the documents' entries and records are spread over this many files each, so a change rewrites one of each
# Pass 1 runs with the collector paused when at most this many documents are read again (and some are not):
# the edited runs whose corpus rules search only what the changes touch.
_PAUSE_MISSES = CHANGES_MAX
_SETTLED_NS = 2_000_000_000  # a file's stat is trusted once it was last changed this long before it was read
_README = b"Signature: 8a477f597d28d172789f06886806bc55\n# factlint's fact-sheet cache: safe to delete.\n"


def open_cache(directory: Path, settings: Settings, codes: tuple[str, ...], extract_all: bool) -> SheetCache | None:
    """The cache of this configuration, or None when it cannot be used (no key, factlint's files unreadable)."""
    try:
        cache = SheetCache(directory, settings, codes, extract_all)
    except OSError:
        return None
    return cache if cache._key is not None else None


class SheetCache:
    """The stored results of one configuration, keyed by (displayed path, absolute path) of each document,
    and the corpus rules' findings of the last corpus seen."""

    def __init__(self, directory: Path, settings: Settings, codes: tuple[str, ...], extract_all: bool) -> None:
        self.directory = directory
        key = "\n".join((_code_fingerprint(), repr(settings), repr(Path(settings.root).resolve()), repr(codes), str(extract_all)))
        name = blake2b(key.encode("utf-8"), digest_size=10).hexdigest()
        self._name = name
        self.corpus_file = directory / f"corpus-{name}.msgpack"
        self.memo_file = directory / f"memo-{name}.msgpack"
        self._ledger = Path(settings.root) / settings.ledger if settings.ledger else None
        self._key = user_key()
        # key -> (content digest, made in scope (document rules ran), the document's result packed, its records packed or None until
        # the records file is read: a run whose corpus is unchanged never reads it, the file's stat when it can be trusted)
        self._entries: dict[tuple[str, str], Entry] = self._read()
        self._records_read: set[int] = set()  # shards whose records file was read since their records were last let go
        self._bodies_dropped: set[int] = set()  # shards of entries whose results were decoded and let go (finish reads them again)
        self._dirty: set[int] = set()  # shards whose files this run must write
        self._corpus_key: bytes | None = None
        self._corpus_known = False
        self.diagnostics: list[Diagnostic] | None = None  # the run's diagnostics, when the corpus is as the last run left it
        # The last run's diagnostics by path (checker.cache_diagnostics), when this run's documents are that run's with a few
        # changed, and the digest of that run's documents' paths; the changed documents' paths -> moved_from(line index then, now).
        self._groups: tuple[Stored, bytes] | None = None
        self._moved: dict[str, int] = {}
        self._seen: set[tuple[str, str]] = set()
        # The results stored this run wait in a scratch file in the cache directory until finish() writes their
        # shards, rather than in memory (40 MiB on a 90 MB corpus, held through the corpus pass): key -> (offset,
        # result's length, records' length). None until the first is stored or when no scratch file can be made.
        self._spool: IO[bytes] | None = None
        self._spool_failed = False
        self._spooled: dict[tuple[str, str], tuple[int, int, int]] = {}
        self._pausing = False  # the collector paused by pass_one, to resume

    def _load(self, path: Path) -> Any:
        """The signed msgpack payload of a file (ValueError when absent, forged or damaged)."""
        assert self._key is not None
        return load_signed(path, self._key)

    def sheets_file(self, shard: int) -> Path:
        return self.directory / f"sheets-{self._name}-{shard:02d}.msgpack"

    def records_file(self, shard: int) -> Path:
        return self.directory / f"records-{self._name}-{shard:02d}.msgpack"

    def _read(self, shards: Iterable[int] = range(_SHARDS)) -> dict[tuple[str, str], Entry]:
        entries: dict[tuple[str, str], Entry] = {}
        if self._key is None:
            return entries
        for shard in shards:
            try:
                stored = self._load(self.sheets_file(shard))[1]
                found: dict[tuple[str, str], Entry] = {}
                for item in _check(stored, _SEQ):
                    display, absolute, content, in_scope, result, stat = _check(item, _SEQ)
                    if isinstance(display, str) and isinstance(absolute, str) and isinstance(in_scope, bool):
                        if isinstance(content, bytes) and isinstance(result, bytes) and _shard((display, absolute)) == shard:
                            found[(display, absolute)] = (content, in_scope, result, None, _stat_from_data(stat))
                entries.update(found)
            except Exception:  # absent, unreadable, or not the expected structure: its documents are misses
                continue
        return entries

    def _read_bodies(self, shards: set[int]) -> None:
        """Fill in the results let go once decoded from these shards' sheets files (entries still without one are not written)."""
        dropped = shards & self._bodies_dropped
        if not dropped:
            return
        self._bodies_dropped -= dropped
        for key, (content, in_scope, body, _, _) in self._read(sorted(dropped)).items():
            entry = self._entries.get(key)
            if entry is not None and entry[2] is None and entry[0] == content and entry[1] == in_scope:
                self._entries[key] = (content, in_scope, body, None, entry[4])

    def _read_records(self, shards: Iterable[int] = range(_SHARDS)) -> None:
        """Fill in the entries' records from these shards' records files (entries without theirs are misses)."""
        for shard in shards:
            if shard in self._records_read:
                continue
            self._records_read.add(shard)
            try:
                stored = self._load(self.records_file(shard))[1]
            except Exception:
                continue
            for item in stored if isinstance(stored, _SEQ) else ():
                try:
                    display, absolute, content, records = _check(item, _SEQ)
                    entry = self._entries.get((display, absolute))
                    if entry is not None and entry[0] == content and entry[3] is None and isinstance(records, bytes):
                        self._entries[(display, absolute)] = (entry[0], entry[1], entry[2], records, entry[4])
                except Exception:
                    continue

    # --- pass 1 through the cache ---

    def pass_one(
        self, sources: list[Source], process: Callable[[list[Source]], Iterable[DocumentResult | Notice]], reduce: Any
    ) -> Iterator[DocumentResult | Notice]:
        """Pass 1 of ``sources`` in order: unchanged documents from the cache, the others from ``process``.

        Served from the cache but for a few documents, pass 1 makes little cyclic garbage, while the collector
        would walk every stored memo, record and result read so far (0.3-0.4 of the ~3.5 CPU s of a warm run
        after one file of the 90.7 MB corpus was edited): it is paused until the last result is given
        (``checker.engine`` pauses it again for the corpus pass), and resumed at once when more than
        ``_PAUSE_MISSES`` documents are to be read.
        """
        self._pausing = collector.pause()
        try:
            yield from self._pass_one(sources, process, reduce)
        finally:
            collector.resume(self._pausing)
            self._pausing = False

    def _pass_one(
        self, sources: list[Source], process: Callable[[list[Source]], Iterable[DocumentResult | Notice]], reduce: Any
    ) -> Iterator[DocumentResult | Notice]:
        """Pass 1 of ``sources`` in order: unchanged documents from the cache, the others from ``process``.

        When the whole corpus is as it was at the last run, the run's diagnostics are reused
        (``self.diagnostics``; ``reduce.known`` empty: the corpus rules do not run), no document's
        records are decoded, and of each document's result only what places the diagnostics.
        """
        from checker.engine import Notice

        hits: dict[int, tuple[bytes, bytes]] = {}
        missing: list[int] = []  # read again by process(): the bytes are not held meanwhile
        corpus = blake2b(digest_size=16)
        # The same digest over the documents as the cache holds them (before this run): the key of the corpus
        # the corpus rules' memos were made from, when those memos came with that corpus pass.
        before: Any = blake2b(digest_size=16)
        changed: dict[str, bytes | None] = {}  # displayed path -> the records stored for its bytes before, None when unknown
        complete = True
        keys: dict[int, tuple[str, str]] = {}  # index -> the document's key (an absolute path made once)
        read: dict[int, tuple[bytes, Stat | None]] = {}  # index -> the digest of the bytes read now, and the stat to store with it
        settled = time.time_ns() - _SETTLED_NS
        cwd = os.getcwd()  # (once: the keys below are made of it)
        for index, source in enumerate(sources):
            if source.data is not None or source.file is None:  # standard input: not cached
                missing.append(index)
                complete = False
                continue
            key = keys[index] = _key_of(source, cwd)
            self._seen.add(key)
            entry = self._entries.get(key)
            try:
                info = os.stat(source.file)
                stat = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
                if entry is not None and entry[4] == stat:
                    content = entry[0]
                else:
                    content = digest(Path(source.file).read_bytes())
                    trusted = stat if max(info.st_mtime_ns, info.st_ctime_ns) < settled else None
                    read[index] = (content, trusted)
                    if entry is not None and entry[0] == content and entry[4] != trusted:
                        entry = self._entries[key] = (entry[0], entry[1], entry[2], entry[3], trusted)
                        if trusted is not None:
                            self._dirty.add(_shard(key))  # only the stat is new: one shard's file to write
            except OSError:
                missing.append(index)  # process() reports it
                complete = False
                continue
            # Each path preceded by its length: no two lists of documents give the same bytes.
            named = f"{len(key[0])}:{key[0]}{len(key[1])}:{key[1]}{source.in_scope:d}".encode("utf-8", "surrogateescape")
            corpus.update(named + content)
            if before is not None:
                if entry is None:
                    before = None  # a document the cache did not hold: no earlier corpus pass saw this corpus
                else:
                    before.update(named + entry[0])
                    if entry[0] != content:
                        changed[source.path] = None  # its records, once read (below)
            # Scope filters findings, it is not part of the key: a result made in scope (its document rules
            # ran) serves either scope; one made as corpus evidence serves only as evidence.
            if entry is not None and entry[2] is not None and entry[0] == content and (entry[1] or not source.in_scope):
                hits[index] = (entry[2], entry[3] or b"")
            else:
                missing.append(index)
        before_key = None
        if self._pausing and (not hits or len(missing) > _PAUSE_MISSES):
            collector.resume(True)  # documents to read: their readings' cycles are the collector's to free
            self._pausing = False
        if complete:
            ledger = self._ledger_digest()
            corpus.update(ledger)
            self._corpus_key = corpus.digest()
            if before is not None:
                before.update(ledger)
                before_key = before.digest()
            known = None if reduce.keep_records else self._stored_diagnostics(self._corpus_key, before_key)
            if known is not None:
                reduce.known = []
                self.diagnostics = known
                self._corpus_known = True
        with_records = not self._corpus_known
        if with_records:
            reduce.memos, made_from = self._memos()
            if before_key is not None and before_key == made_from:
                reduce.changed = changed
            reduce.remember = True
        if with_records and (hits or changed):
            self._read_records()
            for index in missing:
                entry = self._entries.get(keys[index]) if index in keys else None
                if entry is not None and sources[index].path in changed:
                    changed[sources[index].path] = entry[3]  # None when its records were not stored: not known
            for index in sorted(hits):
                if self._entries[keys[index]][3] is None:  # its records were not stored: read it again
                    del hits[index]
                    missing.append(index)
        reread = len(missing)
        processed = iter(process([sources[index] for index in sorted(missing)]))
        for index, source in enumerate(sources):
            if index in hits:
                body, records = hits[index]
                if with_records:
                    records = self._entries[keys[index]][3] or b""
                cached = result_from_data(source, body, records, with_records, light=self._corpus_known)
                if cached is not None:
                    # Decoded, its packed result and records need not stay in memory: finish() takes them
                    # from the files again if it rewrites them (40 MiB on a 90 MB corpus).
                    key = keys[index]
                    entry = self._entries[key]
                    self._entries[key] = (entry[0], entry[1], None, None, entry[4])
                    shard = _shard(key)
                    self._records_read.discard(shard)
                    self._bodies_dropped.add(shard)
                    del hits[index]
                    yield cached
                    continue
                if self._pausing and reread >= _PAUSE_MISSES:  # damaged entries, many: as many documents read again
                    collector.resume(True)
                    self._pausing = False
                reread += 1
                result = next(iter(process([source])))  # a damaged entry: read the document again
            else:
                result = next(processed)
            if self._groups is not None and source.path in changed and not isinstance(result, Notice):
                self._moved[source.path] = self._moved_from(keys.get(index), result)
            if source.data is None and source.file is not None and not isinstance(result, Notice):
                self._store(source, result, read.get(index))
            yield result

    def _store(self, source: Source, result: DocumentResult, read: tuple[bytes, Stat | None] | None) -> None:
        if result.errors:
            return  # an internal error is not a result: read again next time
        try:
            content = bytes.fromhex(result.content_digest)
            packed = result_to_data(result)
        except Exception:  # not storable (plain data only): it is simply read again next time
            return
        # The stat taken before the bytes were hashed, if process() read those same bytes.
        stat = read[1] if read is not None and read[0] == content else None
        key = _key_of(source)
        if self._spill(key, packed[0], packed[1]):
            self._entries[key] = (content, result.in_scope, None, None, stat)
        else:
            self._entries[key] = (content, result.in_scope, packed[0], packed[1], stat)
        self._dirty.add(_shard(key))

    def _spill(self, key: tuple[str, str], body: bytes, records: bytes) -> bool:
        """Append a stored result to the scratch file (made on the first call); False when it cannot be."""
        if self._spool_failed or self._key is None:
            return False
        try:
            if self._spool is None:
                import tempfile

                self._prepare()
                self._spool = tempfile.TemporaryFile(dir=self.directory, prefix="spool-")
            spool = self._spool
            offset = spool.seek(0, os.SEEK_END)
            spool.write(body)
            spool.write(records)
        except Exception:  # no room, no permission: held in memory
            self._spool_failed = True
            return False
        self._spooled[key] = (offset, len(body), len(records))
        return True

    def _unspill(self, key: tuple[str, str]) -> tuple[bytes, bytes] | None:
        """A result and its records stored this run, from the scratch file (None when not there or unreadable)."""
        place = self._spooled.get(key)
        spool = self._spool
        if place is None or spool is None:
            return None
        offset, body, records = place
        try:
            spool.seek(offset)
            data = spool.read(body + records)
        except Exception:
            return None
        return (data[:body], data[body:]) if len(data) == body + records else None

    def _ledger_digest(self) -> bytes:
        if self._ledger is None:
            return b"no ledger"
        try:
            return digest(self._ledger.read_bytes())
        except OSError:
            return b"unreadable ledger"

    def _stored_diagnostics(self, key: bytes, before: bytes | None) -> list[Diagnostic] | None:
        """The diagnostics stored for the corpus ``key``; or, when stored for the corpus ``before`` (this one as the
        cache held it before this run), None, and their groups kept for :meth:`placed`."""
        try:
            stored = self._load(self.corpus_file)
            if len(stored) != 6 or stored[1] not in (key, before):
                return None
            groups = stored_from_data(*stored[3:])
            if stored[1] == key:
                return stored_diagnostics(groups)
            self._groups = (groups, _check(stored[2], bytes))
        except Exception:
            pass
        return None

    def _moved_from(self, key: tuple[str, str] | None, result: DocumentResult) -> int:
        """moved_from of a changed document's line index as stored (0 when not known) and now."""
        entry = self._entries.get(key) if key is not None else None
        try:
            return moved_from(line_starts_from_data(entry[2]), result.line_starts) if entry is not None and entry[2] is not None else 0
        except Exception:
            return 0

    def placed(self, documents: list[DocumentResult], corpus_findings: list[Finding]) -> Placed:
        """This run's corpus findings by path and what the last run placed, for ``corpus_pass.filtered`` and :meth:`finish`."""
        paths = paths_digest(documents)
        stored = None
        if self._groups is not None and self._groups[1] == paths and len({document.path for document in documents}) == len(documents):
            stored = self._groups[0]
        self._groups = None
        return Placed(corpus_findings, stored, self._moved, paths)

    def _memos(self) -> tuple[dict[str, Any], bytes | None]:
        """What the corpus rules kept from the last corpus pass (``Reduce.memos``), by rule code (empty when there is
        none), and the key of the corpus that pass saw (None when not stored)."""
        try:
            stored = self._load(self.memo_file)
            memos = {code: memo for code, memo in _check(stored[1], dict).items() if isinstance(code, str)}
        except Exception:
            return {}, None
        made_from = stored[2] if len(stored) > 2 and isinstance(stored[2], bytes) else None
        return memos, made_from

    def finish(self, diagnostics: list[Diagnostic], errors: list[str], memos: dict[str, Any] | None = None, placed: Placed | None = None) -> None:
        """Write what this run changed: the documents' entries (those of deleted documents dropped), the run's
        diagnostics, and what the corpus rules keep for the next corpus pass."""
        for key in [key for key in self._entries if key not in self._seen and not os.path.exists(key[1])]:
            del self._entries[key]
            self._dirty.add(_shard(key))
        if self._key is None:
            return

        from checker.files import write_atomic

        try:
            if self._dirty:
                dirty = self._dirty
                self._read_bodies(dirty)  # the results this run decoded and let go
                self._read_records(dirty)  # the records of the entries this run did not need, or decoded and let go
                keys: dict[int, list[tuple[str, str]]] = {shard: [] for shard in dirty}
                for key in self._entries:
                    shard = _shard(key)
                    if shard in dirty:
                        keys[shard].append(key)
                self._prepare()
                for shard in sorted(dirty):  # one shard's results in memory at a time
                    entries: list[tuple] = []
                    records: list[tuple] = []
                    for key in keys[shard]:
                        content, in_scope, body, packed, stat = self._entries[key]
                        if key in self._spooled:
                            body, packed = self._unspill(key) or (None, None)
                        if body is not None:
                            entries.append((*key, content, in_scope, body, stat))
                            if packed is not None:
                                records.append((*key, content, packed))
                    self._write(self.records_file(shard), (_FORMAT, records), write_atomic)
                    self._write(self.sheets_file(shard), (_FORMAT, entries), write_atomic)
            stored = placed.to_data(diagnostics) if placed is not None and self._corpus_key is not None and not self._corpus_known and not errors else None
            if stored is not None:
                assert placed is not None
                self._prepare()
                self._write(self.corpus_file, (_FORMAT, self._corpus_key, placed.paths, *stored), write_atomic)
                if memos:
                    self._write(self.memo_file, (_FORMAT, memos, self._corpus_key), write_atomic)
            if self._dirty or stored is not None:  # files were written: older configurations' may go (else none came)
                self._prune()
        except Exception:  # no room, no permission, a file in the way: the next run reads the documents again
            pass
        finally:
            if self._spool is not None:
                self._spool.close()  # an unnamed file: closed, it is gone
                self._spool = None
                self._spooled.clear()

    def _write(self, path: Path, value: Any, write_atomic: Callable) -> None:
        assert self._key is not None
        write_signed(path, self._key, value, write_atomic)

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
        """Keep the files of the configurations written last (by their newest file), this one's always."""
        groups: dict[str, list[Path]] = {}
        newest: dict[str, float] = {}
        for pattern in ("sheets-*", "records-*", "corpus-*", "memo-*"):
            for path in self.directory.glob(pattern):
                name = path.name.split("-")[1].split(".")[0]
                groups.setdefault(name, []).append(path)
                newest[name] = max(newest.get(name, 0.0), path.stat().st_mtime)
        others = sorted((name for name in newest if name != self._name), key=newest.__getitem__, reverse=True)
        kept = {self._name, *others[: _KEEP_FILES - 1]}
        for name, paths in groups.items():
            if name not in kept:
                for old in paths:
                    old.unlink(missing_ok=True)


Stat = tuple[int, int, int, int]  # size, modification and change times (ns), inode
Entry = tuple[bytes, bool, bytes | None, bytes | None, Stat | None]  # see SheetCache._entries


def _stat_from_data(value: Any) -> Stat | None:
    if value is None:
        return None
    size, modified, changed, inode = _check(value, _SEQ)
    return (_check(size, int), _check(modified, int), _check(changed, int), _check(inode, int))


def _shard(key: tuple[str, str]) -> int:
    """The shard of a document's entry, by its absolute path."""
    return zlib.crc32(key[1].encode("utf-8", "surrogateescape")) % _SHARDS


def _key_of(source: Source, cwd: str | None = None) -> tuple[str, str]:
    """The displayed path (it is in the result) and the file's absolute path, as ``os.path.abspath`` makes it
    (``cwd``: the working directory, when the caller asked it once for many documents: ``abspath`` asks at every call)."""
    return source.path, os.path.normpath(os.path.join(cwd or os.getcwd(), source.file or source.path))

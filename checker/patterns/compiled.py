"""Compiled patterns kept between runs (the user cache directory)."""

from __future__ import annotations

import os
import re
from array import array

# --- compiled patterns kept between runs ------------------------------------------
#
# ``re`` parses and compiles a pattern in Python code: the extractors' patterns
# take about 100 ms to compile, a third of a one-file run, and the result is
# the same every time. ``_sre.compile`` builds a pattern object from its
# compiled code directly, so the code (a list of integers) is kept in the user
# cache directory and reused by the next run. The file is keyed by the Python
# version and the regular-expression engine's MAGIC, and every entry by the
# pattern's text and flags, so a changed pattern is simply a new entry. Any
# failure (no cache directory, a corrupt file, code the engine rejects) falls
# back to ``re.compile``. An entry is stored only when the pattern built from it
# equals the one ``re.compile`` built (pattern equality compares the compiled
# code), so the objects built either way are the same.

_FORMAT = 2  # entries: (flags, code, groups, groupindex, indexgroup, digest)
_MAX_BYTES = 8_000_000  # beyond this, the file keeps only the patterns this run used
_CODE_TYPE = "I"  # the engine's code words are 4 bytes (_sre.CODESIZE, part of the file's name)
_store: dict[tuple[str, int], tuple] | None = None
_added: dict[tuple[str, int], tuple] = {}
_used: set[tuple[str, int]] = set()
_registered = False


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the compiled-pattern cache when it holds the pattern."""
    flags = int(flags)
    key = (pattern, flags)
    store = _load_store()
    entry = store.get(key)
    _used.add(key)
    if entry is not None:
        try:
            if entry[5] == _sign(pattern, flags, entry[:5]):
                return _build(pattern, entry[:5])
        except Exception:  # not an entry, or rejected by this engine: compile it again
            pass
        del store[key]
    expected = re.compile(pattern, flags)  # (raises re.error for a bad pattern)
    try:
        entry = _compile_code(pattern, flags)
        compiled = _build(pattern, entry)
    except Exception:  # the engine's internals are not what this code expects
        return expected
    if compiled != expected:  # equality compares the compiled code: keep only what re itself builds
        return expected
    signature = _sign(pattern, flags, entry)
    if signature is None:  # no key to sign with: nothing is kept
        return compiled
    entry = (*entry, signature)
    store[key] = entry
    _added[key] = entry
    global _registered
    if not _registered:
        import atexit

        atexit.register(_save_store)
        _registered = True
    return compiled


def _compile_code(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` passes to ``_sre.compile``, after the pattern."""
    from re import _compiler, _parser  # type: ignore[attr-defined]  # private: tests run the result against re.compile

    parsed = _parser.parse(pattern, flags)
    code = array(_CODE_TYPE, _compiler._code(parsed, flags)).tobytes()  # compact, and quick to load
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _sign(pattern: str, flags: int, entry: tuple) -> bytes | None:
    """The keyed digest that vouches for ``entry`` as the compiled form of ``pattern`` with ``flags``."""
    from checker import __version__
    from checker.signing import blake2b, user_key

    key = user_key()
    if key is None:
        return None
    flags_out, code, groups, groupindex, indexgroup = entry
    described = repr((__version__, pattern, flags, flags_out, groups, sorted(groupindex.items()), indexgroup))
    return blake2b(described.encode("utf-8", "surrogatepass") + b"\0" + bytes(code), key=key, digest_size=16).digest()


def _build(pattern: str, entry: tuple) -> re.Pattern:
    import _sre

    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array(_CODE_TYPE, code).tolist(), groups, groupindex, indexgroup)


def _store_path() -> str:
    import _sre
    import sys

    from checker.files import cache_dir

    version = "".join(map(str, sys.version_info[:2]))
    return f"{cache_dir()}/patterns-{sys.implementation.name}{version}-{_sre.MAGIC}-{_sre.CODESIZE}-v{_FORMAT}.marshal"


def _load_store() -> dict[tuple[str, int], tuple]:
    global _store
    if _store is None:
        _store = {}
        try:
            import marshal

            with open(_store_path(), "rb") as handle:
                data = marshal.loads(handle.read())
            if isinstance(data, dict):
                _store = data
        except Exception:  # absent, unreadable or corrupt: start empty
            pass
    return _store


def _save_store() -> None:
    """Add this run's new patterns to the cache file (at exit)."""
    import marshal

    if not _added:
        return
    from checker.files import write_atomic

    try:
        path = _store_path()
        try:
            with open(path, "rb") as handle:
                kept = marshal.loads(handle.read())  # what other runs saved meanwhile
            if not isinstance(kept, dict):
                kept = {}
        except Exception:
            kept = {}
        kept.update(_added)
        data = marshal.dumps(kept)
        if len(data) > _MAX_BYTES:  # patterns of older versions pile up: keep this run's
            data = marshal.dumps({key: entry for key, entry in kept.items() if key in _used})
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, data, durable=False)
    except Exception:  # a cache that cannot be written only costs time
        pass

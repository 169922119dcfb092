"""The methods ``dataclasses`` writes for each dataclass, compiled once and kept between runs.

``@dataclass`` writes the source of each class's ``__init__``, ``__repr__``,
``__eq__``, ``__hash__`` (and, frozen, ``__setattr__`` and ``__delattr__``) and
compiles it with ``exec``: about 0.8 ms for a frozen class, and a one-file run
defines some forty of them (fact sheets, findings, settings, rule options),
a quarter of its CPU time. The source is the same on every run, so the CLI
(:func:`install`, called first thing by ``checker.cli.main``; the library
itself never changes how ``dataclasses`` works in someone else's process) gives
the ``dataclasses`` module an ``exec`` of its own: the builtin, except that a
source seen before is not compiled again but read from a file in the user cache
directory. Its entries are keyed by the source text and signed like the
compiled-pattern cache's (a keyed digest with the per-user secret of
``checker.signing``), the file is keyed by the Python build and the ``-O``
level, and the code is what ``compile`` makes of that source with the flags
``exec`` would use in the ``dataclasses`` module: the classes are the same
either way. Any failure (no cache directory, a corrupt file, an entry that does
not verify) falls back to compiling.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
from typing import Any

from checker.signing import blake2b

_FORMAT = 1
_MAX_BYTES = 4_000_000  # beyond this, the file keeps only the entries this run used
_store: dict[str, tuple[bytes, bytes]] | None = None  # source -> (marshalled code, signature)
_added: dict[str, tuple[bytes, bytes]] = {}
_used: set[str] = set()
_code: dict[str, Any] = {}  # source -> code object, this run
_key: bytes | None = None
_key_read = False  # whether _signing_key has asked for the user's key (None when there is none)


def install() -> None:
    """Give ``dataclasses`` the caching ``exec`` (once per process; the CLI calls it)."""
    _defer_inspect()
    import dataclasses

    if getattr(dataclasses, "exec", None) is _exec:
        return
    # Installed before the key is read: reading it imports modules that define dataclasses themselves.
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # a module global shadows the builtin for that module only
    import atexit

    atexit.register(_save)


def _defer_inspect() -> None:
    """Import ``dataclasses`` with an ``inspect`` that imports the real one when first asked for anything.

    ``dataclasses`` imports ``inspect`` (with ``ast``, ``dis`` and ``tokenize``: about 8% of a one-file run)
    for one call, made only for a class without a docstring (factlint's all have one). While it is imported,
    ``sys.modules`` holds a stand-in under that name, taken out again at once: ``dataclasses`` alone keeps
    it, and its first attribute imports the real module (``importlib.util.LazyLoader`` cannot serve here:
    on Python 3.11 the ``import`` statement itself reads the lazy module's ``__spec__``, which loads it).
    Anything else importing ``inspect`` gets the real module.
    """
    if "inspect" in sys.modules or "dataclasses" in sys.modules:
        return
    import types

    class _Inspect(types.ModuleType):
        def __getattr__(self, name: str) -> Any:
            import importlib

            return getattr(importlib.import_module("inspect"), name)

    stand_in = sys.modules["inspect"] = _Inspect("inspect")
    try:
        import dataclasses  # noqa: F401  # (imported now, with the stand-in)
    finally:
        if sys.modules.get("inspect") is stand_in:
            del sys.modules["inspect"]


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None, /) -> None:
    """``exec(source, globals, locals)``, with the code of a source string from the cache."""
    if globals is None:  # the builtin's defaults: the calling frame's namespaces, a frame in dataclasses
        caller = sys._getframe(1)
        globals = caller.f_globals
        if locals is None:
            locals = caller.f_locals
    if isinstance(source, str):
        code = _code.get(source)
        if code is None:
            code = _code[source] = _compiled(source)
        source = code
    builtins.exec(source, globals, locals)


def _compiled(source: str) -> Any:
    if _signing_key() is None:  # nothing can be vouched for: compiled as dataclasses would
        return compile(source, "<string>", "exec", dont_inherit=True)
    _used.add(source)
    entry = _load().get(source)
    if entry is not None:
        try:
            if entry[1] == _sign(source, entry[0]):
                return marshal.loads(entry[0])
        except Exception:  # not an entry: compile it again
            pass
    # What exec(source) compiles in the dataclasses module: no __future__ flags of this one.
    code = compile(source, "<string>", "exec", dont_inherit=True)
    data = marshal.dumps(code)
    _added[source] = (data, _sign(source, data))
    return code


def _signing_key() -> bytes | None:
    """The user's key (``checker.signing``), read at the first class compiled."""
    global _key, _key_read
    if not _key_read:
        _key_read = True  # first: reading the key must not come back here
        if _key is None:
            from checker.signing import user_key

            _key = user_key()
    return _key


def _sign(source: str, data: bytes) -> bytes:
    assert _key is not None
    return blake2b(source.encode("utf-8", "surrogatepass") + b"\0" + data, key=_key, digest_size=16).digest()


def _path() -> str:
    from checker.files import cache_dir

    build = f"{sys.implementation.cache_tag}-{sys.version}-O{sys.flags.optimize}".encode()
    return os.path.join(cache_dir(), f"dataclass-code-{sys.implementation.cache_tag}-{blake2b(build, digest_size=6).hexdigest()}-v{_FORMAT}.marshal")


def _read() -> dict[str, tuple[bytes, bytes]]:
    try:
        with open(_path(), "rb") as handle:
            data = marshal.loads(handle.read())
    except Exception:  # absent, unreadable or corrupt: start empty
        return {}
    return data if isinstance(data, dict) else {}


def _load() -> dict[str, tuple[bytes, bytes]]:
    global _store
    if _store is None:
        _store = _read()
    return _store


def _save() -> None:
    """Add this run's new entries to the file (at exit)."""
    if not _added:
        return
    from checker.files import write_atomic

    try:
        kept = _read()  # what other runs saved meanwhile
        kept.update(_added)
        data = marshal.dumps(kept)
        if len(data) > _MAX_BYTES:  # entries of older versions pile up: keep this run's
            data = marshal.dumps({source: entry for source, entry in kept.items() if source in _used})
        path = _path()
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, data, durable=False)
    except Exception:  # a cache that cannot be written only costs time
        pass

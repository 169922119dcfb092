"""Validated configurations kept in the cache directory, so that a run whose config file has not changed skips pydantic.

One file per config file (``config-<name>.msgpack``), holding the digest of
everything the validation depends on (factlint's code fingerprint, the config
file's path, the project root and the file's bytes) and the validated
settings as plain data: msgpack, with extension types for the settings'
dataclasses (these three only), tuples and dates, so that what is read back
equals what was validated. Like the fact-sheet cache, a file is signed with
the per-user key (``checker.signing``) and never unpickled; a file that does
not verify or decode is a miss, and a cache that cannot be written only
costs the validation.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from checker.config import Dates, Settings, Vocabulary
from checker.signing import blake2b

_CLASSES = {1: Settings, 2: Vocabulary, 3: Dates}
_CODES = {cls: code for code, cls in _CLASSES.items()}
_TUPLE, _DATE, _DATETIME, _TIME = 10, 11, 12, 13
_FORMAT = b"factlint-config-1"
_PURPOSE = b"factlint-config"  # what its signatures sign for (keyed BLAKE2b, checker.signing)


def _file(directory: Path, source: str, root: str) -> Path:
    name = blake2b(f"{source}\n{root}".encode(), digest_size=10).hexdigest()
    return directory / f"config-{name}.msgpack"


def _key(source: str, root: str, data: bytes) -> bytes:
    from checker.cache_data import code_fingerprint as _code_fingerprint

    key = blake2b(_FORMAT, digest_size=16)
    for part in (_code_fingerprint().encode("utf-8"), source.encode("utf-8"), root.encode("utf-8"), data):
        key.update(len(part).to_bytes(8, "little") + part)
    return key.digest()


def load(directory: Path, source: str, root: str, data: bytes) -> Settings | None:
    """The settings validated from ``data`` at an earlier run, or None."""
    from checker.signing import same_digest, sign, user_key

    secret = user_key()
    if secret is None:
        return None
    try:
        stored = _file(directory, source, root).read_bytes()
        end = stored.find(b"\n")
        payload = stored[end + 1 :]
        if end < 0 or not same_digest(stored[:end], sign(secret, payload, _PURPOSE)):
            return None
        key, settings = _unpack(payload)
        if key != _key(source, root, data) or type(settings) is not Settings:
            return None
        return settings
    except Exception:  # absent, unreadable, another layout: validate again
        return None


def store(directory: Path, settings: Settings, data: bytes) -> None:
    """Keep ``settings`` (validated from ``data``) for the next run; only into an existing cache directory."""
    from checker.files import write_atomic
    from checker.signing import sign, user_key

    secret = user_key()
    if secret is None or not directory.is_dir() or settings.source is None:
        return
    try:
        payload = _pack((_key(settings.source, settings.root, data), settings))
        write_atomic(_file(directory, settings.source, settings.root), sign(secret, payload, _PURPOSE) + b"\n" + payload, durable=False)
    except Exception:
        pass


def _pack(value: Any) -> bytes:
    import msgpack

    def encode(item: Any) -> Any:
        if type(item) in _CODES:
            fields = [getattr(item, name) for name in item.__dataclass_fields__]
            return msgpack.ExtType(_CODES[type(item)], _pack(fields))
        if isinstance(item, tuple):
            return msgpack.ExtType(_TUPLE, _pack(list(item)))
        if isinstance(item, dt.datetime):
            return msgpack.ExtType(_DATETIME, item.isoformat().encode())
        if isinstance(item, dt.date):
            return msgpack.ExtType(_DATE, item.isoformat().encode())
        if isinstance(item, dt.time):
            return msgpack.ExtType(_TIME, item.isoformat().encode())
        raise TypeError(f"not plain data: {type(item).__name__}")

    return msgpack.packb(value, default=encode, use_bin_type=True, strict_types=True)


def _unpack(payload: bytes) -> Any:
    import msgpack

    def decode(code: int, data: bytes) -> Any:
        if code in _CLASSES:
            cls: Any = _CLASSES[code]
            return cls(**dict(zip(cls.__dataclass_fields__, _unpack(data), strict=True)))
        if code == _TUPLE:
            return tuple(_unpack(data))
        text = data.decode()
        if code == _DATETIME:
            return dt.datetime.fromisoformat(text)
        if code == _DATE:
            return dt.date.fromisoformat(text)
        if code == _TIME:
            return dt.time.fromisoformat(text)
        raise ValueError(f"unknown extension {code}")

    return msgpack.unpackb(payload, ext_hook=decode, raw=False)

"""The per-user secret that signs factlint's cache files, and the digests it signs with, without OpenSSL.

``hashlib`` and ``hmac`` load OpenSSL's library when imported (about 3% of a one-file run), for
hashes factlint does not use: its digests are all BLAKE2b, which ``hashlib`` itself takes from
CPython's own ``_blake2`` module, and a file is signed with BLAKE2b in its keyed mode (a MAC by
design, as HMAC makes one of SHA-256). So the digests come from ``_blake2`` directly, and a
signature is compared in constant time by ``_operator._compare_digest`` (what ``hmac.compare_digest``
is when OpenSSL is absent); on a Python without those modules, from ``hashlib`` and ``hmac``.
"""

from __future__ import annotations

import os

try:
    from _blake2 import blake2b
except ImportError:  # not CPython
    from hashlib import blake2b
try:
    from _operator import _compare_digest as same_digest
except ImportError:  # not CPython
    from hmac import compare_digest as same_digest  # type: ignore[no-redef]

__all__ = ["blake2b", "same_digest", "sign", "user_key"]

_KEY_FILE = "cache-key"
_KEY_SIZE = 32
_keys: dict[str, bytes | None] = {}


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


def sign(key: bytes, payload: bytes | memoryview, purpose: bytes = b"factlint-sheets") -> bytes:
    """The signature of ``payload`` for ``purpose``: keyed BLAKE2b, 32 bytes, as hexadecimal ASCII."""
    signer = blake2b(purpose, key=key, digest_size=32)
    signer.update(payload)
    return signer.hexdigest().encode("ascii")

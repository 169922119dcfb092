"""The user's cache directory, shared by factlint's derived-data caches.

Everything kept here can be rebuilt from the installed packages, so losing
it only costs time: the word-list index (``checker.lexicon``) and compiled
patterns (``checker.lazyre``). Files are replaced atomically, so two runs at
once never see half a file.
"""

from __future__ import annotations

import os


def cache_dir() -> str:
    """``$XDG_CACHE_HOME/factlint``, or ``~/.cache/factlint``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "factlint")


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (raises OSError)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise

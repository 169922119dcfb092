"""Files factlint writes: user documents (``--fix``) and its caches.

Every write goes through a temporary file in the same directory and a rename,
so a reader never sees half a file and a failed write leaves the old one whole.
A temporary file that a killed process left behind is removed by the next
``--fix`` run in that directory (``remove_leftovers``).

The user cache directory holds derived data that can be rebuilt from the
installed packages, so losing it only costs time: the word-list index
(``checker.lexicon``) and compiled patterns (``checker.patterns``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path

from checker.patterns import LazyPattern


def cache_dir() -> str:
    """``$XDG_CACHE_HOME/factlint``, or ``~/.cache/factlint``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "factlint")


def write_atomic(path: Path | str, data: bytes, durable: bool = True) -> None:
    """Write through a temporary file in the same directory, then rename over (raises OSError).

    An existing file keeps its permissions. ``durable`` syncs the data to disk
    before the rename: wanted for a user's document, not for a cache.
    """
    path = Path(path)
    import tempfile  # only when writing: a run that writes nothing spares the import

    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".factlint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        try:
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        except OSError:
            pass
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


# The temporary files of write_atomic: "." + the file's name + mkstemp's 8 random characters + ".factlint".
_LEFTOVER = LazyPattern(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.factlint")


def remove_leftovers(directories: Iterable[Path | str], older_than: float = 60.0) -> list[Path]:
    """Remove temporary files that an interrupted write left in ``directories``; return them.

    Only files named as ``write_atomic`` names them, next to the file they were for, and
    not touched for ``older_than`` seconds (a concurrent run may still be writing a new one).
    """
    removed: list[Path] = []
    now = time.time()
    for directory in directories:
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        names = {entry.name for entry in entries}
        for entry in entries:
            match = _LEFTOVER.fullmatch(entry.name)
            if match is None or match["name"] not in names:
                continue
            try:
                if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime >= older_than:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


class ReadOnlyFileError(OSError):
    """A document that its permissions say must not be written."""


def write_document(path: Path | str, data: bytes) -> None:
    """Write a user's document as ``write_atomic`` does, keeping what the file is.

    A symlink is written through (the link stays a link), a read-only file is refused
    (``ReadOnlyFileError``), the owner and mode are kept, and a file with other hard
    links is rewritten in place so that every link still shows the new text.
    """
    target = Path(os.path.realpath(path))
    status = target.stat()
    if not status.st_mode & 0o222:
        raise ReadOnlyFileError(f"{path}: read-only file, not rewritten")
    if status.st_nlink > 1:
        with open(target, "r+b") as handle:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
        return
    write_atomic(target, data)
    try:
        if (status.st_uid, status.st_gid) != (os.stat(target).st_uid, os.stat(target).st_gid):
            os.chown(target, status.st_uid, status.st_gid)
    except (OSError, AttributeError):  # not permitted, or no owners on this system
        pass

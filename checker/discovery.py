"""Finding documents: include/exclude globs, .gitignore, and the corpus.

Files named on the command line are always linted. Directories are walked,
keeping files that match ``include`` and not ``exclude`` (globs relative to
the project root; a pattern without ``/`` matches a file name anywhere) and
that git does not ignore. Version-control and virtual-environment
directories are never walked.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
     ".mypy_cache", ".pytest_cache", ".ruff_cache", ".factlint_cache", ".hypothesis", "site-packages", ".eggs"}
)


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a glob (``**``, ``*``, ``?``, ``[...]``) into a regex on posix paths."""
    if pattern.endswith("/"):
        pattern += "**"
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif char == "*":
            out.append("[^/]*")
            i += 1
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[":
            close = pattern.find("]", i + 1)
            if close == -1:
                out.append(re.escape(char))
                i += 1
            else:
                body = pattern[i + 1 : close].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close + 1
        else:
            out.append(re.escape(char))
            i += 1
    return re.compile("".join(out) + r"\Z")


def matches_any(relative: str, patterns: Iterable[str]) -> bool:
    """Whether a root-relative posix path matches any glob."""
    name = relative.rsplit("/", 1)[-1]
    for pattern in patterns:
        if "/" not in pattern.rstrip("/") and not pattern.endswith("/"):
            if glob_regex(pattern).match(name) or glob_regex(pattern).match(relative):
                return True
        elif glob_regex(pattern.lstrip("/")).match(relative):
            return True
    return False


def relative_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def check_globs(patterns: Iterable[str]) -> None:
    """Raise ValueError naming the first glob that cannot be compiled (e.g. the range ``[z-a]``)."""
    for pattern in patterns:
        try:
            glob_regex(pattern.lstrip("/"))
            glob_regex(pattern)
        except re.error as error:
            raise ValueError(f"invalid glob {pattern!r}: {error}") from None


def file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be linted as a file (symlink loop, dangling link, FIFO...), or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symlink loop"
        if os.path.islink(path):
            return "broken symlink"
        return f"could not be examined: {error.strerror or error}"
    except (RuntimeError, ValueError) as error:
        return f"could not be examined: {error}"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None


def walk(
    directory: Path,
    root: Path,
    include: Iterable[str],
    exclude: Iterable[str],
    gitignore: bool,
    skipped: list[tuple[Path, str]] | None = None,
) -> list[Path]:
    """Files under ``directory`` that the globs and .gitignore admit, sorted.

    Files that cannot be read as regular files (symlink loops, dangling links,
    FIFOs, sockets, devices) are left out; when they match the globs, they are
    added to ``skipped`` with the reason.
    """
    include = tuple(include)
    exclude = tuple(exclude)
    found: list[Path] = []
    for current, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info"))
        base = Path(current)
        # The directory is resolved once; only a file that is itself a link needs its own resolution.
        folder = relative_to(base, root)
        prefix = "" if folder == "." else folder + "/"
        for name in sorted(files):
            path = base / name
            problem = file_problem(path)
            if problem is not None:  # never resolve or open it: a loop raises, a FIFO blocks
                relative = prefix + name
                if skipped is not None and matches_any(relative, include) and not matches_any(relative, exclude):
                    skipped.append((path, problem))
                continue
            relative = prefix + name
            if os.path.islink(path):
                target = path.resolve()
                if not target.is_relative_to(root):
                    # A link out of the project is never read on a walk (it could be a secret the
                    # repository's author points at); naming it on the command line still reads it.
                    if skipped is not None and matches_any(relative, include) and not matches_any(relative, exclude):
                        skipped.append((path, "symlink to a file outside the project"))
                    continue
                relative = target.relative_to(root).as_posix()
            if matches_any(relative, include) and not matches_any(relative, exclude):
                found.append(path)
    if gitignore and found:
        ignored = git_ignored(found, root)
        found = [p for p in found if str(p) not in ignored]
    return found


def real_path(path: Path, directories: dict[str, str]) -> str:
    """``str(path.resolve())``, resolving each directory once (``directories`` caches them)."""
    if os.path.islink(path):
        return str(path.resolve())
    parent = str(path.parent)
    resolved = directories.get(parent)
    if resolved is None:
        resolved = directories[parent] = str(path.parent.resolve())
    return os.path.join(resolved, path.name)


def git_ignored(paths: list[Path], root: Path) -> set[str]:
    """The paths git ignores (empty when git or the repository is not available)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "check-ignore", "--stdin", "-z"],
            input="\0".join(str(p) for p in paths).encode() + b"\0",
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if result.returncode not in (0, 1):
        return set()
    return {item for item in result.stdout.decode(errors="surrogateescape").split("\0") if item}

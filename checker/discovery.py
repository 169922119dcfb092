"""Finding documents: include/exclude globs, .gitignore, and the corpus.

Files named on the command line are always linted. Directories are walked,
keeping files that match ``include`` and not ``exclude`` (globs relative to
the project root; a pattern without ``/`` matches a file name anywhere) and
that git does not ignore; a directory named on the command line that git
ignores is walked all the same (the pattern that ignores it is set aside). Version-control and virtual-environment
directories are never walked.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from checker.globs import matches_any

SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
     ".mypy_cache", ".pytest_cache", ".ruff_cache", ".factlint_cache", ".hypothesis", "site-packages", ".eggs"}
)


def relative_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.resolve().as_posix()


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
    counts: dict[str, int] | None = None,
    links: set[str] | None = None,
    resolved: dict[str, str] | None = None,
) -> list[Path]:
    """Files under ``directory`` that the globs and .gitignore admit, sorted.

    Files that cannot be read as regular files (symlink loops, dangling links,
    FIFOs, sockets, devices) are left out; when they match the globs, they are
    added to ``skipped`` with the reason. ``counts`` adds up what was left out
    (``files`` seen, ``excluded`` by the globs, ``gitignored``), to say why a
    walk found nothing. ``links`` receives the found files that are symbolic links. ``resolved`` receives each
    directory walked (as ``str(Path(directory))``) with its real path, as ``real_path`` caches them.
    """
    include = tuple(include)
    exclude = tuple(exclude)
    found: list[Path] = []
    # Only the top is resolved: the walk enters no link to a directory, so a directory below it is, really, where
    # its names below the top say (a file that is itself a link is resolved on its own, below).
    top = str(directory.resolve())
    for current, below, files in _walk(str(directory), ""):
        base = Path(current)
        real = os.path.join(top, below) if below else top
        if resolved is not None:
            resolved.setdefault(str(base), real)
        folder = _relative(real, str(root))
        prefix = "" if folder == "." else folder + "/"
        for name, entry in sorted(files.items()):
            path = base / name
            relative = prefix + name
            try:  # most files: a regular file that is not a link, told by the directory entry (file_problem and islink need two stats)
                plain = entry.is_file(follow_symlinks=False)
            except OSError:
                plain = False
            problem = None if plain else file_problem(path)
            if problem is not None:  # never resolve or open it: a loop raises, a FIFO blocks
                if skipped is not None and matches_any(relative, include) and not matches_any(relative, exclude):
                    skipped.append((path, problem))
                continue
            if not plain and os.path.islink(path):
                if links is not None:
                    links.add(str(path))
                target = path.resolve()
                if not target.is_relative_to(root):
                    # A link out of the project is never read on a walk (it could be a secret the
                    # repository's author points at); naming it on the command line still reads it.
                    if skipped is not None and matches_any(relative, include) and not matches_any(relative, exclude):
                        skipped.append((path, "symlink to a file outside the project"))
                    continue
                relative = target.relative_to(root).as_posix()
            if counts is not None:
                counts["files"] = counts.get("files", 0) + 1
            if not matches_any(relative, include):
                continue
            if matches_any(relative, exclude):
                if counts is not None:
                    counts["excluded"] = counts.get("excluded", 0) + 1
                continue
            found.append(path)
    if gitignore and found:
        # A directory named on the command line is linted even when .gitignore ignores it (as ruff
        # lints what it is given): the patterns that ignore the directory itself do not count inside
        # it, while any other pattern (``*.log`` in it, ``drafts/`` below it) still does.
        own = git_ignore_patterns([directory], root).get(str(directory)) if directory.resolve() != root else None
        ignored = git_ignored(found, root, allowed={own} if own else set())
        if counts is not None:
            counts["gitignored"] = counts.get("gitignored", 0) + sum(1 for p in found if str(p) in ignored)
        found = [p for p in found if str(p) not in ignored]
    return found


def _relative(real: str, root: str) -> str:
    """``relative_to`` of a directory's real path: below ``root`` (resolved) as a relative path, else as it is."""
    if real == root:
        return "."
    prefix = root if root.endswith("/") else root + "/"
    return real[len(prefix) :] if real.startswith(prefix) else real


def _walk(top: str, below: str) -> Iterable[tuple[str, str, dict[str, os.DirEntry]]]:
    """``os.walk(top)`` (top down, links to directories listed but not entered, unreadable directories
    skipped) with each directory's path below the walk's top (``below``: "" for the top) and each file's
    directory entry, which tells a regular file without a stat; subdirectories in name order, those of
    ``SKIP_DIRS`` and ``*.egg-info`` left out."""
    try:
        with os.scandir(top) as scan:
            entries = list(scan)
    except OSError:
        return
    directories: dict[str, os.DirEntry] = {}
    files: dict[str, os.DirEntry] = {}
    for entry in entries:
        try:
            is_directory = entry.is_dir()
        except OSError:
            is_directory = False
        (directories if is_directory else files)[entry.name] = entry
    yield top, below, files
    for name in sorted(directories):
        if name in SKIP_DIRS or name.endswith(".egg-info"):
            continue
        try:
            if directories[name].is_symlink():
                continue
        except OSError:
            continue
        yield from _walk(os.path.join(top, name), f"{below}/{name}" if below else name)


def real_path(path: Path, directories: dict[str, str], link: bool | None = None) -> str:
    """``str(path.resolve())``, resolving each directory once (``directories`` caches them).

    ``link``: whether ``path`` is a symbolic link, when the caller knows (None: asked of the file system).
    """
    if os.path.islink(path) if link is None else link:
        return str(path.resolve())
    parent, name = os.path.split(str(path))  # (path.parent and path.name, without building a path object)
    parent = parent or "."
    resolved = directories.get(parent)
    if resolved is None:
        resolved = directories[parent] = str(Path(parent).resolve())
    return os.path.join(resolved, name)


def in_repository(root: Path) -> bool:
    """Whether git could find a repository for ``root``: a ``.git`` (directory or file) in it or in a directory
    above it, as git looks for one, or a repository named by git's environment (``GIT_DIR``)."""
    if os.environ.get("GIT_DIR") or os.environ.get("GIT_WORK_TREE"):
        return True
    path = os.path.abspath(root)
    while True:
        if os.path.lexists(os.path.join(path, ".git")):
            return True
        parent = os.path.dirname(path)
        if parent == path:
            return False
        path = parent


def git_ignored(paths: list[Path], root: Path, allowed: set[tuple[str, str]] | None = None) -> set[str]:
    """The paths git ignores (empty when git or the repository is not available).

    A path ignored only by a pattern in ``allowed`` (``(file, line)`` of a .gitignore pattern) is not.
    """
    patterns = git_ignore_patterns(paths, root)
    return {path for path, pattern in patterns.items() if pattern not in (allowed or ())}


def git_ignore_patterns(paths: list[Path], root: Path) -> dict[str, tuple[str, str]]:
    """For each path git ignores, the pattern that ignores it: ``(file, line number)``."""
    if not in_repository(root):  # git would only say "not a git repository": spare starting it
        return {}
    import subprocess

    try:
        result = subprocess.run(
            ["git", "-C", str(root), "check-ignore", "--verbose", "--stdin", "-z"],
            input="\0".join(str(p) for p in paths).encode() + b"\0",
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode not in (0, 1):
        return {}
    fields = result.stdout.decode(errors="surrogateescape").split("\0")
    out: dict[str, tuple[str, str]] = {}
    # --verbose -z: source, line number, pattern and path, each ended by NUL.
    for index in range(0, len(fields) - 3, 4):
        source, line, pattern, path = fields[index : index + 4]
        if path and not pattern.startswith("!"):  # a negated pattern ("!keep.md") matched: not ignored
            out[path] = (source, line)
    return out

"""From command-line paths to Sources: the scope, and the corpus around it.

The scope is what the user named: files (always linted, whatever their
extension or the exclude globs say), directories (walked with the include
and exclude globs and .gitignore), or ``-`` for stdin. When an enabled rule
works across documents (or a ledger is configured), the corpus is added:
every document the include globs match under the project root, read for
evidence only. Findings are reported for the scope alone.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from checker.config import Settings
from checker.discovery import file_problem, real_path, walk
from checker.engine import Source
from checker.rule import Rule


def display_path(path: Path) -> str:
    """A path as shown in reports: relative to the working directory when below it."""
    if not path.is_absolute() and not path.drive:
        return path.as_posix()  # what absolute().relative_to(cwd) gives back, without the cost (a walk's 13,000 files)
    absolute = path.absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return os.path.normpath(str(path)).replace(os.sep, "/")


def collect(
    paths: Sequence[str],
    settings: Settings,
    rules: Sequence[type[Rule]],
    stdin_filename: str | None = None,
    no_corpus: bool = False,
    notices: list[str] | None = None,
    empty: list[str] | None = None,
) -> tuple[list[Source], list[str]]:
    """Sources to lint, and problems with the named paths (missing files).

    Files found by walking that cannot be linted (symlink loops, FIFOs...) are
    skipped; each is described in ``notices`` (``"path: skipped: reason"``).
    A named directory in which no document was found is described in ``empty``,
    with the reason (``"docs: ... ignored by .gitignore"``).
    """
    skipped: list[tuple[Path, str]] = []
    root = Path(settings.root).resolve()
    sources: list[Source] = []
    problems: list[str] = []
    seen: set[str] = set()
    directories: dict[str, str] = {}  # resolved directories, for real_path
    walked_root = False
    for raw in paths:
        if raw == "-":
            name = stdin_filename or "<stdin>.txt"
            sources.append(Source(name, data=sys.stdin.buffer.read()))
            seen.add(str(Path(name).resolve()) if stdin_filename else name)
            continue
        path = Path(raw)
        problem = file_problem(path)
        if path.is_dir():
            counts: dict[str, int] = {}
            links: set[str] = set()
            found_here = walk(path, root, settings.include, settings.exclude, settings.respect_gitignore, skipped, counts, links, directories)
            walked_root = walked_root or path.resolve() == root
            for found in found_here:
                _add(sources, seen, directories, found, in_scope=True, link=str(found) in links)
            if not found_here and empty is not None:
                empty.append(f"{raw}: {why_nothing(counts, settings)}")
        elif problem is None:
            _add(sources, seen, directories, path, in_scope=True)
        elif problem == "symlink loop" or path.exists() or os.path.islink(path):
            problems.append(f"{raw}: {problem}")
        else:
            problems.append(f"{raw}: no such file or directory")
    needs_corpus = settings.ledger is not None or any(rule.scope == "corpus" for rule in rules)
    # A named directory that is the project root was walked just as the corpus walk would (nothing to add).
    if needs_corpus and not no_corpus and sources and not walked_root:
        corpus_links: set[str] = set()
        for found in walk(root, root, settings.include, settings.exclude, settings.respect_gitignore, skipped, links=corpus_links, resolved=directories):
            _add(sources, seen, directories, found, in_scope=False, link=str(found) in corpus_links)
    if notices is not None:
        reported: set[str] = set()
        for path, reason in skipped:
            shown = display_path(path)
            if shown not in reported:
                reported.add(shown)
                notices.append(f"{shown}: skipped: {reason}")
    return sources, problems


def why_nothing(counts: dict[str, int], settings: Settings) -> str:
    """Why a directory walk found no document, from ``walk``'s counts."""
    files, excluded, ignored = counts.get("files", 0), counts.get("excluded", 0), counts.get("gitignored", 0)
    if not files:
        return "no files in it"
    if excluded:
        return f"{excluded} file(s) matching the include globs are excluded by exclude = {list(settings.exclude)}"
    if ignored:
        return f"{ignored} file(s) matching the include globs are ignored by .gitignore (respect-gitignore = false reads them)"
    from checker.readers import FORMATS

    known = ", ".join(sorted(FORMATS))
    return (f"none of its {files} file(s) matches the include globs {list(settings.include)} "
            f"(formats read: {known}; a file named on the command line is always read)")


def _add(sources: list[Source], seen: set[str], directories: dict[str, str], path: Path, in_scope: bool, link: bool | None = None) -> None:
    key = real_path(path, directories, link)
    if key in seen:
        return
    seen.add(key)
    sources.append(Source(display_path(path), file=str(path), in_scope=in_scope))

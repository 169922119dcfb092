"""A progress bar for long runs, on standard error only (tqdm).

Shown when standard error is a terminal, no CI is detected and the run has
lasted more than :data:`DELAY` seconds (so quick runs never flash a bar);
``--progress`` forces it, ``--no-progress`` turns it off. It never touches
standard output, so a machine-readable report there stays intact, and it
clears itself when the run ends.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

# Seconds a run must last before the bar appears.
DELAY = 1.0
# Set by CI services (GitHub Actions, GitLab, Jenkins, Buildkite, ...): their logs are no terminal.
_CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILD_NUMBER", "BUILDKITE", "TF_BUILD")


def wanted(choice: bool | None, stream: TextIO | None = None) -> bool:
    """Whether to show the bar: ``choice`` when given (the command-line flag), else only on an interactive terminal."""
    if choice is not None:
        return choice
    if any(os.environ.get(name) for name in _CI_VARIABLES) or os.environ.get("TERM") == "dumb":
        return False
    stream = sys.stderr if stream is None else stream
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced by something without a terminal
        return False


def _nothing(count: int = 1) -> None:
    return None


@contextmanager
def progress_bar(total: int, choice: bool | None = None, stream: TextIO | None = None) -> Iterator[Callable[[int], None]]:
    """A callable that advances the bar by a number of documents (does nothing when no bar is wanted)."""
    stream = sys.stderr if stream is None else stream
    if total < 1 or not wanted(choice, stream):
        yield _nothing
        return
    from tqdm import tqdm

    bar = tqdm(total=total, unit="doc", desc="factlint", file=stream, delay=DELAY, leave=False, dynamic_ncols=True, mininterval=0.2)
    try:
        yield bar.update
    finally:
        bar.close()

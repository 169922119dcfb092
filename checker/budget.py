"""A per-document time limit: a document that takes too long is left out with a notice.

Linear-time code is the first defence against inputs that make a linter hang; the limit
is the second, for what that code missed. It is a wall-clock alarm (``SIGALRM`` through
``setitimer``), so it works only where signals do: POSIX, in a process's main thread,
which is where the CLI and its worker processes run documents. Elsewhere (Windows, a
thread of an editor integration) there is no limit. Python checks for the alarm between
bytecodes, so a single long call into C (one regular-expression match) finishes first.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TimeLimitExceeded(BaseException):
    """The document's time ran out.

    A ``BaseException``, like ``KeyboardInterrupt``, so that the ``except Exception``
    which keeps one failing extractor or rule from losing a document's other results
    does not swallow it.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def can_limit() -> bool:
    """Whether a limit can be enforced here."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TimeLimitExceeded`` in the block once ``seconds`` have passed (0: no limit)."""
    if seconds <= 0 or not can_limit():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

"""A per-document time limit: a document that takes too long is left out with a notice.

Linear-time code is the first defence against inputs that make a linter hang; the limit
is the second, for what that code missed. It is a wall-clock alarm (``SIGALRM`` through
``setitimer``), so it works only where signals do: POSIX, in a process's main thread,
which is where the CLI and its worker processes run documents. A process that checks
documents in other threads (a Dask worker runs its tasks in a thread pool) can ask for
the limit there too with :func:`limit_threads`: a watchdog thread then raises the
exception in the late thread (CPython's ``PyThreadState_SetAsyncExc``). Elsewhere
(Windows, a thread of an editor integration) there is no limit. Python checks for the
alarm between bytecodes, so a single long call into C (one regular-expression match)
finishes first.
"""

from __future__ import annotations

import functools
import signal
import threading
import time
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
    """Whether a limit can be enforced here by a signal."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


_watchdog: _Watchdog | None = None


def limit_threads() -> None:
    """Enforce the limit in this process's other threads too (see the module docstring)."""
    global _watchdog
    if _watchdog is None and _async_raise_available():
        _watchdog = _Watchdog()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TimeLimitExceeded`` in the block once ``seconds`` have passed (0: no limit)."""
    if seconds <= 0:
        yield
        return
    if not can_limit():
        if _watchdog is None:
            yield
        else:
            with _watchdog.limit(seconds):
                yield
        return

    global _limit, _previous_handler
    if _raw_handler(signal.SIGALRM) is not _on_alarm:
        _previous_handler = signal.signal(signal.SIGALRM, _on_alarm)
    outer = _limit
    _limit = seconds
    # The alarm repeats every ``_AGAIN`` seconds until the block ends: one that lands in a finaliser
    # (a ``__del__``, a weakref callback) is swallowed there ("Exception ignored in"), and the
    # document would otherwise run on without limit.
    signal.setitimer(signal.ITIMER_REAL, seconds, _AGAIN)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # even if a repeat alarm raised just before the timer was disarmed
            _limit = outer


# The alarm handler is installed once per process, by the first limited block, and stays:
# a block only arms and disarms the timer (``signal.signal`` twice per document cost 16 us,
# more than reading a small document's bytes), after checking, for 0.04 us, that the handler
# is still this one. ``_limit`` is the limit of the block running, 0 outside blocks;
# an alarm outside a block (someone else's timer) goes to the handler that was there before,
# if that was a Python function (a late alarm of ours, tripped just as its block ended, is
# dropped, as CPython drops one that finds the default handler restored).
_limit = 0.0
_previous_handler: object = None
# The handler in place, as ``_signal`` keeps it: ``signal.getsignal`` wraps it in an enum lookup (5 us).
_raw_handler = getattr(getattr(signal, "_signal", signal), "getsignal", signal.getsignal)


def _on_alarm(signum: int, frame: object) -> None:
    if _limit > 0:
        raise TimeLimitExceeded(_limit)
    previous = _previous_handler
    if callable(previous):
        previous(signum, frame)
    else:  # a repeat of ours that outlived its block (it raised just before the block disarmed it)
        signal.setitimer(signal.ITIMER_REAL, 0)


def _async_raise_available() -> bool:
    import ctypes

    return hasattr(ctypes, "pythonapi") and hasattr(ctypes.pythonapi, "PyThreadState_SetAsyncExc")


@functools.lru_cache(maxsize=16)
def _expired(seconds: float) -> type[TimeLimitExceeded]:
    """A ``TimeLimitExceeded`` that can be raised into a thread, where it is made without arguments."""

    def init(self: TimeLimitExceeded) -> None:
        TimeLimitExceeded.__init__(self, seconds)

    return type("TimeLimitExceeded", (TimeLimitExceeded,), {"__init__": init})


_AGAIN = 0.1  # seconds between raises into a block (a thread's, or the main thread's alarm) that has not ended


class _Watchdog:
    """One thread that raises ``TimeLimitExceeded`` into each thread whose deadline has passed."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._deadlines: dict[int, tuple[float, type[TimeLimitExceeded]]] = {}  # thread ident -> (deadline, exception)
        self._fired: set[int] = set()  # threads whose deadline has passed, until their block ends
        threading.Thread(target=self._watch, name="factlint-time-limit", daemon=True).start()

    @contextmanager
    def limit(self, seconds: float) -> Iterator[None]:
        ident = threading.get_ident()
        with self._changed:
            self._deadlines[ident] = (time.monotonic() + seconds, _expired(seconds))
            self._changed.notify()
        try:
            yield
        finally:
            with self._changed:
                self._deadlines.pop(ident, None)
                if ident in self._fired:  # raised, and perhaps not yet delivered: it must not go off after the block
                    self._fired.discard(ident)
                    _raise_in(ident, None)

    def _watch(self) -> None:
        with self._changed:
            while True:
                now = time.monotonic()
                for ident, (deadline, exception) in list(self._deadlines.items()):
                    if deadline <= now:
                        # Raised again every 0.1 s until the block ends: an exception that lands in a finaliser
                        # (a weakref callback, a __del__) is swallowed there, and the document would run on.
                        self._deadlines[ident] = (now + _AGAIN, exception)
                        self._fired.add(ident)
                        _raise_in(ident, exception)
                nearest = min((deadline for deadline, _ in self._deadlines.values()), default=None)
                self._changed.wait(None if nearest is None else max(0.0, nearest - now))


def _raise_in(ident: int, exception: type[BaseException] | None) -> None:
    """Raise ``exception`` in the thread ``ident`` at its next bytecode; None withdraws one not yet raised."""
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(exception) if exception is not None else None)

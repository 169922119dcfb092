"""The per-document time limit: a document that takes too long is left out with a notice, the run goes on."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from checker import engine
from checker.budget import TimeLimitExceeded, can_limit, time_limit
from checker.config import Settings
from checker.engine import Notice, Source
from checker.registry import all_rules

pytestmark = pytest.mark.skipif(not can_limit(), reason="no SIGALRM here")


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_block_that_runs_too_long_is_stopped():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        _spin(5)
    assert time.monotonic() - started < 2


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the swallowed alarm, as intended
def test_an_alarm_swallowed_by_a_finaliser_comes_again():
    """The first alarm lands in a ``__del__``, where Python prints and drops exceptions; the block still ends."""

    class SlowToDie:
        def __del__(self) -> None:
            _spin(0.5)

    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        SlowToDie()  # dropped at once: its finaliser runs past the limit, and swallows that alarm
        _spin(5)
    assert time.monotonic() - started < 3
    _spin(0.3)  # nothing goes off after the block
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_quick_block_is_untouched_and_the_alarm_is_cleared():
    with time_limit(5):
        total = sum(range(1000))
    assert total == 499500
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):  # the handler, set once, still stops the next block
        _spin(5)


def test_an_alarm_outside_a_block_goes_to_the_handler_that_was_there_before():
    heard: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: heard.append(signum))
    try:
        with time_limit(5):  # installs the limit's handler again, over this one
            pass
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        _spin(0.5)
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert heard == [signal.SIGALRM]
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):  # a handler set by someone else is replaced again
        _spin(5)


def test_zero_means_no_limit():
    with time_limit(0):
        _spin(0.3)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_limit_threads_stops_a_late_thread_and_nothing_goes_off_after_a_block(monkeypatch):
    """Threads other than the main one (a Dask worker's) are limited too once the process asks for it."""
    import threading

    from checker import budget

    monkeypatch.setattr(budget, "_watchdog", None)
    outcome: dict[str, object] = {}

    def work() -> None:
        with time_limit(5):
            outcome["unlimited"] = True  # before limit_threads: no limit in this thread
        budget.limit_threads()
        started = time.monotonic()
        try:
            with time_limit(0.2):
                _spin(5)
        except TimeLimitExceeded as exceeded:
            outcome["stopped"] = (exceeded.seconds, time.monotonic() - started)
        for _ in range(100):
            with time_limit(5):
                sum(range(100))
        _spin(0.3)  # an alarm withdrawn or cancelled must not arrive here
        outcome["after"] = True

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert outcome.get("unlimited") and outcome.get("after")
    seconds, took = outcome["stopped"]  # type: ignore[misc]
    assert seconds == 0.2 and took < 2


def test_a_slow_extractor_loses_its_document_not_the_run(monkeypatch, tmp_path):
    """The limit is not swallowed by the engine's ``except Exception`` around extractors."""
    import checker.extract

    real = checker.extract.run_extractors

    def slow_for_one(doc, sheet, settings, kinds):
        if doc.path == "slow.txt":
            _spin(30)
        return real(doc, sheet, settings, kinds)

    monkeypatch.setattr(checker.extract, "run_extractors", slow_for_one)
    settings = Settings(root=str(tmp_path), time_limit=0.3)
    sources = [
        Source("slow.txt", data=b"It was a slow day.\n"),
        Source("fast.txt", data=b"The the cat sat.\n"),
    ]
    # The extractors import their libraries on first use: done here, outside the limited run, so that
    # the fast document is fast even where those imports are slow (compiled from source, a busy machine).
    engine.run(sources[1:], Settings(root=str(tmp_path)), list(all_rules()), jobs=1)
    started = time.monotonic()
    result = engine.run(sources, settings, list(all_rules()), jobs=1)
    assert time.monotonic() - started < 10
    assert [n.path for n in result.notices] == ["slow.txt"]
    assert isinstance(result.notices[0], Notice)
    assert "time limit of 0.3 s" in result.notices[0].message
    assert not result.errors
    assert [s.path for s in result.sheets] == ["fast.txt"]
    assert any(d.path == "fast.txt" for d in result.diagnostics)


def test_the_limit_is_a_configuration_key(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.factlint]\ntime-limit = -1\n")
    (tmp_path / "a.txt").write_text("Fine text.\n")
    proc = subprocess.run([sys.executable, "-m", "checker", "a.txt"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 2
    assert "time-limit" in proc.stderr or "time_limit" in proc.stderr

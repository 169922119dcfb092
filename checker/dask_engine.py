"""Pass 1 on a Dask cluster (``--engine dask``): for corpora beyond one machine.

The documents are not sent: the workers are given chunks of paths (made by
``checker.engine._chunks``, about equal in bytes) and read the files
themselves, so every worker needs the same paths at the same absolute
places. Each task runs ``checker.engine.process`` on its chunk and sends back
the compact ``DocumentResult`` of each document (findings, line index and
the corpus rules' small records), exactly what a ``--jobs`` worker process
sends; fact sheets stay on the worker that built them. The client collects
the results as they complete (``distributed.as_completed``) and hands them
on in document order, so that the corpus rules' reduction (``engine.run``)
is the same as a local run's and the findings are identical. At most a few
chunks per worker thread are submitted ahead of the next one the reduction
waits for, which bounds what the client holds.

Reduction stays on the client: a document's records are small (normalised
keys, counts and locations), far smaller than the document, and the corpus
rules need every key's records together to report. The cache is the
client's too (``checker.cache``): a document whose result is cached is never
sent to a worker, and a run where every document is cached starts no
cluster.

Documents held in memory (standard input) cannot be read by a worker: they
are checked on the client. Nothing of Dask is imported unless this engine
is used.
"""

from __future__ import annotations

import os
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from checker import __version__

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.corpus import DocumentResult
    from checker.engine import Notice, Source

CONNECT_TIMEOUT = 5.0  # seconds to reach the scheduler, and for it to have a worker
_AHEAD_PER_THREAD = 4  # chunks submitted per worker thread beyond the one the reduction waits for
INSTALL_HINT = "pip install 'factlint[dask]'"
# A local cluster's housekeeping, set for the cluster this engine starts. By default every worker samples its task
# thread's stack every 10 ms (the dashboard's profile) and checks its event loop every 20 ms and its memory every
# 100 ms; each wake-up takes the GIL from the task, which is pure Python. On a 10 MB sample of the perf-prose corpus
# (2 workers) these cost about a quarter of the run's CPU time: 17.5 -> 13.2 CPU s with these settings.
_QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class DaskEngineError(Exception):
    """Dask is missing, the scheduler cannot be reached, or the cluster cannot run factlint; the CLI exits 2."""


@dataclass(frozen=True, slots=True)
class _Setup:
    """What every task needs besides its chunk: sent to each worker once per run."""

    run: str
    settings: Settings
    codes: tuple[str, ...]
    extract_all: bool
    keep_sheets: bool
    own_workers: bool  # the workers are this run's local cluster, not a shared one


class DaskEngine:
    """Pass 1 as Dask tasks: on the cluster at ``scheduler``, or on a local cluster of ``workers`` processes.

    The cluster is started or reached when pass 1 first has a document to send,
    and closed by :meth:`close` (or the ``with`` block).
    """

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            raise DaskEngineError(f"--engine dask needs Dask's distributed scheduler, which is not installed: {INSTALL_HINT}")
        self.scheduler = scheduler
        self.workers = workers or os.cpu_count() or 1
        self._client: Any = None
        self._cluster: Any = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this engine started one."""
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def _start(self) -> Any:
        if self._client is not None:
            return self._client
        from distributed import Client

        if self.scheduler is None:
            import dask
            from distributed import LocalCluster

            # One single-threaded process per worker, as --jobs: pass 1 is pure Python and holds the GIL. Everything
            # listens on this machine only, on free ports (the scheduler's HTTP server would take 8787, or warn).
            # This run's own cluster watches itself less often (``_QUIET``); a shared cluster keeps its configuration.
            with dask.config.set(_QUIET):
                try:
                    self._cluster = LocalCluster(
                        n_workers=self.workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
                    )
                except Exception as error:  # no processes or sockets to be had here
                    raise DaskEngineError(f"could not start a local Dask cluster: {type(error).__name__}: {error}") from None
                self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, ValueError, TypeError) as error:
                raise DaskEngineError(f"could not reach the Dask scheduler at {self.scheduler}: {error}") from None
            try:
                self._client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError):
                self.close()
                raise DaskEngineError(f"the Dask scheduler at {self.scheduler} has no worker (none joined within {CONNECT_TIMEOUT:g} s)") from None
        self._check_workers()
        return self._client

    def _check_workers(self) -> None:
        """Every worker must run this factlint on this Python: results and records are exchanged as Python objects."""
        where = self.scheduler or "the local cluster"
        try:
            seen = self._client.run(_identity)
        except Exception as error:  # the worker could not even load the function: factlint is not installed there
            self.close()
            problem = f"{type(error).__name__}: {error}"
            raise DaskEngineError(f"the Dask workers of {where} cannot run factlint ({problem}); {INSTALL_HINT} on every worker") from None
        mine = _identity()
        other = {address: identity for address, identity in seen.items() if identity != mine}
        if other:
            self.close()
            listed = "; ".join(f"{address}: factlint {version}, Python {python}" for address, (version, python) in sorted(other.items()))
            raise DaskEngineError(f"the Dask workers of {where} must run factlint {mine[0]} on Python {mine[1]}, as here: {listed}")

    def pass_one(
        self, sources: list[Source], settings: Settings, codes: tuple[str, ...], extract_all: bool, keep_sheets: bool
    ) -> Iterator[DocumentResult | Notice]:
        """Pass 1 over ``sources`` on the cluster, results in their order (``checker.engine.PassOne``)."""
        if not sources:
            return
        from checker.engine import _chunks, _size

        units: list[tuple[bool, list[Source]]] = []  # (on the cluster, sources) in document order
        batch: list[Source] = []
        for source in sources:
            if source.file is not None and source.data is None:
                batch.append(replace(source, file=os.path.abspath(source.file)))
                continue
            if batch:
                units.append((True, batch))
                batch = []
            units.append((False, [source]))
        if batch:
            units.append((True, batch))
        if not any(on_cluster for on_cluster, _ in units):
            yield from _here(units, settings, codes, extract_all, keep_sheets)
            return
        client = self._start()
        threads = sum(client.nthreads().values()) or 1
        chunked: list[tuple[bool, list[Source]]] = []
        for on_cluster, chunk in units:
            if on_cluster:
                chunked.extend((True, part) for part in _chunks(chunk, [_size(s.file or s.path) for s in chunk], threads))
            else:
                chunked.append((False, chunk))
        yield from self._run(client, chunked, _Setup(uuid.uuid4().hex, settings, codes, extract_all, keep_sheets, self._cluster is not None), threads)

    def _run(self, client: Any, units: list[tuple[bool, list[Source]]], setup: _Setup, threads: int) -> Iterator[DocumentResult | Notice]:
        from distributed import as_completed

        shared = client.scatter(setup, broadcast=True, hash=False)
        pending = as_completed()
        index_of: dict[str, int] = {}
        futures: dict[str, Any] = {}  # submitted and not yet collected
        done: dict[int, list[DocumentResult | Notice]] = {}
        ahead = _AHEAD_PER_THREAD * threads
        submitted = 0
        context = None
        try:
            for wanted, (on_cluster, chunk) in enumerate(units):
                while submitted < len(units) and submitted - wanted <= ahead:
                    if units[submitted][0]:
                        key = f"factlint-pass-one-{setup.run}-{submitted}"
                        future = client.submit(_run_chunk, shared, units[submitted][1], key=key, priority=-submitted, pure=False)
                        index_of[future.key] = submitted
                        futures[future.key] = future
                        pending.add(future)
                    submitted += 1
                if not on_cluster:
                    if context is None:
                        from checker.engine import _context

                        context = _context(setup.settings, setup.codes, setup.extract_all)
                    yield from _process_here(chunk, context, setup.keep_sheets)
                    continue
                while wanted not in done:
                    future = next(pending)
                    del futures[future.key]
                    done[index_of.pop(future.key)] = _result(future)
                yield from done.pop(wanted)
        finally:
            # Left only when the run ended early (an error, an interrupt): cancelled, not left to run for nobody.
            pending.clear()
            if futures:
                client.cancel(list(futures.values()))
            shared.release()


def _result(future: Any) -> list[DocumentResult | Notice]:
    try:
        results = future.result()
    except Exception as error:  # the task failed on the cluster (a worker died, or cannot load factlint)
        raise DaskEngineError(f"pass 1 failed on the Dask cluster: {type(error).__name__}: {error}") from None
    finally:
        future.release()
    return results


def _here(
    units: list[tuple[bool, list[Source]]], settings: Settings, codes: tuple[str, ...], extract_all: bool, keep_sheets: bool
) -> Iterator[DocumentResult | Notice]:
    from checker.engine import _context

    context = _context(settings, codes, extract_all)
    for _, chunk in units:
        yield from _process_here(chunk, context, keep_sheets)


def _process_here(chunk: list[Source], context: Any, keep_sheets: bool) -> Iterator[DocumentResult | Notice]:
    from checker.engine import process

    settings, rules, kinds = context
    for source in chunk:
        yield process(source, settings, rules, kinds, keep_sheets)


# --- on the workers ------------------------------------------------------------------

_local = threading.local()  # the rules of the current run, per worker thread (rules are not shared between threads)


def _identity() -> tuple[str, str]:
    return __version__, f"{sys.version_info.major}.{sys.version_info.minor}"


def _run_chunk(setup: _Setup, chunk: list[Source]) -> list[DocumentResult | Notice]:
    """A task: pass 1 over a chunk of documents that this worker reads from its own disk."""
    from checker.engine import _context, process

    if getattr(_local, "run", None) != setup.run:
        from checker.budget import limit_threads

        limit_threads()  # tasks run in the worker's threads, where the time limit's signal cannot reach
        if setup.own_workers:  # as the CLI does in its own process and --jobs workers; not on a cluster others share
            from checker.cli import _collect_less_often

            _collect_less_often()
        _local.context = _context(setup.settings, setup.codes, setup.extract_all)
        _local.run = setup.run
    settings, rules, kinds = _local.context
    return [process(source, settings, rules, kinds, setup.keep_sheets) for source in chunk]

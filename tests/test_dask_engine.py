"""The Dask engine (``--engine dask``): the same findings as ``--jobs 1``, the cache respected, clear errors.

A local cluster of two worker processes checks a mixed corpus: the seeds, the
fictional company's documents (facts that conflict across files), documents
written here with a name spelled two ways across files, an HTML page, a Word
document and a binary file. The engine's chunks are made small so that the
corpus goes out as several tasks, which complete in any order.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import socket
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from checker import dask_engine, engine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "tests" / "data" / "facts_corpus"

TRIAL = "# Trial update\n\nThe trial of Zentrovimab met its goal. Zentrovimab is well tolerated.\n\nZentrovimab is approved in 2026.\n"
LETTER = (
    "# Letter\n\nWe expect Zentrovinab to reach patients next year. Revenue was $48.6 million, "
    "up 42% from $31.2 million. The the board met on Wednesday, February 12, 2026.\n"
)
PAGE = (
    "<html><head><title>Results</title></head><body><h1>Results</h1>"
    "<p>Zentrovimab sales rose 12% to $5.6 million from $5.2 million in 2025.</p>"
    "<p>The trial of Zentrovimab enrolled 240 patients.</p></body></html>\n"
)


def _corpus(target: Path) -> Path:
    target.mkdir()
    (target / "factlint.toml").write_text("", encoding="utf-8")
    for seed in sorted((ROOT / "seeds").iterdir()):
        shutil.copy(seed, target / seed.name)
    shutil.copytree(FACTS, target / "company", ignore=shutil.ignore_patterns("*.toml"))
    docs = target / "docs"
    docs.mkdir()
    for index in range(6):
        (docs / f"trial-{index}.md").write_text(TRIAL.replace("goal", f"goal {index}"), encoding="utf-8")
    (docs / "letter.md").write_text(LETTER, encoding="utf-8")
    (docs / "results.html").write_text(PAGE, encoding="utf-8")
    (docs / "noise.txt").write_bytes(bytes(range(256)) * 8)  # binary: a notice, from a worker
    try:
        import docx
    except ImportError:  # the office extra is not installed
        return target
    document = docx.Document()
    document.add_paragraph("The Zentrovinab programme reported revenue of $48.6 million in 2025.")
    document.add_paragraph("Zentrovimab remains our lead programme.")
    document.save(str(docs / "report.docx"))
    return target


@pytest.fixture(scope="module")
def cluster():
    """A local cluster of two single-threaded worker processes, as in CI; its scheduler's address."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0") as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[Path, tuple[int, str, str]]:
    """The mixed corpus, and what ``--jobs 1`` reports on it: (exit code, JSON report, notices)."""
    built = _corpus(tmp_path_factory.mktemp("dask") / "corpus")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(built)
        return built, _cli("-f", "json", "--no-cache", "--jobs", "1", ".")


@pytest.fixture
def corpus(reference, tmp_path, monkeypatch) -> Path:
    """A copy of the mixed corpus, as the working directory; small chunks, so that it goes out as several tasks."""
    copy = tmp_path / "corpus"
    shutil.copytree(reference[0], copy)
    monkeypatch.chdir(copy)
    monkeypatch.setattr(engine, "_CHUNK_MIN_BYTES", 1500)
    return copy


def _cli(*args: str) -> tuple[int, str, str]:
    from checker.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _sent(monkeypatch) -> list[list[str]]:
    """The paths of the documents each pass 1 on the cluster was given."""
    sent: list[list[str]] = []
    original = dask_engine.DaskEngine.pass_one

    def spy(self, sources, *args):
        sent.append([source.path for source in sources])
        return original(self, sources, *args)

    monkeypatch.setattr(dask_engine.DaskEngine, "pass_one", spy)
    return sent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_local_cluster_reports_what_jobs_1_reports(corpus, reference, run_cli, monkeypatch) -> None:
    import functools

    from dask import config as dask_config

    chunks: list[int] = []
    profiling: list[dict] = []
    original = dask_engine.DaskEngine._run

    def counted(self, client, units, *args):
        chunks.append(len(units))
        profiling.append(client.run(functools.partial(dask_config.get, "distributed.worker.profile.enabled")))
        return original(self, client, units, *args)

    monkeypatch.setattr(dask_engine.DaskEngine, "_run", counted)
    local = reference[1]
    dask = run_cli("-f", "json", "--no-cache", "--engine", "dask", "--jobs", "2", ".")
    assert dask == local  # exit code, report and notices
    assert local[0] == 1 and "binary file" in local[2]
    rules = {finding["rule"] for finding in json.loads(local[1])["findings"]}
    assert {"NAM001", "NUM101", "NUM001"} <= rules  # findings across documents and within them
    assert chunks and chunks[0] >= 4
    # The run's own cluster does not sample its workers' stacks every 10 ms (``dask_engine._QUIET``).
    assert len(profiling[0]) == 2 and set(profiling[0].values()) == {False}


def test_the_cache_is_shared_with_the_local_engine(corpus, reference, run_cli, monkeypatch, cluster) -> None:
    sent = _sent(monkeypatch)
    cache = ["--cache-dir", str(corpus.parent / "cache")]
    expected = reference[1]
    cold = run_cli("-f", "json", *cache, "--engine", "dask", "--scheduler", cluster, ".")
    assert cold == expected and len(sent[-1]) > 10
    assert run_cli("-f", "json", *cache, "--jobs", "1", ".") == expected
    # Only the document that could not be checked (never cached) goes out again.
    assert run_cli("-f", "json", *cache, "--engine", "dask", "--scheduler", cluster, ".") == expected
    assert sent[-1] == ["docs/noise.txt"]
    # Nothing to send: not even the scheduler is contacted.
    (corpus / "docs" / "noise.txt").unlink()
    nowhere = f"tcp://127.0.0.1:{_free_port()}"
    warm = run_cli("-f", "json", *cache, "--engine", "dask", "--scheduler", nowhere, ".")
    assert warm[0] == expected[0] and json.loads(warm[1])["findings"] == json.loads(expected[1])["findings"] and sent[-1] == []
    # One document changed: only it goes to the cluster.
    (corpus / "docs" / "letter.md").write_text(LETTER.replace("$48.6 million", "$46.8 million"), encoding="utf-8")
    expected = run_cli("-f", "json", "--no-cache", "--jobs", "1", ".")
    changed = run_cli("-f", "json", *cache, "--engine", "dask", "--scheduler", cluster, ".")
    assert changed == expected and sent[-1] == ["docs/letter.md"]


def test_the_time_limit_holds_on_the_workers(corpus, run_cli, cluster) -> None:
    """Tasks run in the workers' threads, out of the time limit's signal's reach: the limit still holds."""
    (corpus / "factlint.toml").write_text("time-limit = 0.05\n", encoding="utf-8")
    long = "".join(f"On March {day % 28 + 1}, 2025, Zentrovimab sales rose {day % 40 + 2}% to ${day}.4 million. " for day in range(12_000))
    (corpus / "long.md").write_text(long, encoding="utf-8")  # about 1 MB: far more than 0.05 s anywhere
    code, out, err = run_cli("-f", "json", "--no-cache", "--no-corpus", "--engine", "dask", "--scheduler", cluster, "long.md")
    assert code == 2 and "long.md: not checked: it took longer than the time limit of 0.05 s" in err


def test_documents_in_memory_are_checked_on_the_client(cluster) -> None:
    from checker.config import Settings
    from checker.engine import Source, run
    from checker.registry import resolve_selection

    settings = Settings()
    rules = resolve_selection(["ALL"], ())
    sources = [Source("trial.md", data=TRIAL.encode()), Source("letter.md", data=LETTER.encode())]
    local = run(sources, settings, rules, jobs=1, keep_sheets=False)
    with dask_engine.DaskEngine(cluster) as dask:
        remote = run(sources, settings, rules, keep_sheets=False, pass_one=dask.pass_one)
        assert dask._client is None  # nothing needed the cluster
    assert remote.diagnostics == local.diagnostics and local.diagnostics


def test_an_unreachable_scheduler_exits_2_with_a_message(project, run_cli, monkeypatch) -> None:
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 0.5)
    (project / "doc.md").write_text(TRIAL, encoding="utf-8")
    code, out, err = run_cli("--no-cache", "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{_free_port()}", "doc.md")
    assert code == 2 and "could not reach the Dask scheduler at tcp://127.0.0.1:" in err and "Traceback" not in err
    code, out, err = run_cli("--no-cache", "--engine", "dask", "--scheduler", "nowhere", "doc.md")
    assert code == 2 and "could not reach the Dask scheduler at nowhere" in err and "Traceback" not in err


def test_a_scheduler_without_workers_exits_2(project, run_cli, monkeypatch) -> None:
    from distributed import LocalCluster

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 0.5)
    (project / "doc.md").write_text(TRIAL, encoding="utf-8")
    with LocalCluster(n_workers=0, processes=False, dashboard_address="127.0.0.1:0") as empty:
        code, out, err = run_cli("--no-cache", "--engine", "dask", "--scheduler", empty.scheduler_address, "doc.md")
    assert code == 2 and "has no worker" in err


def test_workers_running_another_factlint_are_refused(project, run_cli, monkeypatch, cluster) -> None:
    monkeypatch.setattr(dask_engine, "__version__", "0.0.0")  # this side only: the workers report the real one
    (project / "doc.md").write_text(TRIAL, encoding="utf-8")
    code, out, err = run_cli("--no-cache", "--engine", "dask", "--scheduler", cluster, "doc.md")
    assert code == 2 and "must run factlint 0.0.0" in err and "Traceback" not in err


def test_without_dask_installed_the_error_says_how_to_install_it(project, run_cli, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    (project / "doc.md").write_text(TRIAL, encoding="utf-8")
    code, out, err = run_cli("--engine", "dask", "doc.md")
    assert code == 2 and "pip install 'factlint[dask]'" in err


def test_standard_input_and_a_stray_scheduler_are_usage_errors(project, run_cli) -> None:
    code, out, err = run_cli("--engine", "dask", "-")
    assert code == 2 and "standard input" in err
    code, out, err = run_cli("--scheduler", "tcp://127.0.0.1:8786", ".")
    assert code == 2 and "--scheduler needs --engine dask" in err

"""The cycle collector is paused for the corpus pass and the report, and left as the run found it."""

from __future__ import annotations

import gc

import pytest

from checker import corpus_pass

DOC = "# Update\n\nThe trial of Zentrovimab met its goal. Zentrovimab is approved; Zentrovinab is not.\n"


def _watch(monkeypatch) -> list[bool]:
    seen: list[bool] = []
    original = corpus_pass.Reduce.findings

    def findings(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(corpus_pass.Reduce, "findings", findings)
    return seen


@pytest.mark.parametrize("cache", [["--no-cache"], []])
def test_the_corpus_pass_runs_with_the_collector_paused_and_it_is_resumed(project, run_cli, monkeypatch, cache):
    (project / "a.md").write_text(DOC, encoding="utf-8")
    seen = _watch(monkeypatch)
    assert gc.isenabled()
    code, out, _ = run_cli(*cache, "-f", "concise", ".")
    assert "NAM001" in out and code == 1
    assert seen == [False]
    assert gc.isenabled() and gc.get_freeze_count() == 0  # resumed, and nothing left frozen


def test_a_collector_paused_before_the_run_stays_paused(project, run_cli, monkeypatch):
    (project / "a.md").write_text(DOC, encoding="utf-8")
    gc.disable()
    try:
        run_cli("--no-cache", "-f", "concise", ".")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_resumed_when_the_corpus_pass_fails(project, monkeypatch):
    from checker import engine
    from checker.config import Settings
    from checker.engine import Source
    from checker.registry import all_rules


    def fail(self, *args, **kwargs):
        raise RuntimeError("the corpus pass failed")

    monkeypatch.setattr(corpus_pass.Reduce, "findings", fail)
    with pytest.raises(RuntimeError, match="corpus pass failed"):
        engine.run([Source("a.md", data=DOC.encode())], Settings(root=str(project)), list(all_rules()), jobs=1)
    assert gc.isenabled()


def _enabled_in_process(monkeypatch) -> list[bool]:
    """Whether the collector runs while pass 1 reads each document (the cache's misses)."""
    from checker import engine

    seen: list[bool] = []
    original = engine.process

    def process(source, *args):
        seen.append(gc.isenabled())
        return original(source, *args)

    monkeypatch.setattr(engine, "process", process)
    return seen


def _corpus(project, count: int = 6) -> None:
    for index in range(count):
        (project / f"d{index}.md").write_text(f"Report {index} names Zentrovimab and Quorvantix.\n", encoding="utf-8")


def test_pass_one_served_from_the_cache_runs_with_the_collector_paused(project, run_cli, monkeypatch):
    _corpus(project)
    cold = _enabled_in_process(monkeypatch)
    run_cli("-f", "concise", "-j", "1", ".")
    assert cold == [True] * 6  # nothing served from the cache: the collector runs
    (project / "d3.md").write_text("Report 3 names Zentrovinab.\n", encoding="utf-8")
    expected = run_cli("--no-cache", "-f", "concise", "-j", "1", ".")[1]
    warm = _enabled_in_process(monkeypatch)
    assert run_cli("-f", "concise", "-j", "1", ".")[1] == expected
    assert warm == [False]  # one document read again, the others served: paused
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_many_damaged_entries_resume_the_collector(project, run_cli, monkeypatch):
    import checker.cache as cache_module

    _corpus(project)
    run_cli("-f", "concise", "-j", "1", ".")
    monkeypatch.setattr(cache_module, "_PAUSE_MISSES", 2)
    monkeypatch.setattr(cache_module, "result_from_data", lambda *args, **kwargs: None)  # every entry damaged
    seen = _enabled_in_process(monkeypatch)
    run_cli("-f", "concise", "-j", "1", ".")
    assert seen == [False, False, True, True, True, True]
    assert gc.isenabled()

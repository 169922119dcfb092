"""Corpus rules working ahead (``Rule.advance``): part of the report done while documents still arrive.

When pass 1 runs in worker processes, the process that reduces their records lets a
corpus rule work ahead; NAM001 compares the words seen so far for its near pairs
(``_NearAhead``), so that at the end only the words that came later are compared.
The findings must be those of a run that does everything at the end.
"""

from __future__ import annotations

import pytest

from checker.config import Settings
from checker.engine import Source, run
from checker.registry import resolve_selection
from checker.rules import name_variants
from checker.variants_memo import NearPairs

# Near misses across documents, and enough other names that the words arrive over several steps.
DOCUMENTS = [
    "# Trial\n\nThe trial of Zentrovimab met its goal. Zentrovimab is well tolerated. Dr. Halvorsen led it.\n",
    "# Letter\n\nWe expect Zentrovinab to reach patients. Halvorsen and Brightwater signed it.\n",
    "# Pipeline\n\nLisaftoclax and Zentrovimab lead the pipeline at Brightwater Pharmaceuticals.\n",
    "# Update\n\nLisaftoclax sales grew. Lisaftoclax is approved. Marchetti joined Brightwater.\n",
    "# Memo\n\nLisafoclax shipments began. Marchetti and Halvorson met the Quenneville board.\n",
    "# Notes\n\nQuenneville and Marchetti reviewed Zentrovimab; Halvorsen agreed.\n",
]


def _sources() -> list[Source]:
    return [Source(f"doc{index}.md", data=text.encode()) for index, text in enumerate(DOCUMENTS)]


def test_working_ahead_changes_no_finding(monkeypatch) -> None:
    settings = Settings()
    rules = resolve_selection(["ALL"], ())
    # jobs=1: every part of the report after the last document.
    at_the_end = run(_sources(), settings, rules, jobs=1, keep_sheets=False)

    steps: list[int] = []
    step = name_variants._NearAhead.step

    def counted(self, corpus) -> None:
        step(self, corpus)
        steps.append(len(self.terms))

    searches: list[NearPairs] = []
    pairs = NearPairs.pairs

    def kept(self, words):
        searches.append(self)
        return pairs(self, words)

    monkeypatch.setattr(name_variants, "_AHEAD_FORMS", 1)  # a step after every document that adds a form
    monkeypatch.setattr(name_variants._NearAhead, "step", counted)
    monkeypatch.setattr(NearPairs, "pairs", kept)
    # jobs=2 on six small documents: pass 1 stays in this process, but the reduction works ahead as with workers.
    ahead = run(_sources(), settings, rules, jobs=2, keep_sheets=False)

    assert ahead.diagnostics == at_the_end.diagnostics
    assert {d.rule for d in at_the_end.diagnostics} >= {"NAM001"}
    assert any("Zentrovinab" in d.message for d in at_the_end.diagnostics if d.rule == "NAM001")
    assert len(steps) == len(DOCUMENTS) and steps == sorted(steps) and steps[0] < steps[-1]
    # The search at the end started from the pairs found ahead.
    assert searches[-1].kept


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_rule_given_a_memo_of_the_last_pass_does_not_work_ahead(jobs, tmp_path, monkeypatch) -> None:
    settings = Settings()
    rules = resolve_selection(["NAM001"], ())
    files = []
    for index, text in enumerate(DOCUMENTS):
        files.append(tmp_path / f"doc{index}.md")
        files[-1].write_text(text, encoding="utf-8")
    sources = [Source(str(path), file=str(path)) for path in files]
    cache = tmp_path / "cache"
    run(sources, settings, rules, jobs=1, cache_dir=cache, keep_sheets=False)  # stores NAM001's memo of this pass
    assert list(cache.glob("memo-*"))
    calls: list[int] = []
    monkeypatch.setattr(name_variants, "_AHEAD_FORMS", 1)
    monkeypatch.setattr(name_variants._NearAhead, "step", lambda self, corpus: calls.append(1))
    files[0].write_text(DOCUMENTS[0] + "\nOkonkwo-Baptiste joined.\n", encoding="utf-8")
    result = run(sources, settings, rules, jobs=jobs, cache_dir=cache, keep_sheets=False)
    assert calls == [] and any(d.rule == "NAM001" for d in result.diagnostics)
    # Without the cache's memo, the same run works ahead (with workers) or not (jobs=1).
    run(sources, settings, rules, jobs=jobs, keep_sheets=False)
    assert len(calls) == (len(DOCUMENTS) if jobs == 2 else 0)


def test_rules_given_as_a_maker_are_made_once_and_only_when_needed() -> None:
    from checker.corpus_pass import Reduce

    made: list[int] = []

    def make():
        made.append(1)
        return []

    known = Reduce(make)
    known.known = []
    assert known.findings(None, []) == [] and made == []  # the cache had the corpus findings: no rule made
    needed = Reduce(make)
    needed.findings(None, [])
    needed.findings(None, [])
    assert made == [1]

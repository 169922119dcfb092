"""Recall and false positives of the date rules on planted defects in documents of many genres.

tests/data/planted/dates/ holds press releases, a letter, a changelog, a news
story, meeting minutes, an email, an earnings-call transcript, a traffic
report, a blog post and a status note, each stating its own date in its own
way, and related documents that date one event (a launch press release and
its FAQ page, release notes and a blog post, an undated invitation and a
community calendar, an investor calendar and a news report), with the
defects and traps listed in ``expected.toml``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checker.testing import lint_sources

ROOT = Path(__file__).resolve().parent / "data" / "planted" / "dates"
CONFIG = {"dates": {"document-date": {"status-*.txt": "2025-05-07"}}}


@pytest.fixture(scope="module")
def run():
    expected = tomllib.loads((ROOT / "expected.toml").read_text(encoding="utf-8"))
    documents: dict[str, str | bytes] = {p.name: p.read_text(encoding="utf-8") for p in sorted(ROOT.iterdir()) if p.suffix in (".txt", ".md")}
    result = lint_sources(documents, select=["DAT"], config=CONFIG)
    found = {(d.path, d.line, d.rule) for d in result.diagnostics}
    return expected, found, result


def test_the_set_is_as_large_as_promised(run):
    expected, _, _ = run
    defects, traps = expected["defect"], expected["trap"]
    assert len(defects) >= 20 and len(traps) >= 20
    assert len({d["file"] for d in defects}) >= 8
    assert {"DAT001", "DAT002", "DAT003", "DAT004", "DAT005", "DAT007", "DAT008"} <= {d["rule"] for d in defects}
    ways = expected["way"]
    assert len({way["how"] for way in ways}) >= 8


def test_every_way_of_stating_the_document_date_is_read(run):
    expected, _, result = run
    sources = {sheet.path: sheet.document_date.source if sheet.document_date else None for sheet in result.sheets}
    assert {way["file"]: sources[way["file"]] for way in expected["way"]} == {way["file"]: way["source"] for way in expected["way"]}


def test_recall_at_least_90_percent(run):
    expected, found, _ = run
    wanted = {(d["file"], d["line"], d["rule"]) for d in expected["defect"]}
    missed = sorted(wanted - found)
    assert 1 - len(missed) / len(wanted) >= 0.9, missed


def test_no_false_positive(run):
    expected, found, result = run
    wanted = {(d["file"], d["line"], d["rule"]) for d in expected["defect"]}
    extra = [f"{d.path}:{d.line} {d.rule} {d.message}" for d in result.diagnostics if (d.path, d.line, d.rule) not in wanted]
    assert extra == []
    trapped = {(t["file"], t["line"]) for t in expected["trap"]}
    assert not {(path, line) for path, line, _ in found} & trapped

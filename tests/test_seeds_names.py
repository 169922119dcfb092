"""The names family on the two seeds, linted together as one corpus."""

from __future__ import annotations

from pathlib import Path

from checker.testing import lint_sources

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ("seeds/002_e270d6855d8f2230.txt", "seeds/004_c8cbabc9fea894ab.txt")


def _run():
    documents = {path: (ROOT / path).read_text(encoding="utf-8") for path in SEEDS}
    return documents, lint_sources(documents, select=["NAM"]).diagnostics


def _at(text: str, line: int, column: int, length: int) -> str:
    return text.splitlines()[line - 1][column - 1 : column - 1 + length]


def test_exactly_the_expected_names_findings():
    documents, diagnostics = _run()
    found = sorted((d.rule, d.path, d.line, d.column) for d in diagnostics)
    assert [f[0] for f in found] == ["NAM001", "NAM002"], found  # one NAM001 finding per variant per document
    assert all(f[1] == SEEDS[0] for f in found)


def test_lisaftoclax_group_has_all_seven_locations():
    documents, diagnostics = _run()
    variants = [d for d in diagnostics if d.rule == "NAM001"]
    text = documents[SEEDS[0]]
    assert [_at(text, d.line, d.column, 11) for d in variants] == ["Lisaftoclax"]
    (d,) = variants
    assert d.message.startswith("'Lisaftoclax' (2\u00d7) looks like a variant of 'Lisafoclax' (5\u00d7)")
    assert d.fix is not None and d.fix.applicability == "display" and len(d.fix.edits) == 2
    related = [(r.path, r.line, r.column) for r in d.related]
    assert len(related) == 6
    assert [_at(text, line, column, 11) for path, line, column in related[:1]] == ["Lisaftoclax"]
    assert all(path == SEEDS[0] and _at(text, line, column, 10) == "Lisafoclax" for path, line, column in related[1:])
    locations = {(d.line, d.column)} | {(r.line, r.column) for r in d.related}
    assert len(locations) == 7


def test_nrdlc_is_reported_against_nrdl():
    documents, diagnostics = _run()
    (finding,) = [d for d in diagnostics if d.rule == "NAM002"]
    assert _at(documents[SEEDS[0]], finding.line, finding.column, 5) == "NRDLC"
    assert "'NRDL' (National Reimbursement Drug List" in finding.message
    (related,) = finding.related
    assert _at(documents[SEEDS[0]], related.line, related.column, 4) == "NRDL"

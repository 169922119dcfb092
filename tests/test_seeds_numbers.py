"""The numbers rules on the seed documents: exactly the expected findings."""

from __future__ import annotations

from pathlib import Path

from checker.testing import lint_sources

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _run():
    documents = {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
    return documents, lint_sources(documents, select=["NUM"])


def test_seed_002_total_against_its_two_products():
    documents, result = _run()
    text = documents["002_e270d6855d8f2230.txt"]
    found = [d for d in result.diagnostics if d.path == "002_e270d6855d8f2230.txt"]
    assert len(found) == 1, [d.message for d in found]
    total = found[0]
    assert total.rule == "NUM005"
    assert total.severity == "warning"  # "these two products drove total revenue": loosely worded
    assert text[total.start:total.end] == "$82.1 million"
    assert "72.3" in total.message
    assert total.evidence.startswith("62.2 + 10.1 = 72.3")
    used = sorted(text[r.start:r.end] for r in (_offsets(text, item) for item in total.related))
    assert used == ["$10.1 million", "$62.2 million"]
    assert total.fix is not None and total.fix.applicability == "display"
    assert total.fix.edits[0].replacement == "$72.3 million"


def test_no_other_numbers_finding_in_the_seeds():
    _, result = _run()
    assert [(d.path, d.rule) for d in result.diagnostics] == [("002_e270d6855d8f2230.txt", "NUM005")]


def test_growth_claims_without_a_prior_figure_are_not_checked():
    documents, result = _run()
    sheet = next(s for s in result.sheets if s.path == "002_e270d6855d8f2230.txt")
    text = documents[sheet.path]
    # "81% year-over-year growth" and "a 90% increase" have no prior-year figure: no claim about them.
    for percent in ("81%", "90%"):
        at = text.index(percent)
        assert not any(c.start <= at < c.end for c in sheet.claims), percent
    assert result.stats["claims_checked"] >= 1


class _Span:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def _offsets(text: str, related) -> _Span:
    """Offsets of a related location (1-based line and column) in ``text``."""
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: related.line - 1]) + related.column - 1
    end = sum(len(line) for line in lines[: related.end_line - 1]) + related.end_column - 1
    return _Span(start, end)

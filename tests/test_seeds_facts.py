"""The interview seed against a reference ledger: its "81% year-over-year growth".

Olverembatinib's 2025 sales are $62.2 million. With 2024 sales of $34.4
million in the ledger the growth is 62.2 / 34.4 - 1 = +80.8% (80.4% to
81.2% with rounding): consistent with "81%". With $40.0 million it is
+55.5%, and the claim is reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.testing import lint_sources

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED = SEEDS / "002_e270d6855d8f2230.txt"
CODES = ["NUM101", "NUM102", "NUM103"]


def _lint(tmp_path: Path, value: str | None):
    config = None
    if value is not None:
        ledger = tmp_path / "facts.toml"
        ledger.write_text(
            f'[[fact]]\nsubject = "Olverembatinib"\nmeasure = "sales"\nperiod = "2024"\nvalue = "{value}"\n'
            'source = "test ledger"\n',
            encoding="utf-8",
        )
        config = {"ledger": str(ledger)}  # absolute: the test settings' root is "."
    result = lint_sources({SEED.name: SEED.read_text(encoding="utf-8")}, select=CODES, config=config)
    assert not result.errors, result.errors
    return result


def test_seed_facts_are_extracted(tmp_path: Path) -> None:
    sheet = _lint(tmp_path, None).sheets[0]
    found = {(f.subject, f.measure, f.period, f.text) for f in sheet.facts}
    assert ("Olverembatinib", "sales", "2025", "$62.2 million") in found
    assert ("Ascentage Pharma", "revenue", "2025", "$82.1 million") in found
    assert ("Ascentage Pharma", "founded", "", "2009") in found
    assert ("Olverembatinib", "first approval", "", "2021") in found
    (sales,) = [f for f in sheet.facts if f.subject == "Olverembatinib" and f.measure == "sales"]
    assert sales.growth is not None
    assert (sales.growth.percent, sales.growth.prior_period) == (81.0, "2024")


def test_no_finding_without_a_ledger(tmp_path: Path) -> None:
    # The seed states no 2024 figure: the growth claims cannot be checked, and are not guessed at.
    assert _lint(tmp_path, None).diagnostics == []


def test_growth_consistent_with_ledger(tmp_path: Path) -> None:
    assert _lint(tmp_path, "$34.4 million").diagnostics == []


def test_growth_flagged_against_ledger(tmp_path: Path) -> None:
    (finding,) = _lint(tmp_path, "$40.0 million").diagnostics
    assert finding.rule == "NUM102"
    assert finding.message.startswith('"81% year-over-year growth" does not fit the 2024 figure $40.0 million (facts.toml line 1)')
    assert "+55.5%" in finding.message
    assert "(+55.2% to +55.8% with rounding)" in finding.evidence
    text = SEED.read_text(encoding="utf-8")
    assert text[finding.start : finding.end] == "81% year-over-year growth"


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seeds_have_no_conflicts(seed: Path) -> None:
    result = lint_sources({seed.name: seed.read_text(encoding="utf-8")}, select=CODES)
    assert result.diagnostics == []

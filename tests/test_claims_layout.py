"""The claims and numbers extractors keep one job per module and know no rule."""

from __future__ import annotations

import re
from pathlib import Path

EXTRACT = Path(__file__).resolve().parents[1] / "checker" / "extract"
MODULES = sorted([*EXTRACT.glob("claim*.py"), *EXTRACT.glob("number*.py")])


def test_every_claims_and_numbers_module_is_at_most_500_lines():
    assert len(MODULES) >= 10  # claims, its seven check modules, numbers, number_grammar
    long = {path.name: n for path in MODULES if (n := len(path.read_text(encoding="utf-8").splitlines())) > 500}
    assert not long, long


def test_no_num_rule_code_in_the_extractors():
    # Extractors produce claims with their kind; which rule reports a kind is the rules' business.
    code = re.compile(r"\bNUM\d{3}\b")
    found = {path.name: code.findall(path.read_text(encoding="utf-8")) for path in EXTRACT.glob("*.py")}
    assert not {name: codes for name, codes in found.items() if codes}

"""Claims carry a kind, and the NUM rules choose the kinds they report: each kind belongs to exactly one rule."""

from __future__ import annotations

import tomllib
from pathlib import Path

from checker.claim_rule import ClaimRule
from checker.registry import by_code
from checker.testing import lint_sources

CASES = Path(__file__).resolve().parent / "rules" / "cases"


def _claim_rules():
    return [rule for rule in by_code().values() if issubclass(rule, ClaimRule)]


def test_each_kind_is_reported_by_one_rule():
    seen: dict[str, str] = {}
    for rule in _claim_rules():
        assert rule.kinds, rule.code
        for kind in rule.kinds:
            assert kind not in seen, f"{kind} claimed by {seen.get(kind)} and {rule.code}"
            seen[kind] = rule.code


def test_every_inconsistent_claim_in_the_cases_has_a_rule():
    kinds = {kind for rule in _claim_rules() for kind in rule.kinds}
    texts = {}
    for path in sorted(CASES.glob("NUM00*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8")).get("fail", []):
            texts[f"{path.stem}-{case['id']}.txt"] = case["text"]
    result = lint_sources(texts, select=["NUM"])
    found = [claim.kind for sheet in result.sheets for claim in sheet.claims if not claim.consistent]
    assert found, "the NUM cases hold inconsistent claims"
    assert set(found) <= kinds

"""Confidence on every finding: the rule's default or the finding's own, reported and filtered."""

from __future__ import annotations

import json

import pytest

from checker.finding import CONFIDENCE_RANK
from checker.registry import all_rules
from checker.rule import Rule

# A document with a high-confidence finding (arithmetic: 48.6 / 31.2 is +55.8%, not 42%) and a
# medium-confidence one (a sentence split by a blank line, TXT002's default).
TEXT = (
    "Revenue was $48.6 million, up 42% from $31.2 million a year earlier.\n\n"
    "The board met on Tuesday and it\n\n"
    "agreed to raise the dividend.\n"
)


def _findings(run_cli, *args):
    code, out, _ = run_cli("--output-format", "json", *args, "doc.md")
    return code, json.loads(out)["findings"]


def test_every_rule_has_a_valid_default_confidence():
    for rule in all_rules():
        assert rule.confidence in CONFIDENCE_RANK, rule.code


def test_a_rule_with_a_bad_confidence_is_refused():
    with pytest.raises(TypeError, match="bad confidence"):
        type("Bad", (Rule,), {"code": "TXT999", "name": "bad", "confidence": "certain",
                              "__doc__": "x\n\nWhat it checks\n---\nx\n\nWhy it matters\n---\nx\n\nFlagged\n---\nx\n\nPasses\n---\nx\n"})


def test_json_carries_the_rules_default_confidence(project, run_cli):
    (project / "doc.md").write_text(TEXT, encoding="utf-8")
    code, findings = _findings(run_cli)
    assert code == 1
    by_rule = {f["rule"]: f["confidence"] for f in findings}
    assert by_rule["NUM001"] == "high"
    assert by_rule["TXT002"] == "medium"


def test_min_confidence_filters_report_and_exit_code(project, run_cli):
    (project / "doc.md").write_text(TEXT, encoding="utf-8")
    _, findings = _findings(run_cli, "--min-confidence", "high")
    assert {f["rule"] for f in findings} == {"NUM001"}
    # Only the medium finding left: --min-confidence high passes the gate.
    (project / "doc.md").write_text(TEXT.replace("42%", "55.8%"), encoding="utf-8")
    code, findings = _findings(run_cli)
    assert [f["rule"] for f in findings] == ["TXT002"] and code == 1
    code, findings = _findings(run_cli, "--min-confidence", "high")
    assert findings == [] and code == 0
    code, out, _ = run_cli("--min-confidence", "high", "doc.md")
    assert "1 finding not shown: below --min-confidence." in out


def test_min_confidence_from_the_config(project, run_cli):
    (project / "doc.md").write_text(TEXT.replace("42%", "55.8%"), encoding="utf-8")
    (project / "factlint.toml").write_text('min-confidence = "high"\n', encoding="utf-8")
    assert _findings(run_cli) == (0, [])
    (project / "factlint.toml").write_text('min-confidence = "sure"\n', encoding="utf-8")
    assert run_cli("doc.md")[0] == 2


def test_full_format_names_a_confidence_below_high(project, run_cli):
    (project / "doc.md").write_text(TEXT, encoding="utf-8")
    _, out, _ = run_cli("doc.md")
    assert "TXT002" in out and "[warning, medium confidence]" in out
    assert "NUM001" in out and "[error]" in out


def test_sarif_rank_and_property(project, run_cli):
    (project / "doc.md").write_text(TEXT, encoding="utf-8")
    _, out, _ = run_cli("--output-format", "sarif", "doc.md")
    results = json.loads(out)["runs"][0]["results"]
    ranks = {r["ruleId"]: (r["rank"], r["properties"]["confidence"]) for r in results}
    assert ranks["NUM001"] == (90.0, "high") and ranks["TXT002"] == (60.0, "medium")


def test_a_findings_own_confidence_overrides_the_rules():
    from checker.engine import resolve
    from checker.facts import FactSheet
    from checker.finding import Finding
    from checker.registry import lookup

    [rule] = lookup("NUM001")
    sheet = FactSheet(path="a.md", format="markdown", line_starts=[0])
    own = resolve(Finding("NUM001", 0, 1, "m", confidence="low"), sheet, rule, _settings(), {})
    default = resolve(Finding("NUM001", 0, 1, "m"), sheet, rule, _settings(), {})
    assert (own.confidence, default.confidence) == ("low", "high")


def _settings():
    from checker.config import Settings

    return Settings()


def test_the_cache_keeps_a_findings_confidence():
    from checker.cache_data import finding_from_data as _finding_from_data
    from checker.cache_data import finding_to_data as _finding_to_data
    from checker.cache_diagnostics import diagnostics_from_data, diagnostics_to_data
    from checker.finding import Diagnostic, Finding

    for confidence in ("low", "medium", "high", None):
        finding = Finding("NUM001", 3, 9, "m", confidence=confidence)
        assert _finding_from_data(_finding_to_data(finding)) == finding
    with pytest.raises(ValueError, match="bad confidence"):
        _finding_from_data((*_finding_to_data(Finding("NUM001", 0, 1, "m"))[:-1], "sure"))
    diagnostics = [Diagnostic("a.md", 1, 2, 1, 5, "NUM001", "n", "numbers", "warning", "m", 1, 4, confidence=c) for c in ("low", "medium", "high")]
    assert diagnostics_from_data(diagnostics_to_data(diagnostics)) == diagnostics

"""Scope versus corpus: linting one file still sees the rest of the project."""

from __future__ import annotations

import json

ONE = "# Update\n\nThe trial of Zentrovimab met its goal. Zentrovimab is well tolerated. Zentrovimab is approved.\n"
TWO = "# Letter\n\nWe expect Zentrovinab to reach patients next year.\n"


def _project(project):
    (project / "docs").mkdir()
    (project / "docs" / "one.md").write_text(ONE, encoding="utf-8")
    (project / "docs" / "two.md").write_text(TWO, encoding="utf-8")
    return project


def _findings(out: str) -> list[dict]:
    return [f for f in json.loads(out)["findings"] if f["rule"] == "NAM001"]


def test_one_file_in_scope_is_checked_against_the_corpus(project, run_cli):
    _project(project)
    code, out, _ = run_cli("-f", "json", "--select", "NAM001", "docs/two.md")
    findings = _findings(out)
    assert code == 1
    assert [(f["path"], f["line"]) for f in findings] == [("docs/two.md", 3)]
    assert {r["path"] for r in findings[0]["related"]} == {"docs/one.md"}
    assert json.loads(out)["summary"]["documents"] == 1
    assert json.loads(out)["summary"]["corpus_documents"] == 2


def test_findings_are_reported_only_for_the_scope(project, run_cli):
    _project(project)
    code, out, _ = run_cli("-f", "json", "--select", "NAM001", "docs/one.md")
    assert code == 0 and _findings(out) == []


def test_no_corpus_limits_the_evidence_to_the_scope(project, run_cli):
    _project(project)
    code, out, _ = run_cli("-f", "json", "--select", "NAM001", "--no-corpus", "docs/two.md")
    assert code == 0 and _findings(out) == []


def test_excluded_files_are_not_evidence(project, run_cli):
    _project(project)
    (project / "factlint.toml").write_text('exclude = ["docs/one.md"]\n', encoding="utf-8")
    code, out, _ = run_cli("-f", "json", "--select", "NAM001", "docs/two.md")
    assert code == 0 and _findings(out) == []

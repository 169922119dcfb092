"""Every output format: snapshots of rendered output, the JSON contract, SARIF schema."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

SNAPSHOTS = Path(__file__).parent / "snapshots"
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

DOC = "<!-- factlint-disable-next-line NUM -->\nCaf\u00e9 and cr\u00e8me.\n"


@pytest.fixture
def sample(project):
    (project / "notes.md").write_bytes(DOC.encode("cp1252"))
    return project


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "sarif", "github"])
def test_snapshot(sample, run_cli, fmt, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code, out, _ = run_cli("--output-format", fmt, "--color", "never", "--select", "ENC001,TXT100", "notes.md")
    assert code == 1
    snapshot = SNAPSHOTS / f"output.{fmt}"
    if os.environ.get("FACTLINT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(out, encoding="utf-8")
    assert out == snapshot.read_text(encoding="utf-8")


def test_json_contract(sample, run_cli):
    _, out, _ = run_cli("-f", "json", "notes.md")
    data = json.loads(out)
    assert data["version"] == 1
    required = {"path", "line", "column", "end_line", "end_column", "rule", "name", "category", "severity", "confidence", "message"}
    for finding in data["findings"]:
        assert required <= set(finding)
        assert set(finding) <= required | {"evidence", "related", "fix"}
    assert data["summary"]["findings"] == len(data["findings"]) == 2
    assert data["summary"]["by_rule"] == {"ENC001": 1, "TXT100": 1}


def test_sarif_validates_against_the_schema(sample, run_cli):
    jsonschema = pytest.importorskip("jsonschema")
    _, out, _ = run_cli("-f", "sarif", "notes.md")
    log = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"ENC001", "TXT100"}
    enc = next(r for r in run["results"] if r["ruleId"] == "ENC001")
    assert enc["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 4, "endLine": 2, "endColumn": 5}


def test_github_format_is_chosen_under_github_actions(sample, run_cli, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run_cli("notes.md")
    assert "\n::warning file=notes.md,line=2,col=4,endLine=2,endColumn=5,title=ENC001 non-utf8-file::" in out


def test_output_file(sample, run_cli):
    code, out, _ = run_cli("-f", "json", "-o", "report.json", "notes.md")
    assert code == 1 and out == ""
    assert json.loads((sample / "report.json").read_text(encoding="utf-8"))["version"] == 1


def test_full_format_colours_only_when_asked(sample, run_cli):
    _, plain, _ = run_cli("--color", "never", "notes.md")
    _, coloured, _ = run_cli("--color", "always", "notes.md")
    assert "\033[" not in plain and "\033[" in coloured

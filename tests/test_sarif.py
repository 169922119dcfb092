"""SARIF for code scanning: fixes, rule help, invocations, automation details, GitHub's upload limits, the 2.1.0 schema."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from checker.formatters import sarif_scanning
from checker.formatters.sarif import sarif_log

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
DOC = (
    "# Minutes\n\nWe met the the board on Monday. Revenue was \\$5 million.\n\n"
    "Revenue rose to $48.6 million from $31.2 million, an increase of 42%.\n\nIt went to to plan.\n"
)


def _validate(log: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))


@pytest.fixture
def minutes(project):
    (project / "minutes.txt").write_text(DOC, encoding="utf-8")
    return project


def _sarif(run_cli, *args: str) -> tuple[int, dict]:
    code, out, _ = run_cli("-f", "sarif", "--no-cache", "-j", "1", *args)
    return code, json.loads(out)


def test_the_log_validates_with_fixes_help_invocations_and_automation_details(minutes, run_cli):
    code, log = _sarif(run_cli, "minutes.txt")
    _validate(log)
    run = log["runs"][0]
    assert run["automationDetails"] == {"id": "factlint/"}
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": code}] and code == 1
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["helpUri"].startswith("https://")
        assert rule["help"]["markdown"].startswith(f"**{rule['id']} {rule['name']}**")
        assert "#### What it checks" in rule["help"]["markdown"] and "#### Why it matters" in rule["help"]["markdown"]
    with_fixes = [r for r in run["results"] if "fixes" in r]
    assert {r["ruleId"] for r in with_fixes} >= {"TXT004", "TXT001"}


def test_exit_status_in_the_invocation_follows_the_run(minutes, run_cli):
    seen = set()
    for args in (["--exit-zero"], ["--select", "TXT004"], ["--select", "TXT004", "--fail-on", "error"], ["--select", "DAT001"]):
        code, log = _sarif(run_cli, *args, "minutes.txt")
        assert log["runs"][0]["invocations"][0]["exitCode"] == code, args
        seen.add(code)
    assert seen == {0, 1}


def test_only_safe_fixes_are_given_and_applying_them_is_what_fix_does(minutes, run_cli):
    _, log = _sarif(run_cli, "minutes.txt")
    _, report, _ = run_cli("-f", "json", "--no-cache", "-j", "1", "minutes.txt")
    safe = {(f["line"], f["column"], f["rule"]) for f in json.loads(report)["findings"] if f.get("fix", {}).get("applicability") == "safe"}
    results = log["runs"][0]["results"]
    given = {
        (r["locations"][0]["physicalLocation"]["region"]["startLine"], r["locations"][0]["physicalLocation"]["region"]["startColumn"], r["ruleId"])
        for r in results
        if "fixes" in r
    }
    assert given == safe and safe
    # Apply every replacement to the text (code points, 1-based lines and columns), from the end backwards.
    lines = DOC.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    edits = []
    for r in results:
        for fix in r.get("fixes", ()):
            for change in fix["artifactChanges"]:
                assert change["artifactLocation"]["uri"] == "minutes.txt"
                for replacement in change["replacements"]:
                    region = replacement["deletedRegion"]
                    start = starts[region["startLine"] - 1] + region["startColumn"] - 1
                    end = starts[region["endLine"] - 1] + region["endColumn"] - 1
                    edits.append((start, end, replacement["insertedContent"]["text"]))
    text = DOC
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    run_cli("--no-cache", "-j", "1", "--fix", "minutes.txt")
    assert text == (minutes / "minutes.txt").read_text(encoding="utf-8")


def test_stale_baseline_entries_and_skipped_files_are_notifications(minutes, run_cli):
    run_cli("--no-cache", "-j", "1", "--write-baseline", "base.json", "minutes.txt")
    (minutes / "minutes.txt").write_text(DOC.replace("went to to", "went to"), encoding="utf-8")
    (minutes / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, log = _sarif(run_cli, "--baseline", "base.json", ".")
    _validate(log)
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    kinds = {n["descriptor"]["id"]: n for n in notes}
    assert kinds["stale-baseline-entry"]["level"] == "note"
    assert kinds["document-not-checked"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "binary.txt"
    assert log["runs"][0]["results"] == [] and code == 0


def test_a_huge_run_stays_within_githubs_upload_limits():
    from checker.finding import Diagnostic, RelatedLocation
    from checker.registry import by_code

    rule = by_code()["TXT004"]
    related = tuple(RelatedLocation("other.md", n, 1, n, 5) for n in range(1, 301))
    diagnostics = [
        Diagnostic(f"docs/{n % 400:03d}.md", n, 1, n, 8, rule.code, rule.name, rule.category,
                   "info" if n % 3 else "error", f"finding {n}", 0, 7, related=related if n == 7 else (), confidence="high")
        for n in range(1, sarif_scanning.MAX_RESULTS + 1201)
    ]
    from checker.engine import RunResult

    log = sarif_log(RunResult(diagnostics, [], [], [rule], {"exit_code": 1}), Path("."))
    run = log["runs"][0]
    results = run["results"]
    assert len(results) == sarif_scanning.MAX_RESULTS
    assert sum(1 for r in results if r["level"] == "error") == sum(1 for d in diagnostics if d.severity == "error")  # errors kept
    note = next(n for n in run["invocations"][0]["toolExecutionNotifications"] if n["descriptor"]["id"] == "results-left-out")
    assert "1200 findings left out" in note["message"]["text"]
    seventh = next(r for r in results if r["message"]["text"] == "finding 7")
    assert len(seventh["relatedLocations"]) == sarif_scanning.MAX_RELATED
    assert seventh["properties"]["relatedLocationsLeftOut"] == 200
    assert len(run["tool"]["driver"]["rules"]) <= 25_000
    assert len(gzip.compress(json.dumps(log).encode("utf-8"))) < 10 * 1024 * 1024

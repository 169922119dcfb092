"""The baseline: findings keyed by content, so edits above them do not bring them back."""

from __future__ import annotations

import json

import pytest

CHANGE = "{noun} rose to ${new} million from ${old} million, an increase of {said}%."
NOUNS = ("Revenue", "Sales", "Profit", "Income", "Turnover", "Spending", "Output", "Exports")


def _defect(index: int) -> str:
    return CHANGE.format(noun=NOUNS[index % len(NOUNS)], new=20 + index, old=10, said=5 + index)


def _document(index: int) -> str:
    return (
        f"# Report {index}\n\nThe council met in March to review the year.\n\n{_defect(index)}\n\n"
        "The committee approved the plan without changes.\n\nThe the meeting closed at noon.\n"
    )


def _findings(out: str) -> list[str]:
    return [line.split(" [")[0] for line in out.strip().splitlines() if line]


@pytest.fixture
def documents(project):
    for index in range(12):
        (project / f"doc{index:02}.md").write_text(_document(index), encoding="utf-8")
    return project


ARGS = ("-f", "concise", "--no-cache", "-j", "1", "--select", "NUM001,TXT004")


def test_only_new_findings_are_reported_after_edits_above_them(documents, run_cli):
    code, out, _ = run_cli(*ARGS, ".")
    assert code == 1 and len(_findings(out)) == 24
    code, out, err = run_cli(*ARGS, "--write-baseline", "factlint-baseline.json", ".")
    assert (code, out.count(":")) == (0, 0) and "24 findings recorded" in err
    # A paragraph inserted at the top of eight documents moves every finding in them down.
    for index in range(8):
        path = documents / f"doc{index:02}.md"
        path.write_text("An opening paragraph, added later.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run_cli(*ARGS, "--baseline", "factlint-baseline.json", ".")
    assert (code, out) == (0, "")
    # New defects: a second identical slip, a new figure, and a doubled word in a third document.
    with open(documents / "doc01.md", "a", encoding="utf-8") as handle:
        handle.write(f"\n{_defect(1)}\n")
    with open(documents / "doc02.md", "a", encoding="utf-8") as handle:
        handle.write(f"\n{_defect(30)}\n")
    with open(documents / "doc10.md", "a", encoding="utf-8") as handle:
        handle.write("\nWe met the the director.\n")
    code, out, _ = run_cli(*ARGS, "--baseline", "factlint-baseline.json", ".")
    assert code == 1
    assert _findings(out) == ["doc01.md:13:60: NUM001", "doc02.md:13:61: NUM001", "doc10.md:11:8: TXT004"]


def test_stale_entries_are_reported_and_pruned(documents, run_cli):
    run_cli(*ARGS, "--write-baseline", "base.json", ".")
    path = documents / "doc03.md"
    path.write_text(path.read_text(encoding="utf-8").replace("The the", "The"), encoding="utf-8")
    code, out, err = run_cli(*ARGS, "--baseline", "base.json", ".")
    assert (code, out) == (0, "") and "1 entry no longer matches a finding" in err
    # A run on one document says nothing about the others' entries.
    code, out, err = run_cli(*ARGS, "--baseline", "base.json", "doc04.md")
    assert (code, out) == (0, "") and "no longer" not in err
    run_cli(*ARGS, "--write-baseline", "base.json", "doc04.md")  # keeps the other documents' entries
    assert sum(entry["count"] for entry in json.loads((documents / "base.json").read_text())["findings"]) == 24
    _, _, err = run_cli(*ARGS, "--baseline", "base.json", ".")
    assert "no longer" in err
    run_cli(*ARGS, "--write-baseline", "base.json", ".")
    _, _, err = run_cli(*ARGS, "--baseline", "base.json", ".")
    assert "no longer" not in err


def test_baseline_from_config_and_bad_files(documents, run_cli):
    run_cli(*ARGS, "--write-baseline", "base.json", ".")
    (documents / "factlint.toml").write_text('baseline = "base.json"\n', encoding="utf-8")
    assert run_cli(*ARGS, ".")[:2] == (0, "")
    (documents / "base.json").write_text('{"version": 1, "findings": [{"path": "a.md"}]}', encoding="utf-8")
    code, _, err = run_cli(*ARGS, ".")
    assert code == 2 and "finding 1 is malformed" in err
    (documents / "notes.json").write_text('{"name": "something else"}', encoding="utf-8")
    code, _, err = run_cli(*ARGS, "--write-baseline", "notes.json", ".")
    assert code == 2 and "not a factlint baseline" in err
    assert json.loads((documents / "notes.json").read_text()) == {"name": "something else"}
    code, _, err = run_cli(*ARGS, "--baseline", "missing.json", ".")
    assert code == 2 and "baseline file not found" in err


def test_sarif_fingerprints_are_the_baseline_key(documents, run_cli):
    from checker.baseline import Key, fingerprint

    def fingerprints() -> list[str]:
        _, out, _ = run_cli(*ARGS, "-f", "sarif", "doc05.md")
        return [r["partialFingerprints"]["factlintContentKey/v1"] for r in json.loads(out)["runs"][0]["results"]]

    before = fingerprints()
    assert len(set(before)) == 2
    path = documents / "doc05.md"
    path.write_text("An opening paragraph, added later.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert fingerprints() == before
    run_cli(*ARGS, "--write-baseline", "base.json", "doc05.md")
    entries = json.loads((documents / "base.json").read_text())["findings"]
    keys = [Key(e["path"], e["rule"], e["text"], e["context"]) for e in entries]
    assert sorted(fingerprint(key) for key in keys) == sorted(before)


def test_full_summary_says_how_many_findings_the_baseline_holds_back(documents, run_cli):
    run_cli(*ARGS, "--write-baseline", "base.json", ".")
    code, out, _ = run_cli("--no-cache", "-j", "1", "--select", "NUM001,TXT004", "--baseline", "base.json", ".")
    assert code == 0 and "All clear" in out and "24 known findings not shown: in the baseline." in out

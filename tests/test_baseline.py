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


TOPICS = ("council", "hospital", "school", "museum", "library", "harbour", "railway", "theatre", "park", "market")


def _story(index: int) -> str:
    topic = TOPICS[index % len(TOPICS)]
    return (
        f"# The {topic} review {index}\n\n"
        f"The {topic} board met on Tuesday to review the year. Members discussed staffing, repairs and the budget "
        f"for the coming season, and agreed to publish a summary.\n\n"
        f"{_defect(index)}\n\n"
        f"Visitors praised the the new entrance, which opened in spring.\n\n"
        f"The next meeting of the {topic} board is planned for the autumn.\n"
    )


NEW_DEFECTS = (
    "The report was sent to to the mayor.",
    "Both first-and second-year pupils took part.",
    "Costs rose to $90 million from $60 million, an increase of 20%.",
    "It was a a good year for the staff.",
    "Grants came from pre-and post-war funds.",
)


def test_done_when_only_the_new_defects_survive_edits_above_every_known_finding(project, run_cli):
    """The issue's scenario on a generated set: 60 documents, every rule; baseline; a paragraph inserted at the top
    of 50 of them; 10 new defects planted: exactly those 10 are reported."""
    for index in range(60):
        (project / f"story{index:02}.md").write_text(_story(index), encoding="utf-8")
    args = ("-f", "json", "--no-cache", "-j", "1")
    known = json.loads(run_cli(*args, ".")[1])["findings"]
    assert len(known) >= 120  # two planted in every story, and whatever else the rules see
    run_cli(*args, "--write-baseline", "factlint-baseline.json", ".")
    for index in range(50):
        path = project / f"story{index:02}.md"
        path.write_text("A note added later: this page was reviewed in June.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run_cli(*args, "--baseline", "factlint-baseline.json", ".")
    assert code == 0 and json.loads(out)["findings"] == []
    planted = []
    for number in range(10):
        index = number * 6 + 1  # spread over edited and unedited documents
        path = project / f"story{index:02}.md"
        sentence = NEW_DEFECTS[number % len(NEW_DEFECTS)]
        text = path.read_text(encoding="utf-8")
        path.write_text(text + "\n" + sentence + "\n", encoding="utf-8")
        planted.append((path.name, text.count("\n") + 2))
    code, out, _ = run_cli(*args, "--baseline", "factlint-baseline.json", ".")
    found = json.loads(out)["findings"]
    assert code == 1
    assert sorted((f["path"], f["line"]) for f in found) == sorted(planted)
    assert json.loads(out)["summary"]["baseline"]["stale"] == []


def test_fix_leaves_baselined_findings_alone(documents, run_cli):
    run_cli(*ARGS, "--write-baseline", "base.json", ".")
    path = documents / "doc03.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe report went to to the board.\n", encoding="utf-8")
    code, out, _ = run_cli(*ARGS, "--baseline", "base.json", "--fix", ".")
    assert code == 0 and out == ""
    text = path.read_text(encoding="utf-8")
    assert "went to the board" in text  # the new slip is fixed
    assert "The the meeting" in text  # the known one is not
    assert all("The the meeting" in (documents / f"doc{i:02}.md").read_text(encoding="utf-8") for i in range(12))
    # --diff shows the same restraint.
    path.write_text(text + "\nWe saw the the end.\n", encoding="utf-8")
    _, diff, _ = run_cli("--no-cache", "-j", "1", "--select", "TXT004", "--baseline", "base.json", "--diff", ".")
    assert diff.count("\n-") == 1 and "-We saw the the end." in diff


def test_later_fix_rounds_leave_baselined_findings_alone(project):
    """Between rounds of --fix, the findings of the text fixed so far are filtered by the baseline too."""
    from collections import Counter
    from pathlib import Path

    from checker.baseline import key_of, unknown
    from checker.config import load_settings
    from checker.engine import Source, run
    from checker.registry import resolve_selection

    text = "We met the the board.\n\nIt went to to plan.\n"
    settings = load_settings(project / "factlint.toml")
    rules = resolve_selection(["TXT004"], [])
    diagnostics = run([Source("a.md", data=text.encode())], settings, rules, jobs=1).diagnostics
    assert len(diagnostics) == 2
    known = Counter([key_of(diagnostics[0], text, Path(project))])
    # Moved down by an edit above, the known finding keeps its key; the other is new.
    moved = "Added.\n\n" + text
    again = run([Source("a.md", data=moved.encode())], settings, rules, jobs=1).diagnostics
    assert [d.line for d in unknown(again, moved, known, Path(project))] == [5]


def test_stale_entries_reach_json_sarif_and_the_full_summary(documents, run_cli):
    run_cli(*ARGS, "--write-baseline", "base.json", ".")
    path = documents / "doc03.md"
    path.write_text(path.read_text(encoding="utf-8").replace("The the", "The"), encoding="utf-8")
    base = ("--no-cache", "-j", "1", "--select", "NUM001,TXT004", "--baseline", "base.json")
    summary = json.loads(run_cli(*base, "-f", "json", ".")[1])["summary"]
    assert summary["baseline"] == {
        "file": "base.json", "matched": 23, "stale": [{"path": "doc03.md", "rule": "TXT004", "text": "The the", "count": 1}]
    }
    log = json.loads(run_cli(*base, "-f", "sarif", ".")[1])
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    stale = [n for n in notes if n.get("descriptor", {}).get("id") == "stale-baseline-entry"]
    assert len(stale) == 1 and stale[0]["level"] == "note"
    assert stale[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "doc03.md"
    assert "TXT004" in stale[0]["message"]["text"] and "The the" in stale[0]["message"]["text"]
    _, out, _ = run_cli(*base, "-f", "github", ".")
    assert '::notice file=doc03.md,title=factlint stale baseline entry::The baseline entry TXT004 "The the" no longer' in out
    _, out, _ = run_cli(*base, ".")
    assert '1 baseline entry no longer matches a finding (fixed or reworded); --write-baseline prunes them:\n  doc03.md: TXT004 "The the"' in out

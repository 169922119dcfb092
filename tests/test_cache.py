"""The fact-sheet cache: a warm run reports exactly what a cold one does, and anything that changes a sheet invalidates it."""

from __future__ import annotations

import json
import pickle

from checker import engine

ONE = "# Update\n\nThe trial of Zentrovimab met its goal. Zentrovimab is well tolerated. Zentrovimab is approved.\n"
TWO = (
    "# Letter\n\nWe expect Zentrovinab to reach patients next year. Revenue was $48.6 million, "
    "up 42% from $31.2 million. The the board met on Wednesday, February 12, 2026.\n"
)
THREE = "Plain text with a \\$5 escape and the Non-Hodgkin lymphoma (NHL) programme; NHLs grow.\n"


def _project(project):
    (project / "docs").mkdir()
    (project / "docs" / "one.md").write_text(ONE, encoding="utf-8")
    (project / "docs" / "two.md").write_text(TWO, encoding="utf-8")
    (project / "notes.txt").write_text(THREE, encoding="utf-8")
    return project


def _report(out: str) -> list[tuple]:
    return [(f["path"], f["line"], f["column"], f["rule"], f["message"]) for f in json.loads(out)["findings"]]


def test_a_warm_run_reports_what_a_cold_run_and_an_uncached_run_report(project, run_cli, monkeypatch):
    _project(project)
    uncached = run_cli("-f", "json", "--no-cache", "docs/two.md", "notes.txt")
    assert not (project / ".factlint_cache").exists()  # --no-cache writes nothing
    cold = run_cli("-f", "json", "docs/two.md", "notes.txt")
    assert (project / ".factlint_cache").is_dir()

    def refuse(source, *args):
        raise AssertionError(f"{source.path} was processed again")

    monkeypatch.setattr(engine, "process", refuse)
    warm = run_cli("-f", "json", "docs/two.md", "notes.txt")
    assert uncached[0] == cold[0] == warm[0] == 1
    assert _report(uncached[1]) == _report(cold[1]) == _report(warm[1])
    rules = {finding[3] for finding in _report(warm[1])}
    assert {"NAM001", "NUM001", "TXT004", "DAT001", "TXT001"} <= rules  # per-document and corpus findings alike
    assert json.loads(warm[1]) == json.loads(cold[1])  # evidence, related places and fixes too


def test_a_changed_document_is_read_again(project, run_cli):
    _project(project)
    before = _report(run_cli("-f", "json", "docs/two.md")[1])
    (project / "docs" / "two.md").write_text(TWO.replace("42%", "55.8%"), encoding="utf-8")
    after = _report(run_cli("-f", "json", "docs/two.md")[1])
    assert any(f[3] == "NUM001" for f in before)
    assert not any(f[3] == "NUM001" for f in after)


def test_a_changed_corpus_document_changes_the_evidence(project, run_cli):
    _project(project)
    assert any(f[3] == "NAM001" for f in _report(run_cli("-f", "json", "docs/two.md")[1]))
    (project / "docs" / "one.md").write_text("# Update\n\nNothing about drugs here.\n", encoding="utf-8")
    assert not any(f[3] == "NAM001" for f in _report(run_cli("-f", "json", "docs/two.md")[1]))


def test_a_changed_configuration_is_not_served_old_sheets(project, run_cli):
    _project(project)
    assert any(f[3] == "TXT004" for f in _report(run_cli("-f", "json", "docs/two.md")[1]))
    (project / "factlint.toml").write_text('[per-file-ignores]\n"docs/*" = ["TXT004"]\n', encoding="utf-8")
    assert not any(f[3] == "TXT004" for f in _report(run_cli("-f", "json", "docs/two.md")[1]))
    (project / "factlint.toml").write_text('[vocabulary]\nprefer = { "Zentrovinab" = ["Zentrovimab"] }\n', encoding="utf-8")
    found = [f for f in _report(run_cli("-f", "json", "--select", "NAM", "docs/one.md")[1]) if f[3] == "NAM001"]
    assert [f[0] for f in found] == ["docs/one.md"] * 3


def test_a_document_first_seen_as_evidence_is_checked_when_named(project, run_cli):
    _project(project)
    run_cli("-f", "json", "docs/two.md")  # notes.txt is read only as corpus evidence
    code, out, _ = run_cli("-f", "json", "notes.txt")
    assert ("notes.txt", 1, 19, "TXT001") in [f[:4] for f in _report(out)]


def test_paths_are_shown_relative_to_the_working_directory_of_each_run(project, run_cli, monkeypatch):
    _project(project)
    run_cli("-f", "json", "docs/two.md")
    monkeypatch.chdir(project / "docs")
    paths = {f[0] for f in _report(run_cli("-f", "json", "two.md")[1])}
    assert paths == {"two.md"}


def test_a_corrupt_cache_file_is_ignored(project, run_cli):
    _project(project)
    expected = _report(run_cli("-f", "json", "docs/two.md")[1])
    for file in (project / ".factlint_cache").glob("sheets-*.pickle"):
        file.write_bytes(b"not a pickle")
    assert _report(run_cli("-f", "json", "docs/two.md")[1]) == expected


def test_the_cache_directory_is_ignored_by_git_and_marked_as_a_cache(project, run_cli):
    _project(project)
    run_cli("-f", "json", "docs/two.md")
    directory = project / ".factlint_cache"
    assert (directory / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (directory / "CACHEDIR.TAG").read_bytes().startswith(b"Signature: 8a477f597d28d172789f06886806bc55")


def test_cache_dir_from_the_config_and_the_command_line(project, run_cli):
    _project(project)
    (project / "factlint.toml").write_text('cache-dir = "build/cache"\n', encoding="utf-8")
    run_cli("-f", "json", "docs/two.md")
    assert list((project / "build" / "cache").glob("sheets-*.pickle"))
    run_cli("-f", "json", "--cache-dir", "elsewhere", "docs/two.md")
    assert list((project / "elsewhere").glob("sheets-*.pickle"))
    assert not (project / ".factlint_cache").exists()


def test_deleted_documents_leave_the_cache(project, run_cli):
    _project(project)
    run_cli("-f", "json", "docs/two.md")
    (project / "notes.txt").unlink()
    run_cli("-f", "json", "docs/two.md")
    [file] = (project / ".factlint_cache").glob("sheets-*.pickle")
    stored = pickle.loads(file.read_bytes())
    assert sorted(display for display, _ in stored) == ["docs/one.md", "docs/two.md"]


def test_standard_input_is_not_cached(project, run_cli, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TWO.encode("utf-8"))))
    code, out, _ = run_cli("-f", "json", "--no-corpus", "--stdin-filename", "x.md", "-")
    assert code == 1
    assert not (project / ".factlint_cache").exists()


def test_a_cache_directory_that_cannot_be_made_only_costs_time(project, run_cli):
    _project(project)
    expected = _report(run_cli("-f", "json", "--no-cache", "docs/two.md")[1])
    (project / ".factlint_cache").write_text("a file where the cache directory would go", encoding="utf-8")
    code, out, err = run_cli("-f", "json", "docs/two.md")
    assert code == 1 and _report(out) == expected and "Traceback" not in err
    assert (project / ".factlint_cache").read_text(encoding="utf-8").startswith("a file")

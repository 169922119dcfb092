"""The cache keeps the files of the configurations written last, and a run that writes nothing leaves them be."""

from __future__ import annotations

from checker import cache as cache_module


def _configurations(directory) -> set[str]:
    return {path.name.split("-")[1].split(".")[0] for path in directory.glob("sheets-*.msgpack")}


def test_older_configurations_go_when_files_are_written(project, run_cli, monkeypatch):
    monkeypatch.setattr(cache_module, "_KEEP_FILES", 2)
    (project / "doc.md").write_text("The the committee met on Tuesday.\n", encoding="utf-8")
    seen = []
    for select in ("TXT004", "DAT001", "ENC001"):  # three configurations, each writing its own files
        run_cli("-q", "--exit-zero", "--select", select, "doc.md")
        seen.append(_configurations(project / ".factlint_cache"))
    assert [len(names) for names in seen] == [1, 2, 2]
    assert seen[0] - seen[2], "the oldest configuration's files were removed"


def test_a_run_that_writes_nothing_prunes_nothing(project, run_cli, monkeypatch):
    monkeypatch.setattr(cache_module, "_SETTLED_NS", 0)  # every timestamp trusted at once: the first run writes all
    pruned = []
    prune = cache_module.SheetCache._prune
    monkeypatch.setattr(cache_module.SheetCache, "_prune", lambda self: pruned.append(1) or prune(self))
    (project / "doc.md").write_text("The the committee met on Tuesday.\n", encoding="utf-8")
    run_cli("-q", "--exit-zero", "doc.md")
    assert pruned == [1]
    run_cli("-q", "--exit-zero", "doc.md")  # nothing changed, nothing written
    assert pruned == [1]
    (project / "doc.md").write_text("The committee met on Tuesday.\n", encoding="utf-8")
    run_cli("-q", "--exit-zero", "doc.md")
    assert pruned == [1, 1]

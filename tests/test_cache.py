"""The fact-sheet cache: a warm run reports exactly what a cold one does, and anything that changes a sheet invalidates it."""

from __future__ import annotations

import json
import pickle
from array import array

import pytest

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


def _counting(monkeypatch) -> list[str]:
    """Record the path of every document pass 1 processes (the cache's misses)."""
    processed: list[str] = []
    original = engine.process

    def counted(source, *args):
        processed.append(source.path)
        return original(source, *args)

    monkeypatch.setattr(engine, "process", counted)
    return processed


def test_full_and_one_file_runs_share_the_cache(project, run_cli, monkeypatch):
    """Scope filters findings; it is not part of the key: switching between the two runs keeps the cache warm."""
    _project(project)
    expected = {
        scope: _report(run_cli("-f", "json", "--no-cache", "-j", "1", *scope)[1]) for scope in ((".",), ("docs/two.md",))
    }
    processed = _counting(monkeypatch)
    assert _report(run_cli("-f", "json", "-j", "1", ".")[1]) == expected[(".",)]
    assert len(processed) == 3  # cold
    for scope in (("docs/two.md",), (".",), ("docs/two.md",), (".",)):
        processed.clear()
        assert _report(run_cli("-f", "json", "-j", "1", *scope)[1]) == expected[scope]
        assert processed == [], scope  # every switch is warm


def test_a_one_file_run_first_leaves_the_others_to_be_checked_by_the_next_full_run(project, run_cli, monkeypatch):
    _project(project)
    expected = _report(run_cli("-f", "json", "--no-cache", "-j", "1", ".")[1])
    processed = _counting(monkeypatch)
    run_cli("-f", "json", "-j", "1", "docs/two.md")
    assert sorted(processed) == ["docs/one.md", "docs/two.md", "notes.txt"]
    processed.clear()
    # The corpus documents were read only as evidence (no document rules): read again now that they are in scope.
    assert _report(run_cli("-f", "json", "-j", "1", ".")[1]) == expected
    assert sorted(processed) == ["docs/one.md", "notes.txt"]
    processed.clear()
    run_cli("-f", "json", "-j", "1", "notes.txt")
    assert processed == []


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
    assert [f[0] for f in found] == ["docs/one.md"]  # one NAM001 finding per variant per document


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
    for file in (project / ".factlint_cache").glob("sheets-*.msgpack"):
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
    assert list((project / "build" / "cache").glob("sheets-*.msgpack"))
    run_cli("-f", "json", "--cache-dir", "elsewhere", "docs/two.md")
    assert list((project / "elsewhere").glob("sheets-*.msgpack"))
    assert not (project / ".factlint_cache").exists()


def test_deleted_documents_leave_the_cache(project, run_cli):
    _project(project)
    run_cli("-f", "json", "docs/two.md")
    (project / "notes.txt").unlink()
    run_cli("-f", "json", "docs/two.md")
    entries = [entry for file in _sheets_files(project) for entry in _stored(file)[1]]
    assert sorted(entry[0] for entry in entries) == ["docs/one.md", "docs/two.md"]


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


# --- the cache directory is the repository's: nothing in it is trusted ---------------------


def _sheets_files(project) -> list:
    """The cache's files of documents' entries (one per shard that holds any)."""
    files = sorted((project / ".factlint_cache").glob("sheets-*.msgpack"))
    assert files
    return files


def _holding(project, path: str):
    """The sheets file that holds a document's entry."""
    [file] = [file for file in _sheets_files(project) if any(entry[0] == path for entry in _stored(file)[1])]
    return file


def _stored(file) -> list:
    """The plain data of a cache file (after its signature line): [format, entries], each entry
    [display path, absolute path, digest, in scope, the result packed, its records packed]."""
    import msgpack

    return msgpack.unpackb(file.read_bytes().partition(b"\n")[2])


def _resign(file, data) -> None:
    """Write ``data`` as a cache file signed with this user's key, as factlint itself would."""
    import msgpack

    from checker.signing import sign as _sign
    from checker.signing import user_key

    payload = msgpack.packb(data, use_bin_type=True)
    file.write_bytes(_sign(user_key(), payload) + b"\n" + payload)


def _body(entry) -> list:
    """A cache entry's result: [path, format, encoding, digest, line starts, locations, directives, findings, ...]."""
    import msgpack

    return msgpack.unpackb(entry[4])


def _packed(value) -> bytes:
    import msgpack

    return msgpack.packb(value, use_bin_type=True)


class _Payload:
    """Unpickling this creates a file: proof that code from the cache ran."""

    def __init__(self, target: str) -> None:
        self.target = target

    def __reduce__(self):
        return (open, (self.target, "w"))


def _refuse_nothing_else(monkeypatch, processed: list) -> None:
    original = engine.process

    def spy(source, *args):
        processed.append(source.path)
        return original(source, *args)

    monkeypatch.setattr(engine, "process", spy)


def test_a_committed_malicious_cache_file_runs_nothing_and_changes_nothing(project, run_cli, tmp_path_factory):
    _project(project)
    expected = _report(run_cli("-f", "json", "--no-cache", "docs/two.md")[1])
    run_cli("-f", "json", "docs/two.md")
    target = tmp_path_factory.mktemp("victim") / "pwned"
    evil = pickle.dumps(_Payload(str(target)))
    files = list((project / ".factlint_cache").glob("*-*.msgpack"))
    # The documents' results and their records (a file of each per shard that holds a document), the run's
    # diagnostics, the corpus rules' memo.
    kinds = sorted(file.name.split("-")[0] for file in files)
    shards = kinds.count("sheets")
    assert 1 <= shards <= 3 and kinds == ["corpus", "memo", *["records"] * shards, *["sheets"] * shards]
    for file in files:  # whatever the cache's file name, a repository can commit a file of that name
        file.write_bytes(evil)
        file.with_suffix(".pickle").write_bytes(evil)
    code, out, err = run_cli("-f", "json", "docs/two.md")
    assert not target.exists()
    assert _report(out) == expected and "Traceback" not in err


def test_a_cache_file_with_a_wrong_signature_is_a_miss(project, run_cli, monkeypatch):
    _project(project)
    expected = _report(run_cli("-f", "json", "docs/two.md")[1])
    for file in _sheets_files(project):
        data = _stored(file)
        for entry in data[1]:  # a forged result: no findings at all
            body = _body(entry)
            body[7] = []
            entry[4] = _packed(body)
        payload = _packed(data)
        file.write_bytes(b"0" * 64 + b"\n" + payload)
    processed: list = []
    _refuse_nothing_else(monkeypatch, processed)
    assert _report(run_cli("-f", "json", "docs/two.md")[1]) == expected
    assert sorted(processed) == ["docs/one.md", "docs/two.md", "notes.txt"]


def test_a_signed_cache_file_is_reused(project, run_cli, monkeypatch):
    """The counterpart of the tests below: a file re-signed unchanged is a hit."""
    _project(project)
    expected = _report(run_cli("-f", "json", "docs/two.md")[1])
    for file in _sheets_files(project):
        _resign(file, _stored(file))
    processed: list = []
    _refuse_nothing_else(monkeypatch, processed)
    assert _report(run_cli("-f", "json", "docs/two.md")[1]) == expected
    assert processed == []


def _break_sheet(body):
    return "a result that is a string"


def _break_findings(body):
    body[7] = [[5]]
    return body


def _break_finding_fix(body):
    for finding in body[7]:
        finding[6] = ["nope", "safe", ""]
    return body


def _break_field(body):
    body[4] = {"not": "bytes"}
    return body


def _drop_key(body):
    body[7] = [finding[1:] for finding in body[7]]
    return body


@pytest.mark.parametrize(
    "damage",
    [
        _break_sheet,
        _break_findings,
        _break_finding_fix,
        _break_field,
        _drop_key,
        lambda sheet: None,
        lambda sheet: [sheet],
    ],
)
def test_a_structurally_wrong_entry_is_a_miss(project, run_cli, monkeypatch, damage):
    _project(project)
    expected = _report(run_cli("-f", "json", "docs/two.md")[1])
    file = _holding(project, "docs/two.md")
    data = _stored(file)
    for entry in data[1]:
        if entry[0] == "docs/two.md":
            entry[4] = _packed(damage(_body(entry)))
    _resign(file, data)
    # Without the stored diagnostics of the unchanged corpus, every entry is decoded in full (with them,
    # only what places the diagnostics is: test_an_unchanged_corpus_decodes_no_finding).
    for stored in (project / ".factlint_cache").glob("corpus-*.msgpack"):
        stored.unlink()
    processed: list = []
    _refuse_nothing_else(monkeypatch, processed)
    code, out, err = run_cli("-f", "json", "docs/two.md")
    assert _report(out) == expected and "Traceback" not in err
    assert processed == ["docs/two.md"]  # read again; the others still come from the cache


@pytest.mark.parametrize("data", ["a string", [1, 2], [2, "x"], [2, [[1, 2, 3]]], {"entries": []}, [1, []]])
def test_a_structurally_wrong_file_is_a_miss(project, run_cli, data):
    _project(project)
    expected = _report(run_cli("-f", "json", "docs/two.md")[1])
    for file in _sheets_files(project):
        _resign(file, data)
    code, out, err = run_cli("-f", "json", "docs/two.md")
    assert _report(out) == expected and "Traceback" not in err


@pytest.mark.parametrize("value", [".", "..", "../elsewhere", "sub/../..", "/tmp/x", ""])
def test_a_cache_dir_outside_the_project_is_a_config_error(project, run_cli, value):
    _project(project)
    (project / "factlint.toml").write_text(f"cache-dir = {json.dumps(value)}\n", encoding="utf-8")
    code, out, err = run_cli("-f", "json", "docs/two.md")
    assert code == 2
    assert "cache-dir" in err and "factlint.toml" in err
    assert not list(project.parent.glob("sheets-*")) and not (project / ".gitignore").exists()


def test_a_cache_dir_through_a_symbolic_link_out_of_the_project_is_a_config_error(project, run_cli, tmp_path_factory):
    _project(project)
    outside = tmp_path_factory.mktemp("outside")
    (project / "link").symlink_to(outside, target_is_directory=True)
    (project / "factlint.toml").write_text('cache-dir = "link/cache"\n', encoding="utf-8")
    code, out, err = run_cli("-f", "json", "docs/two.md")
    assert code == 2 and "cache-dir" in err
    assert not list(outside.iterdir())


def test_markers_go_only_into_a_directory_factlint_created(project, run_cli):
    _project(project)
    (project / "build").mkdir()
    (project / "factlint.toml").write_text('cache-dir = "build"\n', encoding="utf-8")
    run_cli("-f", "json", "docs/two.md")
    assert list((project / "build").glob("sheets-*.msgpack"))  # the cache works there ...
    assert not (project / "build" / ".gitignore").exists()  # ... but the user's directory is left as it is
    assert not (project / "build" / "CACHEDIR.TAG").exists()


# --- the corpus rules' findings ------------------------------------------------------------


def test_an_unchanged_corpus_reuses_the_corpus_findings_and_a_changed_one_does_not(project, run_cli, monkeypatch):
    from checker.rules.name_variants import NameVariants

    _project(project)
    cold = _report(run_cli("-f", "json", "docs/two.md")[1])
    assert [f for f in cold if f[3] == "NAM001"]
    calls: list[str] = []
    original = NameVariants.check_corpus

    def spy(self, corpus, aggregate):
        calls.append("check")
        return original(self, corpus, aggregate)

    monkeypatch.setattr(NameVariants, "check_corpus", spy)
    assert _report(run_cli("-f", "json", "docs/two.md")[1]) == cold
    assert calls == []  # nothing changed: the stored corpus findings, and no record decoded
    (project / "notes.txt").write_text(THREE + "More text.\n", encoding="utf-8")
    assert _report(run_cli("-f", "json", "docs/two.md")[1]) == cold
    assert calls == ["check"]  # one document changed: the corpus pass runs again, from the other documents' records


def test_an_unchanged_corpus_decodes_no_finding(project, run_cli, monkeypatch):
    """Nothing changed: the run's diagnostics come from one file, and no document's findings,
    directives or records are decoded (a damaged one would be noticed the next time the corpus changes)."""
    import checker.cache_data as cache_data

    _project(project)
    cold = run_cli("-f", "json", "docs/two.md")[1]
    (project / "notes.txt").write_text(THREE + "<!-- factlint: disable TXT001 -->\n", encoding="utf-8")
    changed = run_cli("-f", "json", "docs/two.md")[1]
    assert _report(changed) == _report(cold)

    def refuse(*args):
        raise AssertionError("a finding or directive was decoded")

    monkeypatch.setattr(cache_data, "finding_from_data", refuse)
    monkeypatch.setattr(cache_data, "_directive_from_data", refuse)
    processed: list = []
    _refuse_nothing_else(monkeypatch, processed)
    warm = run_cli("-f", "json", "docs/two.md")[1]
    assert json.loads(warm) == json.loads(changed)
    assert processed == []


def test_a_document_whose_stat_is_unchanged_is_not_read_and_one_changed_in_place_is(project, run_cli, monkeypatch):
    """The stored size, times and inode stand for the bytes; a same-size edit that puts the old modification
    time back still changes the file's change time, and is read again."""
    import os

    import checker.cache as cache

    monkeypatch.setattr(cache, "_SETTLED_NS", 0)  # trust the stat of a file changed just now (the tests cannot wait)
    _project(project)
    run_cli("-f", "json", "-j", "1", ".")
    hashed: list[int] = []
    original = cache.digest

    def counted(data):
        hashed.append(len(data))
        return original(data)

    monkeypatch.setattr(cache, "digest", counted)
    unchanged = run_cli("-f", "json", "-j", "1", ".")[1]
    assert hashed == []
    one = project / "docs" / "one.md"
    before = one.stat()
    one.write_text(ONE.replace("Zentrovimab is approved", "Zentrovinab is approved"), encoding="utf-8")
    os.utime(one, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert one.stat().st_size == before.st_size
    expected = _report(run_cli("-f", "json", "--no-cache", "-j", "1", ".")[1])
    assert expected != _report(unchanged)
    hashed.clear()
    assert _report(run_cli("-f", "json", "-j", "1", ".")[1]) == expected
    assert hashed == [before.st_size]


def test_a_changed_ledger_is_not_served_old_corpus_findings(project, run_cli):
    _project(project)
    (project / "docs" / "three.md").write_text("Norwind Robotics reported total revenue of $40.0 million for 2024.\n", encoding="utf-8")
    ledger = '[[fact]]\nsubject = "Norwind Robotics"\nmeasure = "revenue"\nperiod = "2024"\nvalue = "{}"\n'
    (project / "facts.toml").write_text(ledger.format("$40.0 million"), encoding="utf-8")
    (project / "factlint.toml").write_text('ledger = "facts.toml"\n', encoding="utf-8")
    assert not [f for f in _report(run_cli("-f", "json", "docs/three.md")[1]) if f[3] == "NUM103"]
    (project / "facts.toml").write_text(ledger.format("$34.4 million"), encoding="utf-8")
    assert [f for f in _report(run_cli("-f", "json", "docs/three.md")[1]) if f[3] == "NUM103"]


def test_documents_whose_records_are_lost_are_read_again_when_the_corpus_changed(project, run_cli, monkeypatch):
    _project(project)
    run_cli("-f", "json", "docs/two.md")
    for file in (project / ".factlint_cache").glob("records-*.msgpack"):
        file.write_bytes(b"damaged")
    (project / "notes.txt").write_text(THREE + "More text.\n", encoding="utf-8")
    expected = _report(run_cli("-f", "json", "--no-cache", "docs/two.md")[1])
    processed: list = []
    _refuse_nothing_else(monkeypatch, processed)
    assert _report(run_cli("-f", "json", "docs/two.md")[1]) == expected
    assert sorted(processed) == ["docs/one.md", "docs/two.md", "notes.txt"]


@pytest.mark.parametrize("change", ["edit", "add", "delete"])
def test_after_a_change_a_warm_run_reports_what_an_uncached_run_reports(project, run_cli, change):
    """Cross-document findings appear and disappear with one document's change; the cache's partial reuse agrees."""
    _project(project)
    first = _report(run_cli("-f", "json", "-j", "1", ".")[1])
    assert first == _report(run_cli("-f", "json", "--no-cache", "-j", "1", ".")[1])
    one = project / "docs" / "one.md"
    if change == "edit":  # the reference form goes: the variant has nothing to be compared with
        one.write_text("# Update\n\nNothing about drugs here.\n", encoding="utf-8")
    elif change == "add":  # a third document writes the variant: now the more frequent form is in doubt
        (project / "docs" / "three.md").write_text("Zentrovinab again. Zentrovinab and Zentrovinab.\n", encoding="utf-8")
    else:
        one.unlink()
    warm = _report(run_cli("-f", "json", "-j", "1", ".")[1])
    assert warm == _report(run_cli("-f", "json", "--no-cache", "-j", "1", ".")[1])
    assert warm != first
    assert _report(run_cli("-f", "json", "-j", "1", ".")[1]) == warm  # and again, from the cache just written


# --- what the corpus rules keep from one corpus pass for the next --------------------------


def _no_full_near_search(monkeypatch) -> list[int]:
    """Make NAM001's full near-miss search fail the test; return the list its incremental use is recorded in."""
    import checker.variants_near as near
    from checker.variants_memo import NearPairs

    def refuse(*args, **kwargs):
        raise AssertionError("every word was compared again")

    monkeypatch.setattr(near, "near_pairs", refuse)
    kept: list[int] = []
    original = NearPairs.pairs

    def pairs(self, words):
        yield from original(self, words)
        kept.append(len(words))

    monkeypatch.setattr(NearPairs, "pairs", pairs)
    update = NearPairs.update

    def updated(self, words):  # the search of a few changed documents' forms (checker.variants_reuse)
        update(self, words)
        kept.append(len(words))

    monkeypatch.setattr(NearPairs, "update", updated)
    return kept


@pytest.mark.parametrize("step", ["create", "remove"])
def test_a_change_that_makes_or_unmakes_a_variant_across_two_documents_reuses_the_near_pairs(project, run_cli, monkeypatch, step):
    """One document gains (or loses) a slip of a name another document writes: the finding appears (or goes)
    as in an uncached run, and only the new words are compared (the stored near pairs serve the rest)."""
    (project / "a.md").write_text("Quorvantix is approved. Quorvantix works. Quorvantix again, and Melindorax too.\n", encoding="utf-8")
    (project / "b.md").write_text("The board met on Monday.\n", encoding="utf-8")
    with_slip = "The board met on Monday about Quorvantyx and Melindorax.\n"
    if step == "remove":
        (project / "b.md").write_text(with_slip, encoding="utf-8")
    before = _report(run_cli("-f", "json", "-j", "1", ".")[1])
    assert bool([f for f in before if f[3] == "NAM001"]) == (step == "remove")
    if step == "create":
        (project / "b.md").write_text(with_slip, encoding="utf-8")
    else:
        (project / "b.md").write_text("The board met on Monday.\n", encoding="utf-8")
    expected = _report(run_cli("-f", "json", "--no-cache", "-j", "1", ".")[1])
    kept = _no_full_near_search(monkeypatch)
    after = _report(run_cli("-f", "json", "-j", "1", ".")[1])
    assert after == expected
    found = [f for f in after if f[3] == "NAM001"]
    assert bool(found) == (step == "create")
    if found:
        assert found[0][0] == "b.md" and "Quorvantyx" in found[0][4]
    assert kept  # the stored pairs were used (no full search: it would have failed)


def test_stored_near_pairs_give_the_pairs_of_any_later_word_list():
    """Whatever words the pairs were kept from, the pairs of a new list are near_pairs' own, in its order."""
    import random

    from checker.variants_memo import NearPairs
    from checker.variants_near import near_pairs

    rng = random.Random(16)
    stems = ["quorvantix", "melindorax", "bellatrine", "castorvine", "zentrovimab", "lisaftoclax"]

    def slips(word: str) -> list[str]:
        out = [word]
        for _ in range(4):
            i = rng.randrange(1, len(word))
            out.append(word[:i] + rng.choice("aeioutxz") + word[i + 1 :])  # a letter changed
            out.append(word[:i] + word[i + 1 :])  # a letter dropped
            out.append(word[:i] + rng.choice("aeioutxz") + word[i:])  # a letter added
        return out

    words = list(dict.fromkeys(w for stem in stems for w in slips(stem) if len(w) >= 6))
    for _ in range(20):
        old = rng.sample(words, rng.randrange(0, len(words)))
        new = rng.sample(words, rng.randrange(1, len(words)))
        first = NearPairs()
        assert list(first.pairs(old)) == list(near_pairs(old))
        again = NearPairs(first.stored())
        assert list(again.pairs(new)) == list(near_pairs(new))
        assert list(NearPairs(again.stored()).pairs(new)) == list(near_pairs(new))


@pytest.mark.parametrize("stored", [None, "x", ("a",), (("abcdefg", "abcdefh"), "i", b"\x00\x01"), (("abcdefg", "zzzzzzz"), "i", bytes(12))])
def test_stored_near_pairs_that_are_not_near_pairs_are_not_used(stored):
    from checker.variants_memo import NearPairs
    from checker.variants_near import near_pairs

    words = ["abcdefg", "abcdefh", "zzzzzzz", "abcdxfg"]
    assert list(NearPairs(stored).pairs(words)) == list(near_pairs(words))


# --- the stored diagnostics -----------------------------------------------------------------


def _diagnostics():
    from checker.finding import Diagnostic, Edit, Fix, RelatedLocation

    fix = Fix((Edit(4, 9, "Zentrovimab"), Edit(20, 25, "Zentrovimab")), "display", 'Write "Zentrovimab"')
    related = (RelatedLocation("docs/one.md", 3, 1, 3, 12, "'Zentrovimab'"), RelatedLocation("a.md", 9, 2, 10, 1, ""))
    return [
        Diagnostic("docs/two.md", 3, 11, 3, 22, "NAM001", "name-variants", "names", "warning", "m", 4, 9, "ev", related, fix, None, "medium"),
        Diagnostic("report.docx", 1, 1, 1, 4, "TXT001", "doubled-word", "text", "error", "m2", 0, 3, None, (), None, "paragraph 2", "high"),
        Diagnostic("report.docx", 7, 1, 7, 4, "TXT001", "doubled-word", "text", "info", "m2", 2**40, 2**40 + 3),
    ]


def test_stored_diagnostics_read_back_as_they_were():
    from checker.cache_diagnostics import diagnostics_from_data, diagnostics_to_data

    diagnostics = _diagnostics()
    assert diagnostics_from_data(diagnostics_to_data(diagnostics)) == diagnostics
    assert diagnostics_from_data(diagnostics_to_data([])) == []
    again = [*diagnostics, diagnostics[0]]  # a place that recurs is stored once
    assert diagnostics_from_data(diagnostics_to_data(again)) == again
    assert len(diagnostics_to_data(again)[4]) == len(diagnostics_to_data(diagnostics)[4])


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: (data[0][:-1], *data[1:]),  # a string index out of the table
        lambda data: ((*data[0][:-1], 5), *data[1:]),  # a table entry that is no string
        lambda data: (data[0], "d", *data[2:]),  # an unknown array type
        lambda data: (*data[:2], data[2][:-4], *data[3:]),  # the numbers cut short
        lambda data: (*data[:2], array(data[1], [-2]).tobytes() + data[2][array(data[1]).itemsize :], *data[3:]),  # a negative index
        lambda data: (*data[:2], data[2][: -array(data[1]).itemsize] + array(data[1], [-1]).tobytes(), *data[3:]),  # no related place
        lambda data: (*data[:4], data[4][: -array(data[3]).itemsize], data[5]),  # a related place cut short
        lambda data: (*data[:5], [[[(4, 9, 3)], "display", ""]]),  # an edit that is not text
        lambda data: (*data[:5], [[[], "maybe", ""]]),
    ],
)
def test_damaged_stored_diagnostics_raise(damage):
    from checker.cache_diagnostics import diagnostics_from_data, diagnostics_to_data

    data = diagnostics_to_data(_diagnostics())
    with pytest.raises((TypeError, ValueError, IndexError)):
        diagnostics_from_data(damage(data))


def test_a_changed_document_rewrites_only_its_own_shard(project, run_cli, monkeypatch):
    """The entries and records are spread over shard files by path: one document changed, one shard's
    files (and the diagnostics) are written again; the others are left as they are."""
    import checker.cache as cache_module

    monkeypatch.setattr(cache_module, "_SETTLED_NS", 0)  # every stat trusted at once: none is stored later (a shard written for it)
    for index in range(40):
        (project / f"doc{index}.md").write_text(f"Document {index} names Quorvantix and Melindorax.\n", encoding="utf-8")
    run_cli("-f", "json", "-j", "1", ".")
    cache = project / ".factlint_cache"
    before = {file.name: file.stat().st_mtime_ns for file in cache.glob("*-*.msgpack")}
    assert len([name for name in before if name.startswith("sheets-")]) > 1
    changed = _holding(project, "doc7.md")
    (project / "doc7.md").write_text("Document 7 names Quorvantyx.\n", encoding="utf-8")
    expected = _report(run_cli("-f", "json", "--no-cache", "-j", "1", ".")[1])
    assert _report(run_cli("-f", "json", "-j", "1", ".")[1]) == expected
    after = {file.name: file.stat().st_mtime_ns for file in cache.glob("*-*.msgpack")}
    rewritten = sorted(name for name in after if after[name] != before.get(name))
    name, shard = changed.name.split("-")[1:]
    assert rewritten == [f"corpus-{name}.msgpack", f"memo-{name}.msgpack", f"records-{name}-{shard}", f"sheets-{name}-{shard}"]
    assert _report(run_cli("-f", "json", "-j", "1", ".")[1]) == expected  # from the shard just written


def _holding_at_finish(monkeypatch) -> list[tuple[int, int]]:
    """(results held in memory, results waiting in the scratch file) when each run's cache is written."""
    import checker.cache as cache_module

    seen: list[tuple[int, int]] = []
    original = cache_module.SheetCache.finish

    def finish(self, *args, **kwargs):
        seen.append((sum(entry[2] is not None for entry in self._entries.values()), len(self._spooled)))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cache_module.SheetCache, "finish", finish)
    return seen


def test_stored_results_wait_on_disk_not_in_memory_until_written(project, run_cli, monkeypatch):
    """A cold run's results wait in a scratch file through the corpus pass (not held in memory), and the next
    run is served them all."""
    _project(project)
    expected = _report(run_cli("-f", "json", "--no-cache", ".")[1])
    seen = _holding_at_finish(monkeypatch)
    assert _report(run_cli("-f", "json", ".")[1]) == expected
    assert seen == [(0, 3)]
    processed = _counting(monkeypatch)
    assert _report(run_cli("-f", "json", ".")[1]) == expected and processed == []
    assert not [name for name in (project / ".factlint_cache").iterdir() if "spool" in name.name]  # gone once written


def test_without_a_scratch_file_results_are_held_in_memory_and_stored(project, run_cli, monkeypatch):
    import tempfile

    _project(project)
    expected = _report(run_cli("-f", "json", "--no-cache", ".")[1])
    seen = _holding_at_finish(monkeypatch)

    def refuse(*args, **kwargs):
        raise OSError("no room")

    with monkeypatch.context() as patched:
        patched.setattr(tempfile, "TemporaryFile", refuse)
        assert _report(run_cli("-f", "json", ".")[1]) == expected
    assert seen == [(3, 0)]
    processed = _counting(monkeypatch)
    assert _report(run_cli("-f", "json", ".")[1]) == expected and processed == []


# --- a generated corpus, edited step by step -------------------------------------------------

_NAMES = ("Quorvantix", "Melindorax", "Halvorsen Biotech", "Dana Okafor", "Zentrovimab", "BlueKite", "MacDonald")
_SLIPS = {"Quorvantix": "Quorvantyx", "Melindorax": "Melindorrax", "Zentrovimab": "Zentrovinab", "BlueKite": "Bluekite", "MacDonald": "Macdonald"}


def _generated(project, count: int = 24) -> None:
    import random

    chance = random.Random(16)
    for index in range(count):
        names = chance.sample(_NAMES, 3)
        lines = [f"# Report {index}", ""]
        for name in names:
            lines.append(f"The review of {name} was led by {chance.choice(_NAMES)}. {name} grew 12% to $4.{index} million.")
        if index % 5 == 0:
            slip = chance.choice(sorted(_SLIPS))
            lines.append(f"A note on {_SLIPS[slip]} and {slip} from the Halvorsen Biotech board.")
        suffix = ".txt" if index % 4 == 0 else ".md"
        (project / "docs").mkdir(exist_ok=True)
        (project / "docs" / f"r{index:02d}{suffix}").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _edit(project, step: str) -> None:
    docs = project / "docs"
    if step == "add a variant":
        target = docs / "r03.md"
        target.write_text(target.read_text(encoding="utf-8") + "Later, Quorvantyx and Melindorrax were renamed by Dana Okafor.\n", encoding="utf-8")
    elif step == "remove a variant":
        for target in sorted(docs.iterdir()):
            text = target.read_text(encoding="utf-8")
            for slip in _SLIPS.values():
                text = text.replace(slip, "it")
            target.write_text(text, encoding="utf-8")
            break
        target = docs / "r05.md"
        target.write_text("\n".join(line for line in target.read_text(encoding="utf-8").splitlines() if "A note" not in line) + "\n", encoding="utf-8")
    elif step == "delete a file":
        (docs / "r10.md").unlink()
    elif step == "add a file":
        (docs / "r99.md").write_text("# New\n\nZentrovinab, by Halvorsen Biotech and Dana Okafor, and Bluekite.\n", encoding="utf-8")
    elif step == "move a file":
        (docs / "r06.md").rename(docs / "a06.md")
    else:
        raise AssertionError(step)


@pytest.mark.parametrize("steps", [
    ("add a variant", "remove a variant"),
    ("delete a file", "add a file"),
    ("add a file", "add a variant", "move a file"),
    ("remove a variant", "delete a file", "add a variant"),
])
def test_a_generated_corpus_edited_step_by_step_reports_what_a_cold_run_reports(project, run_cli, steps):
    """Names shared across documents, slips in some: after each edit the warm run's report (findings, related
    places, fixes) is the cold run's, and the next warm run, with nothing changed, gives it again."""
    _generated(project)
    first = run_cli("-f", "json", "-j", "1", ".")[1]
    assert json.loads(first) == json.loads(run_cli("-f", "json", "--no-cache", "-j", "1", ".")[1])
    assert [f for f in _report(first) if f[3] == "NAM001"]
    reports = [first]
    for step in steps:
        _edit(project, step)
        cold = json.loads(run_cli("-f", "json", "--no-cache", "-j", "1", ".")[1])
        assert json.loads(run_cli("-f", "json", "-j", "1", ".")[1]) == cold, step
        assert json.loads(run_cli("-f", "json", "-j", "1", ".")[1]) == cold, step
        reports.append(json.dumps(cold))
    assert len(set(reports)) == len(reports)  # every step changed the report


# --- the stored diagnostics given back after an edit (checker.cache_diagnostics) ---------------


def _related_into(report: dict, path: str) -> list[tuple]:
    """The related places that other documents' findings have in ``path``: (finding's path, line, place's line)."""
    return [(f["path"], f["line"], r["line"]) for f in report["findings"] if f["path"] != path for r in f.get("related", ()) if r["path"] == path]


def test_an_edit_that_moves_lines_moves_the_related_places_other_documents_have_there(project, run_cli):
    _generated(project)
    first = json.loads(run_cli("-f", "json", "-j", "1", ".")[1])
    target = max(sorted({r["path"] for f in first["findings"] for r in f.get("related", ())}), key=lambda path: len(_related_into(first, path)))
    assert _related_into(first, target)
    moved = project / target
    text = moved.read_text(encoding="utf-8")
    # A sentence's space made a line break: the same offsets (so the same corpus findings), the lines after it moved.
    moved.write_text(text.replace(". ", ".\n", 1), encoding="utf-8")
    cold = json.loads(run_cli("-f", "json", "--no-cache", "-j", "1", ".")[1])
    assert [line for _, _, line in _related_into(cold, target)] != [line for _, _, line in _related_into(first, target)]
    assert [(f["path"], f["line"], f["column"], f["message"]) for f in cold["findings"] if f["path"] != target] == [
        (f["path"], f["line"], f["column"], f["message"]) for f in first["findings"] if f["path"] != target
    ]
    assert json.loads(run_cli("-f", "json", "-j", "1", ".")[1]) == cold
    assert json.loads(run_cli("-f", "json", "-j", "1", ".")[1]) == cold


def test_an_edit_that_changes_the_corpus_findings_on_other_documents_changes_them_there(project, run_cli):
    _generated(project)
    first = json.loads(run_cli("-f", "json", "-j", "1", ".")[1])
    _edit(project, "add a variant")  # docs/r03.md: two more slips, counted in the findings on the others
    cold = json.loads(run_cli("-f", "json", "--no-cache", "-j", "1", ".")[1])
    others = [[f for f in report["findings"] if f["path"] != "docs/r03.md"] for report in (first, cold)]
    assert others[0] != others[1]
    assert json.loads(run_cli("-f", "json", "-j", "1", ".")[1]) == cold


def test_an_edit_places_again_only_the_documents_whose_diagnostics_can_change(project, run_cli, monkeypatch):
    """A line added at the end of one document changes no other document's findings or related places: the
    others' diagnostics are the stored ones, and only the edited document's findings are placed again."""
    from checker import corpus_pass

    _generated(project)
    first = json.loads(run_cli("-f", "json", "-j", "1", ".")[1])
    paths = [f["path"] for f in first["findings"]]
    edited = project / max(sorted(set(paths)), key=paths.count)
    edited.write_text(edited.read_text(encoding="utf-8") + "Nothing else happened.\n", encoding="utf-8")
    cold = json.loads(run_cli("-f", "json", "--no-cache", "-j", "1", ".")[1])
    placed: list[str] = []
    resolve = corpus_pass.resolve

    def spy(finding, sheet, *args, **kwargs):
        placed.append(sheet.path)
        return resolve(finding, sheet, *args, **kwargs)

    monkeypatch.setattr(corpus_pass, "resolve", spy)
    assert json.loads(run_cli("-f", "json", "-j", "1", ".")[1]) == cold
    assert set(placed) == {edited.relative_to(project).as_posix()}
    assert len({f["path"] for f in cold["findings"]}) >= 3  # the others, given their stored diagnostics


def test_moved_from_counts_the_line_starts_two_indexes_share():
    from checker.cache_diagnostics import moved_from

    assert moved_from([0, 5, 9], [0, 5, 9, 14]) == 3
    assert moved_from([0, 5, 9], [0, 7, 11]) == 1
    assert moved_from([0, 5], [0, 5]) == 2


def test_the_corpus_findings_on_a_document_are_compared_in_the_order_they_are_reported():
    """Findings in another order, but for those at the same place, rule and message, give the same diagnostics:
    the digest a stored group is reused by is the same; findings alike in that order are not interchangeable."""
    from checker.cache_diagnostics import Placed
    from checker.finding import Finding

    a, b = Finding("NAM001", 5, 9, "one", path="x.md"), Finding("CON002", 1, 3, "two", path="x.md")
    tie, other = Finding("NAM001", 5, 9, "one", evidence="e", path="x.md"), Finding("NAM001", 5, 9, "one", evidence="f", path="x.md")

    def digest(*findings):
        return Placed(findings, None, {}, b"").digests["x.md"]

    assert digest(a, b) == digest(b, a)
    assert digest(tie, other) != digest(other, tie)
    assert digest(a, b) != digest(a)


def test_a_document_s_key_made_with_the_working_directory_asked_once_is_its_key(tmp_path, monkeypatch) -> None:
    import os

    from checker.cache import _key_of
    from checker.engine import Source

    monkeypatch.chdir(tmp_path)
    for file in ("a.md", "./docs/a.md", "docs/../a.md", "../elsewhere/a.md", str(tmp_path / "docs" / "a.md"), "docs//a.md", "/x/./y/../z.md"):
        source = Source(file, file=file)
        assert _key_of(source, os.getcwd()) == _key_of(source) == (file, os.path.abspath(file))

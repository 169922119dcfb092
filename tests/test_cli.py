"""The command line: exit codes, config errors, suppression, formats, inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CP1252 = "Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9 \u2014 \u201cquoted\u201d text.\n".encode("cp1252")


def test_clean_file_exits_0(project, run_cli):
    (project / "a.md").write_text("A clean sentence.\n", encoding="utf-8")
    code, out, _ = run_cli("a.md")
    assert code == 0 and "no findings" in out


def test_non_utf8_file_is_reported_and_exits_1(project, run_cli):
    (project / "legacy.txt").write_bytes(CP1252)
    code, out, _ = run_cli("--output-format", "concise", "legacy.txt")
    assert code == 1
    assert out.startswith("legacy.txt:1:4: ENC001 [warning] file is not valid UTF-8 (byte 0xE9 at byte offset 3, line 1)")


def test_fail_on_and_exit_zero(project, run_cli):
    (project / "legacy.txt").write_bytes(CP1252)
    assert run_cli("--fail-on", "error", "legacy.txt")[0] == 0
    assert run_cli("--exit-zero", "legacy.txt")[0] == 0
    (project / "factlint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    assert run_cli("legacy.txt")[0] == 0
    (project / "factlint.toml").write_text('[severity]\nENC001 = "error"\nfail-on = "error"\n', encoding="utf-8")
    # fail-on inside [severity] is a bad value there
    assert run_cli("legacy.txt")[0] == 2


def test_binary_file_is_skipped_with_a_notice(project, run_cli):
    (project / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    code, out, err = run_cli("image.txt")
    assert code == 2  # named explicitly, so not checking it fails the run (issue 19)
    assert "image.txt: skipped: binary file" in err
    assert "Traceback" not in err


def test_missing_path_is_exit_2(project, run_cli):
    code, _, err = run_cli("nope.md")
    assert code == 2 and "nope.md: no such file or directory" in err


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('selct = ["NUM"]\n', "unknown key 'selct'"),
        ('fail-on = "sometimes"\n', "fail-on"),
        ('[vocabulary]\naccpt = ["x"]\n', "unknown key 'vocabulary.accpt'"),
        ("this is not toml", "not valid TOML"),
        ('select = ["NOPE999"]\n', "unknown rule or prefix 'NOPE999'"),
    ],
)
def test_config_errors_exit_2_naming_key_and_file(project, run_cli, config, message):
    (project / "factlint.toml").write_text(config, encoding="utf-8")
    (project / "a.md").write_text("Fine.\n", encoding="utf-8")
    code, _, err = run_cli("a.md")
    assert code == 2
    assert message in err
    if "key" in message:
        assert "factlint.toml" in err


def test_pyproject_table_is_found_walking_up(tmp_path, monkeypatch, run_cli):
    (tmp_path / "pyproject.toml").write_text('[tool.factlint]\nfail-on = "error"\n', encoding="utf-8")
    sub = tmp_path / "docs" / "deep"
    sub.mkdir(parents=True)
    (sub / "legacy.txt").write_bytes(CP1252)
    monkeypatch.chdir(sub)
    code, out, _ = run_cli("config")
    assert code == 0 and 'fail-on = "error"' in out and str(tmp_path / "pyproject.toml") in out
    assert run_cli("legacy.txt")[0] == 0  # a warning does not fail with fail-on = error


def test_per_file_ignores_and_ignore(project, run_cli):
    (project / "legacy.txt").write_bytes(CP1252)
    assert run_cli("--ignore", "ENC", "legacy.txt")[0] == 0
    assert run_cli("--ignore", "non-utf8-file", "legacy.txt")[0] == 0
    (project / "factlint.toml").write_text('[per-file-ignores]\n"*.txt" = ["ENC001"]\n', encoding="utf-8")
    assert run_cli("legacy.txt")[0] == 0


def test_suppression_comments_and_unused_suppression(project, run_cli):
    doc = (
        "<!-- factlint-disable-next-line ENC001 -->\n"
        "Caf\u00e9 text.\n\n"
        "<!-- factlint-disable NUM -->\nMore.\n<!-- factlint-enable NUM -->\n"
    )
    (project / "a.md").write_bytes(doc.encode("cp1252"))
    code, out, _ = run_cli("-f", "concise", "--fail-on", "error", "a.md")
    lines = out.strip().splitlines()
    # ENC001 on line 2 is suppressed; the NUM range suppressed nothing: reported as info
    assert lines == ["a.md:4:1: TXT100 [info] suppression of NUM is unused: no finding was suppressed here"]
    assert code == 0


def test_disable_file_suppresses_everything(project, run_cli):
    (project / "a.md").write_bytes("<!-- factlint-disable-file -->\nCaf\u00e9.\n".encode("cp1252"))
    code, out, _ = run_cli("-f", "concise", "a.md")
    assert code == 0 and out == ""


def test_stdin_with_filename(project, run_cli, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CP1252)))
    code, out, _ = run_cli("-f", "concise", "--stdin-filename", "piped.txt", "-")
    assert code == 1 and out.startswith("piped.txt:1:4: ENC001")


def test_directories_honour_include_exclude_and_gitignore(project, run_cli):
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    (project / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    for name in ("docs/a.md", "docs/b.txt", "docs/c.rst", "ignored/d.md", "skip/e.md"):
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(CP1252)
    (project / "factlint.toml").write_text('exclude = ["skip/"]\n', encoding="utf-8")
    code, out, _ = run_cli("-f", "concise", ".")
    paths = sorted({line.split(":")[0] for line in out.splitlines()})
    assert paths == ["docs/a.md", "docs/b.txt"]
    # a file named explicitly is always linted
    code, out, _ = run_cli("-f", "concise", "skip/e.md")
    assert out.startswith("skip/e.md:")


def test_globs_see_the_paths_of_linked_files_and_each_document_is_read_once(project, run_cli):
    docs = project / "docs"
    docs.mkdir()
    (docs / "a.md").write_bytes(CP1252)
    (project / "outside").mkdir()
    (project / "outside" / "target.md").write_bytes(CP1252)
    (docs / "link.md").symlink_to(project / "outside" / "target.md")  # a linked file: globbed by its target
    (project / "mirror").symlink_to(docs, target_is_directory=True)  # os.walk does not follow it
    (project / "factlint.toml").write_text('exclude = ["outside/"]\n', encoding="utf-8")
    code, out, _ = run_cli("-f", "concise", "docs", "docs/a.md", "./docs/a.md")
    paths = [line.split(":")[0] for line in out.splitlines()]
    assert paths == ["docs/a.md"]  # named three ways, read once; link.md resolves into the excluded folder


def test_jobs_give_the_same_findings(project, run_cli):
    for index in range(12):
        (project / f"doc{index}.txt").write_bytes(CP1252 if index % 2 else b"Plain text.\n")
    serial = run_cli("-f", "json", "--jobs", "1", ".")
    parallel = run_cli("-f", "json", "--jobs", "2", ".")
    assert serial[0] == parallel[0] == 1
    assert json.loads(serial[1])["findings"] == json.loads(parallel[1])["findings"]
    assert len(json.loads(serial[1])["findings"]) == 6


def test_help_and_version(run_cli):
    with pytest.raises(SystemExit) as info:
        run_cli("--help")
    assert info.value.code == 0
    code, _, err = run_cli("--jobs", "0", ".")
    assert code == 2 and "--jobs" in err


def test_rule_and_rules_commands(run_cli):
    code, out, _ = run_cli("rule", "ENC001")
    assert code == 0 and "non-utf8-file" in out and "What it checks" in out
    code, out, _ = run_cli("rules")
    assert code == 0 and "TXT100" in out
    assert run_cli("rule", "XYZ123")[0] == 2


def test_facts_prints_a_fact_sheet(project, run_cli):
    (project / "a.md").write_text("# Title\n\nSome text.\n", encoding="utf-8")
    code, out, _ = run_cli("facts", "a.md")
    assert code == 0
    sheet = json.loads(out)
    assert sheet["path"] == "a.md" and sheet["format"] == "markdown"


def test_python_dash_m_and_console_script_agree(tmp_path):
    (tmp_path / "legacy.txt").write_bytes(CP1252)
    results = []
    for command in ([sys.executable, "-m", "checker"], [str(Path(sys.executable).parent / "factlint")]):
        proc = subprocess.run([*command, "-f", "concise", "--no-corpus", "legacy.txt"], cwd=tmp_path, capture_output=True, text=True)
        results.append((proc.returncode, proc.stdout))
    assert results[0] == results[1] and results[0][0] == 1


def test_directives_shown_inside_code_are_not_directives(project, run_cli):
    doc = (
        "```markdown\n<!-- factlint-disable-file -->\n```\n\n"
        "Inline `<!-- factlint-disable-file -->` is an example too.\n\n"
        "Caf\u00e9 text.\n"
    )
    (project / "a.md").write_bytes(doc.encode("cp1252"))
    code, out, _ = run_cli("-f", "concise", "a.md")
    assert code == 1
    assert out.splitlines() == [line for line in out.splitlines() if "ENC001" in line] and "ENC001" in out


def test_fix_on_stdin_is_a_usage_error(project, run_cli):
    code, _, err = run_cli("--fix", "-")
    assert code == 2 and "--fix cannot rewrite standard input" in err and "Traceback" not in err


def test_unreadable_file_is_a_clear_notice(project, run_cli):
    import os

    path = project / "locked.md"
    path.write_text("Text.\n", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root reads anything: nothing to test here
            pytest.skip("running as a user who can read any file")
        code, _, err = run_cli("locked.md")
        assert "locked.md: could not be read" in err and "Traceback" not in err
    finally:
        path.chmod(0o644)

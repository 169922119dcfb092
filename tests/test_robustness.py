"""Issue 19: one bad file must never break a run; terminal output never carries control sequences."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CP1252 = "Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9 \u2014 \u201cquoted\u201d text.\n".encode("cp1252")


# --- 1a. symlink loops --------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loop_is_skipped_with_a_notice(project, run_cli):
    (project / "ok.md").write_text("A clean sentence.\n", encoding="utf-8")
    os.symlink("b.md", project / "a.md")
    os.symlink("a.md", project / "b.md")
    for args in (("ok.md",), (".",)):  # the corpus walk, and the directory walk
        code, out, err = run_cli(*args)
        assert "Traceback" not in err and "internal error" not in err
        assert code == 0, err
        assert "a.md: skipped: symlink loop" in err
        assert "no findings in 1 document" in out


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_named_symlink_loop_is_an_error_not_a_crash(project, run_cli):
    os.symlink("b.md", project / "a.md")
    os.symlink("a.md", project / "b.md")
    code, _, err = run_cli("a.md")
    assert code == 2 and "a.md: symlink loop" in err and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_out_of_the_project_is_not_read_on_a_walk(tmp_path, monkeypatch, run_cli):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "creds.txt").write_text("password: hunter2\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "factlint.toml").write_text("", encoding="utf-8")
    (project / "ok.md").write_text("A clean sentence.\n", encoding="utf-8")
    os.symlink(secret / "creds.txt", project / "notes.txt")
    monkeypatch.chdir(project)
    code, out, err = run_cli(".")
    assert "hunter2" not in out and "hunter2" not in err
    assert "notes.txt: skipped: symlink to a file outside the project" in err
    assert code == 0, err
    assert "in 1 document" in out  # ok.md only
    code, out, _ = run_cli("ok.md", "notes.txt")  # named explicitly: the user asked for it
    assert "in 2 documents" in out


# --- 1b. malformed UTF-16 -----------------------------------------------------------


@pytest.mark.parametrize("data", [b"\xff\xfeA\x00B", b"\xfe\xff\x00A\xdc\x00\x00.", b"\xff\xfeA\x00 \x00\x00\xd8.\x00"])
def test_malformed_utf16_is_reported_not_a_crash(project, run_cli, data):
    (project / "ok.md").write_text("A clean sentence.\n", encoding="utf-8")
    (project / "u.md").write_bytes(data)
    code, out, err = run_cli("-f", "concise", "ok.md")  # found by the corpus walk only
    assert "Traceback" not in err and "internal error" not in err and code == 0
    code, out, err = run_cli("-f", "concise", "u.md")
    assert "Traceback" not in err and "internal error" not in err
    assert code == 1 and "u.md:1:" in out and "ENC001" in out and "read as utf-16" in out


# --- 1c. bad glob ranges ------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ('include = ["[z-a].md"]\n', "include"),
        ('exclude = ["docs/[z-a]*"]\n', "exclude"),
        ('[per-file-ignores]\n"[z-a].md" = ["NUM"]\n', "per-file-ignores"),
    ],
)
def test_bad_glob_range_is_a_config_error(project, run_cli, config, key):
    (project / "factlint.toml").write_text(config, encoding="utf-8")
    (project / "ok.md").write_text("A clean sentence.\n", encoding="utf-8")
    code, _, err = run_cli("ok.md")
    assert code == 2 and "Traceback" not in err and "internal error" not in err
    assert "factlint.toml" in err and key in err and "[z-a]" in err


# --- 1d. deeply nested TOML ---------------------------------------------------------

DEEP = "a = " + "[" * 5000 + "]" * 5000 + "\n"


def test_deep_parent_pyproject_without_our_table_is_skipped(tmp_path, monkeypatch, run_cli):
    from checker.config import find_config

    (tmp_path / "pyproject.toml").write_text(DEEP, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "ok.md").write_text("A clean sentence.\n", encoding="utf-8")
    monkeypatch.chdir(sub)
    assert find_config(sub) != tmp_path / "pyproject.toml"
    code, _, err = run_cli("--no-cache", "ok.md")
    assert code == 0 and "Traceback" not in err and "RecursionError" not in err


def test_deep_pyproject_with_our_table_is_a_config_error(tmp_path, monkeypatch, run_cli):
    (tmp_path / "pyproject.toml").write_text("[tool.factlint]\n" + DEEP, encoding="utf-8")
    (tmp_path / "ok.md").write_text("A clean sentence.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("--no-cache", "ok.md")
    assert code == 2 and "pyproject.toml: not valid TOML" in err and "Traceback" not in err


# --- 1e. FIFOs ----------------------------------------------------------------------


def _factlint(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo_in_the_project_does_not_hang(project):
    (project / "ok.md").write_text("A clean sentence.\n", encoding="utf-8")
    os.mkfifo(project / "x.md")
    for args in (("ok.md",), (".",)):
        result = _factlint(project, "--no-cache", *args)  # a hang raises TimeoutExpired
        assert result.returncode == 0, result.stderr
        assert "x.md: skipped: not a regular file" in result.stderr
    result = _factlint(project, "--no-cache", "x.md")
    assert result.returncode == 2 and "x.md: not a regular file" in result.stderr


# --- 2. terminal escape injection ---------------------------------------------------

EVIL_NAME = "e\x1b[2Jvil\u202eatxt.txt"


def test_printable_escapes_controls_and_keeps_normal_text():
    from checker.formatters import printable

    assert printable("Caf\u00e9 \u2014 \u201cok\u201d\ttab \u00e9") == "Caf\u00e9 \u2014 \u201cok\u201d\ttab \u00e9"
    assert printable("a\x1b[31mb\x07c\u202ed\x9be\nf\udcff") == "a\\x1b[31mb\\x07c\\u202ed\\x9be\\x0af\\udcff"


@pytest.mark.parametrize("fmt", ["full", "concise", "github"])
def test_no_control_characters_reach_the_terminal(project, run_cli, fmt):
    line = "Caf\u00e9 au lait \x1b]0;pwned\x07 and \u202ereversed\u202c text, na\u00efve r\u00e9sum\u00e9 in a longer sentence here.\n"
    try:
        (project / EVIL_NAME).write_bytes(_cp1252(line))
    except OSError:
        pytest.skip("file system refuses the name")
    code, out, err = run_cli("-f", fmt, "--color", "never", EVIL_NAME)
    assert code == 1, err
    for stream in (out, err):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
    assert "e\\x1b[2Jvil\\u202eatxt.txt" in out
    if fmt == "full":
        assert "\\x1b]0;pwned\\x07" in out


def _cp1252(text: str) -> bytes:
    # cp1252 cannot encode U+202E: put its UTF-8 bytes in raw, still not valid UTF-8 overall.
    return b"".join(c.encode("cp1252") if c not in "\u202e\u202c" else c.encode("utf-8") for c in text)


def test_full_caret_follows_escaped_text(project):
    from types import SimpleNamespace

    from checker.formatters import full

    path = "x.txt"
    target = Path(path)
    try:
        target.write_text("ab\x1bcd wrong here\n", encoding="utf-8")
        d = SimpleNamespace(path=path, line=1, column=7, end_line=1, end_column=12, rule="T001", message="m",
                            severity="warning", confidence="high", evidence=None, related=[], fix=None, name="t")
        import io

        stream = io.StringIO()
        full.render(SimpleNamespace(diagnostics=[d]), stream, quiet=True)
        lines = stream.getvalue().splitlines()
        source, caret = lines[1], lines[2]
        assert source.endswith("ab\\x1bcd wrong here")
        assert source.index("wrong") == caret.index("^") and caret.count("^") == 5
    finally:
        target.unlink()


def test_notice_about_a_control_character_file_name_is_escaped(project, run_cli):
    name = "bin\x1b[31m.txt"
    (project / name).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    code, _, err = run_cli(name)
    assert "\x1b" not in err and "bin\\x1b[31m.txt: skipped: binary file" in err


# --- 3. files named but not checked, and empty runs ---------------------------------


def test_named_binary_file_fails_the_run(project, run_cli):
    (project / "ok.md").write_text("A clean sentence.\n", encoding="utf-8")
    (project / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    code, _, err = run_cli("ok.md", "image.txt")
    assert code == 2 and "image.txt: skipped: binary file" in err
    assert "could not be checked" in err
    # Found by walking a directory, a binary file is only a notice.
    code, _, err = run_cli(".")
    assert code == 0 and "image.txt: skipped: binary file" in err


def test_named_unreadable_file_fails_the_run(project, run_cli):
    path = project / "locked.md"
    path.write_text("Text.\n", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file")
        code, _, err = run_cli("locked.md")
        assert code == 2 and "locked.md: could not be read" in err
    finally:
        path.chmod(0o644)


def test_zero_documents_is_an_error(project, run_cli):
    (project / "notes.rst").write_text("Not a format we lint.\n", encoding="utf-8")
    code, out, err = run_cli(".")
    assert code == 2 and "no documents were checked" in err


def test_one_nul_byte_does_not_turn_a_failing_file_into_a_pass(project, run_cli):
    text = "Pay the invoice.\n\nThe total is \u202e$100\u202c today.\n"
    (project / "doc.md").write_bytes(text.encode("utf-8"))
    code, out, _ = run_cli("doc.md")
    assert code == 1 and "ENC006" in out
    (project / "doc.md").write_bytes(text.encode("utf-8") + b"\x00\n")
    code, out, err = run_cli("doc.md")
    assert "binary" not in err
    assert code == 1 and "ENC006" in out


def test_mostly_nul_text_file_is_still_binary(project, run_cli):
    (project / "blob.txt").write_bytes(b"ab\x00\x00\x00\x00cd" * 100)
    code, _, err = run_cli("blob.txt")
    assert code == 2 and "binary file" in err


def test_stdin_full_format_shows_the_linted_text_not_the_file_on_disk(project, run_cli, monkeypatch):
    import io
    import sys

    (project / "x.md").write_text("A line on disk that is not what was linted.\n", encoding="utf-8")
    linted = "Revenue rose to $48.6 million from $31.2 million, an increase of 42%.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(linted.encode("utf-8"))))
    code, out, _ = run_cli("--stdin-filename", "x.md", "-")
    assert code == 1 and "NUM001" in out
    assert "an increase of 42%" in out and "not what was linted" not in out

"""Never pass on nothing: a run that checks no document exits 2 and says why; named paths are checked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "formats"
sys.path.insert(0, str(Path(__file__).parent / "formats"))
import make  # noqa: E402

DOUBLED = b"It was the the best result.\n"


def _write(project: Path, name: str, data: bytes = DOUBLED) -> None:
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@pytest.fixture
def repo(project):
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    return project


def test_a_named_directory_that_gitignore_ignores_is_linted(repo, run_cli) -> None:
    (repo / ".gitignore").write_text("build/\ndrafts/\n", encoding="utf-8")
    _write(repo, "build/report.md")
    _write(repo, "build/drafts/old.md")  # git reports the pattern that ignores build/ for it too
    _write(repo, "build/notes.rst")  # include and exclude still apply
    code, out, err = run_cli("-f", "concise", "--select", "TXT004", "build")
    assert code == 1, err
    assert [line.split(":")[0] for line in out.splitlines()] == ["build/drafts/old.md", "build/report.md"]
    # Walking the project still leaves the ignored directory out: nothing else to check, so exit 2.
    code, out, err = run_cli("-f", "concise", "--select", "TXT004", ".")
    assert code == 2 and "no documents were checked" in err


def test_a_named_file_that_gitignore_ignores_is_linted(repo, run_cli) -> None:
    (repo / ".gitignore").write_text("*.md\n", encoding="utf-8")
    _write(repo, "notes.md")
    code, out, _ = run_cli("-f", "concise", "--select", "TXT004", "notes.md")
    assert code == 1 and out.startswith("notes.md:1:8:")


def test_every_file_ignored_by_gitignore_says_so(repo, run_cli) -> None:
    (repo / ".gitignore").write_text("*.md\n", encoding="utf-8")
    _write(repo, "docs/a.md")
    code, _, err = run_cli("docs")
    assert code == 2
    assert "no document found in docs: 1 file(s) matching the include globs are ignored by .gitignore" in err


def test_everything_excluded_says_so(project, run_cli) -> None:
    (project / "factlint.toml").write_text('exclude = ["docs/"]\n', encoding="utf-8")
    _write(project, "docs/a.md")
    code, _, err = run_cli("docs")
    assert code == 2
    assert "no document found in docs: 1 file(s) matching the include globs are excluded" in err


def test_every_file_unsupported_says_so(project, run_cli) -> None:
    _write(project, "src/a.py", b"print('the the')\n")
    _write(project, "src/b.rst", DOUBLED)
    code, _, err = run_cli("src")
    assert code == 2
    assert "no document found in src: none of its 2 file(s) matches the include globs" in err


def test_an_empty_directory_says_so(project, run_cli) -> None:
    (project / "empty").mkdir()
    code, _, err = run_cli("empty")
    assert code == 2 and "no document found in empty: no files in it" in err


def test_named_binary_files_are_errors_naming_the_file(project, run_cli) -> None:
    _write(project, "logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    code, _, err = run_cli("logo.png")
    assert code == 2
    assert "logo.png: skipped: binary file" in err
    assert "error: logo.png: named on the command line, but could not be checked" in err


def test_the_four_formats_in_one_run_with_counts_by_format(project, run_cli) -> None:
    text = (Path(__file__).resolve().parents[1] / make.SEEDS[0]).read_text(encoding="utf-8")
    _write(project, "report.docx", make.as_docx(text))
    _write(project, "release.pdf", make.as_pdf(text))
    _write(project, "page.html", make.as_html(text))
    _write(project, "notes.md", text.replace("\\$", "$").encode())
    shutil.copy(DATA / "groff-report.pdf", project / "typeset.pdf")
    code, out, err = run_cli("--no-cache", "report.docx", "release.pdf", "page.html", "notes.md", "typeset.pdf")
    assert code == 1, err
    assert "in 5 documents (1 Word, 1 HTML, 1 Markdown, 2 PDF)." in out
    for name in ("report.docx", "release.pdf", "page.html", "notes.md"):
        assert f"\n{name}:" in "\n" + out
    assert "= at: paragraph" in out and "= at: page 2, line" in out


def test_all_clear_also_counts_by_format(project, run_cli) -> None:
    _write(project, "a.md", b"Fine text.\n")
    _write(project, "b.html", b"<p>Fine text.</p>\n")
    code, out, _ = run_cli("--no-cache", ".")
    assert code == 0
    assert "All clear: no findings in 2 documents (1 HTML, 1 Markdown)." in out

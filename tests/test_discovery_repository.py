"""``in_repository``: git is started to read .gitignore only where it could find a repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from checker import discovery

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git_sees_repository(directory: Path) -> bool:
    result = subprocess.run(["git", "-C", str(directory), "rev-parse", "--git-dir"], capture_output=True)
    return result.returncode == 0


@needs_git
def test_in_repository_agrees_with_git(tmp_path, monkeypatch):
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_CEILING_DIRECTORIES"):
        monkeypatch.delenv(name, raising=False)
    plain = tmp_path / "plain" / "deep"
    plain.mkdir(parents=True)
    repository = tmp_path / "repo"
    nested = repository / "docs" / "été"
    nested.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    linked = tmp_path / "linked"  # a worktree-like checkout: .git is a file naming the repository
    linked.mkdir()
    (linked / ".git").write_text(f"gitdir: {repository / '.git'}\n", encoding="utf-8")
    if _git_sees_repository(tmp_path):
        pytest.skip("the temporary directory is itself inside a git repository")
    for directory in (tmp_path, plain, plain.parent, repository, nested, linked):
        assert discovery.in_repository(directory) == _git_sees_repository(directory), directory


def test_git_is_not_started_outside_a_repository(tmp_path, monkeypatch):
    for name in ("GIT_DIR", "GIT_WORK_TREE"):
        monkeypatch.delenv(name, raising=False)
    if discovery.in_repository(tmp_path):
        pytest.skip("the temporary directory is itself inside a git repository")
    started = []
    monkeypatch.setattr(subprocess, "run", lambda *args, **kwargs: started.append(args))
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    assert discovery.git_ignore_patterns([tmp_path / "a.md"], tmp_path) == {}
    assert started == []


def test_a_repository_named_by_the_environment_counts(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_DIR", os.fspath(tmp_path / "elsewhere.git"))
    assert discovery.in_repository(tmp_path)


@needs_git
def test_gitignore_is_read_in_a_subdirectory_of_a_repository(tmp_path, monkeypatch):
    for name in ("GIT_DIR", "GIT_WORK_TREE"):
        monkeypatch.delenv(name, raising=False)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("*.log.md\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.md", "b.log.md"):
        (docs / name).write_text("Text.\n", encoding="utf-8")
    found = discovery.walk(docs, docs, ["*.md"], [], gitignore=True)
    assert [path.name for path in found] == ["a.md"]

"""The pre-commit hook, run the way pre-commit runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def _pre_commit(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(PRE_COMMIT), *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


@pytest.fixture(scope="module")
def available():
    if not PRE_COMMIT.exists() or shutil.which("git") is None:
        pytest.skip("pre-commit or git not installed")


def test_manifest_and_config_are_valid(available):
    assert _pre_commit("validate-manifest", ".pre-commit-hooks.yaml", cwd=ROOT).returncode == 0
    assert _pre_commit("validate-config", ".pre-commit-config.yaml", cwd=ROOT).returncode == 0


def test_try_repo_runs_the_hook_on_changed_files(available, tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-c", "user.email=ci@example.com", "-c", "user.name=ci", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / "clean.md").write_text("A clean sentence.\n", encoding="utf-8")
    (repo / "legacy.txt").write_bytes("Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9.\n".encode("cp1252"))
    (repo / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "init"], cwd=repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    result = _pre_commit("try-repo", str(ROOT), "factlint", "--all-files", "--verbose", cwd=repo, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "legacy.txt:1:4: ENC001" in output
    assert "image.png" not in output  # types_or keeps non-text files away from the hook

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check their examples, not how long each takes: on a loaded 2-core machine (CI's size) an
# example can pass hypothesis's default 200 ms deadline and fail a correct test.
settings.register_profile("factlint", deadline=None)
settings.load_profile("factlint")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project directory with a minimal config, as the working directory."""
    (tmp_path / "factlint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def run_cli(capsys):
    """Run ``factlint`` in-process; returns (exit code, stdout, stderr)."""
    from checker.cli import main

    def run(*args: str):
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run

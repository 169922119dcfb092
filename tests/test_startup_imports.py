"""What a warm one-file run imports: only what it uses (a pre-commit run pays for every import)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from checker import cli, discovery

# Modules a warm run on one unchanged file outside a git repository has no use for: subprocess starts git,
# tempfile writes cache files, shutil only measured the terminal for argparse, and hashlib and hmac load
# OpenSSL for hashes factlint does not use (checker.signing), inspect (with ast, dis, tokenize) is what
# dataclasses calls for a class without a docstring (checker.dataclass_code).
UNUSED = ("subprocess", "tempfile", "shutil", "hashlib", "hmac", "_hashlib", "ast", "dis", "tokenize")


def test_a_warm_one_file_run_imports_nothing_it_does_not_use(tmp_path):
    if discovery.in_repository(tmp_path):
        pytest.skip("the temporary directory is inside a git repository")
    (tmp_path / "factlint.toml").write_text("", encoding="utf-8")
    (tmp_path / "doc.md").write_text("The committee met on Tuesday, 3 March 2026.\n", encoding="utf-8")
    # The cache trusts a file's timestamps only once they are 2 s old (checker.cache): until then a run
    # reads the file again and, once they are, stores them; a warm run writes nothing.
    time.sleep(max(0.0, (tmp_path / "doc.md").stat().st_ctime + 2.1 - time.time()))
    # The corpus rules' modules too: the cache has their findings for a corpus that did not change.
    code = (
        f"import sys; from checker.cli import main; main(['--exit-zero', '-q', 'doc.md']);"
        f"print(','.join(name for name in sys.modules if name in {UNUSED!r} or name.startswith('checker.rules.')))"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env["XDG_CACHE_HOME"] = str(tmp_path / "user-cache")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True) for _ in range(2)]
    assert runs[1].returncode == 0, runs[1].stderr
    assert "checker.rules." in runs[0].stdout  # the first run did import rules, so the check below can fail
    assert runs[1].stdout.strip() == "", f"imported: {runs[1].stdout.strip()}"


@pytest.mark.parametrize("columns", [None, "50", "200", "0", "-3", "wide"])
def test_help_is_as_wide_as_shutil_says(monkeypatch, columns):
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert cli._columns() == shutil.get_terminal_size().columns


def test_help_wraps_at_the_terminal_width(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "60")
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    usage = capsys.readouterr().out.split("\n\n")[0].splitlines()  # the epilog is printed as written
    assert len(usage) > 3 and max(len(line) for line in usage) <= 60

"""Validated configurations are cached as signed plain data, keyed by the config file's bytes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from checker import config as config_module
from checker.config import load_settings

CONFIG = """\
include = ["**/*.md"]
time-limit = 5
[vocabulary]
accept = ["Lisaftoclax"]
[vocabulary.prefer]
"Lisaftoclax" = ["Lisafoclax"]
[dates.document-date]
"reports/*.md" = 2025-03-31
[rules.doubled-word]
allow = ["that"]
"""


def _project(tmp_path: Path) -> Path:
    (tmp_path / "factlint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / ".factlint_cache").mkdir()
    return tmp_path / "factlint.toml"


def test_read_back_equals_what_was_validated(tmp_path, monkeypatch):
    path = _project(tmp_path)
    validated = load_settings(path, cache=True)
    assert list((tmp_path / ".factlint_cache").glob("config-*.msgpack"))
    calls = []
    monkeypatch.setattr(config_module, "parse_settings", lambda *args, **kwargs: calls.append(args))
    cached = load_settings(path, cache=True)
    assert not calls, "an unchanged config file is not validated again"
    assert cached == validated and repr(cached) == repr(validated)  # repr keys the fact-sheet cache


def test_an_edited_or_forged_file_is_validated_again(tmp_path):
    path = _project(tmp_path)
    load_settings(path, cache=True)
    path.write_text(CONFIG.replace("time-limit = 5", "time-limit = 7"), encoding="utf-8")
    assert load_settings(path, cache=True).time_limit == 7.0
    stored = next((tmp_path / ".factlint_cache").glob("config-*.msgpack"))
    stored.write_bytes(b"0" * 64 + stored.read_bytes()[64:])  # a signature this user's key did not make
    assert load_settings(path, cache=True).time_limit == 7.0
    assert load_settings(path, cache=False) == load_settings(path, cache=True)


def test_a_warm_run_imports_no_pydantic(tmp_path):
    _project(tmp_path)
    (tmp_path / "doc.md").write_text("The committee met on Tuesday.\n", encoding="utf-8")
    code = "import sys; from checker.cli import main; main(['--exit-zero', '-q', 'doc.md']); sys.exit(3 if 'pydantic' in sys.modules else 0)"
    runs = [subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True) for _ in range(2)]
    assert runs[1].returncode == 0, runs[1].stderr

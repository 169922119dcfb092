"""Plugin discovery reads importlib.metadata only when an installed distribution declares factlint rules."""

from __future__ import annotations

import sys

from checker.registry import _declares_plugins


def test_the_scan_finds_a_distribution_that_declares_the_group(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert not _declares_plugins()
    dist = tmp_path / "house_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text("[console_scripts]\nx = y:z\n", encoding="utf-8")
    assert not _declares_plugins()
    (dist / "entry_points.txt").write_text("[factlint.rules]\nhouse = house_rules:RULES\n", encoding="utf-8")
    assert _declares_plugins()

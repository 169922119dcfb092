"""The progress bar: on a terminal's stderr for runs over a second, never in CI, never on stdout."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import struct
import sys
import termios
from unittest import mock

import pytest

from checker import progress
from checker.cli import main

CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILD_NUMBER", "BUILDKITE", "TF_BUILD")


@pytest.fixture
def documents(project, monkeypatch):
    for name in CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for index in range(12):
        (project / f"doc{index:02}.md").write_text(f"# Note {index}\n\nThe the meeting closed at noon.\n", encoding="utf-8")
    return project


class Terminal:
    """A pseudo-terminal: ``stream`` writes to it, ``read()`` returns what reached it."""

    def __init__(self) -> None:
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 100 columns wide
        self.stream = os.fdopen(follower, "w", encoding="utf-8", buffering=1)

    def read(self) -> str:
        self.stream.flush()
        chunks = []
        while select.select([self.leader], [], [], 0.2)[0]:
            chunks.append(os.read(self.leader, 65536))
        return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def terminal():
    opened = Terminal()
    yield opened
    opened.stream.close()
    os.close(opened.leader)


def run(capsys, terminal: Terminal, *args: str) -> tuple[int, str]:
    """``factlint`` with stderr on the terminal (patched here: capsys patches it again when the test starts)."""
    with mock.patch.object(sys, "stderr", terminal.stream):
        code = main(["--no-cache", "-j", "1", *args])
    return code, capsys.readouterr().out


def test_a_bar_on_a_terminal_once_the_run_is_long_enough(documents, terminal, capsys, monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)  # any run is "long"
    code, out = run(capsys, terminal, "-f", "json", ".")
    shown = terminal.read()
    assert code == 1
    assert "factlint:" in shown and "/12 [" in shown and "doc/s" in shown
    assert json.loads(out)["summary"]["documents"] == 12  # stdout holds the report alone


def test_no_bar_for_a_short_run(documents, terminal, capsys, monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 30.0)
    run(capsys, terminal, ".")
    assert "/12 [" not in terminal.read()


def test_no_bar_with_no_progress(documents, terminal, capsys, monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    run(capsys, terminal, "--no-progress", ".")
    assert "/12 [" not in terminal.read()


@pytest.mark.parametrize("variable", ["CI", "GITHUB_ACTIONS"])
def test_no_bar_in_ci_even_on_a_terminal(documents, terminal, capsys, monkeypatch, variable):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setenv(variable, "true")
    run(capsys, terminal, ".")
    assert "/12 [" not in terminal.read()


def test_no_bar_when_stderr_is_not_a_terminal(documents, capsys, monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    code = main(["--no-cache", "-j", "1", "-f", "sarif", "."])
    captured = capsys.readouterr()
    assert code == 1
    assert "/12 [" not in captured.err and "/12 [" not in captured.out
    json.loads(captured.out)


def test_progress_forces_a_bar_on_stderr_only(documents, capsys, monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    assert main(["--no-cache", "-j", "1", "--progress", "-f", "json", "."]) == 1
    captured = capsys.readouterr()
    assert "/12 [" in captured.err
    assert json.loads(captured.out)["summary"]["documents"] == 12


@pytest.mark.parametrize("cached", [False, True])
@pytest.mark.parametrize("jobs", [1, 2])
def test_every_document_is_counted_once(documents, jobs, cached):
    """In-process and in worker processes, cold and from the cache: the bar ends at the number of documents."""
    from checker.config import find_config, load_settings
    from checker.engine import run
    from checker.registry import resolve_selection
    from checker.sources import collect

    settings = load_settings(find_config(documents))
    rules = resolve_selection(list(settings.select), list(settings.ignore))
    sources, _ = collect(["."], settings, rules)
    cache = documents / "cache" if cached else None
    if cached:
        run(sources, settings, rules, jobs=jobs, cache_dir=cache)  # warm it
        (documents / "doc00.md").write_text("# Changed\n", encoding="utf-8")
    counted: list[int] = []
    run(sources, settings, rules, jobs=jobs, cache_dir=cache, progress=counted.append)
    assert sum(counted) == len(sources) == 12

"""Helpers for tests: lint in-memory documents through the whole engine."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from checker.config import Settings, parse_settings
from checker.engine import RunResult, Source, run
from checker.finding import Diagnostic
from checker.registry import resolve_selection


def settings_from(data: dict[str, Any] | None = None) -> Settings:
    """Settings from a ``[tool.factlint]``-shaped dict (validated like a config file)."""
    return parse_settings(data or {}, "<test>", ".")


def lint_sources(
    documents: dict[str, str | bytes],
    select: Iterable[str] = ("ALL",),
    config: dict[str, Any] | None = None,
    scope: Iterable[str] | None = None,
) -> RunResult:
    """Lint named in-memory documents; ``scope`` limits which report findings."""
    settings = settings_from(config)
    rules = resolve_selection(select, settings.ignore)
    in_scope = set(documents) if scope is None else set(scope)
    sources = [
        Source(path, data=text.encode("utf-8") if isinstance(text, str) else text, in_scope=path in in_scope)
        for path, text in documents.items()
    ]
    return run(sources, settings, rules, jobs=1)


def lint(text: str | bytes, select: Iterable[str] = ("ALL",), path: str = "doc.txt", config: dict[str, Any] | None = None) -> list[Diagnostic]:
    """Diagnostics for one in-memory document."""
    return lint_sources({path: text}, select, config).diagnostics


def unchanged_outside(before: str, after: str, spans: list[tuple[int, int]]) -> bool:
    """Whether ``after`` is ``before`` with only the given spans replaced (by anything)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pattern, position = [], 0
    for start, end in merged:
        pattern.append(re.escape(before[position:start]))
        pattern.append("(?s:.*?)")
        position = end
    pattern.append(re.escape(before[position:]))
    return re.fullmatch("".join(pattern), after) is not None


# --- planted-defect sets: documents with a TOML list of defects and traps, each a file, line and text ---


def entry_span(documents: dict[str, str], entry: dict) -> tuple[str, int, int, int]:
    """(file, line, first column, last column) of a planted entry's text."""
    column = documents[entry["file"]].splitlines()[entry["line"] - 1].index(entry["text"]) + 1
    return entry["file"], entry["line"], column, column + len(entry["text"])


def planted_score(
    documents: dict[str, str], defects: list[dict], diagnostics: list[Diagnostic], end_inclusive: bool = False
) -> tuple[list[dict], list[dict], list[str]]:
    """The defects found (a finding of their rule on their line that starts within their text), those
    missed, and every finding that matched no defect ("path:line:column: rule message")."""
    found: list[dict] = []
    matched: set[int] = set()
    for defect in defects:
        path, line, first, last = entry_span(documents, defect)
        last += 1 if end_inclusive else 0
        hits = [d for d in diagnostics if (d.path, d.line, d.rule) == (path, line, defect["rule"]) and first <= d.column < last]
        if hits:
            found.append(defect)
            matched.update(id(d) for d in hits)
    missed = [d for d in defects if d not in found]
    false = [f"{d.path}:{d.line}:{d.column}: {d.rule} {d.message}" for d in diagnostics if id(d) not in matched]
    return found, missed, false


def trap_hits(documents: dict[str, str], traps: list[dict], diagnostics: list[Diagnostic]) -> list[tuple[str, str]]:
    """(trap text, finding) for every finding that overlaps a trap's text."""
    noisy = []
    for trap in traps:
        _, line, first, last = entry_span(documents, trap)
        start, end = (line, first), (line, last)
        for d in diagnostics:
            if d.path == trap["file"] and (d.line, d.column) < end and start < (d.end_line, d.end_column):
                noisy.append((trap["text"], f"{d.line}:{d.column} {d.rule} {d.message}"))
    return noisy

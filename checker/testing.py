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

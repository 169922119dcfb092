"""Rule documentation: ``factlint rule CODE``, ``factlint rules`` and the README table."""

from __future__ import annotations

import inspect
import json
from typing import Any

from checker.rule import Rule


def render_rule(rule: type[Rule]) -> str:
    """A rule's documentation as plain text."""
    header = f"{rule.code} {rule.name} ({rule.category}, default severity: {rule.severity}, default confidence: {rule.confidence})"
    fixable = ""
    body = inspect.cleandoc(rule.__doc__ or "")
    return f"{header}\n{'=' * len(header)}\n\n{body}{fixable}\n"


def rules_table(fmt: str = "text") -> str:
    """Every rule as a text table, a Markdown table (the README's) or JSON."""
    from checker.registry import all_rules

    rules = all_rules()
    if fmt == "json":
        return json.dumps(
            [{"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
              "confidence": r.confidence, "scope": r.scope, "default": r.default_enabled, "summary": r.summary()} for r in rules],
            indent=2,
        )
    if fmt == "markdown":
        lines = ["| Code | Name | Category | Severity | Confidence | What it reports |", "|---|---|---|---|---|---|"]
        for r in rules:
            summary = r.summary().replace("|", "\\|")
            if not r.default_enabled:
                summary += " (off by default)"
            lines.append(f"| `{r.code}` | `{r.name}` | {r.category} | {r.severity} | {r.confidence} | {summary} |")
        return "\n".join(lines)
    width = max((len(r.name) for r in rules), default=4)
    return "\n".join(f"{r.code}  {r.name:<{width}}  {r.category:<8}  {r.severity:<7}  {r.summary()}" for r in rules)


def options_table() -> str:
    """The options of every rule that has any, as the README's Markdown table."""
    from checker.registry import all_rules

    lines = ["| Rule | Option | Type | Default | Meaning |", "|---|---|---|---|---|"]
    for rule in all_rules():
        if rule.Options is None:
            continue
        meanings = _option_meanings(rule)
        for name, value in _option_defaults(rule.Options):
            kind = "list of strings" if isinstance(value, tuple) else type(value).__name__
            default = json.dumps(list(value) if isinstance(value, tuple) else value)
            meaning = meanings.get(name, "").strip().replace("|", "\\|")
            lines.append(f"| `{rule.name}` ({rule.code}) | `{name}` | {kind} | `{default}` | {meaning} |")
    return "\n".join(lines)


def _option_defaults(options: Any) -> list[tuple[str, Any]]:
    """(key as written in the config, default) of each option: a dataclass's fields, or a plugin's pydantic model's."""
    import dataclasses

    if dataclasses.is_dataclass(options):
        return [(f.metadata.get("alias", f.name.replace("_", "-")), f.default) for f in dataclasses.fields(options)]
    return [(f.alias or key.replace("_", "-"), f.default) for key, f in options.model_fields.items()]


def _option_meanings(rule: type[Rule]) -> dict[str, str]:
    """Each option's first sentence in the docstring's Options section (````name````: meaning)."""
    import re

    from checker.rule import doc_sections

    section = " ".join(doc_sections(rule).get("Options", "").split())
    return {m["name"]: m["meaning"] for m in re.finditer(r"``(?P<name>[\w-]+)``: (?P<meaning>[^.;(]*)", section)}

"""Rule documentation: ``factlint rule CODE``, ``factlint rules`` and the README table."""

from __future__ import annotations

import inspect
import json

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
        for key, field in rule.Options.model_fields.items():
            name = field.alias or key.replace("_", "-")
            kind = "list of strings" if isinstance(field.default, tuple) else type(field.default).__name__
            default = json.dumps(list(field.default) if isinstance(field.default, tuple) else field.default)
            meaning = meanings.get(name, "").strip().replace("|", "\\|")
            lines.append(f"| `{rule.name}` ({rule.code}) | `{name}` | {kind} | `{default}` | {meaning} |")
    return "\n".join(lines)


def _option_meanings(rule: type[Rule]) -> dict[str, str]:
    """Each option's first sentence in the docstring's Options section (````name````: meaning)."""
    import re

    from checker.rule import doc_sections

    section = " ".join(doc_sections(rule).get("Options", "").split())
    return {m["name"]: m["meaning"] for m in re.finditer(r"``(?P<name>[\w-]+)``: (?P<meaning>[^.;(]*)", section)}

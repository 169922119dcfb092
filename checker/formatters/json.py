"""``json``: the stable, versioned findings contract (see README, "JSON output")."""

from __future__ import annotations

import json

from checker.formatters import edits_json, summary

VERSION = 1


def findings_json(result) -> dict:
    sheets = {sheet.path: sheet for sheet in result.sheets}
    findings = []
    for d in result.diagnostics:
        item = {
            "path": d.path,
            "line": d.line,
            "column": d.column,
            "end_line": d.end_line,
            "end_column": d.end_column,
            "rule": d.rule,
            "name": d.name,
            "category": d.category,
            "severity": d.severity,
            "confidence": d.confidence,
            "message": d.message,
        }
        if d.location is not None:
            item["location"] = d.location
        if d.evidence:
            item["evidence"] = d.evidence
        if d.related:
            item["related"] = [
                {"path": r.path, "line": r.line, "column": r.column, "end_line": r.end_line,
                 "end_column": r.end_column, **({"message": r.message} if r.message else {})}
                for r in d.related
            ]
        fix = edits_json(d, sheets)
        if fix is not None:
            item["fix"] = fix
        findings.append(item)
    return {"version": VERSION, "findings": findings, "summary": summary(result)}


def render(result, stream, settings=None, color=False, quiet=False) -> None:
    json.dump(findings_json(result), stream, indent=2, ensure_ascii=False)
    stream.write("\n")

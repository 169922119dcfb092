"""``sarif``: SARIF 2.1.0, rules in ``tool.driver.rules``, evidence from other
places (and other documents) as ``relatedLocations``. Columns count Unicode
code points (``columnKind: unicodeCodePoints``). Each result's
``partialFingerprints`` holds the baseline's content key, hashed
(checker.baseline), so code scanning follows an alert across commits that
move it. A safe fix is a ``fixes`` entry with its ``artifactChanges``; each
rule carries its documentation as ``help`` (text and Markdown) and a
``helpUri``; the run carries its ``invocations`` (exit status, stale baseline
entries and skipped files as notifications) and ``automationDetails``; and the
log stays within GitHub code scanning's upload limits
(checker.formatters.sarif_scanning).
"""

from __future__ import annotations

import inspect
import json
from dataclasses import replace
from pathlib import Path

from checker import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# The partialFingerprints entry: the baseline's content key (rule, document, text, its line), hashed.
FINGERPRINT = "factlintContentKey/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


_RANK = {"high": 90.0, "medium": 60.0, "low": 30.0}


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": max(end_column, 1)}


def _location(path: str, region: dict, message: str | None = None, ident: int | None = None) -> dict:
    loc: dict = {"physicalLocation": {"artifactLocation": {"uri": path.replace("\\", "/")}, "region": region}}
    if ident is not None:
        loc["id"] = ident
    if message:
        loc["message"] = {"text": message}
    return loc


def sarif_log(result, root: Path | None = None) -> dict:
    """The SARIF log of a run; document paths in fingerprints are relative to ``root`` (default: cwd)."""
    from checker.baseline import fingerprint, keys
    from checker.formatters.sarif_scanning import HELP_URI, MAX_RELATED, fixes, invocation, rule_help, within_limits

    rules = sorted(result.rules, key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    driver_rules = []
    for r in rules:
        driver_rules.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary()},
                "fullDescription": {"text": inspect.cleandoc(r.__doc__ or "")},
                "help": rule_help(r),
                "helpUri": HELP_URI,
                "defaultConfiguration": {"level": _LEVEL[r.severity]},
                "properties": {"category": r.category, "confidence": r.confidence},
            }
        )
    results = []
    sheets = {document.path: document for document in getattr(result, "documents", ())}
    reported, omitted = within_limits(result.diagnostics)
    # Keys only for the results kept (a key reads its document again).
    content_keys = keys(replace(result, diagnostics=reported) if omitted else result, root or Path.cwd())
    for d, key in zip(reported, content_keys):
        if d.location is None:
            location = _location(d.path, _region(d.line, d.column, d.end_line, d.end_column))
        else:
            # A Word or PDF document has no lines of text a viewer could show: the place is a
            # logical location ("table 2, row 3, cell 4"), with factlint's line and column as properties.
            location = {
                "physicalLocation": {"artifactLocation": {"uri": d.path.replace("\\", "/")}},
                "logicalLocations": [{"name": d.location, "kind": "element"}],
                "properties": {"line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column},
            }
        item = {
            "ruleId": d.rule,
            "ruleIndex": index[d.rule],
            "level": _LEVEL[d.severity],
            "message": {"text": d.message + (f" ({d.evidence})" if d.evidence else "")},
            "locations": [location],
            "partialFingerprints": {FINGERPRINT: fingerprint(key)},
            # SARIF's rank (0-100) orders results by how sure the tool is; confidence is factlint's own word.
            "rank": _RANK[d.confidence],
            "properties": {"confidence": d.confidence},
        }
        if d.related:
            item["relatedLocations"] = [
                _location(r.path, _region(r.line, r.column, r.end_line, r.end_column), r.message or None, i)
                for i, r in enumerate(d.related[:MAX_RELATED])
            ]
            if len(d.related) > MAX_RELATED:
                item["properties"]["relatedLocationsLeftOut"] = len(d.related) - MAX_RELATED
        changes = fixes(d, sheets.get(d.path), d.path.replace("\\", "/"))
        if changes:
            item["fixes"] = changes
        results.append(item)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factlint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/factlint/",
                        "rules": driver_rules,
                    }
                },
                "automationDetails": {"id": "factlint/"},
                "invocations": [invocation(result, omitted)],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(result, stream, settings=None, color=False, quiet=False) -> None:
    root = Path(settings.root) if settings is not None else None
    json.dump(sarif_log(result, root), stream, indent=2, ensure_ascii=False)
    stream.write("\n")

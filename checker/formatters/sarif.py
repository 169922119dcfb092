"""``sarif``: SARIF 2.1.0, rules in ``tool.driver.rules``, evidence from other
places (and other documents) as ``relatedLocations``. Columns count Unicode
code points (``columnKind: unicodeCodePoints``). Each result's
``partialFingerprints`` holds the baseline's content key, hashed
(checker.baseline), so code scanning follows an alert across commits that
move it.
"""

from __future__ import annotations

import inspect
import json
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
                "defaultConfiguration": {"level": _LEVEL[r.severity]},
                "properties": {"category": r.category, "confidence": r.confidence},
            }
        )
    results = []
    content_keys = keys(result, root or Path.cwd())
    for d, key in zip(result.diagnostics, content_keys):
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
                for i, r in enumerate(d.related)
            ]
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
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(result, stream, settings=None, color=False, quiet=False) -> None:
    root = Path(settings.root) if settings is not None else None
    json.dump(sarif_log(result, root), stream, indent=2, ensure_ascii=False)
    stream.write("\n")

"""Runs every rule's case table: tests/rules/cases/<CODE>.toml.

A table has ``[[pass]]`` cases (no finding of the rule), ``[[fail]]`` cases
(exactly the expected findings of the rule, in order) and optional
``[[fix]]`` cases (text after applying the rule's fixes). A case gives
``text`` (one document, ``path`` optional, default ``doc.txt``) or
``documents`` (path -> text, for corpus rules, with ``scope`` optional),
``encoding`` (the text's bytes are written in that encoding, default UTF-8), and
may give ``config`` (a ``[tool.factlint]`` table). Expected findings give
``line`` and ``column`` (1-based), optionally ``path``, ``end_line``,
``end_column``, ``message`` (a substring), ``severity`` and ``confidence``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checker.fixes import apply_fixes
from checker.testing import lint_sources

CASES = Path(__file__).parent / "cases"


def _load():
    for table in sorted(CASES.glob("*.toml")):
        code = table.stem
        data = tomllib.loads(table.read_text(encoding="utf-8"))
        for kind in ("pass", "fail", "fix"):
            for case in data.get(kind, []):
                yield pytest.param(code, kind, case, id=f"{code}-{kind}-{case['id']}")


def _documents(case: dict) -> dict[str, str | bytes]:
    if "documents" in case:
        return dict(case["documents"])
    text = case["text"]
    return {case.get("path", "doc.txt"): text.encode(case["encoding"]) if "encoding" in case else text}


@pytest.mark.parametrize(("code", "kind", "case"), list(_load()))
def test_case(code: str, kind: str, case: dict) -> None:
    documents = _documents(case)
    result = lint_sources(documents, select=[code], config=case.get("config"), scope=case.get("scope"))
    found = [d for d in result.diagnostics if d.rule == code]
    if kind == "pass":
        assert found == [], "\n".join(f"{d.path}:{d.line}:{d.column} {d.message}" for d in found)
    elif kind == "fail":
        expected = case["expect"]
        assert len(found) == len(expected), "\n".join(f"{d.path}:{d.line}:{d.column} {d.message}" for d in found)
        for diagnostic, want in zip(found, expected):
            assert (diagnostic.line, diagnostic.column) == (want["line"], want["column"]), diagnostic.message
            if "path" in want:
                assert diagnostic.path == want["path"]
            if "end_line" in want:
                assert diagnostic.end_line == want["end_line"]
            if "end_column" in want:
                assert diagnostic.end_column == want["end_column"]
            if "message" in want:
                assert want["message"] in diagnostic.message
            if "severity" in want:
                assert diagnostic.severity == want["severity"]
            if "confidence" in want:
                assert diagnostic.confidence == want["confidence"], diagnostic.evidence
    else:
        (path, text), = documents.items()
        fixed = apply_fixes(text, found, unsafe=case.get("unsafe", False))
        assert fixed == case["fixed"]

"""Recall on planted numeric defects, and no finding on the traps beside them.

The documents in ``tests/data/planted/numbers`` are written in several genres
(earnings releases, an airline traffic report, a clinical trial summary, a
municipal budget, a central-bank commentary, research and election news, an
insurer's annual statement and results release, a university enrolment
report, sports season statistics, a real-estate market note, a charity's
impact report and press release), in plain text and Markdown, and are
linted as one corpus, so that facts conflicting between two of them are found.
``expected.toml`` lists every planted defect with the rule that should report
it, and every trap (a claim that is right within rounding, points correctly
labelled, "of which" subsets, approximations, qualified growth...), each with
the arithmetic that decides it, which is verified here too.
"""

from __future__ import annotations

import ast
import operator
import tomllib
from pathlib import Path

from checker.testing import lint_sources

FOLDER = Path(__file__).parent / "data" / "planted" / "numbers"
EXPECTED = tomllib.loads((FOLDER / "expected.toml").read_text(encoding="utf-8"))
# Recall reached: 49 of 49.
MIN_FOUND = 49

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv, ast.Pow: operator.pow}


def _value(expression: str) -> float:
    """A plain arithmetic expression evaluated (numbers, + - * / ** and parentheses only)."""

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return float(_OPS[type(node.op)](walk(node.left), walk(node.right)))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        raise ValueError(f"not plain arithmetic: {expression!r}")

    return walk(ast.parse(expression, mode="eval"))


def _documents() -> list[Path]:
    return sorted(p for p in FOLDER.iterdir() if p.suffix in (".txt", ".md"))


def _findings() -> set[tuple[str, int, str]]:
    texts: dict[str, str | bytes] = {path.name: path.read_text(encoding="utf-8") for path in _documents()}
    return {(d.path, d.line, d.rule) for d in lint_sources(texts, select=["NUM"]).diagnostics}


def test_the_set_is_large_and_varied() -> None:
    files = {path.name for path in _documents()}
    assert set(EXPECTED["genres"]) == files
    assert len(files) >= 12 and len(set(EXPECTED["genres"].values())) >= 8
    assert len(EXPECTED["defect"]) >= 30 and len(EXPECTED["trap"]) >= 50
    rules = {entry["rule"] for entry in EXPECTED["defect"]}
    assert {"NUM001", "NUM002", "NUM003", "NUM004", "NUM005", "NUM007", "NUM101"} <= rules
    assert sum(entry["rule"] == "NUM101" for entry in EXPECTED["defect"]) >= 5
    assert sum(entry["rule"] == "NUM007" for entry in EXPECTED["defect"]) >= 4


def test_every_entry_points_at_its_line_and_its_arithmetic_holds() -> None:
    lines = {path.name: path.read_text(encoding="utf-8").splitlines() for path in _documents()}
    for table, defect in (("defect", True), ("trap", False)):
        for entry in EXPECTED[table]:
            where = f"{entry['file']}:{entry['line']}"
            assert lines[entry["file"]][entry["line"] - 1].strip(), f"{where} is blank"
            if "also" in entry:
                assert lines[entry["also"]["file"]][entry["also"]["line"] - 1].strip(), f"{where}: its other place is blank"
            kind, stated, tolerance = entry["kind"], entry["stated"], entry["tolerance"]
            if kind == "none":
                assert not defect, f"{where}: a defect must be checkable"
                continue
            value = _value(entry["check"])
            if kind == "value":
                wrong = abs(value - stated) > tolerance
            elif kind == "sign":
                wrong = (value > 0) != (stated > 0)
            else:
                assert kind == "subset", where
                wrong = value > stated
            assert wrong == defect, f"{where}: {entry['check']} = {value:.4g}, stated {stated} ({entry['note']})"


def test_recall_and_no_false_positive() -> None:
    found = _findings()
    planted = {(e["file"], e["line"], e["rule"]) for e in EXPECTED["defect"]}
    # A conflict between two documents is reported at both places; the other place is expected too.
    others = {(e["also"]["file"], e["also"]["line"], e["rule"]) for e in EXPECTED["defect"] if "also" in e}
    caught = planted & found
    missed = sorted(planted - found)
    print(f"planted numeric defects: {len(caught)} of {len(planted)} found; missed: {missed}")
    assert found <= planted | others, f"findings that are not planted defects: {sorted(found - planted - others)}"
    assert others <= found, f"a conflict reported at one place only: {sorted(others - found)}"
    assert len(caught) >= MIN_FOUND, f"recall fell: {len(caught)} of {len(planted)}; missed {missed}"

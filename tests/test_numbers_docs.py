"""The examples in the NUM rules' documentation do what the documentation says."""

from __future__ import annotations

import re

import pytest

from checker.registry import all_rules
from checker.rule import doc_sections
from checker.testing import lint

RULES = [rule for rule in all_rules() if rule.code.startswith("NUM0")]


def _blocks(example: str, title: str) -> list[str]:
    """The indented paragraphs under ``title::`` in an Example section."""
    match = re.search(rf"{title}::\n(.*?)(?=\n\S|\Z)", example, re.S)
    assert match, title
    paragraphs = re.split(r"\n\s*\n", match.group(1).strip("\n"))
    return [" ".join(line.strip() for line in p.splitlines()) for p in paragraphs if p.strip()]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_documented_examples(rule):
    example = doc_sections(rule)["Example"]
    for text in _blocks(example, "Flagged"):
        assert [d.rule for d in lint(text, select=[rule.code])] == [rule.code], text
    for text in _blocks(example, "Passes"):
        assert lint(text, select=[rule.code]) == [], text

"""The hand-written Markdown reader against a CommonMark parser (markdown-it-py) on the golden documents.

factlint keeps its own reader (see the README, "Markdown: why not a CommonMark parser"); this test
keeps it honest: on the golden set's Markdown documents (the project's own, and the shared corpora
as Markdown when present) both read the same words as prose in at least 90% of the documents, once
factlint's documented choices are applied to the parser's output (front matter, bare URLs and HTML
block text). ``python bench/markdown_compare.py --spec spec.txt --show 20`` prints the differences.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MIN_AGREEMENT = 0.90


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(f"factlint_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_factlint_and_commonmark_read_the_same_prose() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    compare = _bench("markdown_compare")
    with_prose, agree, differing = compare.compare(compare.golden_markdown(), markdown_it.MarkdownIt("commonmark"))
    assert with_prose >= 3
    assert agree / with_prose >= MIN_AGREEMENT, [name for name, _, _ in differing]


def test_the_spec_reader_finds_examples(tmp_path) -> None:
    compare = _bench("markdown_compare")
    fence = "`" * 32
    (tmp_path / "spec.txt").write_text(f"# Tabs\n\n{fence} example\n\tfoo\n.\n<pre>\n{fence}\n", encoding="utf-8")
    assert compare.spec_examples(tmp_path / "spec.txt") == [(1, "Tabs", "\tfoo\n")]

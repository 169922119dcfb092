"""The seeds, end to end, for the encoding family (ENC).

Seed 004 holds two runs of PDF-extraction garbage (a Chinese title rendered
through a font without a Unicode map): each must be reported once by
garbled-text, spanning the whole run. Nothing else in either seed is an
encoding problem.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.testing import lint

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _read(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def _run(text: str, before: str, after: str) -> tuple[int, int]:
    """The span between two delimiting strings: where a garbled run sits in the seed."""
    start = text.index(before) + len(before)
    end = text.index(after, start)
    return start, end


def test_both_garbled_runs_of_seed_004_are_reported_each_spanning_its_run():
    text = _read("004_c8cbabc9fea894ab.txt")
    found = [d for d in lint(text, select=["ENC"]) if d.rule == "ENC003"]
    expected = [
        _run(text, "Order No. 27)* (", ")) and the announcement"),
        _run(text, "(No. 82 of 2020)* (", ")) implemented"),
    ]
    assert [(d.start, d.end) for d in found] == expected
    for diagnostic in found:
        assert diagnostic.name == "garbled-text"
        assert "garbled text" in diagnostic.message
        assert diagnostic.evidence and "scripts:" in diagnostic.evidence


@pytest.mark.parametrize("name", ["002_e270d6855d8f2230.txt", "004_c8cbabc9fea894ab.txt"])
def test_no_other_encoding_finding_in_the_seeds(name):
    text = _read(name)
    others = [d for d in lint(text, select=["ENC"]) if d.rule != "ENC003"]
    assert others == [], [f"{d.line}:{d.column} {d.rule} {d.message}" for d in others]
    if name.startswith("002"):
        assert list(lint(text, select=["ENC"])) == []


def test_seeds_also_read_as_markdown_give_the_same_encoding_findings():
    text = _read("004_c8cbabc9fea894ab.txt")
    as_text = [(d.rule, d.start, d.end) for d in lint(text, select=["ENC"], path="seed.txt")]
    as_markdown = [(d.rule, d.start, d.end) for d in lint(text, select=["ENC"], path="seed.md")]
    assert as_text == as_markdown

"""The encoding facts are computed once per document, however many rules read them."""

from __future__ import annotations

import pytest

import checker.extract.garbled
import checker.extract.mojibake_repairs
from checker.testing import lint_sources

TEXT = (
    "The Caf\ufffd Royal; Ascent\u0430ge Pharma; the Provisions (\u1599\u06dc\u0d57\u0305\u104d\u0b23\u136c);"
    " the company\u00e2\u20ac\u2122s office.\n"
)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    counts = {"garbled": 0, "mojibake": 0}
    garbled, mojibake = checker.extract.garbled.garbled_runs, checker.extract.mojibake_repairs.mojibake_repairs

    def count_garbled(prose: str):
        counts["garbled"] += 1
        return garbled(prose)

    def count_mojibake(prose: str):
        counts["mojibake"] += 1
        return mojibake(prose)

    monkeypatch.setattr(checker.extract.garbled, "garbled_runs", count_garbled)
    monkeypatch.setattr(checker.extract.mojibake_repairs, "mojibake_repairs", count_mojibake)
    return counts


def test_garbled_runs_and_repairs_once_per_document(calls: dict[str, int]) -> None:
    result = lint_sources({"a.txt": TEXT, "b.txt": TEXT}, select=["ENC"])
    rules = {d.rule for d in result.diagnostics}
    assert {"ENC002", "ENC003", "ENC004", "ENC007"} <= rules
    assert calls == {"garbled": 2, "mojibake": 2}


def test_ascii_documents_compute_nothing(calls: dict[str, int]) -> None:
    lint_sources({"a.txt": "Plain ASCII prose, nothing to see.\n"}, select=["ENC"])
    assert calls == {"garbled": 0, "mojibake": 0}


def test_non_ascii_characters_are_the_distinct_characters_outside_ascii():
    from checker.extract.unicode_chars import non_ascii_characters

    text = "a\x00\x7f caf\u00e9 \u20ac5 \U0001f600\ud800 \u00e9\u00e9 end"
    assert non_ascii_characters(text) == {ch for ch in text if ord(ch) > 0x7F} == {"\u00e9", "\u20ac", "\U0001f600", "\ud800"}
    assert non_ascii_characters("plain ASCII\x7f") == frozenset()
    assert non_ascii_characters("") == frozenset()

"""Recall and false positives of the consistency rules on planted defects in several genres.

``tests/data/planted/consistency/`` holds documents written for this project (a
clinical study report, a style-guided magazine feature, a UK council notice, a
US press release, a technical manual, a grant proposal, an earnings-call
transcript, a product page, and a company's quarterly update and investor
letter) with inconsistencies planted in them (brackets
and quotes left open, one compound hyphenated and not, in one document or in
two related ones, British and American
spellings, a term capitalised two ways, numbers in two styles, an acronym never
defined) and traps: correct text that a naive rule would flag (list markers,
intervals, primes, apostrophes, quotations continued over paragraphs, "well
known" after a verb, "re-cover", a British computer "program", names, titles,
years, tables). ``expected.toml`` lists them.

Every CON rule runs, including those off by default, and CON005 with
``numbers = "consistent"`` (a school newsletter and a field report hold small
numbers written both ways, and the traps the style guides' exceptions). A defect is found when
its rule reports a finding that starts inside its text on its line; every
finding must be a planted defect, and no finding may touch a trap. Run with
``-s`` to see the recall table.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from checker.testing import lint_sources, planted_score, trap_hits

FOLDER = Path(__file__).resolve().parent / "data" / "planted" / "consistency"
MIN_RECALL = 0.90
CONFIG = {"rules": {"number-style": {"numbers": "consistent"}}}


def _expected() -> dict:
    return tomllib.loads((FOLDER / "expected.toml").read_text(encoding="utf-8"))


def _documents() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(FOLDER.iterdir()) if p.suffix in {".txt", ".md"}}


@pytest.fixture(scope="module")
def diagnostics():
    return [d for d in lint_sources(_documents(), select=["CON"], config=CONFIG).diagnostics if d.rule.startswith("CON")]


def test_the_set_is_what_it_claims() -> None:
    expected, documents = _expected(), _documents()
    defects, traps = expected["defect"], expected["trap"]
    assert len(documents) >= 8 and len(defects) >= 30 and len(traps) >= 40
    for entry in defects + traps:
        lines = documents[entry["file"]].splitlines()
        assert entry["text"] in lines[entry["line"] - 1], entry
        assert documents[entry["file"]].count(entry["text"]) == 1, entry
    assert {d["rule"] for d in defects} == {"CON001", "CON002", "CON003", "CON004", "CON005", "CON006"}


def test_recall_and_no_false_positive(diagnostics) -> None:
    documents, defects = _documents(), _expected()["defect"]
    found, missed, false = planted_score(documents, defects, diagnostics)
    by_rule = Counter(d["rule"] for d in defects)
    found_by_rule = Counter(d["rule"] for d in found)
    print(f"\nplanted consistency defects: {len(found)}/{len(defects)} found ({len(found) / len(defects):.0%})")
    for rule in sorted(by_rule):
        print(f"  {rule}: {found_by_rule[rule]}/{by_rule[rule]}")
    assert not false, "\n".join(false)
    assert len(found) / len(defects) >= MIN_RECALL, missed


def test_traps_stay_quiet(diagnostics) -> None:
    noisy = trap_hits(_documents(), _expected()["trap"], diagnostics)
    assert not noisy, noisy


def test_abbreviations_table(tmp_path, monkeypatch, run_cli) -> None:
    (tmp_path / "factlint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name, text in _documents().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, _ = run_cli("abbreviations", "--format", "csv", ".")
    assert code == 0
    import csv
    import io

    rows = {row["Abbreviation"]: row for row in csv.DictReader(io.StringIO(out))}
    for entry in _expected()["abbreviation"]:
        assert rows[entry["acronym"]]["Defined"].removeprefix("./") == entry["defined"], (entry, rows.get(entry["acronym"]))

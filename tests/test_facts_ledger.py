"""The reference ledger: loading, errors with their line, NUM103, and ``factlint facts --corpus``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.config import ConfigError
from checker.ledger import load_ledger, to_ledger
from checker.testing import lint_sources

CORPUS = Path(__file__).parent / "data" / "facts_corpus"

GOOD = """\
# known facts
[[fact]]
subject = "Olverembatinib"
measure = "net product revenue"
period = "FY2024"
value = "$34.4 million"
source = "2024 annual report"

[[fact]]
subject = "Norwind Robotics Inc."
measure = "founded"
value = 2012

[[fact]]
subject = "Norwind Robotics"
measure = "revenue"
period = "fourth quarter of 2025"
value = 18.4
scale = "million"
unit = "USD"

[[fact]]
subject = "Norwind Robotics"
measure = "employees"
period = "2026-05"
value = "more than 450"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "facts.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_ledger(tmp_path: Path) -> None:
    ledger = load_ledger(_write(tmp_path, GOOD))
    sales, founded, quarter, headcount = ledger.facts
    assert (sales.subject_key, sales.measure, sales.period, sales.unit) == ("olverembatinib", "product revenue", "FY2024", "USD")
    assert sales.low == pytest.approx(34.35e6) and sales.high == pytest.approx(34.45e6)
    assert (sales.line, sales.source) == (2, "2024 annual report")
    assert (founded.subject_key, founded.value, founded.unit, founded.line) == ("norwind robotics", 2012, "year", 9)
    assert (quarter.period, quarter.value, quarter.low, quarter.high) == ("Q4 2025", 18.4e6, 18.4e6, 18.4e6)
    assert headcount.high == float("inf")
    assert ledger.find("olverembatinib", "sales", "FY2024", "USD", organisation=False) == [sales]
    assert ledger.find("olverembatinib", "sales", "2024", "USD", organisation=False) == []


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[[fact]]\nsubject = "X"\nmeasure = "sales"\nvalue = "$1 million\n', 4, "not valid TOML"),
        ('[[fact]]\nsubject = "X"\nmeasure = "sales"\nvalue = "$1 million"\ncolour = "red"\n', 5, "unknown key 'colour'"),
        ('[[fact]]\nsubject = "X"\nmeasure = "sales"\nvalue = "$1 million"\n\n[[fact]]\nsubject = "Y"\nmeasure = "bookings"\nvalue = "$2 million"\n', 8, "unknown measure 'bookings'"),
        ('[[fact]]\nsubject = "X"\nmeasure = "sales"\nperiod = "sometime"\nvalue = "$1 million"\n', 4, "unreadable period 'sometime'"),
        ('[[fact]]\nsubject = "X"\nmeasure = "sales"\nperiod = "last year"\nvalue = "$1 million"\n', 4, "unreadable period"),
        ('[[fact]]\nsubject = "X"\nmeasure = "sales"\nvalue = "lots"\n', 4, "is not one figure"),
        ('[[fact]]\nsubject = "X"\nmeasure = "sales"\nvalue = "12%"\n', 4, "'%' figure"),
        ('[[fact]]\nsubject = "X"\nmeasure = "founded"\nvalue = "long ago"\n', 4, "founded takes a year"),
        ('[[fact]]\nsubject = "X"\nmeasure = "sales"\nvalue = 5\nunit = "dollars please"\n', 5, "not a currency code"),
        ('[[fact]]\nsubject = "X"\nmeasure = "sales"\nvalue = "$5"\nscale = "million"\n', 5, "unit and scale go with a numeric value"),
        ('\n\n[[fact]]\nmeasure = "sales"\nvalue = "$5"\n', 3, "lacks 'subject'"),
        ('facts = 3\n', 1, "unknown top-level key 'facts'"),
    ],
)
def test_malformed_ledger_names_the_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_ledger(path)
    assert str(error.value).startswith(f"{path}:{line}: "), str(error.value)
    assert words in str(error.value)


def test_missing_ledger(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ledger file not found"):
        load_ledger(tmp_path / "nope.toml")


def test_malformed_ledger_exits_2(project: Path, run_cli) -> None:
    (project / "factlint.toml").write_text('ledger = "facts.toml"\n', encoding="utf-8")
    (project / "facts.toml").write_text('[[fact]]\nsubject = "X"\nmeasure = "turnips"\nvalue = 3\n', encoding="utf-8")
    (project / "doc.md").write_text("Norwind Robotics was founded in 2012.\n", encoding="utf-8")
    code, out, err = run_cli("check", "doc.md")
    assert code == 2
    assert "facts.toml:3: unknown measure 'turnips'" in err


def test_ledger_mismatch_through_the_cli(project: Path, run_cli) -> None:
    (project / "factlint.toml").write_text('ledger = "facts.toml"\n', encoding="utf-8")
    (project / "facts.toml").write_text('[[fact]]\nsubject = "Norwind Robotics"\nmeasure = "founded"\nvalue = 2011\n', encoding="utf-8")
    (project / "doc.md").write_text("Norwind Robotics was founded in 2012.\n", encoding="utf-8")
    code, out, err = run_cli("check", "--select", "NUM103", "--output-format", "concise", "doc.md")
    assert code == 1, err
    assert "doc.md:1:33: NUM103" in out
    assert "the founding year of Norwind Robotics is 2012 here; the ledger (facts.toml line 1) says 2011" in out


def _corpus():
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.md"))}


def test_ledger_mismatch_against_the_corpus(tmp_path: Path) -> None:
    ledger = _write(tmp_path, '[[fact]]\nsubject = "Skylift"\nmeasure = "revenue"\nperiod = "2025"\nvalue = "$22.5 million"\n')
    result = lint_sources(_corpus(), select=["NUM103"], config={"ledger": str(ledger)})
    found = [(d.path, d.line) for d in result.diagnostics]
    # the letter's $25.2M; the press release's $22.5M and the interview's $22M agree
    assert found == [("letter.md", 9)]
    (finding,) = result.diagnostics
    assert finding.message == "Skylift sales for 2025 are $25.2 million here; the ledger (facts.toml line 1) says $22.5 million"
    assert finding.fix is not None and finding.fix.edits[0].replacement == "$22.5 million"


def test_ledger_prior_takes_precedence_for_growth(tmp_path: Path) -> None:
    # The press release says 2024 revenue was $41.2M: the interview's 55% is wrong on it, the
    # letter's 48% right. The ledger says $39.4M: now 55% is right and 48% is wrong.
    ledger = _write(tmp_path, '[[fact]]\nsubject = "Norwind Robotics"\nmeasure = "revenue"\nperiod = "2024"\nvalue = "$39.4 million"\n')
    result = lint_sources(_corpus(), select=["NUM102"], config={"ledger": str(ledger)})
    assert [(d.path, d.line) for d in result.diagnostics] == [("letter.md", 9)]
    assert "(facts.toml line 1)" in result.diagnostics[0].message


def test_ledger_fact_no_document_mentions_is_fine(tmp_path: Path) -> None:
    ledger = _write(tmp_path, '[[fact]]\nsubject = "Someone Else Inc."\nmeasure = "revenue"\nperiod = "2019"\nvalue = "$1.0 billion"\n')
    result = lint_sources(_corpus(), select=["NUM103"], config={"ledger": str(ledger)})
    assert result.diagnostics == []


def test_to_ledger_round_trip(tmp_path: Path) -> None:
    result = lint_sources(_corpus(), select=["NUM101"])
    text = to_ledger(result.sheets)
    ledger = load_ledger(_write(tmp_path, text))
    keys = {(f.subject_key, f.measure, f.period) for f in ledger.facts}
    assert ("norwind robotics", "revenue", "2025") in keys
    assert ("skylift", "sales", "2025") in keys
    assert ("harbor freight lines", "founded", "") in keys
    (revenue,) = [f for f in ledger.facts if (f.subject_key, f.measure, f.period) == ("norwind robotics", "revenue", "2025")]
    assert revenue.text == "$60.9 million"  # the most precise statement leads
    assert "# CONFLICTING: 2013 (letter.md line 11)" in text
    # The documents agree with a ledger made from them, except where they disagree among themselves.
    check = lint_sources(_corpus(), select=["NUM103"], config={"ledger": str(tmp_path / "facts.toml")})
    flagged = [d.message for d in check.diagnostics]
    assert flagged and not any("revenue for 2025" in message or "net loss" in message for message in flagged)


def test_facts_corpus_command(tmp_path: Path, monkeypatch, run_cli) -> None:
    corpus = tmp_path / "docs"
    shutil.copytree(CORPUS, corpus)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("facts", "--corpus", "docs")
    assert code == 0, err
    assert out.startswith("# factlint reference ledger: 11 facts stated in 4 of 4 documents.")
    ledger = load_ledger(_write(tmp_path, out))
    assert len(ledger.facts) == 11

"""A corpus about one fictional company: planted conflicts are found, clean restatements are not.

tests/data/facts_corpus holds a press release, an interview, a shareholder
letter (all about Norwind Robotics) and a partner's note about another
company. Planted: the fourth-quarter revenue ($18.4M vs $18.0M), Skylift's
2025 sales ($25.2M in the letter vs $22.5M and $22M), the founding year
(2013 in the letter vs 2012), two headcounts in one interview ("more than
450" and 380) and a growth rate (55% on a 2024 base of $41.2M; it is 48%).
Clean restatements, rounded differently, must pass: 2025 revenue ($60.9M,
$61M), the 2025 net loss ($12.3M, $12M), Skylift's $22M against $22.5M,
and the letter's "48% year over year".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.testing import lint_sources

CORPUS = Path(__file__).parent / "data" / "facts_corpus"

PLANTED = {
    # (path, line, rule): the statement the finding sits on
    ("press-release.md", 8, "NUM101"),  # Q4 revenue $18.4M vs the letter's $18.0M
    ("letter.md", 9, "NUM101"),  # the letter's $18.0M
    ("press-release.md", 9, "NUM101"),  # Skylift $22.5M vs the letter's $25.2M
    ("interview.md", 16, "NUM101"),  # Skylift $22M vs the letter's $25.2M
    ("press-release.md", 16, "NUM101"),  # founded 2012 vs the letter's 2013
    ("interview.md", 12, "NUM101"),  # founded 2012 vs the letter's 2013
    ("letter.md", 11, "NUM101"),  # the letter's 2013
    ("interview.md", 20, "NUM101"),  # "more than 450 employees" vs "employs 380 people"
    ("interview.md", 16, "NUM102"),  # 55% growth on $41.2M
}

CLEAN = [
    # (path, figure): statements that agree with every other statement of their fact
    ("press-release.md", "$60.9 million"),
    ("interview.md", "$61 million"),
    ("letter.md", "$60.9 million"),
    ("press-release.md", "$12.3 million"),
    ("letter.md", "$12 million"),
    ("press-release.md", "$41.2 million"),
    ("partner.md", "$75.4 million"),
    ("partner.md", "1987"),
]


@pytest.fixture(scope="module")
def result():
    documents = {path.name: path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.md"))}
    return lint_sources(documents, select=["NUM101", "NUM102", "NUM103"])


def test_every_planted_conflict_is_found(result) -> None:
    assert not result.errors
    found = {(d.path, d.line, d.rule) for d in result.diagnostics}
    assert found == PLANTED, "\n".join(f"{d.path}:{d.line}:{d.column} {d.rule} {d.message}" for d in result.diagnostics)


def test_one_finding_per_conflicting_statement(result) -> None:
    spans = [(d.path, d.start, d.rule) for d in result.diagnostics]
    assert len(spans) == len(set(spans))
    # Both headcounts in the interview are reported, each pointing at the other.
    headcounts = [d for d in result.diagnostics if d.path == "interview.md" and d.line == 20]
    assert len(headcounts) == 2
    assert all(len(d.related) == 1 and d.related[0].path == "interview.md" for d in headcounts)


def test_clean_restatements_are_not_flagged(result) -> None:
    sheets = {sheet.path: sheet for sheet in result.sheets}
    flagged = {(d.path, d.start) for d in result.diagnostics}
    for path, figure in CLEAN:
        statements = [fact for fact in sheets[path].facts if fact.text == figure]
        assert statements, f"{path}: {figure} was not extracted"
        for fact in statements:
            assert (path, fact.start) not in flagged, f"{path}: {figure} was flagged"


def test_messages_name_the_other_documents(result) -> None:
    (letter_skylift,) = [d for d in result.diagnostics if d.path == "letter.md" and "Skylift" in d.message]
    assert letter_skylift.message == (
        "Skylift sales for 2025 are $25.2 million here, $22 million in interview.md line 16 "
        "and $22.5 million in press-release.md line 9"
    )
    assert {r.path for r in letter_skylift.related} == {"interview.md", "press-release.md"}
    assert letter_skylift.fix is None  # two different figures elsewhere: no single suggestion
    (q4,) = [d for d in result.diagnostics if d.path == "press-release.md" and d.line == 8]
    assert q4.message == "Norwind Robotics revenue for Q4 2025 is $18.4 million here, $18.0 million in letter.md line 9"
    assert q4.fix is not None and q4.fix.applicability == "display"
    assert "no rounding makes them the same figure" in q4.evidence
    (growth,) = [d for d in result.diagnostics if d.rule == "NUM102"]
    assert "$61 million / $41.2 million - 1 = +48.1%" in growth.evidence
    assert growth.related[0].path == "press-release.md"


def test_findings_only_for_documents_in_scope() -> None:
    documents = {path.name: path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.md"))}
    result = lint_sources(documents, select=["NUM101", "NUM102"], scope=["letter.md"])
    assert {d.path for d in result.diagnostics} == {"letter.md"}
    # The letter's conflicts are still found against documents outside the scope.
    assert len(result.diagnostics) == 3


PERTURBED = [
    # (path, figure as written, a figure beyond its rounding, the rule that must then report it)
    ("press-release.md", "$60.9 million", "$65.2 million", "NUM101"),
    ("interview.md", "Last year our revenue was $61 million", "Last year our revenue was $66 million", "NUM101"),
    ("letter.md", "to $60.9 million", "to $57.1 million", "NUM101"),
    ("press-release.md", "$12.3 million", "$13.9 million", "NUM101"),
    ("letter.md", "$12 million", "$14 million", "NUM101"),
    ("press-release.md", "$22.5 million", "$20.1 million", "NUM101"),
    ("press-release.md", "$41.2 million", "$44.8 million", "NUM102"),  # the letter's 48% no longer fits
    ("letter.md", "rose 48%", "rose 41%", "NUM102"),
]


@pytest.mark.parametrize(("path", "old", "new", "rule"), PERTURBED, ids=[f"{p}-{o}" for p, o, _, _ in PERTURBED])
def test_perturbed_restatements_are_caught(path: str, old: str, new: str, rule: str) -> None:
    documents = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))}
    assert documents[path].count(old) == 1
    documents[path] = documents[path].replace(old, new)
    result = lint_sources(documents, select=[rule])
    baseline = lint_sources({p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))}, select=[rule])
    new_findings = {(d.path, d.line, d.message) for d in result.diagnostics} - {(d.path, d.line, d.message) for d in baseline.diagnostics}
    assert new_findings, f"perturbing {old!r} to {new!r} in {path} went unnoticed"

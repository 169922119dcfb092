"""The statement extractor (kind "facts"): which sentences are fact statements, and their keys.

Each sentence is placed in a short document about one organisation
(Norwind Robotics Inc.) dated May 14, 2026, and linted through the engine;
the table gives the statements expected from it: (subject, measure, period,
figure as written), or none at all.
"""

from __future__ import annotations

import pytest

from checker.extract.statement_parts import document_organisation
from checker.extract.statement_terms import (
    canonical_subjects,
    figure_interval,
    normalise_measure,
    prior_period,
    subject_key,
)
from checker.testing import lint_sources

PREAMBLE = """---
date: 2026-05-14
---

Norwind Robotics Inc. makes warehouse robots. Norwind Robotics is based in Boston.

"""

STATEMENTS = [
    # company-wide measures, with and without a named subject
    ("Total revenue for 2025 was $60.9 million.", [("Norwind Robotics", "revenue", "2025", "$60.9 million")]),
    ("Revenue for 2025 was $60.9 million.", [("Norwind Robotics", "revenue", "2025", "$60.9 million")]),
    ("Norwind Robotics reported revenue of $61.0 million for fiscal 2025.", [("Norwind Robotics", "revenue", "FY2025", "$61.0 million")]),
    ("In 2025, we generated revenue of $61 million.", [("Norwind Robotics", "revenue", "2025", "$61 million")]),
    ("Norwind's 2025 revenue reached $61 million.", [("Norwind", "revenue", "2025", "$61 million")]),
    ("Last year our revenue was $61 million.", [("Norwind Robotics", "revenue", "2025", "$61 million")]),
    ("Revenue for the fourth quarter of 2025 was $18.4 million.", [("Norwind Robotics", "revenue", "Q4 2025", "$18.4 million")]),
    ("Fourth-quarter 2025 revenue was $18.4 million.", [("Norwind Robotics", "revenue", "Q4 2025", "$18.4 million")]),
    ("Q4 2025 revenue was $18.4 million.", [("Norwind Robotics", "revenue", "Q4 2025", "$18.4 million")]),
    ("Revenue for the first half of 2025 was $28.1 million.", [("Norwind Robotics", "revenue", "H1 2025", "$28.1 million")]),
    ("Revenue for the year ended December 31, 2025 was $60.9 million.", [("Norwind Robotics", "revenue", "2025", "$60.9 million")]),
    ("Net loss for 2025 was $12.3 million.", [("Norwind Robotics", "net loss", "2025", "$12.3 million")]),
    ("In 2025, revenue was $60.9 million and net loss was $12.3 million.", [
        ("Norwind Robotics", "revenue", "2025", "$60.9 million"),
        ("Norwind Robotics", "net loss", "2025", "$12.3 million"),
    ]),
    # the first clause has no period, so it is no statement, and the second has nothing to continue
    ("Revenue was $60.9 million and net loss was $12.3 million in 2025.", []),
    ("Revenue for the twelve months ended December 31, 2025 was $60.9 million.", [("Norwind Robotics", "revenue", "2025", "$60.9 million")]),
    ("Revenue for the fourth quarter was $18.4 million.", []),
    ("Revenue for 2024, as restated, was $40.8 million.", []),
    ("Revenue for 2025 was RMB 441.5 million (US$62.2 million).", []),
    ("Revenue per employee was $250,000 in 2025.", []),
    ("We had revenue of $5 million in 2025 from our China business.", []),
    ("We have 800 employees in China.", []),
    ("In our Logistics segment, revenue for 2025 was $22.1 million.", []),
    ("Excluding the divested unit, revenue for 2025 was $58.0 million.", []),
    ("A rival said that revenue for 2025 was $90.2 million.", []),
    ("Norwind Robotics today reported that total revenue for 2025 was $60.9 million.", [("Norwind Robotics", "revenue", "2025", "$60.9 million")]),
    ("Overall, revenue for 2025 was $60.9 million.", [("Norwind Robotics", "revenue", "2025", "$60.9 million")]),
    ("Total revenue for 2025 was $60.9 million, compared with $41.2 million in 2024.", [
        ("Norwind Robotics", "revenue", "2025", "$60.9 million"),
        ("Norwind Robotics", "revenue", "2024", "$41.2 million"),
    ]),
    ("Together, these two products drove total revenue of $82.1 million in 2025.", [("Norwind Robotics", "revenue", "2025", "$82.1 million")]),
    # products: revenue, sales and product revenue are one measure
    ("Skylift sales were $22.5 million in 2025.", [("Skylift", "sales", "2025", "$22.5 million")]),
    ("Sales of Skylift in 2025 were $22.5 million.", [("Skylift", "sales", "2025", "$22.5 million")]),
    ("Skylift generated $22 million in sales last year.", [("Skylift", "sales", "2025", "$22 million")]),
    ("Skylift brought in $25.2 million in revenue in 2025.", [("Skylift", "sales", "2025", "$25.2 million")]),
    ("Skylift generated net product revenue of $22.5 million in 2025.", [("Skylift", "sales", "2025", "$22.5 million")]),
    ("On the commercial side, 2025 was a strong year. Skylift generated full-year sales of $22.5 million.", [("Skylift", "sales", "2025", "$22.5 million")]),
    # years
    ("Norwind Robotics was founded in 2012.", [("Norwind Robotics", "founded", "", "2012")]),
    ("I co-founded Norwind Robotics in 2012 with two colleagues.", [("Norwind Robotics", "founded", "", "2012")]),
    ("Founded in 2012, Norwind Robotics builds robots.", [("Norwind Robotics", "founded", "", "2012")]),
    ("Since our founding in 2012, we have shipped 3,000 robots.", [("Norwind Robotics", "founded", "", "2012")]),
    ("Skylift was first approved in 2021.", [("Skylift", "first approval", "", "2021")]),
    ("Some customers have run Skylift since its first approval in 2021.", [("Skylift", "first approval", "", "2021")]),
    # headcounts: dated by "as of", else by the document's month
    ("Today we have more than 450 employees.", [("Norwind Robotics", "employees", "2026-05", "more than 450")]),
    ("Norwind Robotics employs 380 people.", [("Norwind Robotics", "employees", "2026-05", "380")]),
    ("The company had 420 employees as of December 31, 2025.", [("Norwind Robotics", "employees", "2025-12", "420")]),
    ("Third, we have a global reach as well as over 800 employees worldwide.", [("Norwind Robotics", "employees", "2026-05", "over 800")]),
    # not facts: guidance, conditionals, qualifiers, no period, no subject
    ("We expect revenue of $70 million in 2026.", []),
    ("Revenue should reach $70 million in 2026.", []),
    ("If revenue for 2025 was $61 million, the target was met.", []),
    ("Revenue from China was $12 million in 2025.", []),
    ("Adjusted revenue for 2025 was $63 million.", []),
    ("Product revenue for 2025 was $50 million.", []),
    ("Revenue was $61 million.", []),
    ("Skylift sales were $22.5 million.", []),
    ("Total revenue was $60.9 million in Europe in 2025.", []),
    ("Revenue of $5 million in 2025 came from Skylift.", []),
    ("A customer with revenue of $60 million in 2025 signed up.", []),
    ("Service revenue for 2025 was $9.1 million.", []),
    ("China sales were $4.2 million in 2025.", []),
    ("We have trained 800 employees.", []),
    ("We have 800 customers.", []),
    ("We have 800 people on the waiting list.", []),
    ("The team started POLARIS-1 in 2023.", []),
    ("Skylift was first approved in China in 2021.", []),
    ("Lisaftoclax, approved in July 2025, achieved $10.1 million in its first five months.", []),
]


def _facts(text: str, preamble: str = PREAMBLE):
    result = lint_sources({"doc.md": preamble + text + "\n"}, select=["NUM101"])
    assert not result.errors, result.errors
    return result.sheets[0].facts


@pytest.mark.parametrize(("text", "expected"), STATEMENTS, ids=[text[:50] for text, _ in STATEMENTS])
def test_statements(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    found = [(f.subject, f.measure, f.period, f.text) for f in _facts(text)]
    assert found == expected


def test_statement_offsets_point_at_the_figure() -> None:
    text = "Total revenue for 2025 was $60.9 million."
    (fact,) = _facts(text)
    source = PREAMBLE + text
    assert source[fact.start : fact.end] == "$60.9 million"
    assert fact.low == pytest.approx(60.85e6) and fact.high == pytest.approx(60.95e6)
    assert fact.unit == "USD"


def test_no_organisation_no_pronoun_facts() -> None:
    # An unnamed company's report: "we", "our" and segment names are nobody in particular.
    preamble = "---\ndate: 2026-05-14\n---\n\n"
    assert _facts("Total revenue for 2025 was $60.9 million. Our revenue for 2024 was $41.2 million.", preamble) == []
    assert _facts("Foodservice net sales for fiscal 2019 were $934.2 million.", preamble) == []


@pytest.mark.parametrize("text", [
    "Last year our revenue was $61 million.",
    "Skylift generated $22 million in sales last year.",
    "Today we have 450 employees.",
    "Total revenue for 2025 was $60.9 million.",
])
def test_statements_without_the_dates_extractor(text: str) -> None:
    # The facts rules alone do not run the dates extractor: the statements find the document date
    # themselves, and are those of a run in which the dates extractor ran first.
    alone = lint_sources({"doc.md": PREAMBLE + text + "\n"}, select=["NUM101"]).sheets[0]
    with_dates = lint_sources({"doc.md": PREAMBLE + text + "\n"}, select=["NUM101", "DAT001"]).sheets[0]
    assert "dates" not in alone.extracted and "dates" in with_dates.extracted
    assert alone.facts == with_dates.facts != []


def test_relative_year_needs_a_document_date() -> None:
    preamble = "Norwind Robotics Inc. makes robots. Norwind Robotics is in Boston.\n\n"
    assert _facts("Last year our revenue was $61 million.", preamble) == []
    assert _facts("Today we have 450 employees.", preamble) == []


@pytest.mark.parametrize(
    ("text", "percent", "prior"),
    [
        ("Our revenue grew 55% year over year to $61 million in 2025.", 55.0, "2024"),
        ("Total revenue was $60.9 million in 2025, an increase of 48% compared with 2024.", 48.0, "2024"),
        ("Skylift generated full-year sales of $62.2 million in 2025, representing 81% year-over-year growth.", 81.0, "2024"),
        ("Q4 2025 revenue was $18.4 million, up 12% year over year.", 12.0, "Q4 2024"),
        ("Q4 2025 revenue was $18.4 million, up 3% sequentially.", 3.0, "Q3 2025"),
        ("Total revenue was $30.2 million in 2025, down 8% from 2024.", -8.0, "2024"),
        ("Total revenue was $30.2 million in 2025, a decrease of 8% year over year.", -8.0, "2024"),
    ],
)
def test_growth_claims(text: str, percent: float, prior: str) -> None:
    (fact,) = _facts(text)
    assert fact.growth is not None
    assert (fact.growth.percent, fact.growth.prior_period) == (percent, prior)
    assert fact.growth.low <= percent <= fact.growth.high


@pytest.mark.parametrize(
    "text",
    [
        "Our revenue grew 55% to $61 million in 2025.",  # compared with what?
        "Total revenue was $60.9 million in 2025, or 48% of the total.",  # a share, not a change
        "Total revenue rose to $60.9 million in 2025 from $41.2 million, an increase of 48%.",
        "Total revenue was $60.9 million in 2025, up 52% year over year on a constant-currency basis.",
        "Total revenue was $60.9 million in 2025, up 52% year over year, excluding the divested unit.",
        "Our revenue grew 55% year over year on an organic basis to $61 million in 2025.",
    ],
)
def test_not_growth_claims(text: str) -> None:
    assert all(fact.growth is None for fact in _facts(text))


@pytest.mark.parametrize(
    ("phrase", "canonical"),
    [
        ("revenue", "revenue"),
        ("Total Revenues", "revenue"),
        ("full-year sales", "sales"),
        ("net product revenue", "product revenue"),
        ("net   sales", "sales"),
        ("R&D expenses", "r&d expenses"),
        ("annual net income", "net income"),
        ("adjusted revenue", None),
        ("China sales", None),
        ("bookings", None),
    ],
)
def test_measure_normaliser(phrase: str, canonical: str | None) -> None:
    assert normalise_measure(phrase) == canonical


def test_subject_keys() -> None:
    assert subject_key("Norwind Robotics Inc.") == "norwind robotics"
    assert subject_key("Ascentage Pharma Group International") == "ascentage pharma"
    assert subject_key("Norwind\u2019s") == "norwind"
    assert subject_key("The Company") == "company"
    mapping = canonical_subjects({"norwind", "norwind robotics", "skylift", "harbor", "harbor freight", "harbor lines"})
    assert mapping["norwind"] == "norwind robotics"
    assert mapping["harbor"] == "harbor"  # two longer subjects begin with it: ambiguous
    assert mapping["skylift"] == "skylift"


def test_document_organisation() -> None:
    assert document_organisation("Norwind Robotics Inc. makes robots. Norwind Robotics is in Boston.") == "Norwind Robotics"
    assert document_organisation('Ascentage Pharma Group International (the "Company") announced') == "Ascentage Pharma Group International"
    # Two companies named equally often: the document is not about one of them.
    assert document_organisation("Alpha Robotics met Beta Systems. Alpha Robotics and Beta Systems agreed.") is None
    assert document_organisation("We sell to retailers. Our revenue grew.") is None


def test_figure_intervals() -> None:
    assert figure_interval(61e6, 60.5e6, 61.5e6, "$61 million", None, 1e6) == (60.5e6, 61.5e6)
    # a whole number ending in zero may be rounded to the ten
    assert figure_interval(60e6, 59.5e6, 60.5e6, "$60 million", None, 1e6) == (55e6, 65e6)
    assert figure_interval(800, 799.5, 800.5, "more than 800", "more than") == (799.5, float("inf"))
    low, high = figure_interval(100, 99.5, 100.5, "about 100", "about")
    assert low < 95 and high > 105
    assert prior_period("Q4 FY2025") == "Q4 FY2024"
    assert prior_period("2025") == "2024"


@pytest.mark.parametrize(
    "text",
    [
        "These revenues were $41.5 million for fiscal 2019.",
        "Such sales were $4.1 million in 2025.",
        "Other revenue for 2025 was $2.2 million.",
        "Its revenue for 2025 was $2.2 million.",
    ],
)
def test_anaphoric_subjects_are_not_facts(text: str) -> None:
    assert _facts(text) == []

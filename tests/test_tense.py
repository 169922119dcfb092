"""The clause and tense helpers that the tense rules use: sentences, clauses, past and future markers."""

from __future__ import annotations

import pytest

from checker.clauses import TextSpan, clause_span, previous_sentence, sentence_span
from checker.readers import read_document
from checker.tense import future_marker, past_markers, plain_past


def read(text: str):
    doc, _ = read_document("doc.txt", text.encode("utf-8"))
    return doc


def test_sentence_span_and_previous_sentence():
    doc = read("We met in May. The trial started in June 2026. It ended.\n")
    offset = doc.prose.index("June")
    sentence = sentence_span(doc, offset)
    assert isinstance(sentence, TextSpan)
    assert doc.prose[sentence.start : sentence.end].strip() == "The trial started in June 2026."
    before = previous_sentence(doc, sentence)
    assert before is not None and doc.prose[before.start : before.end].strip() == "We met in May."
    assert previous_sentence(doc, sentence_span(doc, 0)) is None


@pytest.mark.parametrize(
    ("text", "word", "clause"),
    [
        ("The trial started in June 2026, but results will follow in 2027.", "June", "The trial started in June 2026"),
        ("The trial started in June 2026, but results will follow in 2027.", "2027", " results will follow in 2027."),
        ("Sales rose; we will report in March 2027.", "March", " we will report in March 2027."),
        ("The site, which opened in 2020, closed in 2024.", "2020", " opened in 2020, closed in 2024."),
    ],
)
def test_clause_span_stops_at_clause_breaks(text, word, clause):
    doc = read(text)
    start = doc.prose.index(word)
    left, right = clause_span(doc, (0, len(doc.prose)), start, start + len(word))
    assert doc.prose[left:right] == clause


@pytest.mark.parametrize(
    ("clause", "markers"),
    [
        ("The company completed the acquisition", ["completed"]),
        ("The drug was approved by the FDA", ["approved", "was approved"]),
        ("the recently completed study", []),  # a participle used as an adjective
        ("We plan to expand", []),
    ],
)
def test_past_markers(clause, markers):
    assert past_markers(clause) == markers


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("The company completed the acquisition in March", True),
        ("The company expects it completed the acquisition", False),
        ("The company would have completed the acquisition", False),
        ("The company did not complete the acquisition", False),
        ("We plan to expand", False),
    ],
)
def test_plain_past(clause, expected):
    assert plain_past(clause) is expected


def test_plain_past_reads_the_context_when_given():
    assert plain_past("It launched in May", context="It is expected that it launched in May") is False
    assert plain_past("It launched in May", context="It launched in May, as announced") is True


@pytest.mark.parametrize(
    ("clause", "marker"),
    [
        ("We will open the plant in 2024", "will"),
        ("The company plans to file in March 2025", "plans to"),
        ("The launch is expected in 2024", "expected in"),
        ("We'll ship in May", "We'll"),
        ("We said we will open in 2024", None),  # reported speech in the past
        ("The plant opened in 2024", None),
    ],
)
def test_future_marker(clause, marker):
    assert future_marker(clause) == marker

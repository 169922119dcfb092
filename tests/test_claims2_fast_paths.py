"""The claim finder's sentence lookup, and the shortcuts of the garbled-text gate and the line-table reader, give what the paths they replace give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Document, Sentence
from checker.extract.claims import _sentences_with
from checker.extract.garbled import _beyond_latin, _may_hold_any, _may_hold_garbage, garbled_runs
from checker.extract.unicode_chars import characters
from checker.line_tables import _items_table, _lines, line_tables
from checker.readers import read_document

# --- claims: the sentences that hold a figure ------------------------------------------------------


def _holding(sentences: list[Sentence], starts: list[int]) -> list[int]:
    """The sentences in which a figure starts, found by trying every sentence."""
    return [index for index, s in enumerate(sentences) if any(s.start <= at < s.end for at in starts)]


_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=12)


@settings(max_examples=2000, deadline=None)
@given(_SPANS, st.lists(st.integers(0, 80), max_size=10), st.booleans())
def test_sentences_with_a_figure_match_trying_every_sentence(spans: list[tuple[int, int]], starts: list[int], ordered: bool) -> None:
    if ordered:  # the usual case: sentences in order, not overlapping (bisection)
        sentences, position = [], 0
        for gap, length in spans:
            sentences.append(Sentence(position + gap % 5, position + gap % 5 + length, 0))
            position += gap % 5 + length
    else:  # anywhere, overlapping or not
        sentences = [Sentence(start, start + length, 0) for start, length in spans]
    starts = sorted(starts)
    found = list(_sentences_with(sentences, starts))
    # Every sentence may be offered (the caller skips those without a figure); those with one all are, in order.
    assert [index for index in found if index in _holding(sentences, starts)] == _holding(sentences, starts)
    assert found == sorted(set(found))
    if ordered:
        assert found == _holding(sentences, starts)


def test_sentences_with_examples() -> None:
    sentences = [Sentence(0, 10, 0), Sentence(11, 20, 0), Sentence(20, 30, 1)]
    assert list(_sentences_with(sentences, [0, 5, 19, 20, 35])) == [0, 1, 2]
    assert list(_sentences_with(sentences, [10])) == []
    assert list(_sentences_with([], [1, 2])) == []
    overlapping = [Sentence(0, 10, 0), Sentence(5, 15, 0)]
    assert [i for i in _sentences_with(overlapping, [7]) if i in _holding(overlapping, [7])] == [0, 1]


# --- garbled text: the gate judged on the non-ASCII characters ------------------------------------

_TEXT_PIECES = st.sampled_from(
    ["a", "Z", " ", "\n", "1", ".", "~", "\x00", "\x7f", "\u00e9", "\u0301", " \u0301", "\u0430", "\u03b1", "\u4e9a", "\u30bd",
     "\ue000", "\u0378", "\ufffd", "\u05d0", "\u0627", "\u064b", "\u0e01", "\u0e31", "\u200d", "\u00a0", "\u25cc", "\U0001f600",
     "\U000e0001", "\u1e00", "\u2014", "(cid:12)"]
)  # fmt: skip


def _may_hold_any_in_full(prose: str) -> bool:
    """The gate as it was: judged on every distinct character of the prose."""
    return bool(_beyond_latin().search(prose)) and _may_hold_garbage(prose, characters(prose))


@settings(max_examples=3000, deadline=None)
@given(st.lists(_TEXT_PIECES, max_size=12).map("".join))
def test_the_gate_judges_as_on_every_character(prose: str) -> None:
    if not prose.isascii():  # (garbled_runs asks only then)
        assert _may_hold_any(prose) == _may_hold_any_in_full(prose)


def test_one_ascii_letter_stands_for_all_of_ascii() -> None:
    for code in range(128):
        ch = chr(code)
        for other in ("\u4e9a", "\u0430", "\u0301", "\u0e31", "\u00e9"):
            assert _may_hold_garbage(ch + other, frozenset(ch + other)) == _may_hold_garbage(ch + other, frozenset(other + ("a" if ch.isalpha() else ""))), (
                repr(ch + other)
            )


def test_garbled_examples() -> None:
    assert [(r.start, r.end) for r in garbled_runs("see \u1599\u06dc\u0d57\u0305\u104d\u0b23\u136c\u062c here")] == [(4, 12)]
    assert garbled_runs("Ascentage Pharma (\u4e9a\u76db\u533b\u836f) and caf\u00e9") == []
    assert [r.private for r in garbled_runs("x \ue000 y")] == [1]


# --- line tables: a paragraph of fewer than three lines, a single list item --------------------------

_LINE_PIECES = st.sampled_from(["\n", "\n\n", " ", "  ", "\t", "- ", "\u2022 ", "1. ", "Retail: $1.2", "Total: 410", "\u00e9t\u00e9", "2024  2023", "x"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=10).map("".join), st.integers(0, 5), st.integers(0, 5))
def test_a_span_with_fewer_than_two_line_breaks_has_fewer_than_three_lines(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    if text.count("\n", start, end) < 2:  # (the shortcut of _paragraph_tables)
        assert len(_lines(text, start, end)) < 3


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=6).map("".join), st.sampled_from(["", "Revenue totalled $2.4 million:", "By segment:"]))
def test_a_single_item_is_no_table(item: str, heading: str) -> None:
    assert _items_table(item, [(0, len(item))], heading, 0) is None  # (the shortcut of _list_table)


def test_line_table_examples() -> None:
    text = "Revenue by segment:\n- Retail: $1.2 million\n- Online: $0.8 million\n- Total: $2.0 million\n\nTwo lines\nonly  12\n"
    tables = line_tables(Document("t.txt", text))
    assert len(tables) == 1 and [row[1].text for row in tables[0].rows] == ["$1.2 million", "$0.8 million", "$2.0 million"]
    aligned = "Item      2024   2023\nRetail     1.2    1.0\nOnline     0.8    0.7\n"
    assert [t.kind for t in line_tables(Document("t.txt", aligned))] == ["text"]
    assert line_tables(Document("t.txt", "Retail     1.2    1.0\nOnline     0.8    0.7\n")) == []
    led = "In all, 2.0 million were sold:\n- Retail: 1.2 million\n- Online: 0.8 million\n"
    assert [(t.kind, len(t.rows)) for t in line_tables(Document("t.txt", led), lead_only=True)] == [("list-lead", 3)]
    assert line_tables(Document("t.txt", led.replace(":\n", "\n")), lead_only=True) == []
    markdown = "Revenue totalled $2.0 million:\n\n- Retail: $1.2 million\n- Online: $0.8 million\n\nOne:\n\n- Alone: 4\n"
    doc, _ = read_document("t.md", markdown.encode())
    for lead_only in (False, True):
        assert [(t.kind, len(t.rows)) for t in line_tables(doc, lead_only)] == [("list-lead", 3)]

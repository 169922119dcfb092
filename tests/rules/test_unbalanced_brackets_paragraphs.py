"""CON001 visits only the paragraphs that may hold a mark, found by bisecting the marks' offsets."""

from __future__ import annotations

from checker.document import Document
from checker.pairing import Marks
from checker.rules.unbalanced_brackets import _holding_marks


def test_every_paragraph_with_a_mark_is_visited_in_order():
    text = "(Opening) words.\n\nNo marks here.\n\nA quote \"here\n\nand 'there'.\n\nplain\n\n[end\n"
    doc = Document("doc.txt", text)
    marks = Marks(doc.prose)
    with_marks = [i for i, block in enumerate(doc.paragraphs) if marks.any_within(block.start, block.end)]
    visited = _holding_marks(doc.paragraphs, marks)
    assert visited == sorted(visited)
    assert set(with_marks) <= set(visited)
    assert with_marks == [0, 2, 3, 5]
    assert 1 not in visited and 4 not in visited


def test_no_paragraphs_or_marks():
    doc = Document("doc.txt", "plain words\n")
    assert _holding_marks(doc.paragraphs, Marks(doc.prose)) == []
    assert _holding_marks([], Marks("(x)")) == []

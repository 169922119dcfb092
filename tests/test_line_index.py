"""Document.line_bounds: the same lines as the scan-back idiom it replaces, for any line endings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Document, line_break_offsets
from checker.extract.mojibake_repairs import _line_end

texts = st.text(alphabet="a\n\r ", max_size=40)


def _old_start(text: str, offset: int) -> int:
    return max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1


def _old_end(text: str, offset: int) -> int:
    found = [i for i in (text.find("\n", offset), text.find("\r", offset)) if i >= 0]
    return min(found, default=len(text))


@settings(max_examples=500, deadline=None)
@given(texts)
def test_line_bounds_match_the_old_idiom_at_every_offset(text: str) -> None:
    doc = Document("x.txt", text)
    for offset in range(len(text) + 1):
        assert doc.line_bounds(offset) == (_old_start(text, offset), _old_end(text, offset))
        assert _line_end(text, offset) == _old_end(text, offset)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_line_bounds_of_a_span_match_the_old_idiom(text: str) -> None:
    doc = Document("x.txt", text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert doc.line_bounds(start, end) == (_old_start(text, start), _old_end(text, end))


@given(texts)
def test_line_bounds_search_the_prose_view(text: str) -> None:
    # The index is built from ``prose`` (the string the rules search), not ``text``.
    prose = text.replace("a", " ")
    doc = Document("x.md", text, prose=prose)
    for offset in range(len(text) + 1):
        assert doc.line_bounds(offset) == (_old_start(prose, offset), _old_end(prose, offset))


@given(texts)
def test_break_offsets_are_every_cr_and_lf(text: str) -> None:
    assert line_break_offsets(text) == [i for i, ch in enumerate(text) if ch in "\r\n"]


def test_crlf_and_cr_only() -> None:
    doc = Document("x.txt", "ab\r\ncd\ref")
    assert doc.line_bounds(0) == (0, 2)
    assert doc.line_bounds(3) == (3, 3)  # between "\r" and "\n": an empty line, as before
    assert doc.line_bounds(4) == (4, 6)
    assert doc.line_bounds(8) == (7, 9)
    assert doc.line_bounds(0, 5) == (0, 6)

"""CON001's shortcuts agree with the paths they replace: the test that a paragraph's brackets pair up, told
from the whole text's marks, and the walk to the paragraphs that hold a mark."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Block
from checker.pairing import Marks, _brackets, _doubles, _nested, _singles, _within, unpaired

_PIECES = st.sampled_from(
    [
        "(",
        ")",
        "[",
        "]",
        "((",
        "[]",
        "()",
        ":)",
        ";-(",
        "=(",
        "-[",
        "'(",
        '"',
        "'",
        "\u201c",
        "\u201d",
        "\u2018",
        "\u2019",
        "x",
        "Ab",
        "\u00c9t\u00e9",
        "1",
        "a)",
        " ",
        "  ",
        "\n",
        "\n\n",
        ",",
        ";",
    ]
)


@st.composite
def _text_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    text = "".join(draw(st.lists(_PIECES, max_size=24)))
    start = draw(st.integers(0, len(text)))
    return text, start, draw(st.integers(start, len(text)))


def _unpaired_as_before(prose: str, start: int, end: int, marks: Marks):
    """The path that ``unpaired`` shortens: every kind of mark scanned in turn."""
    found = _brackets(prose, start, end, _within(marks.brackets, start, end))
    found += _doubles(prose, start, end, _within(marks.doubles, start, end))
    if _within(marks.capital_singles, start, end):
        found += _singles(prose, start, end, _within(marks.singles, start, end))
    return sorted(found, key=lambda u: u.offset)


@settings(max_examples=1500, deadline=None)
@given(_text_and_span())
def test_nested_from_the_whole_text_agrees_with_the_paragraph_scan(case: tuple[str, int, int]) -> None:
    prose, start, end = case
    marks = Marks(prose)
    brackets = _within(marks.brackets, start, end)
    first = marks.brackets.index(brackets[0]) if brackets else 0
    assert marks.nested(start, end, first, first + len(brackets)) == _nested(prose, start, brackets)
    assert unpaired(prose, start, end, True, marks) == _unpaired_as_before(prose, start, end, marks)
    # Marks found in the paragraph alone (``unpaired`` without ``marks``) give the same answer.
    assert unpaired(prose, start, end) == _unpaired_as_before(prose, start, end, marks)


def test_examples() -> None:
    prose = "(a [b] c) and (c\n\n(x :) y) z"
    marks = Marks(prose)
    assert marks.bracket_text == "([])(())"
    assert marks.nested(0, 9, 0, 4) is True
    assert marks.nested(0, 16, 0, 5) is False  # "(c" is left open
    assert marks.nested(18, 27, 5, 8) is False  # ":)" may be an emoticon: the paragraph is scanned
    # The paragraph's first bracket is not asked what comes before it (here the bracket that ends the one before).
    assert Marks("(x)(y)").nested(3, 6, 2, 4) is True
    assert Marks("(x)(y)").nested(0, 6, 0, 4) is False


def _asked(marks: Marks, spans: list[Block]) -> list[int]:
    """The path that ``Marks.holders`` replaces: every span asked in turn."""
    return [index for index, span in enumerate(spans) if marks.any_within(span.start, span.end)]


@st.composite
def _text_and_spans(draw: st.DrawFn, ordered: bool) -> tuple[str, list[Block]]:
    text = "".join(draw(st.lists(_PIECES, max_size=30)))
    cuts = draw(st.lists(st.integers(0, len(text)), max_size=12))
    if ordered:
        # In order and not overlapping, some empty, with gaps between them or not (a document's paragraphs).
        cuts.sort()
        spans = [Block(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, draw(st.sampled_from([1, 2])))]
    else:
        spans = [Block(*sorted(pair)) for pair in zip(cuts, cuts[1:])]
    return text, spans


@settings(max_examples=800, deadline=None)
@given(_text_and_spans(True))
def test_walk_to_the_paragraphs_with_marks_agrees_with_asking_each(case: tuple[str, list[Block]]) -> None:
    text, spans = case
    marks = Marks(text)
    assert marks.holders(spans) == _asked(marks, spans)


@settings(max_examples=300, deadline=None)
@given(_text_and_spans(False))
def test_spans_out_of_order_are_each_asked(case: tuple[str, list[Block]]) -> None:
    text, spans = case
    marks = Marks(text)
    assert marks.holders(spans) == _asked(marks, spans)


def test_walk_examples() -> None:
    text = '(a) x\n\nno marks\n\n"q"\n\n\u2018z'
    spans = [Block(0, 5), Block(7, 15), Block(17, 20), Block(22, 24)]
    assert Marks(text).holders(spans) == [0, 2, 3]
    assert Marks(text).holders([Block(7, 15)]) == []
    assert Marks(text).holders([]) == []
    assert Marks("no marks").holders(spans[:1]) == []
    # A mark before the first paragraph, between two and after the last is in none.
    assert Marks("( a ) b [").holders([Block(2, 3), Block(6, 7)]) == []
    assert Marks("( a ) b [").holders([Block(2, 3), Block(4, 7)]) == [1]

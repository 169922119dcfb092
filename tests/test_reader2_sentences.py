"""The sentence splitter's shortcuts give what the general path gives.

``split_sentences`` searches a paragraph without "!" and "?" with a pattern that opens with a literal
period (``period_boundary``), and ``Document.sentences`` takes a trimmed paragraph without a candidate
boundary as one sentence without calling ``split_sentences``. Both are compared here with the general
path: every paragraph split with the full ``BOUNDARY`` pattern.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.document import Document, new_block
from checker.sentences import BOUNDARY, period_boundary, split_sentences

_PIECES = st.sampled_from(
    [
        "The",
        "the",
        "Dr",
        "Inc",
        "U.S",
        "e.g",
        "J",
        "abcdefgh",
        "résumé",
        "Ökonomie",
        "word",
        "5",
        "62.2",
        "in",
        ".",
        "..",
        "!",
        "?",
        "?!",
        "!.",
        ". ",
        "! ",
        "? ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "\u2003",
        "'",
        '"',
        "\u2019",
        "\u201d",
        ")",
        "]",
        "(",
        "[",
        "-",
        "\u2014",
    ]
)


def _general(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    return split_sentences(prose, start, end, BOUNDARY)


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=24), st.data())
@example(["Stop", "!", " ", "Go", ". ", "Now", "?", " ", "Yes", "."], None)
def test_the_faster_boundary_splits_as_the_general_one(pieces, data):
    text = "".join(pieces)
    if data is None:
        start, end = 0, len(text)
    else:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
    assert split_sentences(text, start, end) == _general(text, start, end)
    whole = period_boundary(text)
    if whole is not None:
        assert split_sentences(text, start, end, whole) == _general(text, start, end)


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=8))
@example(["Hello", " ", "World", " "], [(0, 12)])
@example([" ", "Hi", ". ", "There"], [(0, 12)])
def test_document_sentences_as_every_paragraph_split(pieces, bounds):
    # Blocks as readers may hand them over: trimmed or not, empty, overlapping.
    text = "".join(pieces)
    blocks = [new_block(min(a, b, len(text)), min(max(a, b), len(text)), "paragraph") for a, b in bounds]
    document = Document("x.md", text, blocks=blocks)
    expected = [(start, end, index) for index, block in enumerate(blocks) for start, end in _general(text, block.start, block.end)]
    assert [(s.start, s.end, s.paragraph) for s in document.sentences] == expected

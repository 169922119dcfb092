"""Readers: decoding, positions in code points, Markdown scoping."""

from __future__ import annotations

from pathlib import PurePath

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checker.document import Document, line_starts, offset_to_position
from checker.finding import Position
from checker.readers import FORMATS, BinaryFileError, decode, format_for, read_document


def test_positions_count_code_points_and_every_line_ending():
    text = "é1\r\nabc\rdef\nxyz"
    starts = line_starts(text)
    assert starts == [0, 4, 8, 12]
    assert offset_to_position(starts, text.index("b")) == Position(2, 2)
    assert offset_to_position(starts, text.index("e")) == Position(3, 2)
    assert offset_to_position(starts, text.index("y")) == Position(4, 2)
    # an astral character is one column
    doc = Document("x.txt", "😀x")
    assert doc.position(1) == Position(1, 2)


def test_utf8_bom_is_stripped_and_remembered():
    decoded = decode(b"\xef\xbb\xbfhello")
    assert decoded.text == "hello" and decoded.bom and decoded.bad_byte is None


def test_non_utf8_is_decoded_by_detection_with_first_bad_byte():
    data = "Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9 \u2014 \u201cquoted\u201d text in Windows-1252.\n".encode("cp1252")
    decoded = decode(data)
    assert decoded.bad_byte == 3
    assert "Café" in decoded.text


def test_binary_is_refused():
    with pytest.raises(BinaryFileError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_empty_file_is_an_empty_document():
    doc, decoded = read_document("e.txt", b"")
    assert doc.text == "" and doc.paragraphs == [] and doc.sentences == []


def test_crlf_paragraphs_and_sentences():
    doc, _ = read_document("c.txt", b"First one. Second one.\r\n\r\nThird.\r\n")
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == ["First one. Second one.", "Third."]
    assert [doc.text[s.start : s.end] for s in doc.sentences] == ["First one.", "Second one.", "Third."]


MARKDOWN = """---
title: Report $5
---
# Heading with `code`

Prose with `inline code` and a [link](https://example.com/x_y) and \\$62.2 escaped.
See https://example.com/path and <https://auto.link/>.

```python
the the code
```

    indented code block

<!-- a comment -->
- list item one
- list item two

| a | b |
|---|---|
| 1 | 2 |
"""


def test_markdown_blanks_everything_that_is_not_prose():
    doc, _ = read_document("m.md", MARKDOWN.encode())
    assert len(doc.prose) == len(doc.text)
    prose = doc.prose
    for hidden in ("title:", "code", "https://", "example.com", "the the", "indented", "comment", "```", "\\$", "|"):
        assert hidden not in prose, hidden
    for kept in ("Heading with", "Prose with", "and a  link", "$62.2 escaped", "list item one"):
        assert kept in prose.replace("\n", " "), kept
    # offsets are the original file's
    index = prose.index("$62.2")
    assert doc.text[index : index + 5] == "$62.2"
    kinds = [b.kind for b in doc.paragraphs]
    assert kinds[0] == "heading" and "list" in kinds and "table" in kinds


RESTRUCTURED = """Rationale
=========

Use ``f()`` and ``g()`` as follows::

    x = f(a
    print("\u2119\u01b4\u2602\u2138\ufffd")

    y = g(b

.. code-block:: python

    GLIBCMINOR = 1

.. warning::

    The body of an admonition is prose (read it).

>>> SOMEKEY = 1

After the block, prose again.
"""


def test_restructured_text_literal_blocks_are_not_prose():
    doc, _ = read_document("pep.txt", RESTRUCTURED.encode())
    assert len(doc.prose) == len(doc.text)
    for hidden in ("x = f(a", "print(", "y = g(b", "GLIBCMINOR", "SOMEKEY", "\ufffd"):
        assert hidden not in doc.prose, hidden
    for kept in ("Use ``f()`` and ``g()`` as follows::", "The body of an admonition is prose", "After the block, prose again."):
        assert kept in doc.prose, kept
    # Plain text that is not reStructuredText keeps an indented paragraph after "::" as prose.
    plain, _ = read_document("notes.txt", b"The steps::\n\n    run it (twice\n\nDone.\n")
    assert plain.prose == plain.text


def test_markdown_code_spans_stay_in_their_paragraph_and_skip_an_escaped_backtick():
    # An escaped backtick is a backtick shown as such; a code span never crosses a blank line. Before,
    # the "\\`" opened a span that ran to the next backtick two paragraphs on and blanked the prose between.
    text = "Any number of \\` marks.\n\nThen `code` and words.\n\nA `span\nover two lines` ends.\n"
    doc, _ = read_document("doc.md", text.encode())
    for kept in ("Any number of", "marks.", "Then", "and words.", "ends."):
        assert kept in doc.prose, kept
    for hidden in ("code", "span", "over two lines"):
        assert hidden not in doc.prose, hidden


def test_markdown_table_delimiter_with_one_dash_per_cell():
    text = "Metrics:\n\n||Timeout = Disabled|\n|-|---|\n|a)|`total`: a metric|\n|b)|aborts|\n\nAfter.\n"
    doc, _ = read_document("doc.md", text.encode())
    assert [block.kind for block in doc.paragraphs] == ["paragraph", "table", "paragraph"]


def test_plain_text_list_items_are_paragraphs_of_their_own():
    text = (
        "HIGHLIGHTS\n\n- Revenue of GBP 612.4m (H1 2024: GBP 548.9m), up 11.6%\n- Underlying EBITDA of GBP 131.7m\n"
        "  (H1 2024: GBP 118.2m), up 14.2%\n\nA paragraph that mentions\n- a dash at a line start once.\n"
    )
    doc, _ = read_document("results.txt", text.encode())
    pieces = [doc.prose[block.start : block.end] for block in doc.paragraphs]
    assert pieces[1].startswith("Revenue") and pieces[1].endswith("up 11.6%")  # (after its mark, as in Markdown)
    assert pieces[2].startswith("Underlying") and pieces[2].endswith("up 14.2%")  # its wrapped line stays in it
    assert [block.kind for block in doc.paragraphs] == ["paragraph", "list", "list", "paragraph"]
    assert pieces[3] == "A paragraph that mentions\n- a dash at a line start once."  # one such line: not a list
    assert len(pieces) == 4


def test_markdown_soft_wrap_is_one_paragraph():
    doc, _ = read_document("m.md", b"One line\ncontinues here.\n\nNext paragraph.\n")
    assert len(doc.paragraphs) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Dajun Yang met Mr. Smith. Then he left.", 2),
        ("Ascentage Pharma Group Inc. is listed in the U.S. market. It grew.", 2),
        ("Revenue was $62.2 million. Costs fell.", 2),
        ("It cites Order No. 27 of the NMPA. Done.", 2),
        ("CAMBRIDGE, Mass., March 5, 2026 -- The company said so. More.", 2),
        ("The call starts at 9 a.m. Eastern time.", 1),
        ("He founded Acme Inc. The company grew fast.", 2),
        ("See e.g. the appendix. Next.", 2),
        ("J. Smith wrote it. Next!", 2),
    ],
)
def test_sentence_splitting_survives_abbreviations(text, expected):
    doc = Document("s.txt", text)
    assert len(doc.sentences) == expected, [text[s.start : s.end] for s in doc.sentences]


_SENTENCE_PIECES = st.sampled_from(
    ["Dr", "approx", "messrs", "Messrs", "calif", "Inc", "U.S", "e.g", "J", "x", "abcdef", "abcdefg", "résumés", "word",
     ".", ". ", " ", "  ", "\n", "The", "the", "'", "\u2019", "-", "!", "? ", "(", ")", "5", "in"]
)


@given(st.lists(_SENTENCE_PIECES, max_size=16))
@example(["See", " ", "messrs", ". ", "The", " ", "x", ". ", "Then", " ", "approx", ". ", "The", " ", "end", "."])
def test_a_period_after_a_long_word_splits_as_the_word_test_decides(pieces):
    # split_sentences takes a period after enough letters as a sentence end without reading the word
    # before it; _period_ends_sentence, asked about every period, must split the same way.
    from checker import sentences

    text = "".join(pieces)
    fast = sentences.split_sentences(text, 0, len(text))
    enough = sentences._LETTERS_ENOUGH
    try:
        sentences._LETTERS_ENOUGH = len(text) + 1  # every period read
        assert sentences.split_sentences(text, 0, len(text)) == fast
    finally:
        sentences._LETTERS_ENOUGH = enough


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le café est très bon à Noël.", "cp1252"),
        ("Grüße aus München – über Straße.", "cp1252"),
        ("¿Qué tal? Año 2025, señor.", "cp1252"),
        ("Café au lait, naïve résumé — “quoted”.", "cp1252"),
    ],
)
def test_short_western_legacy_text_is_read_as_windows_1252(text, encoding):
    decoded = decode(text.encode(encoding))
    assert decoded.text == text and decoded.encoding == "cp1252"


def test_other_legacy_alphabets_are_not_forced_into_windows_1252():
    text = "Привет, как дела? Это тест кодировки, и он должен пройти без ошибок. " * 3
    decoded = decode(text.encode("cp1251"))
    assert decoded.encoding != "cp1252"
    assert decode("Zażółć gęślą jaźń, łódź.".encode("cp1250")).encoding != "cp1252"


@pytest.mark.parametrize(
    "data",
    [
        b"Caf\xe9 au lait, a soft\xadhyphen.\n",  # charset-normalizer alone: cp775
        b"\xc3\xa9 soft\xadhyphen.\n",  # charset-normalizer alone: UTF-16-LE
        b"Caf\xe9 \xa4 5, \xb6 2, \xac x, \xa8 \xb4 \xb8.\n",  # charset-normalizer alone: cp775
        b"Na\xefve r\xe9sum\xe9 \xb6 para, don\xb4t.\n",  # charset-normalizer alone: cp1250
        b"x\xad",
    ],
)
def test_legacy_text_with_a_soft_hyphen_or_latin1_signs_is_read_as_windows_1252(data):
    """Found by fuzzing: these files were read in DOS code pages (or UTF-16), and a fix could tip them to another."""
    decoded = decode(data)
    assert decoded.encoding == "cp1252" and decoded.text == data.decode("cp1252")


def test_text_without_nul_bytes_is_never_read_as_utf16_without_a_bom():
    for data in (b"\xc3\xa9 ab\xadcd.\n", b"\x81\xc3\x83\x0e\xc3\x98\xf1\x80\x80\x80", b"\xe9\xad\xe9\xad"):
        assert not decode(data).encoding.startswith(("utf_16", "utf-16"))


def test_a_soft_hyphen_inside_a_word_is_not_taken_for_a_letter_of_another_code_page():
    assert decode("Zażółć gęślą jaźń, łódź.".encode("cp1250")).encoding != "cp1252"
    assert decode("Bundes\u00adrepublik und R\u00e9sum\u00e9.".encode("cp1252")).encoding == "cp1252"


@given(st.lists(st.sampled_from(["a", "b.md", ".", "..", "", "x.TXT", ".hidden", "c.", "d.Markdown", "e.tar.htm", "\\f.md"]), max_size=5), st.booleans())
def test_format_for_reads_the_extension_as_a_path_object_does(parts, trailing_slash):
    """format_for takes the suffix without building a PurePath for each document, and must agree with one."""
    path = "/".join(parts) + ("/" if trailing_slash else "")
    assert format_for(path) == FORMATS.get(PurePath(path).suffix.lower())


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_markdown_fences_comments_and_paragraph_runs(newline):
    """The reader passes over fenced blocks, comments and runs of paragraph lines in one step each:
    what it blanks and the blocks it finds are those the lines, read one by one, give."""
    from checker.readers import markdown

    lines = [
        "Intro line one", "line two, no break after", "",  # a paragraph of two lines
        "````", "```python", "x = 1 | 2", "  ````` ", "After the fence.",  # closed by a longer run, with blanks
        "<!-- open", "a note", "closed --> trailing", "Para | with pipe", "Next line",
        "~~~", "never closed", "still code",
    ]
    text = newline.join(lines)
    doc = markdown.read("x.md", text)
    prose_lines = doc.prose.split(newline)
    assert prose_lines[:3] == lines[:3]
    assert all(not line.strip() for line in prose_lines[3:7])  # the fence, its lines and its closing one
    assert prose_lines[7] == "After the fence."
    assert all(not line.strip() for line in prose_lines[8:10]) and prose_lines[10].strip() == "trailing"  # the comment
    assert prose_lines[11:13] == ["Para | with pipe", "Next line"]  # (no table: a pipe is kept)
    assert all(not line.strip() for line in prose_lines[13:])  # an unclosed fence runs to the end
    spans = [(b.kind, text[b.start : b.end]) for b in doc.paragraphs]
    assert spans == [
        ("paragraph", f"Intro line one{newline}line two, no break after"),
        ("paragraph", "After the fence."),
        ("paragraph", f"Para | with pipe{newline}Next line"),
    ]

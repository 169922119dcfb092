"""The HTML reader: prose from text nodes, entities decoded, positions in the original file."""

from __future__ import annotations

from checker.fixes import apply_fixes
from checker.readers import read_document
from checker.testing import lint

PAGE = """<!DOCTYPE html>
<html><head><title>Q3 report</title><style>p { content: "the the" }</style></head>
<body>
<h1>Results for AT&amp;T</h1>
<p>Revenue rose to &euro;4.2 million, and caf&eacute; sales were the the best.
<script>var x = "the the";</script></p>
<div hidden><p>Hidden the the text</p></div>
<pre>code the the</pre>
<p>Kept <code>the the</code> out, <span style="display: none">the the</span> too.</p>
<ul><li>First item</li><li>Second&nbsp;item</li></ul>
<p>Don&#8217;t stop.</p>
</body></html>
"""


def _doc(text: str = PAGE):
    return read_document("page.html", text.encode())[0]


def test_prose_is_the_text_nodes_with_entities_decoded() -> None:
    doc = _doc()
    assert doc.format == "html"
    assert len(doc.prose) == len(doc.text)
    shown = [doc.prose[b.start : b.end] for b in doc.paragraphs]
    assert shown[0] == "Q3 report"
    assert shown[1] == "Results for AT&T"
    assert shown[2].startswith("Revenue rose to €4.2")
    assert "café" in shown[2]
    assert "First item" in shown and "Second\u00a0item" in shown
    assert any(s.startswith("Don\u2019t") for s in shown)
    assert "&amp;" not in doc.prose and "&eacute;" not in doc.prose


def test_script_style_code_pre_and_hidden_content_is_not_prose() -> None:
    prose = _doc().prose
    assert prose.count("the the") == 1  # only the visible paragraph's
    assert "Hidden" not in prose and "code" not in prose and "content" not in prose


def test_block_elements_make_paragraphs_and_kinds() -> None:
    kinds = [b.kind for b in _doc().paragraphs]
    assert kinds[:2] == ["heading", "heading"]
    assert kinds.count("list") == 2


def test_findings_are_located_in_the_html_file() -> None:
    [found] = lint(PAGE, select=["TXT004"], path="page.html")
    line = PAGE.split("\n")[found.line - 1]
    assert line[found.column - 1 :].startswith("the the best")


def test_fix_edits_the_html_byte_exactly() -> None:
    diagnostics = lint(PAGE, select=["TXT004"], path="page.html")
    fixed = apply_fixes(PAGE, diagnostics, prose=_doc().prose)
    assert fixed == PAGE.replace("were the the best", "were the best")


def test_no_fix_inside_a_word_that_holds_an_entity() -> None:
    # A word holding a reference is written decoded from its first position: its prose differs
    # from the file over the whole word, and apply_fixes never edits where prose and text differ.
    page = "<p>The the caf&eacute; opened.</p>\n"
    doc = _doc(page)
    start = page.index("caf&")
    assert doc.prose[start : start + len("caf&eacute;")] == "café       "
    diagnostics = lint(page, select=["TXT004"], path="page.html")
    assert apply_fixes(page, diagnostics, prose=doc.prose) == "<p>The caf&eacute; opened.</p>\n"


def test_entities_are_no_false_positives() -> None:
    page = "<p>Research &amp; development at AT&amp;T rose 5%.</p>\n"
    assert lint(page, select=["ENC"], path="page.html") == []
    # In plain text the same entities are real leftovers: one finding per entity, its other places related.
    [found] = lint(page.replace("<p>", "").replace("</p>", ""), select=["ENC"], path="page.txt")
    assert found.rule == "ENC008" and len(found.related) == 1


def test_suppression_comments_work_in_html() -> None:
    page = "<!-- factlint-disable-next-line TXT004 -->\n<p>It was the the best.</p>\n"
    assert lint(page, select=["TXT004"], path="page.html") == []


def test_crlf_and_unclosed_elements() -> None:
    page = "<p>One\r\n<p>It was the the best\r\n<li>and <code>unclosed\r\n"
    doc = _doc(page)
    [found] = lint(page, select=["TXT004"], path="page.htm")
    assert (found.line, found.column) == (2, 11)
    assert "unclosed" not in doc.prose


def test_xhtml_and_htm_are_html() -> None:
    assert read_document("a.xhtml", b"<p>x</p>")[0].format == "html"
    assert read_document("a.HTM", b"<p>x</p>")[0].format == "html"


def test_a_page_written_by_pandoc_from_its_template() -> None:
    from pathlib import Path

    page = (Path(__file__).parent / "data" / "formats" / "pandoc-report.html").read_bytes()
    found = lint(page, path="report.html")
    assert [(d.rule, d.line, d.column) for d in found] == [("TXT004", 163, 60), ("TXT004", 176, 21), ("TXT004", 182, 22), ("TXT004", 189, 55)]
    lines = page.decode().split("\n")
    assert all(lines[d.line - 1][d.column - 1 :].startswith(d.message.split('"')[1]) for d in found)
    # Read as plain text, the same page's entities, CSS and markup give findings of their own.
    assert {d.rule for d in lint(page, path="report.txt")} - {"TXT004"}


_PIECES = ["<p>", "</p>", "<div hidden>", "</div>", "<code>", "</code>", "<script>", "</script>", "<!--", "-->", "<br>",
           "&amp;", "&eacute;", "&#8217;", "&#x41;", "&nbsp;", "&copy", "&bogus;", "&", "<", ">", "<!DOCTYPE html>",
           "<![CDATA[", "]]>", "<li>", "<td>", "the ", "word", " ", "\n", "\r\n", "\r", "é", "\u2019", "'", '"', "="]


def test_any_markup_reads_with_prose_in_place() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from checker.readers.html import read

    @settings(max_examples=400, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
    def check(text: str) -> None:
        doc = read("x.html", text)
        assert len(doc.prose) == len(text)
        for index, char in enumerate(doc.prose):
            # Line breaks stay where they are; every other character is blank, the file's own, or part of a
            # word that a character reference changed (within an "&...;" word).
            if text[index] in "\r\n" or char in "\r\n":
                assert char == text[index]
        for block in doc.paragraphs:
            assert 0 <= block.start < block.end <= len(text)
        for start, end in doc.comments:
            assert text.startswith("<!--", start) and end <= len(text)

    check()


ATTRIBUTES = """<html><body>
<p>The chart <img src="q3.png" alt="Revenue rose from $48.6 million to $31.2 million, up 42%"> shows the trend.</p>
<p><abbr title='Caf&eacute; sales were the the best'>CSB</abbr> grew.</p>
<img src="logo.png" alt=""><img src=x.png alt=Logo>
<div hidden><img src="h.png" alt="hidden the the alt"></div>
<pre title="code the the">x = 1</pre>
<p><a href="/a" data-note="the the">Read</a> more.</p>
</body></html>
"""


def test_alt_and_title_attributes_are_prose_of_their_own() -> None:
    """Users read an image's alt text and a tooltip: each is a paragraph, in place in the file."""
    doc = _doc(ATTRIBUTES)
    assert len(doc.prose) == len(doc.text)
    shown = [doc.prose[b.start : b.end] for b in doc.paragraphs]
    assert "Revenue rose from $48.6 million to $31.2 million, up 42%" in shown
    assert "The chart" in shown and "shows the trend." in shown  # the alt text is not glued into the sentence
    assert any(s.startswith("Café") and s.endswith("the the best") for s in shown)
    assert "Logo" in shown
    assert "hidden" not in doc.prose and "code the the" not in doc.prose and "data-note" not in doc.prose


def test_findings_in_attributes_are_located_in_the_attribute() -> None:
    found = lint(ATTRIBUTES, select=["NUM001", "TXT004"], path="page.html")
    lines = ATTRIBUTES.split("\n")
    assert sorted(d.rule for d in found) == ["NUM001", "TXT004"]
    for d in found:
        text = lines[d.line - 1][d.column - 1 :]
        assert text.startswith("42%") if d.rule == "NUM001" else text.startswith("the the best")


def test_a_fix_inside_an_attribute_edits_it_byte_exactly() -> None:
    page = '<p><img src="a.png" alt="Sales grew the the most."></p>\n'
    [found] = lint(page, select=["TXT004"], path="page.html")
    fixed = apply_fixes(page, [found])
    assert fixed == '<p><img src="a.png" alt="Sales grew the most."></p>\n'

"""PDF: the text layer, page by page in reading order, located by page and line.

Read with pdfminer.six (``pip install 'factlint[office]'``), whose layout
analysis groups characters into lines and lines into text boxes and orders the
boxes for reading (two columns are read one after the other). The text that
rules see is each box's lines (runs of spaces, as justified text gives, made one),
boxes separated by blank lines, and a paragraph that a page break cuts (no full
stop at the foot of the page, a lower-case word at the top of the next) is one. What the PDF's
font maps give is kept as it is, so the encoding rules see it: ``(cid:N)``
codes of glyphs without a mapping, ligatures such as "ﬁ", garbled scripts.

A word hyphenated at the end of a line is joined before the prose rules run:
"infor-" + "mation" reads as "information" on the first line, "well-" +
"known" as "well-known" (when the joined word is not an English word), and a
suspended hyphen ("first- and second-line") is left alone. Each line of the
PDF is one "line" (``line`` counts them through the document) and its location
says "page 2, line 7". Fixes are never applied to a PDF.
"""

from __future__ import annotations

import io
import re

from checker.document import Block, Document
from checker.readers import UnreadableDocument

# A line ending in a hyphenated word part, and the next line's first word.
_HYPHEN_END = re.compile(r"([^\W\d_]+)-$")
_NEXT_WORD = re.compile(r"\s*([^\W\d_][^\W_]*)([.,;:!?)\]]*)(?=\s|$)")
# Words after a suspended hyphen ("pre- and post-operative"): the hyphen stays, the lines stay apart.
_COMMON = 3.0  # Zipf frequency of a common English word (about once per million words)
_SUSPENDED = frozenset({"and", "or", "nor", "to", "und", "oder", "et", "ou"})


def read_bytes(path: str, data: bytes) -> Document:
    """The PDF's text layer as a Document, one "line" per line of a page (raises UnreadableDocument)."""
    blocks: list[list[tuple[int, str]]] = []  # text boxes: their lines, each with its page number
    for number, page in enumerate(extract(data), 1):
        for index, box in enumerate(page):
            lines = [(number, " ".join(line.split())) for line in box]
            if blocks and _continues(blocks[-1][-1][1], lines[0][1], page_break=index == 0):
                blocks[-1].extend(lines)  # a paragraph that a page break (or the layout analysis) cut in two
            else:
                blocks.append(lines)
    for block in blocks:
        joined = join_hyphenation([line for _, line in block])
        block[:] = [(page, line) for (page, _), line in zip(block, joined)]
    return _document(path, blocks)


def _continues(last: str, first: str, page_break: bool) -> bool:
    """Whether a text box goes on with the one before: across a page break, a sentence not ended;
    on one page, a word hyphenated at the end of the box."""
    if not last or not first or not (first[0].islower() or first[0].isdigit()):
        return False
    if page_break:
        return last[-1] not in ".!?:\"\u201d)"
    return _HYPHEN_END.search(last) is not None


def extract(data: bytes) -> list[list[list[str]]]:
    """Pages -> text boxes in reading order -> lines (raises UnreadableDocument)."""
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTFigure, LTTextBox, LTTextLine
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:
        raise UnreadableDocument("reading PDF documents needs pdfminer.six: pip install 'factlint[office]'") from None
    pages: list[list[list[str]]] = []
    try:
        # all_texts: text drawn inside a form XObject (a "figure") is laid out too; some producers put
        # a whole page's text in one, which would otherwise read as a page without text.
        for page in extract_pages(io.BytesIO(data), laparams=LAParams(all_texts=True)):
            boxes: list[list[str]] = []
            _boxes(page, boxes, LTTextBox, LTTextLine, LTFigure)
            pages.append(boxes)
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise UnreadableDocument(f"an encrypted PDF: no text to check without its password ({type(error).__name__})") from None
    except Exception as error:  # pdfminer raises many kinds of error on damaged files
        raise UnreadableDocument(f"not a readable PDF ({type(error).__name__}: {error})") from None
    if not pages:
        raise UnreadableDocument("not a readable PDF (no pages found)")
    if not any(pages):
        raise UnreadableDocument(f"no text to check: none of its {len(pages)} page(s) has a text layer (a scanned document? run OCR first)")
    return pages


def _boxes(container, out: list[list[str]], box_type, line_type, figure_type) -> None:
    """The lines of each text box in ``container``, in its order, looking inside figures."""
    for item in container:
        if isinstance(item, box_type):
            lines = [line.get_text().rstrip("\r\n") for line in item if isinstance(line, line_type)]
            lines = [line for line in lines if line.strip()]
            if lines:
                out.append(lines)
        elif isinstance(item, figure_type):
            _boxes(item, out, box_type, line_type, figure_type)


def join_hyphenation(lines: list[str]) -> list[str]:
    """Join words hyphenated at line ends: the word's second part moves up to the line before."""
    from checker.lexicon import zipf

    lines = list(lines)
    for index in range(len(lines) - 1):
        end = _HYPHEN_END.search(lines[index].rstrip())
        following = _NEXT_WORD.match(lines[index + 1])
        if end is None or following is None or not following.group(1)[0].islower():
            continue
        second = following.group(1)
        if second.lower() in _SUSPENDED:
            continue
        first = end.group(1)
        stem = lines[index].rstrip()[:-1]
        # "infor-mation" was one word broken by the layout; "well-known" (two common words, rare
        # written solid) keeps its hyphen.
        compound = zipf(first) >= _COMMON and zipf(second) >= _COMMON and zipf(first + second) < _COMMON
        joined = stem + "-" + second if compound else stem + second
        lines[index] = joined + following.group(2)
        lines[index + 1] = lines[index + 1][following.end() :].lstrip()
    return lines


def _document(path: str, blocks: list[list[tuple[int, str]]]) -> Document:
    pieces: list[str] = []
    starts: list[int] = []
    locations: list[str] = []
    paragraphs: list[Block] = []
    offset = 0
    line_on_page: dict[int, int] = {}
    for lines in blocks:
        if pieces:
            pieces.append("\n\n")
            offset += 2
        block_start = offset
        for index, (page, line) in enumerate(lines):
            if index:
                pieces.append("\n")
                offset += 1
            line_on_page[page] = line_on_page.get(page, 0) + 1
            starts.append(offset)
            locations.append(f"page {page}, line {line_on_page[page]}")
            pieces.append(line)
            offset += len(line)
        paragraphs.append(Block(block_start, offset))
    text = "".join(pieces)
    # A box whose only line moved up entirely leaves an empty block: drop it from the paragraphs.
    paragraphs = [b for b in paragraphs if text[b.start : b.end].strip()]
    return Document(path, text, format="pdf", blocks=_trimmed(text, paragraphs), starts=starts, locations=locations)


def _trimmed(text: str, blocks: list[Block]) -> list[Block]:
    from checker.document import trim_span

    out = []
    for block in blocks:
        start, end = trim_span(text, block.start, block.end)
        out.append(Block(start, end, block.kind))
    return out

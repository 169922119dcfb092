"""Word (.docx): paragraphs, headings, list items, table cells and footnotes, in reading order.

The package is opened with python-docx (``pip install 'factlint[office]'``);
each paragraph's text is read from its XML runs, so tracked insertions count
and tracked deletions, field codes and review comments do not. The text that
rules see is the paragraphs in reading order (the body, then footnotes and
endnotes), separated by blank lines. A Word document has no lines: each
paragraph is one "line" (``line`` = the paragraph's number in that order,
``column`` = the character in it), and its location says where it is in
words ("paragraph 12", "table 2, row 3, cell 4", "footnote 3").

Fixes are never applied to a Word document.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from checker.document import Block, BlockKind, Document
from checker.readers import UnreadableDocument

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Run content that is text, and what it reads as.
_TEXT = {_W + "t": None, _W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "\u2011", _W + "softHyphen": "\u00ad"}
_SKIPPED = frozenset({_W + "del", _W + "instrText", _W + "delText", _W + "commentReference", _W + "footnoteReference", _W + "endnoteReference"})
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_bytes(path: str, data: bytes) -> Document:
    """The Word document's prose, one "line" per paragraph (raises UnreadableDocument)."""
    if data.startswith(_OLE):
        raise UnreadableDocument("an encrypted Word document, or an old .doc file: no text to check")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise UnreadableDocument("reading Word documents needs python-docx: pip install 'factlint[office]'") from None
    try:
        document = docx.Document(io.BytesIO(data))
        parts = list(_body(document)) + list(_notes(document))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, PackageNotFoundError) as error:
        raise UnreadableDocument(f"not a readable Word document ({type(error).__name__}: {error})") from None
    except Exception as error:  # lxml's XMLSyntaxError and other damage inside the package
        raise UnreadableDocument(f"not a readable Word document ({type(error).__name__}: {error})") from None
    return build(path, parts, "docx")


def build(path: str, parts: list[tuple[str, str, BlockKind]], format: str) -> Document:
    """A Document from (text, location, kind) paragraphs: blank lines between, one "line" each."""
    pieces: list[str] = []
    starts: list[int] = []
    blocks: list[Block] = []
    locations: list[str] = []
    offset = 0
    for text, location, kind in parts:
        if pieces:
            pieces.append("\n\n")
            offset += 2
        starts.append(offset)
        locations.append(location)
        blocks.append(Block(offset, offset + len(text), kind))
        pieces.append(text)
        offset += len(text)
    if not parts:
        raise UnreadableDocument("no text to check (the document has no paragraphs with text)")
    return Document(path, "".join(pieces), format=format, blocks=blocks, starts=starts, locations=locations)


def paragraph_text(element: Any) -> str:
    """The text of a ``w:p`` element: its runs, tracked insertions included, deletions and field codes not."""
    out: list[str] = []
    _collect(element, out)
    return "".join(out)


def _collect(element: Any, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIPPED:
            continue
        if tag in _TEXT:
            out.append(child.text or "" if _TEXT[tag] is None else str(_TEXT[tag]))
        elif tag == _W + "p" and out:  # a paragraph inside a text box: a line of its own
            out.append("\n")
            _collect(child, out)
        else:
            _collect(child, out)


def _kind(paragraph: Any, styles: dict[str, str]) -> BlockKind:
    ppr = paragraph._p.pPr
    # The style's name through a table built once: python-docx's paragraph.style searches every style each time.
    style = styles.get(ppr.pStyle.val, "") if ppr is not None and ppr.pStyle is not None else ""
    if style.startswith(("Heading", "Title", "Subtitle")):
        return "heading"
    if style.startswith("List") or (ppr is not None and ppr.numPr is not None):
        return "list"
    if style in ("Quote", "Intense Quote"):
        return "quote"
    return "paragraph"


def _body(document: Any):
    """(text, location, kind) for the body's paragraphs and table cells, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    counter = {"paragraph": 0, "table": 0}
    styles = {style.style_id: style.name or "" for style in document.styles}
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = paragraph_text(item._p)
            if text.strip():
                counter["paragraph"] += 1
                yield text, f"paragraph {counter['paragraph']}", _kind(item, styles)
        elif isinstance(item, Table):
            counter["table"] += 1
            yield from _table(item, f"table {counter['table']}")


def _table(table: Any, label: str):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for row_number, row in enumerate(table.rows, 1):
        seen: set[int] = set()
        for cell_number, cell in enumerate(row.cells, 1):
            if id(cell._tc) in seen:  # a merged cell appears once per column it spans
                continue
            seen.add(id(cell._tc))
            where = f"{label}, row {row_number}, cell {cell_number}"
            inner_tables = 0
            paragraphs = list(cell.iter_inner_content())
            texts = [p for p in paragraphs if isinstance(p, Paragraph) and paragraph_text(p._p).strip()]
            for item in paragraphs:
                if isinstance(item, Paragraph):
                    text = paragraph_text(item._p)
                    if text.strip():
                        suffix = f", paragraph {texts.index(item) + 1}" if len(texts) > 1 else ""
                        yield text, where + suffix, "table"
                elif isinstance(item, Table):
                    inner_tables += 1
                    yield from _table(item, f"{where}, table {inner_tables}")


def _notes(document: Any):
    """(text, location, kind) for footnotes, then endnotes (separators left out)."""
    from lxml import etree

    package = document.part.package
    for name, label in (("/word/footnotes.xml", "footnote"), ("/word/endnotes.xml", "endnote")):
        part = next((p for p in package.iter_parts() if str(p.partname) == name), None)
        if part is None:
            continue
        root = etree.fromstring(part.blob)
        number = 0
        for note in root.iter(_W + "footnote", _W + "endnote"):
            if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            number += 1  # as Word numbers them: in order (the XML ids are internal)
            texts = [t for p in note.iter(_W + "p") if (t := paragraph_text(p)).strip()]
            for index, text in enumerate(texts):
                suffix = f", paragraph {index + 1}" if len(texts) > 1 else ""
                yield text.strip(), f"{label} {number}{suffix}", "paragraph"

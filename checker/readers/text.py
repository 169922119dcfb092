"""Plain text: everything is prose; paragraphs are separated by blank lines.

A plain-text file that is reStructuredText source (Python's PEPs and Sphinx documentation kept as ``.txt``:
``checker.restructuredtext``) has its literal and doctest blocks (the indented paragraphs after one ending in
``::``, a ``.. code-block::`` directive's body, ``>>>`` sessions) blanked in the prose view, as the Markdown
reader blanks code blocks: they are code and sample output, not the author's prose.
"""

from __future__ import annotations

import re

from checker.document import Block, Document, new_block, split_paragraphs, trim_span


def read(path: str, text: str) -> Document:
    from checker.restructuredtext import looks_like_restructuredtext

    if not looks_like_restructuredtext(text):
        if not _BULLET.search(text):
            return Document(path, text, format="text")
        return Document(path, text, format="text", blocks=list_items(text, split_paragraphs(text)))
    from checker.code_in_text import literal_blocks
    from checker.readers.markdown import apply_blanks

    blocks = split_paragraphs(text)
    literal = literal_blocks(text, blocks)
    if not literal:
        return Document(path, text, format="text")
    prose = apply_blanks(text, [(blocks[index].start, blocks[index].end) for index in literal])
    # The other paragraphs are the prose view's own: a blanked block only widens the blank lines around it.
    kept = [block for index, block in enumerate(blocks) if index not in literal]
    return Document(path, text, prose=prose, format="text", blocks=kept)


# A line that opens a list item: a bullet or a number with its mark, then the item's text.
_BULLET = re.compile(r"^[ \t]*(?:[-*\u2022\u2023\u25aa\u25e6\u00b7]|\(?\d{1,2}[.)])[ \t]+(?=\S)", re.M)


def list_items(text: str, blocks: list[Block]) -> list[Block]:
    """``blocks`` with each paragraph that is a list (two or more of its lines open with a bullet or a number,
    as "- Revenue of ...") split into its items: as in Markdown, each item is a unit of its own (starting after
    its mark), whose first word starts a sentence even where the item before ends without a period."""
    out: list[Block] = []
    for block in blocks:
        # (line start, item start) of each item: its mark's line, and its text after the mark.
        items = [(match.start(), match.end()) for match in _BULLET.finditer(text, block.start, block.end)]
        if len(items) < 2:
            out.append(block)
            continue
        pieces = [(block.start, items[0][0], block.kind)]
        pieces += [(start, items[k + 1][0] if k + 1 < len(items) else block.end, "list") for k, (_, start) in enumerate(items)]
        if not all(_paired(text[start:end]) for start, end, _ in pieces):
            out.append(block)  # a quotation or a parenthesis runs over the items: the list is inside it
            continue
        for start, end, kind in pieces:
            start, end = trim_span(text, start, end)
            if start < end:
                out.append(new_block(start, end, kind))
    return out


def _paired(piece: str) -> bool:
    """Whether ``piece`` closes every parenthesis, bracket and double quotation mark it opens (counted)."""
    return (
        piece.count("(") == piece.count(")") and piece.count("[") == piece.count("]")
        and piece.count('"') % 2 == 0 and piece.count("\u201c") == piece.count("\u201d")
    )

"""Plain text: everything is prose; paragraphs are separated by blank lines.

A plain-text file that is reStructuredText source (Python's PEPs and Sphinx documentation kept as ``.txt``:
``checker.restructuredtext``) has its literal and doctest blocks (the indented paragraphs after one ending in
``::``, a ``.. code-block::`` directive's body, ``>>>`` sessions) blanked in the prose view, as the Markdown
reader blanks code blocks: they are code and sample output, not the author's prose.
"""

from __future__ import annotations

from checker.document import Document, split_paragraphs


def read(path: str, text: str) -> Document:
    from checker.restructuredtext import looks_like_restructuredtext

    if not looks_like_restructuredtext(text):
        return Document(path, text, format="text")
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

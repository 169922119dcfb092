"""Code in a paragraph that the reader left in its prose view, seen from the source text.

Two cases matter to a check that pairs marks (CON001):

- markup the reader blanked (a Markdown code span, ``**``, a link's
  target) leaves spaces next to the marks around it, so ``"`x`"`` reads as
  two quotes each beside a space; ``filled`` puts a letter back where the
  source has something, so the marks read as touching a word;
- reStructuredText kept as plain text (``looks_like_restructuredtext``):
  its inline literals (````"/dev"````) are code, so ``filled`` replaces them
  by letters, and ``literal_blocks`` finds the paragraphs of its literal
  blocks (indented under a paragraph ending in ``::`` or a code directive)
  and its doctest blocks (``>>> ``).
"""

from __future__ import annotations

from checker.document import Block
from checker.patterns import LazyPattern
from checker.readers.markdown_inline import inline_code

# A mark written as a value: a quoted punctuation character ('"', "'", """, "\"", "(", '-', ‘)’, " :: ") or an empty
# string (""), and a line made of one quote mark repeated (a reStructuredText section underline, a
# docstring's """). Their marks pair with nothing in the prose around them.
_MARK_AS_VALUE = LazyPattern(
    r"(?m:^([\"'])\1{2,}[ \t]*$)"  # an underline
    r"|(?<!\w)([\"'])(?:\\?[^\w\s`]| [^\w\s`]{1,3} )\2|\u2018[^\w\s`]\u2019|\u201c[^\w\s`]\u201d"  # a quoted mark
    r"|(?<![^\s(\[{,=:])(?:\"\"|'')(?![^\s)\]},.;:])"  # an empty string
)
# A paragraph that introduces a literal block: it ends with "::", or opens with a code directive.
_INTRO_END = LazyPattern(r"::[ \t]*\Z")
_CODE_DIRECTIVE = LazyPattern(r"\.\. +(?:[\w-]*code[\w-]*|highlight|productionlist)::")


def filled(prose: str, text: str, start: int, end: int, literals: bool) -> str:
    """``prose[start:end]`` with an ``x`` wherever the reader blanked something that is not white space in
    ``text``, in place of each mark written as a value (``'"'``), and, with ``literals``, in place of each
    backtick span of ``text``."""
    out = list(prose[start:end])
    source = text[start:end]

    def letters(begin: int, stop: int) -> None:  # source[begin:stop] read as letters, its blanks kept
        for i in range(begin, stop):
            if not source[i].isspace():
                out[i] = "x"

    if source != prose[start:end]:
        for i, char in enumerate(out):
            if char == " " and not source[i].isspace():
                out[i] = "x"  # blanked by the reader
    if "'" in source or '"' in source or "\u2018" in source or "\u201c" in source:
        for match in _MARK_AS_VALUE.finditer(source):
            letters(match.start(), match.end())
    if literals and "`" in source:
        for span_start, span_end in inline_code(source):
            letters(span_start, span_end)
    return "".join(out)


def uneven_literals(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The backtick spans of ``text[start:end]`` that open and close a kind of bracket unevenly (``f(*(x)``).

    A literal that writes a bracket alone names it (````(````); one that both opens and closes a kind, a
    different number of times each, is code with a bracket lost.
    """
    out = []
    source = text[start:end]
    for span_start, span_end in inline_code(source):
        literal = source[span_start:span_end]
        for opener, closer in ("()", "[]"):
            opened, closed = literal.count(opener), literal.count(closer)
            if opened and closed and opened != closed:
                out.append((start + span_start, start + span_end))
                break
    return out


def _indent(text: str, start: int, end: int) -> int:
    """The least indentation of the lines of ``text[start:end]`` (``start`` at a line start)."""
    least = end - start
    for line in text[start:end].split("\n"):
        stripped = line.lstrip(" \t")
        if stripped:
            least = min(least, len(line) - len(stripped))
    return least


def literal_blocks(text: str, paragraphs: list[Block]) -> set[int]:
    """The indices of the paragraphs that are reStructuredText literal or doctest blocks."""
    out: set[int] = set()
    intro: int | None = None  # the indentation of the paragraph that opened a literal block
    for index, block in enumerate(paragraphs):
        line_start = text.rfind("\n", 0, block.start) + 1
        indent = _indent(text, line_start, block.end)
        if intro is not None and indent > intro:
            out.add(index)
            continue
        intro = None
        body = text[block.start : block.end]
        if body.startswith(">>> "):
            out.add(index)
        # A paragraph ending in "::" opens a literal block; a directive (".. note::") holds prose, unless it is one
        # for code (".. code-block:: python").
        if _CODE_DIRECTIVE.match(body) or (_INTRO_END.search(body) and not body.startswith(".. ")):
            intro = indent
    return out

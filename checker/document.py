"""Document: decoded text, its prose view, line index, paragraphs and sentences.

A reader turns a file into a Document. ``text`` is the file's decoded text
(without a BOM; line endings as in the file), and every offset a rule reports
indexes it. ``prose`` has exactly the same length: characters that are not
prose (code, URLs, markup, comments, front matter) are replaced by spaces,
line breaks are kept. Rules scan ``prose`` and report offsets that are
therefore valid in ``text`` too, so positions always refer to the original
file.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Literal

from checker.finding import Position
from checker.patterns import LazyPattern, builder

if TYPE_CHECKING:
    from checker.reading import ReadingNotes

BlockKind = Literal["paragraph", "heading", "list", "quote", "table"]

LINE_BREAK = LazyPattern(r"\r\n|\r|\n")
_BLANK_LINE = LazyPattern(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))*")
# The same, for text without carriage returns (several times faster: the search skips to each line feed).
_BLANK_LINE_LF = LazyPattern(r"\n[ \t]*\n(?:[ \t]*\n)*")
_BREAK_CHAR = LazyPattern(r"[\r\n]")
_succ = (1).__add__


def line_starts(text: str) -> list[int]:
    """Offsets at which each line starts (``\\n``, ``\\r\\n`` and lone ``\\r`` end lines)."""
    if "\r" not in text:
        # Line feeds only: each line starts one past the end of the one before.
        lines = text.split("\n")
        lines.pop()
        return list(accumulate(map(_succ, map(len, lines)), initial=0))
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def line_break_offsets(text: str) -> list[int]:
    """Offsets of every ``\\n`` and every ``\\r`` in ``text`` (a ``\\r\\n`` gives two)."""
    if "\r" not in text:
        lines = text.split("\n")
        lines.pop()
        # Each line feed sits one past the one before plus the line between them.
        breaks = list(accumulate(map(_succ, map(len, lines)), initial=-1))
        del breaks[0]
        return breaks
    return [m.start() for m in _BREAK_CHAR.finditer(text)]


def offset_to_position(starts: Sequence[int], offset: int) -> Position:
    """Map a 0-based offset to a 1-based line and column, using ``line_starts``."""
    index = bisect.bisect_right(starts, offset) - 1
    return Position(index + 1, offset - starts[index] + 1)


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level block: its span in the text and what kind of block it is."""

    start: int
    end: int
    kind: BlockKind = "paragraph"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its span of the text and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int  # index into Document.paragraphs


# Positional constructors that skip the frozen dataclasses' ``__init__`` (``checker.patterns.builder``):
# a document has a Block per paragraph and a Sentence per sentence.
new_block = builder(Block)
_new_sentence = builder(Sentence)


class Document:
    """One decoded document and the views of it that rules share."""

    reading: ReadingNotes | None = None  # what the reader noticed (set by the engine; checker.reading)

    __slots__ = ("path", "text", "prose", "format", "encoding", "bom", "_blocks", "__dict__")

    def __init__(
        self,
        path: str,
        text: str,
        prose: str | None = None,
        format: str = "text",
        encoding: str = "utf-8",
        bom: bool = False,
        blocks: list[Block] | None = None,
        comments: list[tuple[int, int]] | None = None,
        starts: list[int] | None = None,
        locations: list[str] | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.prose = text if prose is None else prose
        if len(self.prose) != len(text):
            raise ValueError("prose view must have the same length as the text")
        self.format = format
        self.encoding = encoding
        self.bom = bom
        self._blocks = blocks
        # Spans of comments in the source format (Markdown/HTML comments outside code).
        self.comments = comments or []
        # Formats without lines of their own (Word, PDF) number their own "lines": a Word paragraph, a
        # line of a PDF page. ``starts`` are their offsets (instead of the text's line breaks), and
        # ``locations`` say where each is in words a reader can find ("table 2, row 3, cell 4").
        if starts is not None:
            self.__dict__["line_starts"] = starts
        self.locations = locations or []

    @cached_property
    def line_starts(self) -> list[int]:
        return line_starts(self.text)

    def position(self, offset: int) -> Position:
        return offset_to_position(self.line_starts, offset)

    @cached_property
    def _prose_breaks(self) -> list[int]:
        """Offsets of every ``\\n`` and every ``\\r`` in ``prose``, each on its own."""
        return line_break_offsets(self.prose)

    def line_bounds(self, start: int, end: int | None = None) -> tuple[int, int]:
        """``(line_start, line_end)`` in ``prose`` of the line holding ``start`` (to that of ``end``).

        ``line_start`` is one past the last ``\\n`` or ``\\r`` before ``start`` (0 if none);
        ``line_end`` is the first ``\\n`` or ``\\r`` at or after ``end`` (default ``start``),
        or ``len(prose)``. Every ``\\r`` and ``\\n`` counts on its own, so between the two
        characters of a ``\\r\\n`` there is an empty line. One index per document, searched
        by bisection, instead of a scan back (``rfind``) for each lookup.
        """
        breaks = self._prose_breaks
        index = bisect.bisect_left(breaks, start)
        line_start = breaks[index - 1] + 1 if index else 0
        if end is not None and end != start:
            index = bisect.bisect_left(breaks, end)
        line_end = breaks[index] if index < len(breaks) else len(self.prose)
        return line_start, line_end

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @cached_property
    def prose_chunks(self) -> list[str]:
        """``prose.split()``: the whitespace-separated chunks of the prose, in order."""
        return self.prose.split()

    @cached_property
    def distinct_chunks(self) -> frozenset[str]:
        """The distinct ``prose_chunks``: extractors and rules that judge words once per
        distinct chunk (and cache the verdicts between documents) share this set."""
        return frozenset(self.prose_chunks)

    @cached_property
    def paragraphs(self) -> list[Block]:
        """Blocks separated by blank lines in the prose view, trimmed of whitespace."""
        if self._blocks is not None:
            return self._blocks
        return split_paragraphs(self.prose)

    @cached_property
    def sentences(self) -> list[Sentence]:
        from checker.sentences import BOUNDARY, LONGEST_SENTENCE, period_boundary, split_sentences

        out: list[Sentence] = []
        append = out.append
        prose = self.prose
        whole = period_boundary(prose)  # (None: each paragraph split has its own)
        search = (whole or BOUNDARY).search
        for index, block in enumerate(self.paragraphs):
            start = block.start
            end = block.end
            # Most paragraphs (headings, list items, table cells) are trimmed already and hold no candidate
            # boundary: one sentence, what split_sentences returns then, without calling it.
            if (
                start < end <= start + LONGEST_SENTENCE
                and not prose[start].isspace()
                and not prose[end - 1].isspace()
                and search(prose, start, end) is None
            ):
                append(_new_sentence(start, end, index))
                continue
            for sentence_start, sentence_end in split_sentences(prose, start, end, whole):
                append(_new_sentence(sentence_start, sentence_end, index))
        return out

    def paragraph_at(self, offset: int) -> int | None:
        """Index of the paragraph containing ``offset``, or None."""
        paragraphs = self.paragraphs
        starts = self._paragraph_starts
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < paragraphs[index].end:
            return index
        return None

    def in_table(self, offset: int) -> bool:
        """Whether ``offset`` lies in a table (a pipe table's paragraph)."""
        index = self.paragraph_at(offset)
        return index is not None and self.paragraphs[index].kind == "table"

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]


def split_paragraphs(prose: str, start: int = 0, end: int | None = None) -> list[Block]:
    """Split ``prose[start:end]`` at blank lines into trimmed paragraph blocks."""
    end = len(prose) if end is None else end
    blocks: list[Block] = []
    position = start
    pattern = _BLANK_LINE if "\r" in prose else _BLANK_LINE_LF
    for match in pattern.finditer(prose, start, end):
        _append_trimmed(blocks, prose, position, match.start())
        position = match.end()
    _append_trimmed(blocks, prose, position, end)
    return blocks


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past whitespace at both ends (empty when all whitespace)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _append_trimmed(blocks: list[Block], prose: str, start: int, end: int) -> None:
    start, end = trim_span(prose, start, end)
    if start < end:
        blocks.append(new_block(start, end, "paragraph"))

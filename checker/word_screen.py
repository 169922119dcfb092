"""What the word rules look for inside a document's chunks, judged once per chunk for all of them.

CON002 asks which lower-case hyphenated compounds a document writes (``long-term``:
``checker.compounds``), CON003 which runs of lower-case letters that its spelling table lists
(``colour``, ``randomized``: ``checker.spelling_variety``). Both look inside the same
whitespace-separated chunks (``Document.distinct_chunks``), so one per-process memo judges each
distinct chunk once for both, and the last document's answer serves the second rule that asks.
A run of CON002 alone therefore also builds CON003's spelling table (about 60 ms, once).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from checker.compounds import chunk_compounds
from checker.patterns import ChunkMemo, LazyPattern, process_memo

if TYPE_CHECKING:
    from checker.document import Document

# A run of three or more lower-case letters: the words CON003 reads (a run never crosses whitespace).
_LETTERS = LazyPattern(r"[a-z]{3,}")


class Screen(NamedTuple):
    """What a document's prose holds for the word rules."""

    compounds: set[tuple[str, str]]  # (first, second) of each lower-case hyphenated compound
    spellings: set[str]  # the runs of lower-case letters that the spelling table lists


def screen(doc: Document) -> Screen:
    """The compounds and spelling-table words of ``doc``'s prose (shared: not to be changed)."""
    if _LAST.doc is not doc:
        from checker.spelling_variety import spellings

        found = _IN_CHUNK.union(doc.distinct_chunks, partial(_judge, spellings()))
        compounds = {item for item in found if type(item) is tuple}
        _LAST.doc, _LAST.screen = doc, Screen(compounds, found - compounds if compounds else found)
    return _LAST.screen


def _judge(table: Mapping[str, object], chunk: str) -> tuple:
    """The compounds (tuples) and the spelling-table words (strings) of one chunk."""
    if chunk.isascii() and chunk.isalpha() and chunk.islower():  # most chunks: one run of letters, no hyphen
        return (chunk,) if len(chunk) >= 3 and chunk in table else ()
    words = tuple(word for word in _LETTERS.findall(chunk) if word in table)
    compounds = chunk_compounds(chunk)
    return compounds + words if compounds else words


class _Last:
    """The last document screened and its screen (each rule that asks gets the same answer)."""

    __slots__ = ("doc", "screen")

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.doc: Document | None = None
        self.screen = Screen(set(), set())


_IN_CHUNK = process_memo(ChunkMemo(200_000))
_LAST = process_memo(_Last())

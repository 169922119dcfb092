"""What the word rules look for inside a document's chunks, judged once per chunk for all of them.

CON002 asks which lower-case hyphenated compounds a document writes (``long-term``:
``checker.compounds``), CON003 which runs of lower-case letters that its spelling table lists
(``colour``, ``randomized``: ``checker.spelling_variety``). Both look inside the same
whitespace-separated chunks (``Document.distinct_chunks``), so one per-process memo judges each
distinct chunk once for both, and the last document's answer serves the second rule that asks.
A run of CON002 alone therefore also builds CON003's spelling table (about 60 ms, once).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from functools import partial
from itertools import accumulate
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

        found = _IN_CHUNK.union_many(doc.distinct_chunks, partial(_judge_many, spellings()))
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


def _judge_many(table: Mapping[str, object], chunks: AbstractSet[str]) -> dict[str, tuple]:
    """``_judge`` of each of ``chunks`` that holds something.

    One search of the chunks joined finds every run of letters they hold, and one set
    intersection those in the table: only the chunks that hold one of these, or a hyphen
    (every compound has one), can hold something, and only they are judged one by one.
    """
    ordered = list(chunks)
    joined = "\n".join(ordered)  # a chunk holds no line feed: no run crosses from one chunk to the next
    needles = set(_LETTERS.findall(joined)) & table.keys()
    needles.update(hyphen for hyphen in _HYPHENS if hyphen in joined)
    if not needles:
        return {}
    out = {}
    for index in chunks_holding(joined, ordered, needles):
        chunk = ordered[index]
        if found := _judge(table, chunk):
            out[chunk] = found
    return out


def chunks_holding(joined: str, chunks: list[str], needles: AbstractSet[str]) -> set[int]:
    """The indices of the ``chunks`` that hold one of ``needles`` (``joined`` is ``"\\n".join(chunks)``).

    The chunks of ``str.split`` hold no line feed, nor do the needles, so each place where
    ``joined`` holds a needle lies in one chunk: a few searches of the joined text instead
    of a test of every needle in every chunk.
    """
    starts = [0, *accumulate(len(chunk) + 1 for chunk in chunks)]
    out: set[int] = set()
    for needle in needles:
        place = joined.find(needle)
        while place >= 0:
            index = bisect_right(starts, place) - 1
            out.add(index)
            place = joined.find(needle, starts[index + 1])
    return out


_HYPHENS = ("-", "\u2010", "\u2011")


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

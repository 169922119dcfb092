"""What the word rules look for inside a document's chunks, judged once per chunk for all of them.

CON002 asks which lower-case hyphenated compounds a document writes (``long-term``:
``checker.compounds``), CON003 which runs of lower-case letters that its spelling table lists
(``colour``, ``randomized``: ``checker.spelling_variety``), TXT005 which words may be two words
run together (``ofapplication``: ``checker.word_splits``). All three look inside the same
whitespace-separated chunks (``Document.distinct_chunks``), so one per-process memo judges each
distinct chunk once for all, and the last document's answer serves the other rules that ask.
A run of one of these rules alone therefore also pays for what the others look for (CON003's
spelling table, about 60 ms once; TXT005's look-ups in the word list of each new word).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from functools import cache, partial
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from checker.compounds import HYPHENS, chunk_compounds
from checker.patterns import ChunkMemo, LazyPattern, process_memo
from checker.word_splits import Zipf, in_chunk, judged_words, words_of

if TYPE_CHECKING:
    from checker.document import Document

# A run of three or more lower-case letters: the words CON003 reads (a run never crosses whitespace).
_LETTERS = LazyPattern(r"[a-z]{3,}")


class Screen(NamedTuple):
    """What a document's prose holds for the word rules."""

    compounds: set[tuple[str, str]]  # (first, second) of each lower-case hyphenated compound
    spellings: set[str]  # the runs of lower-case letters that the spelling table lists
    suspects: dict[str, tuple[str, str]]  # TXT005: word -> split into a function or closed-class word and another
    content: dict[str, tuple[str, str]]  # TXT005: unknown word -> its one reading as two known words


def screen(doc: Document) -> Screen:
    """The compounds, spelling-table words and fused-word candidates of ``doc``'s prose (shared: not to be changed)."""
    if _LAST.doc is not doc:
        from checker.lexicon import zipf
        from checker.spelling_variety import spellings

        # A chunk's findings: a spelling-table word is a string, a compound a pair of strings, a
        # fused-word candidate (word, split, whether a content split).
        compounds: set[tuple[str, str]] = set()
        words: set[str] = set()
        suspects: dict[str, tuple[str, str]] = {}
        content: dict[str, tuple[str, str]] = {}
        for item in _IN_CHUNK.union_many(doc.distinct_chunks, partial(_judge_many, spellings(), zipf)):
            if type(item) is str:
                words.add(item)
            elif len(item) == 2:
                compounds.add(item)
            else:
                (content if item[2] else suspects)[item[0]] = item[1]
        _LAST.doc, _LAST.screen = doc, Screen(compounds, words, suspects, content)
    return _LAST.screen


def _judge(table: Mapping[str, object], chunk: str) -> tuple:
    """The compounds (tuples) and the spelling-table words (strings) of one chunk."""
    if chunk.isascii() and chunk.isalpha() and chunk.islower():  # most chunks: one run of letters, no hyphen
        return (chunk,) if len(chunk) >= 3 and chunk in table else ()
    words = tuple(word for word in _LETTERS.findall(chunk) if word in table)
    compounds = chunk_compounds(chunk)
    return compounds + words if compounds else words


def _judge_many(table: Mapping[str, object], zipf: Zipf, chunks: AbstractSet[str]) -> dict[str, tuple]:
    """What each of ``chunks`` that holds something holds: ``_judge`` and its fused-word candidates.

    One search of the chunks joined finds every run of letters they hold, and one set
    intersection those in the table; one scan of their words and the word list's verdicts on
    the words not judged before give the fused-word candidates (``judged_words``). Only the
    chunks that hold one of these, or a hyphen (every compound has one), can hold something,
    and only they are read one by one.
    """
    ordered = list(chunks)
    joined = "\n".join(ordered)  # a chunk holds no line feed: no run crosses from one chunk to the next
    words = words_of(joined)
    needles = table_words(words, table)
    hyphens = [hyphen for hyphen in HYPHENS if hyphen in joined]
    suspects, content = judged_words(words, zipf)
    # Each kind is looked for only in the chunks that hold one of its needles. A chunk that holds no
    # table word has no run that _judge keeps: of the others that hold a hyphen, only the compounds
    # are read (most hyphenated chunks).
    starts = chunk_starts(ordered) if needles or hyphens or suspects or content else []
    worded = chunks_holding(joined, ordered, needles, starts) if needles else set()
    hyphenated = chunks_holding(joined, ordered, hyphens, starts) - worded if hyphens else set()
    fused = chunks_holding(joined, ordered, {*suspects, *content}, starts) if suspects or content else set()
    out = {}
    for index in worded | hyphenated | fused:
        chunk = ordered[index]
        if index in worded:
            found = _judge(table, chunk)
        elif index in hyphenated:
            found = chunk_compounds(chunk)
        else:
            found = ()
        if index in fused:
            found += tuple((word, split, False) for word, split in in_chunk(chunk, suspects))
            found += tuple((word, split, True) for word, split in in_chunk(chunk, content))
        if found:
            out[chunk] = found
    return out


def table_words(words: AbstractSet[bytes], table: Mapping[str, object]) -> set[str]:
    """``set(_LETTERS.findall(text)) & table.keys()``, from ``words_of(text)`` (``words``).

    A run of a-z lies in a run of ASCII letters, and a word of lower-case letters is its one run:
    only the runs of the other words are searched, in their distinct spellings (a text repeats its
    words), and no run is made a string unless the table lists it.
    """
    keys = _TABLE_KEYS.of(table)
    lower = set(filter(bytes.islower, words))
    found = lower & keys
    mixed = words - lower
    if mixed:
        found.update(keys.intersection(_byte_letters().findall(b"\n".join(mixed))))
    return {word.decode("ascii") for word in found if len(word) >= 3}


_byte_letters = cache(lambda: re.compile(rb"[a-z]{3,}"))  # _LETTERS on bytes


class _TableKeys:
    """The keys of the last spelling table asked about, as bytes (the table is built once per process)."""

    __slots__ = ("keys", "table")

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.table: Mapping[str, object] | None = None
        self.keys: frozenset[bytes] = frozenset()

    def of(self, table: Mapping[str, object]) -> frozenset[bytes]:
        """The ASCII keys of ``table`` as bytes (the others can never be a run of a-z)."""
        if self.table is not table:
            self.table, self.keys = table, frozenset(word.encode("ascii") for word in table if word.isascii())
        return self.keys


def chunk_starts(chunks: list[str]) -> list[int]:
    """Where each of ``chunks`` starts in ``"\\n".join(chunks)``, and where a next one would."""
    return [0, *accumulate(map((1).__add__, map(len, chunks)))]  # each chunk's length and its line feed


def chunks_holding(joined: str, chunks: list[str], needles: Iterable[str], starts: list[int] | None = None) -> set[int]:
    """The indices of the ``chunks`` that hold one of ``needles`` (``joined`` is ``"\\n".join(chunks)``;
    ``starts``: ``chunk_starts(chunks)``, when the caller has it).

    The chunks of ``str.split`` hold no line feed, nor do the needles, so each place where
    ``joined`` holds a needle lies in one chunk: a few searches of the joined text instead
    of a test of every needle in every chunk.
    """
    if starts is None:
        starts = chunk_starts(chunks)
    out: set[int] = set()
    for needle in needles:
        place = joined.find(needle)
        while place >= 0:
            index = bisect_right(starts, place) - 1
            out.add(index)
            place = joined.find(needle, starts[index + 1])
    return out


class _Last:
    """The last document screened and its screen (each rule that asks gets the same answer)."""

    __slots__ = ("doc", "screen")

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.doc: Document | None = None
        self.screen = Screen(set(), set(), {}, {})


_IN_CHUNK = process_memo(ChunkMemo(500_000))
_TABLE_KEYS = process_memo(_TableKeys())
_LAST = process_memo(_Last())

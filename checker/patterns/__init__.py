"""The speed machinery for regular expressions, behind one small contract.

Domain modules (extractors, rules) use only what this package exports:

- ``LazyPattern(pattern, flags)``: a pattern compiled on first use, with the
  methods of ``re.Pattern``;
- ``compile_cached(pattern, flags)``: ``re.compile``, from a cache of compiled
  code kept in the user cache directory between runs;
- ``trie_regex(words)``: an alternation of ``words`` factored by common prefixes;
- ``BoundedMemo(limit)``: a dict of remembered results that empties itself
  when it outgrows its limit;
- ``ChunkMemo(limit)``: what each whitespace-separated chunk of prose holds,
  judged once per process (``union(chunks, judge)``, ``held(chunks, judge)`` for
  which chunks hold what, or ``union_many(chunks,
  judge_many)`` for a judge that reads all the new chunks of a document at once);
- ``process_memo(memo)``: register a memo that lives as long as the process (a
  module's dict or set, a ``BoundedMemo``, a ``ChunkMemo``, an ``lru_cache``
  function); ``release_memos()`` empties them all (the engine, once pass 1 is done);
- ``reverse_pattern(pattern, flags)``: a pattern matching exactly the reversed
  strings of ``pattern``;
- ``FromEnd(pattern, flags)``: an end-anchored pattern whose ``search`` first
  asks the pattern's reverse whether it can match at all;
- ``NextStop(text, pattern)``: the next position where a pattern matches,
  remembered, so that scanners trying candidates left to right stay linear;
- ``LineStarts(text)``: ``search`` and ``finditer`` for patterns that match only
  at the start of a line, tried at line starts instead of at every character.
- ``has_digit(text)``: whether any character of ``text`` is a digit, without a
  Python loop over its characters.
- ``word_characters(text)``: ``text`` with every character but an ASCII letter,
  digit or underscore a space, at the same offsets (for searches that open on a space).
- ``ascii_lower(text)``: ``text`` with only its ASCII letters lower-cased, at the same
  offsets (a fast ``text.lower()`` for searches of ASCII words).
- ``builder(cls)``: a positional constructor of a frozen, slotted dataclass that
  fills its slots directly (for records built by the hundred thousand).

Nothing outside this package reaches into its modules' private names.
"""

from checker.patterns.chars import ascii_lower, has_digit, word_characters
from checker.patterns.compiled import compile_cached
from checker.patterns.lazy import LazyPattern
from checker.patterns.lines import LineStarts
from checker.patterns.memo import BoundedMemo, ChunkMemo, process_memo, release_memos
from checker.patterns.records import builder
from checker.patterns.reverse import FromEnd, reverse_pattern
from checker.patterns.stops import NextStop
from checker.patterns.trie import trie_regex

__all__ = [
    "BoundedMemo",
    "ChunkMemo",
    "FromEnd",
    "LazyPattern",
    "LineStarts",
    "NextStop",
    "ascii_lower",
    "builder",
    "compile_cached",
    "has_digit",
    "process_memo",
    "release_memos",
    "reverse_pattern",
    "trie_regex",
    "word_characters",
]

"""Blocking for NAM001's near-miss search: find the words within a few edits of a word
without comparing it with every other word.

Two words within k edits of each other (insertions, deletions, substitutions,
transpositions of neighbours: OSA distance) can both be reduced to one
string by deleting at most k characters from each: a substitution or a
transposition costs one deletion on each side, an insertion or a deletion one
on one side. So a word's *deletion neighbourhood* (every string left after
deleting up to k of its characters) shares a string with the neighbourhood of
every word within k edits. ``NearIndex`` files each word under its
neighbourhood; a lookup returns the words filed under the query's
neighbourhood: every word within reach, and some beyond it, which the caller
measures and drops. A word of n letters has about n²/2 strings in its
2-deletion neighbourhood, so a lookup costs that many dictionary probes
however many words are filed.
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import combinations, compress


def deletions(word: str, reach: int) -> set[str]:
    """``word`` and every string left after deleting up to ``reach`` of its characters."""
    size = len(word)
    found = {word}
    found.update([word[:i] + word[i + 1 :] for i in range(size)] if reach >= 1 else ())
    if reach >= 2:
        # Each pair of positions once (i < j), rather than deleting again from every 1-deletion.
        found.update([word[:i] + word[i + 1 : j] + word[j + 1 :] for i, j in combinations(range(size), 2)])
    for depth in range(3, min(reach, size) + 1):
        found.update("".join(compress(word, _kept(size, gone))) for gone in combinations(range(size), depth))
    return found


def _kept(size: int, gone: tuple[int, ...]) -> list[bool]:
    return [i not in gone for i in range(size)]


class NearIndex:
    """Numbered words filed under their deletion neighbourhoods, within blocks that never meet."""

    def __init__(self) -> None:
        self._blocks: dict[Hashable, dict[str, list[int]]] = {}
        self._neighbourhoods: dict[tuple[str, int], set[str]] = {}  # a word is usually filed, then looked up

    def _deletions(self, word: str, reach: int) -> set[str]:
        found = self._neighbourhoods.get((word, reach))
        if found is None:
            found = self._neighbourhoods[word, reach] = deletions(word, reach)
        return found

    def add(self, number: int, word: str, reach: int, block: Hashable = None) -> None:
        """File ``word`` as ``number``, to be found by queries within ``reach`` edits of it
        (a query finds it when both are within the smaller of the two reaches)."""
        filed = self._blocks.setdefault(block, {})
        for key in self._deletions(word, reach):
            filed.setdefault(key, []).append(number)

    def drop(self, block: Hashable = None) -> None:
        """Forget the words filed in ``block``: no later query will ask it."""
        self._blocks.pop(block, None)

    def forget(self) -> None:
        """Forget the neighbourhoods remembered for words filed or asked so far (the index stays)."""
        self._neighbourhoods.clear()

    def candidates(self, word: str, reach: int, block: Hashable = None) -> set[int]:
        """The numbers of the words of ``block`` that may be within ``reach`` edits of ``word``:
        every one that is (as far as its own reach was filed), and possibly others."""
        filed = self._blocks.get(block)
        found: set[int] = set()
        if filed is None:
            return found
        for key in self._deletions(word, reach):
            numbers = filed.get(key)
            if numbers is not None:
                found.update(numbers)
        return found

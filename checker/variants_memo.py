"""NAM001's near pairs kept from one corpus pass to the next, so that a changed document costs
only the words it adds.

``near_pairs`` (``checker.variants_near``) compares every folded word of six letters
or more with the words of its first letter and length range: on a large corpus the
largest part of the search. Whether two words are such a pair depends on the two words
alone (:func:`related`), so the pairs of the last corpus pass, stored as plain data in
the cache (``NearPairs.stored``), serve any later corpus: the pairs of words no longer
written are dropped, and only the words new to the corpus are compared with the others.
The pairs come out in ``near_pairs``' order, whatever the corpus they were kept from.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from checker.variants_spelling import max_distance

# More new words than this, and more than the words held: compare them all again (a first run, a corpus that
# changed a lot). Comparing each new word costs about a fiftieth of what comparing every word does per word
# (the new word is compared with the words of its first letter and lengths in C), whatever their number: on
# the 38,000 words of the 90.7 MB perf-prose corpus, 2,000 new words take 0.1 s, all the words again 1.6 s.
_NEW_MAX = 2000
_LONGEST_REACH = 2  # max_distance of any length


def related(a: str, b: str, distance: int) -> bool:
    """Whether ``near_pairs`` yields (a, b) for two words ``distance`` OSA edits apart."""
    la, lb = len(a), len(b)
    reach = max_distance(la)
    return a[0] == b[0] and la <= lb <= la + reach and distance <= reach and (lb > la or b > a)


class NearPairs:
    """The near pairs of a list of words, from the pairs of another list where there are some."""

    def __init__(self, stored: Any = None) -> None:
        self._words: tuple[str, ...] = ()
        self._pairs: dict[str, dict[str, int]] = {}  # word -> the words it is paired with (as ``near_pairs``' first) -> distance
        # The words of ``_words`` by (first letter, length), in order (None: not made): a list that only grows
        # (the steps of the search done ahead, ``rules.name_variants``) adds its new words to them.
        self._buckets: dict[tuple[str, int], list[str]] | None = None
        self.kept = False  # whether stored pairs were used
        try:
            self._load(stored)
        except Exception:  # not what this module stores: the pairs are found again
            self._words, self._pairs = (), {}

    def _load(self, stored: Any) -> None:
        if stored is None:
            return
        words, typecode, packed = stored
        if not isinstance(words, (tuple, list)) or not all(isinstance(word, str) and word for word in words):
            raise TypeError("words")
        numbers = array(typecode if typecode in ("i", "q") else "i")
        numbers.frombytes(packed)
        pairs: dict[str, dict[str, int]] = {}
        for i in range(0, len(numbers) - 2, 3):
            a, b, distance = words[numbers[i]], words[numbers[i + 1]], numbers[i + 2]
            if not related(a, b, distance):
                raise ValueError("not a near pair")
            pairs.setdefault(a, {})[b] = distance
        self._words, self._pairs = tuple(words), pairs

    def pairs(self, words: list[str]) -> Iterator[tuple[str, str]]:
        """What ``near_pairs(words)`` yields, in its order."""
        from checker.variants_near import near_pairs

        if not self._words or self._too_many_new(words):
            pairs: dict[str, dict[str, int]] = {}
            for a, b in near_pairs(words):
                pairs.setdefault(a, {})[b] = OSA.distance(a, b)
                yield a, b
            self._words, self._pairs, self._buckets = tuple(words), pairs, None  # only once complete: else the stored pairs stay those of the old words
            return
        self._extend(words)
        yield from near_pairs_order(words, self._pairs)

    def update(self, words: list[str]) -> None:
        """Hold the pairs of ``words`` (as ``pairs`` does), without listing them."""
        if not self._words or self._too_many_new(words):
            for _pair in self.pairs(words):
                pass
        else:
            self._extend(words)

    def among(self, words: list[str]) -> Iterator[tuple[str, str]]:
        """The pairs held (``update``) between some of their words, in ``near_pairs``' order over ``words``."""
        chosen = set(words)
        pairs = {a: {b: d for b, d in found.items() if b in chosen} for a, found in self._pairs.items() if a in chosen}
        return near_pairs_order(words, pairs)

    def neighbours(self) -> dict[str, set[str]]:
        """Each word held with the words it is paired with, either way round."""
        out: dict[str, set[str]] = {}
        for a, found in self._pairs.items():
            for b in found:
                out.setdefault(a, set()).add(b)
                out.setdefault(b, set()).add(a)
        return out

    def _too_many_new(self, words: list[str]) -> bool:
        old = set(self._words)
        new = sum(1 for word in words if word not in old)
        return new > _NEW_MAX and new > len(old)

    def _extend(self, words: list[str]) -> None:
        """The pairs of ``words`` from those held: those of words no longer listed dropped, the new words compared."""
        held = self._words
        old = set(held)
        self.kept = True
        buckets = self._buckets
        if buckets is not None and len(words) >= len(held) and tuple(words[: len(held)]) == held:
            # The words held, then new ones: no pair is dropped, and the new words join the buckets.
            new = [word for word in words[len(held) :] if word not in old]
            pairs = self._pairs
            for word in new:
                buckets.setdefault((word[0], len(word)), []).append(word)
        else:
            current = set(words)
            new = [word for word in words if word not in old]
            pairs = {}
            for a, found in self._pairs.items():
                if a in current:
                    kept = {b: distance for b, distance in found.items() if b in current}
                    if kept:
                        pairs[a] = kept
            buckets = {}
            for word in words:
                buckets.setdefault((word[0], len(word)), []).append(word)
        for word in new:
            length = len(word)
            for size in range(length - _LONGEST_REACH, length + _LONGEST_REACH + 1):
                choices = buckets.get((word[0], size))
                if not choices:
                    continue
                for other, distance, _ in process.extract(word, choices, scorer=OSA.distance, score_cutoff=_LONGEST_REACH, limit=None):
                    if other == word:
                        continue
                    if related(word, other, distance):
                        pairs.setdefault(word, {})[other] = distance
                    elif related(other, word, distance):
                        pairs.setdefault(other, {})[word] = distance
        self._words, self._pairs, self._buckets = tuple(words), pairs, buckets

    def stored(self) -> tuple[tuple[str, ...], str, bytes]:
        """The pairs as plain data, for the next corpus pass."""
        place = {word: index for index, word in enumerate(self._words)}
        numbers: list[int] = []
        for a, found in self._pairs.items():
            for b, distance in found.items():
                numbers += (place[a], place[b], distance)
        try:
            packed = array("i", numbers)
        except OverflowError:
            packed = array("q", numbers)
        return self._words, packed.typecode, packed.tobytes()


def near_pairs_order(words: list[str], pairs: dict[str, dict[str, int]]) -> Iterator[tuple[str, str]]:
    """The pairs in ``near_pairs``' order: by the first word's place in ``words``, then nearest first,
    then shorter first, then by place in ``words``."""
    place = {word: index for index, word in enumerate(words)}
    for word in words:
        found = pairs.get(word)
        if found:
            for other in sorted(found, key=lambda b: (found[b], len(b), place[b])):
                yield word, other

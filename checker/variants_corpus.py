"""The names of a corpus, for NAM001, kept compact: what each document contributes and how it is gathered.

``gather_names(sheet)`` runs in pass 1 (the map) and makes a document's
record: its name mentions packed into bytes, the distinctive names that tell
which documents are related, the capitalised words it writes mid-sentence,
its acronym definitions and aliases. ``NameCorpus.add`` (the reduce) files
each mention under its form as written, in a packed :class:`Occurrences`
list, and keeps of each document only what the variant search asks about it
later (``checker.variants_related``). The sheets themselves are never held.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from checker.namecompare import fold
from checker.variants_data import Forms, Occurrence, Occurrences
from checker.variants_spelling import edit_distance

if TYPE_CHECKING:
    from checker.corpus import Corpus
    from checker.facts import FactSheet

KINDS = ("word", "phrase", "drug", "code", "acronym")
_KIND_CODE = {kind: index for index, kind in enumerate(KINDS)}
_PHRASE = _KIND_CODE["phrase"]
_EMPTY = array("i")


def gather_names(sheet: FactSheet) -> tuple | None:
    """A document's record for the variant search (plain data), or None when it names nothing."""
    from checker.variants_related import document_names

    if not (sheet.names or sheet.aliases or sheet.entities):
        return None
    texts: dict[str, int] = {}
    numbers: list[int] = []
    for mention in sheet.names:
        index = texts.setdefault(mention.text, len(texts))
        numbers += (index, mention.start, mention.end, _KIND_CODE[mention.kind] * 4 + mention.initial * 2 + mention.heading)
    try:
        packed = array("i", numbers)  # 32 bits while every number fits (the record is stored in the cache)
    except OverflowError:
        packed = array("q", numbers)
    related = tuple(sorted(set(document_names(sheet.names)) | set(sheet.entities)))
    entities = tuple(sorted({entity.lower() for entity in sheet.entities}))
    aliases = tuple((alias.name, alias.alias) for alias in sheet.aliases)
    shorts = tuple(definition.short for definition in sheet.acronyms)
    return tuple(texts), packed.typecode, packed.tobytes(), related, entities, aliases, shorts


class NameCorpus:
    """Every document's names, gathered by form (the aggregate of NAM001)."""

    def __init__(self) -> None:
        self.forms: Forms = {}  # single tokens
        self.kinds: dict[str, str] = {}  # single token -> its kind where first seen
        self.phrases: Forms = {}  # multi-word names
        self.aliases: set[tuple[str, str]] = set()  # folded names a document declares one entity, both ways
        self.documents = 0  # documents in the corpus, with or without names (set before the search)
        self.related: dict[int, tuple[str, ...]] = {}  # document -> its distinctive names (checker.variants_related)
        self.entities: dict[int, tuple[str, ...]] = {}  # document -> its mid-sentence capitalised words, lower case
        self.alias_pairs: dict[int, tuple[tuple[str, str], ...]] = {}  # document -> (name, alias) as written
        self.shorts: dict[int, tuple[str, ...]] = {}  # document -> acronyms it defines
        self.capitals: dict[int, array] = {}  # document -> (start, end) of its single words in capitals
        self.corpus: Corpus | None = None  # the documents' line starts (set before the search)
        self._by_word: dict[str, list[str]] | None = None  # word -> the phrases holding it, in order (built on first use)
        self._by_word_size = 0  # len(self.phrases) when the index was built
        # The near pairs of the last corpus pass, as plain data (``checker.variants_memo``): given by the
        # engine from the cache before the search, replaced by this corpus's after it.
        self.memo: Any = None

    def add(self, doc: int, record: Any) -> None:
        """Reduce one document's record (see :func:`gather_names`)."""
        if record is None:
            return
        texts, typecode, packed, related, entities, aliases, shorts = record
        data = array("q" if typecode == "q" else "i")
        data.frombytes(packed)
        texts = [sys.intern(text) for text in texts]
        capitals = array("q")
        forms, phrases, kinds = self.forms, self.phrases, self.kinds
        # (text, a phrase) -> its occurrences, whether it is a word in capitals, and this document's
        # occurrences of it (packed as Occurrences keeps them, added in one step): looked up once per document
        seen: dict[int, tuple[Occurrences, bool, list[int]]] = {}
        base = doc * 4
        for index, start, end, flags in zip(data[0::4], data[1::4], data[2::4], data[3::4]):
            code = flags >> 2
            phrase = code == _PHRASE
            slot = index * 2 + phrase
            known = seen.get(slot)
            if known is None:
                text = texts[index]
                target = phrases if phrase else forms
                found = target.get(text)
                if found is None:
                    found = target[text] = Occurrences()
                if not phrase:
                    kinds.setdefault(text, KINDS[code])
                known = seen[slot] = (cast(Occurrences, found), not phrase and text.isupper() and len(text) > 1, [])
            known[2].extend((base + (flags & 3), start, end))
            if known[1]:
                capitals.extend((start, end))
        for found, _, numbers in seen.values():
            found.add_packed(numbers)
        if capitals:
            self.capitals[doc] = capitals
        # Interned: the same names recur in thousands of documents, each record its own copies.
        if related:
            self.related[doc] = tuple(map(sys.intern, related))
        if entities:
            self.entities[doc] = tuple(map(sys.intern, entities))
        if shorts:
            self.shorts[doc] = shorts
        if aliases:
            self.alias_pairs[doc] = aliases
        for name, alias in aliases:
            b = fold(alias)
            for a in (fold(name), *(fold(word) for word in name.split())):
                # Names that merely look alike ("Deloite ... (Deloitte)") are not
                # vouched for by the parenthesis: a slip there is still a slip.
                if a != b and not (a[:1] == b[:1] and edit_distance(a, b) <= 2):
                    self.aliases.add((a, b))
                    self.aliases.add((b, a))

    # --- what the variant search asks about a document ---

    def attach(self, corpus: Corpus) -> None:
        """Before the search: the corpus whose documents the indexes refer to."""
        self.corpus = corpus
        self.documents = len(corpus)

    def defines(self, doc: int, form: str) -> bool:
        """Whether a document defines ``form`` (an acronym's or an alias's parenthesis)."""
        return form in self.shorts.get(doc, ()) or any(form in pair for pair in self.alias_pairs.get(doc, ()))

    def typographic(self, occurrence: Occurrence) -> bool:
        """Capitals that say nothing of the name: a word opening a line (a dateline,
        "CITY, State, date --") or one of a run of words in capitals."""
        if occurrence.start == 0 or self._line_start(occurrence.sheet, occurrence.start):
            return True
        capitals = self.capitals.get(occurrence.sheet, _EMPTY)
        for i in range(0, len(capitals), 2):
            start, end = capitals[i], capitals[i + 1]
            if start > occurrence.end + 2:
                break
            if start != occurrence.start and (0 <= start - occurrence.end <= 2 or 0 <= occurrence.start - end <= 2):
                return True
        return False

    def _line_start(self, doc: int, offset: int) -> bool:
        if self.corpus is None:
            return False
        starts = self.corpus[doc].line_starts
        index = bisect_left(starts, offset)
        return index < len(starts) and starts[index] == offset

    def phrase_occurrences(self, word: str) -> Iterator[tuple[str, Occurrences | list[Occurrence]]]:
        """The multi-word names that contain ``word`` as a word, with their occurrences."""
        # An index by word, built once: scanning every phrase for every surname compared cost
        # tens of seconds on a large corpus. Rebuilt when phrases were added since.
        index = self._by_word
        if index is None or self._by_word_size != len(self.phrases):
            index = {}
            for text in self.phrases:
                for each in dict.fromkeys(text.split()):
                    index.setdefault(each, []).append(text)
            self._by_word, self._by_word_size = index, len(self.phrases)
        phrases = self.phrases
        for text in index.get(word, ()):
            yield text, phrases[text]

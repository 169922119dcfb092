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

import copy
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
    """A document's record for the variant search (plain data), or None when it names nothing.

    The mentions are grouped by form (its text, and whether it is a multi-word name) in the order
    each form first occurs, so that the reduction files each form's places in one step: for each
    form, (index of its text, phrase or not, the kind where first written, how many places), and
    its places packed, three numbers each (``initial * 2 + heading``, start, end). The single words
    in capitals have their (start, end) listed apart, in the document's order.
    """
    from checker.variants_related import document_names

    if not (sheet.names or sheet.aliases or sheet.entities):
        return None
    texts: dict[str, int] = {}
    places: dict[tuple[int, bool], list[int]] = {}  # (text, a phrase) -> its places, in order
    groups: list[int] = []  # per form: text index, phrase, kind code (four numbers with its count, added below)
    capitals: list[int] = []
    for mention in sheet.names:
        text = mention.text
        index = texts.setdefault(text, len(texts))
        phrase = mention.kind == "phrase"
        found = places.get((index, phrase))
        if found is None:
            found = places[(index, phrase)] = []
            groups += (index, int(phrase), _KIND_CODE[mention.kind])
        found += (mention.initial * 2 + mention.heading, mention.start, mention.end)
        if not phrase and len(text) > 1 and text.isupper():
            capitals += (mention.start, mention.end)
    numbers: list[int] = []
    forms: list[int] = []
    for i in range(0, len(groups), 3):
        found = places[(groups[i], groups[i + 1] == 1)]
        forms += (groups[i], groups[i + 1], groups[i + 2], len(found) // 3)
        numbers += found
    typecode, packed = _pack(numbers)
    # The capitals' offsets are among the places' (packed alike).
    spans = array(typecode, capitals).tobytes() if capitals else b""
    related = tuple(sorted(set(document_names(sheet.names)) | set(sheet.entities)))
    entities = tuple(sorted({entity.lower() for entity in sheet.entities}))
    aliases = tuple((alias.name, alias.alias) for alias in sheet.aliases)
    shorts = tuple(definition.short for definition in sheet.acronyms)
    return tuple(texts), tuple(forms), typecode, packed, spans, related, entities, aliases, shorts


def _pack(numbers: list[int]) -> tuple[str, bytes]:
    """Numbers as bytes (the record is stored in the cache): 32 bits each while every number fits, else 64."""
    try:
        packed = array("i", numbers)
    except OverflowError:
        packed = array("q", numbers)
    return packed.typecode, packed.tobytes()


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
        # Given with the memo: the documents changed since its corpus pass, document -> (record then, record now)
        # (None when not known), and whether a memo is kept for the next pass (``checker.variants_reuse``).
        self.changes: dict[int, tuple[Any, Any]] | None = None
        self.remember = False
        self.whole: NameCorpus | None = None  # of a part (``part``): the corpus it is part of

    def add(self, doc: int, record: Any) -> None:
        """Reduce one document's record (see :func:`gather_names`)."""
        if record is None:
            return
        texts, groups, typecode, packed, capitals, related, entities, aliases, shorts = record
        data = array("q" if typecode == "q" else "i")
        data.frombytes(packed)
        if doc:  # each place's flags become ``doc * 4 + flags``, as Occurrences keeps them: once for the record
            try:
                data[0::3] = array(data.typecode, map((doc * 4).__add__, data[0::3]))
            except OverflowError:
                data = array("q", data)
                data[0::3] = array("q", map((doc * 4).__add__, data[0::3]))
        forms, phrases, kinds = self.forms, self.phrases, self.kinds
        position = 0
        for index, phrase, code, count in zip(groups[0::4], groups[1::4], groups[2::4], groups[3::4]):
            text = texts[index]
            target = phrases if phrase else forms
            found = target.get(text)
            if found is None:
                # Interned: the same names recur in thousands of documents, each record its own copies.
                text = sys.intern(text)
                found = target[text] = Occurrences()
                if not phrase:
                    kinds.setdefault(text, KINDS[code])
            end = position + 3 * count
            cast(Occurrences, found).add_packed(data[position:end])
            position = end
        if capitals:
            spans = array("q" if typecode == "q" else "i")
            spans.frombytes(capitals)
            self.capitals[doc] = array("q", spans)
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

    def part(self, forms: set[str], phrases: set[str]) -> NameCorpus:
        """This corpus with only some of its forms and phrases (in their order) to search; what it knows of the
        documents, and the phrases ``phrase_occurrences`` gives, are the whole corpus's."""
        part = copy.copy(self)
        part.forms = {form: found for form, found in self.forms.items() if form in forms}
        part.phrases = {text: found for text, found in self.phrases.items() if text in phrases}
        part.whole = self
        return part

    def phrase_occurrences(self, word: str) -> Iterator[tuple[str, Occurrences | list[Occurrence]]]:
        """The multi-word names that contain ``word`` as a word, with their occurrences."""
        if self.whole is not None:
            yield from self.whole.phrase_occurrences(word)
            return
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

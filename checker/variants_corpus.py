"""The names of a corpus, for NAM001, kept compact: what each document contributes and how it is gathered.

``gather_names(sheet)`` runs in pass 1 (the map) and makes a document's
record: its name mentions packed into bytes, the distinctive names that tell
which documents are related, the capitalised words it writes mid-sentence,
its acronym definitions and aliases. ``NameCorpus.add`` (the reduce) files
each mention under its form as written, in a packed :class:`Occurrences`
list, and keeps of each document only what the variant search asks about it
later (``checker.variants_related``). The sheets themselves are never held.
After a few documents changed (``hold``), the records' places are filed only for
the forms that the search of the changed part reads (``names``, ``part``), or all
of them when anything else asks for ``forms``, ``phrases`` or ``kinds``.
"""

from __future__ import annotations

import copy
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any, cast

from checker.namecompare import fold, join_key
from checker.variants_data import Forms, Occurrence, Occurrences
from checker.variants_spelling import edit_distance

if TYPE_CHECKING:
    from checker.corpus import Corpus
    from checker.facts import FactSheet

KINDS = ("word", "phrase", "drug", "code", "acronym")
_KIND_CODE = {kind: index for index, kind in enumerate(KINDS)}
_PHRASE = _KIND_CODE["phrase"]
_EMPTY = array("i")
_HELD = ("forms", "phrases", "kinds")  # filed only when first asked, while held


def gather_names(sheet: FactSheet) -> tuple | None:
    """A document's record for the variant search (plain data), or None when it names nothing.

    The mentions are grouped by form (its text, and whether it is a multi-word name) in the order
    each form first occurs, so that the reduction files each form's places in one step: for each
    form, (index of its text, phrase or not, the kind where first written, how many places), and
    its places packed, three numbers each (``initial * 2 + heading``, start, end). The single words
    in capitals have their (start, end) listed apart, in the document's order.
    """
    from checker.variants_related import document_names

    if not (sheet.names or sheet.aliases or sheet.entities) or sheet.language:
        return None  # nothing named, or prose not in English (``FactSheet.language``): no evidence either way
    texts: dict[str, int] = {}
    # A form's places, in order: of the multi-word names and of the single tokens, by text (a text may be both).
    places: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
    groups: list[int] = []  # per form: text index, phrase, kind code (four numbers with its count, added below)
    capitals: list[int] = []
    for mention in sheet.names:
        text = mention.text
        phrase = mention.kind == "phrase"
        target = places[not phrase]
        found = target.get(text)
        if found is None:
            found = target[text] = []
            groups += (texts.setdefault(text, len(texts)), int(phrase), _KIND_CODE[mention.kind])
        found += (mention.initial * 2 + mention.heading, mention.start, mention.end)
        if not phrase and len(text) > 1 and text.isupper():
            capitals += (mention.start, mention.end)
    numbers: list[int] = []
    forms: list[int] = []
    written = list(texts)
    for i in range(0, len(groups), 3):
        found = places[groups[i + 1] == 0][written[groups[i]]]
        forms += (groups[i], groups[i + 1], groups[i + 2], len(found) // 3)
        numbers += found
    typecode, packed = _pack(numbers)
    # The capitals' offsets are among the places' (packed alike).
    spans = array(typecode, capitals).tobytes() if capitals else b""
    related = tuple(sorted(set(document_names(sheet.names)) | set(sheet.entities)))
    entities = tuple(sorted({entity.lower() for entity in sheet.entities}))
    aliases = tuple((alias.name, alias.alias) for alias in sheet.aliases)
    shorts = tuple(definition.short for definition in sheet.acronyms)
    return tuple(texts), tuple(forms), typecode, packed, spans, related, entities, aliases, shorts, sheet.title


def _places(doc: int, typecode: str, packed: bytes) -> array:
    """A record's places as ``Occurrences`` keeps them: each place's flags become ``doc * 4 + flags``."""
    data = array("q" if typecode == "q" else "i")
    data.frombytes(packed)
    if doc:  # once for the record
        try:
            data[0::3] = array(data.typecode, map((doc * 4).__add__, data[0::3]))
        except OverflowError:
            data = array("q", data)
            data[0::3] = array("q", map((doc * 4).__add__, data[0::3]))
    return data


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
        self.titles: dict[int, str] = {}  # document -> the name it is titled with (``FactSheet.title``)
        self._titled: tuple[set[str], set[str]] | None = None  # the titles as written and folded (``titled``)
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
        # While held (``hold``): each record's places, as (document, texts, groups, typecode, packed), in order.
        self._held: list[tuple[int, tuple, tuple, str, bytes]] | None = None
        self._names: tuple[dict[str, Any], dict[str, Any], dict[str, str]] | None = None  # ``names`` while held
        # While held, of the whole corpus: the phrases holding each word of ``part``'s forms and phrases
        # (in order), with their places, for ``phrase_occurrences``.
        self._pool: dict[str, list[tuple[str, Occurrences]]] | None = None

    def add(self, doc: int, record: Any) -> None:
        """Reduce one document's record (see :func:`gather_names`); while held (``hold``), its places wait."""
        if record is None:
            return
        texts, groups, typecode, packed, capitals, related, entities, aliases, shorts, title = record
        held = self._held
        if held is not None:
            held.append((doc, texts, groups, typecode, packed))
        else:
            self._add_places(doc, texts, groups, typecode, packed, self.forms, self.phrases, self.kinds)
        if capitals:
            spans = array("q" if typecode == "q" else "i")
            spans.frombytes(capitals)
            self.capitals[doc] = array("q", spans)
        # Interned: the same names recur in thousands of documents, each record its own copies (while the
        # records are held, they are the names' only copies).
        if related:
            self.related[doc] = related if held is not None else tuple(map(sys.intern, related))
        if entities:
            self.entities[doc] = entities if held is not None else tuple(map(sys.intern, entities))
        if shorts:
            self.shorts[doc] = shorts
        if aliases:
            self.alias_pairs[doc] = aliases
        if title:
            self.titles[doc] = title
            self._titled = None
        for name, alias in aliases:
            b = fold(alias)
            for a in (fold(name), *(fold(word) for word in name.split())):
                # Names that merely look alike ("Deloite ... (Deloitte)") are not
                # vouched for by the parenthesis: a slip there is still a slip.
                if a != b and not (a[:1] == b[:1] and edit_distance(a, b) <= 2):
                    self.aliases.add((a, b))
                    self.aliases.add((b, a))

    @staticmethod
    def _add_places(doc: int, texts: tuple, groups: tuple, typecode: str, packed: bytes, forms: Forms, phrases: Forms, kinds: dict[str, str]) -> None:
        """File one record's places under their forms."""
        data = _places(doc, typecode, packed)
        position = 0
        for index, phrase, code, count in zip(groups[0::4], groups[1::4], groups[2::4], groups[3::4]):
            text = texts[index]
            target: dict[str, Any] = phrases if phrase else forms  # (its values are Occurrences: filed here)
            found = target.get(text)
            if found is None:
                # Interned: the same names recur in thousands of documents, each record its own copies.
                text = sys.intern(text)
                found = target[text] = Occurrences()
                if not phrase:
                    kinds.setdefault(text, KINDS[code])
            end = position + 3 * count
            found.add_packed(data[position:end])
            position = end

    @staticmethod
    def _add_some_places(doc: int, texts: tuple, groups: tuple, typecode: str, packed: bytes, forms: Forms, phrases: Forms, only: set[str]) -> None:
        """File the places of one record's forms and phrases of ``only``, as ``_add_places`` would."""
        hits = only.intersection(texts)
        if not hits:
            return
        size = 3 * (8 if typecode == "q" else 4)  # bytes a place takes
        start = 0  # the places of the groups before
        for index, phrase, count in zip(groups[0::4], groups[1::4], groups[3::4]):
            text = texts[index]
            if text in hits:  # (a text may be a form and a phrase: two groups)
                target = phrases if phrase else forms
                found = target.get(text)
                if found is None:
                    found = target[sys.intern(text)] = Occurrences()
                cast(Occurrences, found).add_packed(_places(doc, typecode, packed[size * start : size * (start + count)]))
            start += count

    # --- holding the places until asked (a few documents changed: ``checker.variants_reuse``) ---

    def hold(self) -> None:
        """Keep the records' places as they come, filed under their forms only when ``forms``, ``phrases`` or
        ``kinds`` is first asked for: a search of a few changed documents' part of the corpus (``names``,
        ``part``) files only the forms it reads."""
        if self._held is None and not self.forms and not self.phrases:
            del self.forms, self.phrases, self.kinds
            self._held = []

    def __getattr__(self, name: str) -> Any:
        # Only called for an attribute not set: ``forms``, ``phrases`` and ``kinds`` while the places are held.
        held = self.__dict__.get("_held")
        if name in _HELD and held is not None:
            self._held = None
            self.forms, self.phrases, self.kinds = {}, {}, {}
            for doc, texts, groups, typecode, packed in held:
                self._add_places(doc, texts, groups, typecode, packed, self.forms, self.phrases, self.kinds)
            return self.__dict__[name]
        raise AttributeError(name)

    def names(self) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
        """The forms and phrases (keys in their order; their values are not to be read) and the forms' kinds,
        without filing the held places."""
        if self._held is None:
            return self.forms, self.phrases, self.kinds
        if self._names is None:
            forms: dict[str, Any] = {}
            phrases: dict[str, Any] = {}
            kinds: dict[str, str] = {}
            for _doc, texts, groups, _typecode, _packed in self._held:
                for index, phrase, code in zip(groups[0::4], groups[1::4], groups[2::4]):
                    text = texts[index]
                    if phrase:
                        phrases[text] = None
                    elif text not in forms:
                        forms[text] = None
                        kinds[text] = KINDS[code]
            self._names = forms, phrases, kinds
        return self._names

    # --- what the variant search asks about a document ---

    def attach(self, corpus: Corpus) -> None:
        """Before the search: the corpus whose documents the indexes refer to."""
        self.corpus = corpus
        self.documents = len(corpus)

    def titled(self, form: str, other: str) -> bool:
        """Whether a document of the corpus is titled with ``form``, a name some page is about, against ``other``.

        Against a spelling of other letters, folded alike ("Zenity" for a page titled "zenity"); against the same
        letters with other hyphens or spaces, as written ("Out-File" beside "OutFile"); against other capitals
        only, never: a title's capitals are the heading's style ("Flexvolume" beside "FlexVolume")."""
        if fold(form) == fold(other):
            return False
        titled = self._titled
        if titled is None:
            written = set(self.titles.values())
            titled = self._titled = written, {fold(title) for title in written}
        if join_key(form) == join_key(other):
            return form in titled[0]
        return fold(form) in titled[1]

    def defines(self, doc: int, form: str, aliases: bool = True) -> bool:
        """Whether a document defines ``form`` (an acronym's or, unless not ``aliases``, an alias's parenthesis)."""
        return form in self.shorts.get(doc, ()) or (aliases and any(form in pair for pair in self.alias_pairs.get(doc, ())))

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
        documents, and the phrases ``phrase_occurrences`` gives, are the whole corpus's.

        While the places are held (``hold``), only those of these forms and phrases, and of the phrases holding
        one of them as a word (what ``phrase_occurrences`` is asked of the part's pairs), are filed."""
        if self._held is None:
            part = copy.copy(self)
            part.forms = {form: found for form, found in self.forms.items() if form in forms}
            part.phrases = {text: found for text, found in self.phrases.items() if text in phrases}
            part.whole = self
            return part
        every_form, every_phrase, kinds = self.names()
        words = {text for text in chain(forms, phrases) if text.split() == [text]}
        holding: dict[str, list[str]] = {word: [] for word in words}  # word -> the phrases holding it, in order
        for text in every_phrase:
            for each in dict.fromkeys(text.split()):
                found = holding.get(each)
                if found is not None:
                    found.append(text)
        needed = set(forms) | set(phrases) | {text for found in holding.values() for text in found}
        filed_forms: Forms = {}
        filed_phrases: Forms = {}
        disjoint = needed.isdisjoint
        for doc, texts, groups, typecode, packed in self._held:
            if not disjoint(texts):
                self._add_some_places(doc, texts, groups, typecode, packed, filed_forms, filed_phrases, needed)
        self._pool = {word: [(text, cast(Occurrences, filed_phrases[text])) for text in found] for word, found in holding.items()}
        part = copy.copy(self)
        part._held, part._names, part._pool = None, None, None
        part.forms = {form: found for form, found in filed_forms.items() if form in forms}
        part.phrases = {text: found for text, found in filed_phrases.items() if text in phrases}
        part.kinds = kinds
        part.whole = self
        return part

    def phrase_occurrences(self, word: str) -> Iterator[tuple[str, Occurrences | list[Occurrence]]]:
        """The multi-word names that contain ``word`` as a word, with their occurrences."""
        if self.whole is not None:
            yield from self.whole.phrase_occurrences(word)
            return
        if self._held is not None:
            if word.split() != [word]:  # no phrase holds it as a word
                return
            if self._pool is not None and word in self._pool:
                yield from self._pool[word]
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

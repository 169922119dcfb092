"""NAM001's search after a few documents changed: only what they can change is searched again.

The variant search (``checker.variants``) is made of units, each reading some forms
and phrases and reporting pairs of them: a group of forms that share a key (case,
hyphens, spaces, diacritics; with the two-word parts of phrases of that key), a near
pair of folded words (with every form of both), and a block of phrases that may
differ in one word (with the words reported as spelling variants). A unit that reads
no form of a changed document reports what it reported before; the pairs it reported
decide nothing elsewhere unless they share a form with a unit that changed.

So the memo of a corpus pass keeps, beside the near pairs, the findings of each pair
reported (packed) and the folded words reported as spelling variants. After an edit,
the forms the changed documents wrote before and write now are the start of the
*affected* forms; any unit, of the corpus before or now, that reads an affected form
makes every form it reads affected, until no unit adds one. The search then runs on
the affected forms alone (``NameCorpus.part``: every unit of an affected form is
whole there), and the findings of the pairs of unaffected forms are those stored.
The places of the other forms are never filed: the closure reads only the corpus's
forms and phrases (``NameCorpus.names``).

The whole search runs instead when the memo's corpus is not known to be the one before
the changes (``checker.cache`` tells), documents were added, removed or moved (the
corpus key then differs), more than ``checker.corpus_pass.CHANGES_MAX`` (64) documents changed, the vocabulary
lists variants, a changed document's aliases or title changed, a name crossed the limit of
documents that makes it too frequent to relate documents, or the memo is damaged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import chain
from typing import TYPE_CHECKING, Any

from checker.namecompare import fold

if TYPE_CHECKING:
    from checker.config import Vocabulary
    from checker.finding import Finding
    from checker.variants_corpus import NameCorpus
    from checker.variants_data import VariantPair
    from checker.variants_near import Terms

_LAYOUT = "nam001-search-2"


class Search:
    """NAM001's variant search over a corpus, whole or after a few changes, and the memo it leaves.

    ``pairs()`` gives the pairs to report; the caller reports each (``found``); ``kept()`` gives the
    stored findings of the pairs no change touched; ``memo()`` is what the next corpus pass starts from.
    """

    def __init__(self, corpus: NameCorpus, vocabulary: Vocabulary | None, memo: Any) -> None:
        from checker.variants_memo import NearPairs

        near, state = _parts(memo)
        self.corpus = corpus
        self.vocabulary = vocabulary
        self.near = NearPairs(near)
        self.reported: set[tuple[str, str]] = set()
        self._kept: list[tuple[str, str, bytes]] = []  # stored pairs whose findings stand: (variant, reference, findings packed)
        self._kept_findings: list[Finding] = []
        self._found: list[tuple[str, str, bytes]] = []
        self._part: NameCorpus | None = None  # the affected forms, when only they are searched
        self.affected: set[str] | None = None
        if state is not None and corpus.changes is not None:
            try:
                self._plan(state, corpus.changes)
            except Exception:  # a memo not as stored: the whole search
                self._part, self.affected, self._kept, self._kept_findings, self.reported = None, None, [], [], set()

    def pairs(self) -> list[VariantPair]:
        from checker.variants import find_variants

        if self._part is None:
            return find_variants(self.corpus, self.vocabulary, self.near.pairs, self.reported)
        return find_variants(self._part, self.vocabulary, self.near.among, self.reported)

    def found(self, pair: VariantPair, findings: list[Finding]) -> None:
        """The findings reported of a pair ``pairs()`` gave (kept for the next pass when the memo is)."""
        if findings and self.corpus.remember:
            from checker.cache_data import findings_to_bytes

            self._found.append((pair.variant, pair.reference, findings_to_bytes(findings)))

    def kept(self) -> list[Finding]:
        """The stored findings of the pairs that no change touched."""
        return self._kept_findings

    def memo(self) -> dict[str, Any]:
        near = self.near.stored()
        if not self.corpus.remember:
            return {"near": near}
        pairs = list(chain(self._kept, self._found))
        return {"near": near, "search": (_LAYOUT, sorted(self.reported), pairs)}

    # --- after a few changes ---

    def _plan(self, state: Any, changes: dict[int, tuple[Any, Any]]) -> None:
        from checker.cache_data import findings_from_bytes
        from checker.variants_corpus import NameCorpus
        from checker.variants_data import Vocab
        from checker.variants_near import search_terms

        layout, reported, stored = state
        if layout != _LAYOUT or not changes or Vocab(self.vocabulary).listed:
            return
        corpus = self.corpus
        before, now = NameCorpus(), NameCorpus()  # the changed documents' names then and now
        for doc, (then, record) in changes.items():
            before.add(doc, then)
            now.add(doc, record)
        if before.alias_pairs != now.alias_pairs or before.titles != now.titles or _crossed(corpus, before, now):
            return
        dirty = set(chain(before.forms, before.phrases, now.forms, now.phrases))
        forms, phrases, kinds = corpus.names()  # not the places: those of the affected forms alone are filed (``part``)
        terms = search_terms(forms, kinds)
        neighbours = [self.near.neighbours()]  # the near pairs of the corpus before ...
        self.near.update(list(terms))
        neighbours.append(self.near.neighbours())  # ... and now
        affected = _affected(forms, phrases, terms, dirty, neighbours)
        touched = {fold(form) for form in affected}
        self.reported = {(str(a), str(b)) for a, b in reported if a not in touched and b not in touched}
        self._kept = [(v, r, packed) for v, r, packed in stored if v not in affected and r not in affected]
        self._kept_findings = [finding for _v, _r, packed in self._kept for finding in findings_from_bytes(packed)]
        self.affected = affected
        self._part = corpus.part(affected, affected)


def _parts(memo: Any) -> tuple[Any, Any]:
    """(the near pairs, the search state) of NAM001's memo; None for what it does not hold."""
    if not isinstance(memo, dict):
        return None, None
    return memo.get("near"), memo.get("search")


def _crossed(corpus: NameCorpus, before: NameCorpus, now: NameCorpus) -> bool:
    """Whether a name the changes add or remove crossed the number of documents past which it does not
    relate documents (``checker.variants_related.Relatedness``)."""
    from checker.variants_related import DISTINCTIVE_MIN_DOCS, DISTINCTIVE_SHARE

    delta: Counter[str] = Counter()
    for doc in set(before.related) | set(now.related):
        then, later = set(before.related.get(doc, ())), set(now.related.get(doc, ()))
        delta.update(later - then)
        delta.subtract(then - later)
    changed = {name for name, count in delta.items() if count}
    if not changed:
        return False
    limit = max(DISTINCTIVE_MIN_DOCS, int(DISTINCTIVE_SHARE * corpus.documents))
    frequency = Counter(name for found in corpus.related.values() for name in found if name in changed)
    return any((frequency[name] <= limit) != (frequency[name] - delta[name] <= limit) for name in changed)


def _affected(forms: Iterable[str], phrases: Iterable[str], terms: Terms, dirty: set[str], neighbours: list[dict[str, set[str]]]) -> set[str]:
    """The forms and phrases (of a corpus's ``forms`` and ``phrases``) whose units read a form of ``dirty``, and so on
    until none is added."""
    from checker.namecompare import join_key
    from checker.variants import bigrams, group_key
    from checker.variants_near import phrase_blocks_of

    by_key, folded, blocks, by_word = _indexes(forms, phrases)
    affected = set(dirty)
    todo = list(dirty)

    def add(items: Iterable[str]) -> None:
        for item in items:
            if item not in affected:
                affected.add(item)
                todo.append(item)

    def add_blocks(found: Iterable[tuple]) -> None:
        for block in found:
            for key in blocks.get(block, ()):
                add(folded[key])

    while todo:
        text = todo.pop()
        key = group_key(text)
        if key is not None:
            add(by_key.get(key, ()))
        term = fold(text)
        # As a phrase (a single word has no two-word part, and no phrase folds to it): its parts' groups,
        # the phrases folded alike, its blocks.
        for begin, end in bigrams(text):
            add(by_key.get(join_key(text[begin:end]), ()))
        add(folded.get(term, ()))
        add_blocks(block for block, _index in phrase_blocks_of(term))
        # As a word: the forms of its folded term, those of the terms paired with it then or now, and the
        # phrase blocks where the two are the words that differ (whether they were reported decides there).
        add(terms.get(term, ()))
        for near in neighbours:
            for other in near.get(term, ()):
                add(terms.get(other, ()))
                add_blocks(set(by_word.get(term, ())) & set(by_word.get(other, ())))
    return affected


def _indexes(forms: Iterable[str], phrases: Iterable[str]) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[tuple, list[str]], dict[str, list[tuple]]]:
    """What the search units of ``_affected`` are found by: the forms and phrases by group key (``group_key``, with
    the phrases' two-word parts, ``bigrams``), the phrases by folded text, the folded phrases by phrase block
    (``phrase_blocks_of``), and the blocks by the word that may differ in them.

    The keys of the commonest phrases, words of ASCII letters one space apart, are made here as those functions
    make them, without calling them (a test compares the two)."""
    from checker.namecompare import join_key
    from checker.variants import bigrams, group_key

    by_key: dict[str, list[str]] = {}  # group key -> the forms and the phrases' two-word parts (and their phrases) of it
    for form in forms:
        key = group_key(form)
        if key is None:
            continue
        found = by_key.get(key)
        if found is None:
            by_key[key] = [form]
        else:
            found.append(form)
    folded: dict[str, list[str]] = {}  # folded phrase -> its phrases
    for text in phrases:
        plain = text.isascii()
        words = text.split(" ") if plain else ()
        if plain and all(word.isalpha() for word in words):  # ASCII letters, one space apart
            for left, right in zip(words, words[1:]):
                found = by_key.get((left + right).lower())
                if found is not None:
                    found += (text, f"{left} {right}")
            key = text.lower()
        else:
            for begin, end in bigrams(text):
                found = by_key.get(join_key(text[begin:end]))
                if found is not None:
                    found += (text, text[begin:end])
            key = fold(text)
        found = folded.get(key)
        if found is None:
            folded[key] = [text]
        else:
            found.append(text)
    blocks: dict[tuple, list[str]] = {}  # phrase block -> its folded phrases
    by_word: dict[str, list[tuple]] = {}  # folded word -> the blocks where it is the word that may differ
    for key in folded:
        words = key.split()
        size = len(words)
        for index, word in enumerate(words):
            if len(word) >= 4 and word.isalpha():  # phrase_blocks_of(key)
                block = (size, index, word[0], tuple(words[:index] + words[index + 1 :]))
                found = blocks.get(block)
                if found is None:
                    blocks[block] = [key]
                else:
                    found.append(key)
                by_word.setdefault(word, []).append(block)

    return by_key, folded, blocks, by_word

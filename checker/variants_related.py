"""Related documents, for NAM001: names are compared across documents only when these are related.

A corpus is often a pile of unrelated documents: one company's filing
writes "NASDAQ", another's "Nasdaq"; one story "Macworld", an unrelated one
"MacWorld". Each is consistent with itself, and a corpus-wide vote would
make the untouched one fail as soon as another file is added. So a form is
compared with forms in other documents only when the two documents are
related, and which form is right is decided within the related group.

The measure (``Relatedness``): two documents are related when they share at
least ``RELATED_MIN`` distinctive names besides the pair compared. A
document's names are the capitalised words it writes mid-sentence or joins
to a name with a slash ("Example/ABC": ``FactSheet.entities``) and its
capitalised name mentions, single or
multi-word, outside headings (at a sentence start, only those that are not
ordinary words, Zipf below ``NAME_MAX_ZIPF``). Within the related group the
reference is the form a definition gives (an acronym's or alias's
parenthesis), else the more frequent form there; each document defining its
own form, neither is reported. A surname (written after a first name or a title) whose capital after
"Mac", "Mc", "Fitz", "De", "Van" or "Von" differs between two documents is
each family's own spelling. Surnames written after different first names
in different documents are two people, and a word made from a name the
document writes ("-ite", "-ist") is not a slip. Names count as shared only when written alike, to the letter
and the capital: "BlueKite" here and "Bluekite" there is the question, not
the evidence. Names that contain either form compared do not count; a name
found in more than ``max(DISTINCTIVE_MIN_DOCS, DISTINCTIVE_SHARE x documents)``
documents is not distinctive (a newspaper's "BBC", a filing's "Board").

A difference in accents alone between two documents ("Jürgen" /
"Jurgen") is compared only when the documents share a name of two words or
more: whether accents are kept is a writer's style, and a first name shared
by two people differs so as often as one person's does.

Capitals that say nothing are not evidence of a name: a word in capitals
opening a line (a dateline) or in a run of words in capitals (a headline,
a sign) is not compared with the same word in lower case.

A form with encoding damage (mojibake, the replacement character) is
never paired: the encoding rules report it.

What is not restricted: forms the user's vocabulary decides, misspellings
of lower-case words ("minimsed" / "minimised") and near misses of names
that are not ordinary words ("Lisafoclax" / "Lisaftoclax"), which are
slips wherever they are written. A near miss of a capitalised ordinary
word ("Preventon" / "Prevention") is compared within related documents
only: it is as likely another name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import chain
from typing import TYPE_CHECKING

from checker.lexicon import zipf
from checker.namecompare import describe_edit, fold, join_key
from checker.variants_data import REFERENCE_MAX_ZIPF, VARIANT_MAX_ZIPF, Occurrence, Occurrences, VariantPair, in_sheets, recase, sheets_of

if TYPE_CHECKING:
    from checker.facts import NameMention
    from checker.variants_corpus import NameCorpus

RELATED_MIN = 1
NAME_MAX_ZIPF = 3.0
DISTINCTIVE_MIN_DOCS = 3
DISTINCTIVE_SHARE = 0.05
_DECIDED = ("listed", "prefer", "accept")
# Clues of mojibake (UTF-8 read as Windows-1252 or Latin-1; a token cut at its first damaged
# character ends in the lead letter) and the replacement character.
_DAMAGED = re.compile(
    "\ufffd"
    "|[\u00c3\u00c2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
    "|\u00e2\u20ac|[\u00c3\u00c2\u00e2]$"
)
_WORD = re.compile(r"[^\W\d_]+")
_NONE: frozenset[str] = frozenset()
_SHARED_MAX = 100_000


class Relatedness:
    """Which documents of a corpus share enough distinctive names to be compared."""

    def __init__(self, corpus: NameCorpus) -> None:
        self._related = corpus.related
        self._frequency = Counter(chain.from_iterable(corpus.related.values()))  # each document's names, each once
        self._limit = max(DISTINCTIVE_MIN_DOCS, int(DISTINCTIVE_SHARE * corpus.documents))
        # Document -> its distinctive names (None: none), made when first asked: a search asks about few documents.
        self._names: dict[int, frozenset[str] | None] = {}
        self._shared: dict[tuple[int, int], frozenset[str]] = {}
        self._keys: dict[str, str] = {}  # name -> its join_key (asked for again and again)

    def names(self, doc: int) -> frozenset[str] | None:
        """A document's distinctive names: those written in at most the limit's number of documents (None: none)."""
        try:
            return self._names[doc]
        except KeyError:
            frequency, limit = self._frequency, self._limit
            kept = frozenset(name for name in self._related.get(doc, ()) if frequency[name] <= limit) or None
            self._names[doc] = kept
            return kept

    def shared(self, a: int, b: int) -> frozenset[str]:
        """The distinctive names documents ``a`` and ``b`` both write."""
        key = (a, b) if a < b else (b, a)
        found = self._shared.get(key)
        if found is None:
            x, y = self.names(a), self.names(b)
            found = (x & y) or _NONE if x is not None and y is not None else _NONE
            if len(self._shared) >= _SHARED_MAX:  # a memo, bounded: a large corpus compares millions of pairs
                self._shared.clear()
            self._shared[key] = found
        return found

    def related(self, a: int, b: int, besides: tuple[str, ...] = (), phrase: bool = False) -> bool:
        """Whether two documents are related, not counting names that contain one of ``besides``
        (``phrase``: only by a shared name of two words or more)."""
        if a == b:
            return True
        found = self.shared(a, b)
        if phrase:
            found = frozenset(name for name in found if " " in name)
        if len(found) < RELATED_MIN:
            return False
        keys = self._keys
        shared = 0
        for name in found:
            key = keys.get(name)
            if key is None:
                key = keys[name] = join_key(name)
            if not any(other in key or key in other for other in besides):
                shared += 1
                if shared >= RELATED_MIN:
                    return True
        return shared >= RELATED_MIN


def document_names(mentions: Iterable[NameMention]) -> list[str]:
    """A document's names that may tell which documents are related (without its ``entities``), each once, in order."""
    found: dict[str, None] = {}
    for mention in mentions:
        text = mention.text
        if text in found or mention.heading or not text[:1].isupper():
            continue  # (a name found is not looked up again in the word list for its other mentions)
        if not mention.initial or text.isupper() or zipf(fold(text)) < NAME_MAX_ZIPF:
            found[text] = None
    return list(found)


def restrict(pairs: list[VariantPair], corpus: NameCorpus) -> list[VariantPair]:
    """The pairs as seen within related documents, each oriented by the evidence there."""
    out: dict[str, VariantPair] = {}
    relatedness: Relatedness | None = None  # built on the first pair that needs it
    for pair in pairs:
        if _DAMAGED.search(pair.variant) or _DAMAGED.search(pair.reference):
            continue  # mojibake: the encoding rules report it, once
        if pair.basis not in _DECIDED and _derived(pair.variant, pair.variant_occurrences, corpus):
            continue
        if pair.basis in _DECIDED or (pair.how.startswith("spelling") and _spelling_anywhere(pair)):
            out.setdefault(pair.variant, pair)
            continue
        if pair.how == "case" and pair.variant.isupper() and not pair.reference.isupper():
            kept = [o for o in pair.variant_occurrences if not corpus.typographic(o)]
            if not kept:
                continue
            pair = VariantPair(pair.variant, pair.reference, kept, pair.reference_occurrences, pair.how, pair.basis, pair.replacement, pair.wordlike)
        elif pair.how == "case" and pair.reference.isupper() and not pair.variant.isupper():
            # The other way round: a name written in capitals only where capitals say nothing (the speaker labels of a
            # transcript, "PRIYA OKAFOR:", or a heading) is no spelling for its ordinary form to differ from.
            if all(corpus.typographic(o) for o in pair.reference_occurrences):
                continue
        if relatedness is None:
            relatedness = Relatedness(corpus)
        restricted = _restricted(pair, corpus, relatedness)
        if restricted is not None:
            out.setdefault(restricted.variant, restricted)
    return list(out.values())


def _restricted(pair: VariantPair, corpus: NameCorpus, relatedness: Relatedness) -> VariantPair | None:
    besides = tuple({join_key(pair.variant), join_key(pair.reference), *(w for w in _WORD.findall(fold(pair.variant + " " + pair.reference)) if len(w) >= 3)})
    v_sheets = sheets_of(pair.variant_occurrences)
    r_sheets = sheets_of(pair.reference_occurrences)
    group: set[int] = set()
    for s in v_sheets:
        # The documents already in the group are asked about only when no other is related (then one suffices).
        partners = {t for t in r_sheets if t not in group and relatedness.related(s, t, besides)}
        if partners or any(relatedness.related(s, t, besides) for t in r_sheets if t in group):
            group.add(s)
            group |= partners
    if not group:
        return None
    if _two_people(pair.variant, pair.reference, corpus, v_sheets, r_sheets):
        return None
    v_occ = in_sheets(pair.variant_occurrences, group)
    r_occ = in_sheets(pair.reference_occurrences, group)
    same_document = bool({o.sheet for o in v_occ} & {o.sheet for o in r_occ})
    if not same_document and pair.how == "diacritics" and not _share_phrase(relatedness, v_sheets & group, r_sheets & group, besides):
        return None  # "Jürgen" here, "Jurgen" there: accents kept or dropped is a style; two people as often as one
    if not same_document and (
        _house_style(pair.variant, pair.reference)
        or (_surname_prefix_case(pair.variant, pair.reference) and _surname(pair.variant, pair.reference, corpus, group))
    ):
        return None  # "NASDAQ" in one document, "Nasdaq" in another: a style, each consistent
    v_defined = _defined(pair.variant, v_occ, corpus)
    r_defined = _defined(pair.reference, r_occ, corpus)
    if v_defined and r_defined and not same_document:
        return None  # each document defines the form it uses
    if v_defined != r_defined:
        if not _definition_decides(pair.variant if v_defined else pair.reference, v_occ, r_occ, v_defined, corpus):
            return None  # the evidence disagrees: the rarer form is given in an alias's parenthesis
        basis = "definition"
        flip = v_defined
    elif len(v_occ) != len(r_occ):
        basis = "count" if same_document else "related"
        flip = len(v_occ) > len(r_occ)
    else:
        basis, flip = "tie", False
    if not flip:
        if basis == pair.basis and len(v_occ) == len(pair.variant_occurrences) and len(r_occ) == len(pair.reference_occurrences):
            return pair
        return VariantPair(pair.variant, pair.reference, v_occ, r_occ, pair.how, basis, pair.replacement, pair.wordlike)
    how = pair.how
    if how.startswith("spelling"):
        if zipf(fold(pair.reference)) >= VARIANT_MAX_ZIPF:
            return None  # the rarer form here is an English word
        how = f"spelling: {describe_edit(fold(pair.variant), fold(pair.reference))}"
    return VariantPair(pair.reference, pair.variant, r_occ, v_occ, how, basis, recase(pair.variant, pair.reference), pair.wordlike)


def _share_phrase(relatedness: Relatedness, a_sheets: set[int], b_sheets: set[int], besides: tuple[str, ...]) -> bool:
    """Whether a document of each side shares a name of two words or more with one of the other."""
    return any(relatedness.related(s, t, besides, phrase=True) for s in a_sheets for t in b_sheets)


_DERIVING = ("ites", "ite", "ism", "ists", "ist", "ians", "ian", "ese")


def _derived(form: str, occurrences: Occurrences | Iterable[Occurrence], corpus: NameCorpus) -> bool:
    """A word made from a name the same document writes ("Examplite" after "Example"): not a slip."""
    lower = form.lower()
    stems = [lower[: -len(ending)] for ending in _DERIVING if lower.endswith(ending) and len(lower) - len(ending) >= 3]
    if not stems:
        return False
    for index in sheets_of(occurrences):
        written = corpus.entities.get(index, ())
        if any(stem in written for stem in stems):
            return True
    return False


def _spelling_anywhere(pair: VariantPair) -> bool:
    """A slip of a lower-case word, or of a name that is no ordinary word, wherever it is written."""
    return pair.variant.islower() or zipf(fold(pair.reference)) < REFERENCE_MAX_ZIPF


def _house_style(a: str, b: str) -> bool:
    """An acronym written in capitals and as a word ("NASDAQ" / "Nasdaq", "VoIP" / "Voip"): two styles, not two spellings."""
    if fold(a) != fold(b):
        return False
    return any(sum(c.isupper() for c in x) >= 3 and y[0].isupper() and y[1:].islower() for x, y in ((a, b), (b, a)))


_SURNAME_PREFIXES = ("Mac", "Mc", "Fitz", "De", "Van", "Von")


def _surname_prefix_case(a: str, b: str) -> bool:
    """"Macdonald" / "MacDonald": both are surnames, each family's own; different people as often as not."""
    if a == b or a.lower() != b.lower():
        return False
    for prefix in _SURNAME_PREFIXES:
        n = len(prefix)
        if a.startswith(prefix) and b.startswith(prefix) and a[n + 1 :] == b[n + 1 :] and a[n].lower() == b[n].lower() != "":
            return a[n] != b[n]
    return False


def _surname(a: str, b: str, corpus: NameCorpus, indexes: set[int]) -> bool:
    """Whether either form is written as a person's surname (after a first name or a title) in these documents."""
    for form in (a, b):
        for text, occurrences in corpus.phrase_occurrences(form):
            words = text.split()
            if len(words) >= 2 and words[-1] == form and any(o.sheet in indexes for o in occurrences):
                return True
    return False


def _defined(form: str, occurrences: Occurrences | Iterable[Occurrence], corpus: NameCorpus, aliases: bool = True) -> bool:
    """Whether a document that writes ``form`` defines it (an acronym's or, unless not ``aliases``, an alias's parenthesis)."""
    return any(corpus.defines(index, form, aliases) for index in sheets_of(occurrences))


def _definition_decides(form: str, v_occ: list[Occurrence], r_occ: list[Occurrence], variant: bool, corpus: NameCorpus) -> bool:
    """Whether the defined ``form`` (the variant's side when ``variant``) is the reference: always when an acronym's
    parenthesis defines it ("Secure Hash Algorithm (SHA-256)"), and when only an alias's does, only when it is no
    rarer than the other form. An alias's parenthesis is a gloss as often as another name ("Nuget (C#)", "debug
    (WriteDebug)", "INVALID (0xfe)") and names an affiliation as often as a spelling ("Pierre Example (Spectrm)"):
    when it gives the rarer form, neither the definition nor the count can be trusted, and the pair is not reported."""
    defined, other = (v_occ, r_occ) if variant else (r_occ, v_occ)
    return len(defined) >= len(other) or _defined(form, defined, corpus, aliases=False)


# Words before a surname that say nothing of who is meant.
_TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "lord", "lady", "dame", "judge", "rev", "cardinal", "president", "minister", "st"}
)


def _first_names(form: str, corpus: NameCorpus, indexes: set[int]) -> set[str]:
    """The words written just before ``form`` in multi-word names ("Ken" in "Ken Example"), titles aside."""
    found = set()
    for text, occurrences in corpus.phrase_occurrences(form):
        if not any(o.sheet in indexes for o in occurrences):
            continue
        words = text.split()
        for before, word in zip(words, words[1:]):
            if word == form and before.lower().rstrip(".") not in _TITLES:
                found.add(before)
    return found


def _two_people(a: str, b: str, corpus: NameCorpus, a_sheets: set[int], b_sheets: set[int]) -> bool:
    """Two surnames each written after its own first names ("Ken Example" / "Ian ExAmple"): two people."""
    if " " in a or " " in b or a_sheets & b_sheets:
        return False
    first_a, first_b = _first_names(a, corpus, a_sheets), _first_names(b, corpus, b_sheets)
    return bool(first_a) and bool(first_b) and not first_a & first_b

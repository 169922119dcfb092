"""Name variants across the corpus: the grouping behind NAM001.

``find_variants`` takes each form's occurrences over the corpus (gathered
and reduced by ``checker.variants_corpus``) and pairs every form that
looks like a variant with the form it is a variant of: first forms listed in
the vocabulary's ``prefer``, then forms that share a key (case, hyphens,
spaces, diacritics: this module), then single words a few edits apart and
multi-word names that differ in one word (``checker.variants_near``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, cast

from checker.lexicon import zipf
from checker.namecompare import camel_case, fold, join_key
from checker.patterns import LazyPattern
from checker.variants_data import CASE_MAX_ZIPF, SEPARATOR_MAX_ZIPF, Forms, Occurrence, Occurrences, VariantPair, Vocab, recase, sheets_of
from checker.variants_near import phrase_variants, spelling_variants
from checker.variants_related import restrict

if TYPE_CHECKING:
    from checker.config import Vocabulary
    from checker.variants_corpus import NameCorpus

_NON_SPACE = LazyPattern(r"\S+")


def find_variants(
    corpus: NameCorpus,
    vocabulary: Vocabulary | None = None,
    near: Callable[[list[str]], Iterable[tuple[str, str]]] | None = None,
    reported: set[tuple[str, str]] | None = None,
) -> list[VariantPair]:
    """Every form in the corpus that looks like a variant of another form.

    ``near``: the near pairs of a word list in ``near_pairs``' order (``NearPairs.pairs``: from those of an
    earlier corpus). ``reported``: the folded single words reported as spelling variants, both ways; given,
    those found elsewhere (``checker.variants_reuse``), and those found here are added to it."""
    vocab = Vocab(vocabulary)
    pairs: dict[str, VariantPair] = {}
    _listed(vocab, corpus, pairs)
    _key_variants(vocab, corpus, pairs)
    reported_terms = spelling_variants(vocab, corpus.forms, corpus.kinds, corpus.aliases, pairs, near)
    if reported is not None:
        reported |= reported_terms
        reported_terms = reported
    phrase_variants(vocab, corpus.phrases, corpus.aliases, reported_terms, pairs)
    # A name a document is titled with is the name that page is about, not a slip of another (unless the
    # vocabulary says it is: "listed", "prefer", "accept").
    found = [pair for pair in pairs.values() if pair.basis in _VOCABULARY or not corpus.titled(pair.variant, pair.reference)]
    if found:
        found = restrict(found, corpus)
    return found


_VOCABULARY = frozenset({"listed", "prefer", "accept"})


def _listed(vocab: Vocab, corpus: NameCorpus, pairs: dict[str, VariantPair]) -> None:
    """Forms that ``prefer`` lists as rejected."""
    for variant, canonical in vocab.listed:
        exact = fold(variant) == fold(canonical)
        matched: Forms = {}
        reference: list[Occurrence] = []
        for table in (corpus.forms, corpus.phrases):
            for form, occurrences in table.items():
                if form == canonical or (not exact and fold(form) == fold(canonical)):
                    reference.extend(occurrences)
                elif form == variant or (not exact and fold(form) == fold(variant)):
                    matched[form] = occurrences
        for form, occurrences in matched.items():
            pairs[form] = VariantPair(form, canonical, occurrences, reference, "listed in prefer", "listed", recase(canonical, form))


def _has_inner_upper(form: str) -> bool:
    return any(c.isupper() for c in form[1:])


def _name_like(form: str) -> bool:
    if _has_inner_upper(form) or any(c.isdigit() for c in form):
        return True
    parts = [p for p in re.split(r"[\s\-\u2010\u2011]+", form) if p]
    return len(parts) > 1 and all(p[0].isupper() for p in parts)


def _separator_form(form: str) -> str:
    lowered = form.lower().replace("\u2010", "-").replace("\u2011", "-").replace("\u2019", "'")
    # A letter or digit is never white space: most forms, single words, have no run of it to make one space.
    return lowered if lowered.isalnum() else _SPACES.sub(" ", lowered)


_SPACES = LazyPattern(r"\s+")


def _key_variants(vocab: Vocab, corpus: NameCorpus, pairs: dict[str, VariantPair]) -> None:
    """Forms that differ only in case, hyphens, spaces or diacritics."""
    groups: dict[str, Forms] = {}
    for form, occurrences in corpus.forms.items():
        key = group_key(form)
        if key is not None:
            groups.setdefault(key, {})[form] = occurrences
    # Two capitalised words that another document writes as one ("BCR ABL").
    for text, occurrences in corpus.phrases.items():
        for begin, end in bigrams(text):
            bigram = text[begin:end]
            key = join_key(bigram)
            if key in groups:
                spans = [Occurrence(o.sheet, o.start + begin, o.start + end, o.initial, o.heading) for o in occurrences]
                groups[key].setdefault(bigram, []).extend(spans)
    for key, members in groups.items():
        if len(members) < 2:
            continue
        _key_group(vocab, key, members, pairs)


def group_key(form: str) -> str | None:
    """The key a form is grouped by with the forms that differ from it in case, hyphens, spaces or diacritics
    (None: too short to be grouped)."""
    if form.isascii() and form.isalpha():  # most forms: nothing to fold but case, nothing to join
        return form.lower() if len(form) >= 3 else None
    key = join_key(form)
    return key if (len(key) >= 3 and key.isalpha()) or sum(c.isalpha() for c in key) >= 3 else None


def bigrams(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each two neighbouring words of a phrase, one character apart."""
    split = text.split()
    if " ".join(split) == text:  # most phrases: words one space apart, nothing else
        start = 0
        for left, right in zip(split, split[1:]):
            yield start, start + len(left) + 1 + len(right)
            start += len(left) + 1
        return
    words = list(_NON_SPACE.finditer(text))
    for left, right in zip(words, words[1:]):
        if right.start() - left.end() == 1:
            yield left.start(), right.end()


def _key_group(vocab: Vocab, key: str, members: Forms, pairs: dict[str, VariantPair]) -> None:
    counts = _counts(members)
    present = [f for f in counts if counts[f]]
    if len(present) < 2:
        return
    reference, basis = _choose(vocab, present, counts)
    for form in present:
        if form == reference or form in pairs:
            continue
        if vocab.both_accepted(form, reference, fold(form), fold(reference)):
            continue
        a, b = _separator_form(form), _separator_form(reference)
        if a != b:
            how = _separator_difference(a, b)
            ok = _separator_variant(form, reference, key, how)
            occurrences = members[form]
        else:
            how = "case"
            occurrences = [o for o in members[form] if not o.heading]
            ok = _case_variant(form, reference, key, len(occurrences))
        if ok and occurrences:
            pairs[form] = VariantPair(form, reference, occurrences, counts[reference], how, basis)


def _counts(members: Forms) -> Forms:
    """Each form's occurrences as counted for choosing the reference.

    Occurrences in headings, whose capitals say nothing, count for the form
    written alike apart from case that the same document writes most often
    outside headings, else for the most frequent such form anywhere.
    (Counted for another document's form, an acronym that one document
    writes in capitals would make that document seem to write both forms. At
    the start of a sentence only the first letter is in doubt, and
    differences there are never reported.)

    A form none of whose occurrences is in a heading, and that none is
    counted for, keeps its own occurrences (not copied: they are only read).
    """
    counts: Forms = {}
    headings: dict[str, list[Occurrence]] = {}  # form -> its occurrences in headings, in order
    for form, occurrences in members.items():
        if isinstance(occurrences, Occurrences):
            counts[form], found = occurrences.split_headings()
        else:
            counts[form] = [o for o in occurrences if not o.heading]
            found = [o for o in occurrences if o.heading]
        if found:
            headings[form] = found
    if not headings:
        return counts
    separated = {form: _separator_form(form) for form in members}  # once each, not once per heading occurrence
    sheets: dict[str, set[int]] = {}  # form -> the documents of its counted occurrences (made when first asked, then kept up to date)
    own: set[str] = set()  # forms whose counted occurrences are this function's own copy (to add to)

    def owned(target: str) -> Occurrences | list[Occurrence]:
        counted = counts[target]
        if target not in own:
            if counted is members[target]:
                counted = counts[target] = cast(Occurrences, counted).copy()
            own.add(target)
        return counted

    for form, found in headings.items():
        same = [f for f in members if separated[f] == separated[form] and counts[f]]
        if len(same) <= 1:
            # One form to count them for (or none: the form itself): every one goes there.
            target = same[0] if same else form
            owned(target).extend(found)
            if target in sheets:
                sheets[target].update(o.sheet for o in found)
            continue
        last = -1  # the document of the occurrence before, whose target is the next one's in the same document:
        # the target only gains (a place, its document), so it stays the most frequent of the pool there
        for occurrence in found:
            if occurrence.sheet != last:
                here = [f for f in same if occurrence.sheet in _sheets_of(f, counts, sheets)]
                target = max(here or same, key=lambda f: (len(counts[f]), f))
                last = occurrence.sheet
            owned(target).append(occurrence)
            if target in sheets:
                sheets[target].add(occurrence.sheet)
    return counts


def _sheets_of(form: str, counts: Forms, sheets: dict[str, set[int]]) -> set[int]:
    found = sheets.get(form)
    if found is None:
        found = sheets[form] = sheets_of(counts[form])
    return found


def _separator_difference(a: str, b: str) -> str:
    """What differs between two forms whose separator forms differ."""
    if _strip_marks(a) == _strip_marks(b):
        return "hyphens or spaces"
    if fold(a) == fold(b):
        return "diacritics"
    return "hyphens, spaces or diacritics"


def _separator_variant(form: str, reference: str, key: str, how: str) -> bool:
    """Whether a hyphen, space or diacritic difference is worth reporting."""
    if how == "diacritics":
        return zipf(fold(form)) < SEPARATOR_MAX_ZIPF
    # "ExceptionGroup" / "Exception Group": a camel-case identifier
    # next to the words it is made of is not a misspelling.
    if (" " in form and camel_case(reference) and " " not in reference) or (" " in reference and camel_case(form) and " " not in form):
        return False
    return _name_like(form) and _name_like(reference) and zipf(key) < SEPARATOR_MAX_ZIPF


def _case_variant(form: str, reference: str, key: str, uses: int = 1) -> bool:
    """Whether a difference in capitals alone is worth reporting (``form`` has ``uses`` outside headings)."""
    letters = sum(c.isalpha() for c in form)
    if letters >= 5 and uses >= 2 and form.isupper() and reference.istitle():
        # A title-case word set in capitals more than once ("OPTIONAL", "METADATA", "REVERT"): a style of
        # emphasis, not a spelling. Once, it may be a slip; capitals against capitals inside a word ("XPATH",
        # "XPath") stay: a brand's own spelling.
        return False
    return (
        (letters >= 4 or (letters >= 3 and any(c.isdigit() for c in form)))
        and not form.islower()
        and not reference.islower()
        and form[1:] != reference[1:]
        and not _title_case_alike(form, reference)
        and (_has_inner_upper(form) or _has_inner_upper(reference))
        and zipf(key) < CASE_MAX_ZIPF
    )


def _title_case_alike(a: str, b: str) -> bool:
    """Forms that differ only in capitals opening their parts: "Stock-Based" / "Stock-based"."""
    parts_a = re.split(r"([\s\-\u2010\u2011]+)", a)
    parts_b = re.split(r"([\s\-\u2010\u2011]+)", b)
    return len(parts_a) == len(parts_b) and all(x[1:] == y[1:] for x, y in zip(parts_a, parts_b))


def _strip_marks(text: str) -> str:
    return _MARKS.sub("", text)


_MARKS = LazyPattern(r"[\s\-\u2010\u2011]+")


def _choose(vocab: Vocab, present: list[str], counts: Forms) -> tuple[str, str]:
    """The form the others are compared with, and why it was chosen."""
    for form in present:
        canonical = vocab.preferred.get(fold(form))
        if canonical == form:
            return form, "prefer"
    accepted = [f for f in present if f in vocab.accept_exact]
    if len(accepted) == 1:
        return accepted[0], "accept"
    ranked = sorted(present, key=lambda f: (-len(counts[f]), f))
    tie = len(ranked) > 1 and len(counts[ranked[0]]) == len(counts[ranked[1]])
    return ranked[0], "tie" if tie else "count"

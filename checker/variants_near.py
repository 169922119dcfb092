"""Near misses for NAM001: single words a few edits apart, and multi-word names that differ
in one word ("Elaine Example" / "Elaine Exampel").

The candidate pairs come from ``near_pairs`` and ``block_pairs``; the gates
here tell one name spelled two ways from two different words (inflections,
drug stems, British and American spellings, camel-case parts, two ordinary
words) and decide which form is the variant.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from os.path import commonprefix
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from checker.lexicon import zipf
from checker.namecompare import camel_case, describe_edit, drug_stem_pair, fold, spelling_standard, suffix_variants
from checker.variants_blocking import NearIndex
from checker.variants_context import WORDLIKE_MAX_ZIPF, legal_name, same_document
from checker.variants_data import REFERENCE_MAX_ZIPF, VARIANT_MAX_ZIPF, Forms, Occurrence, VariantPair, Vocab, joined, mid_sentence, recase
from checker.variants_spelling import edit_distance, max_distance, phrase_reach

# folded term -> {form as written -> occurrences}
Terms = dict[str, Forms]


def spelling_variants(
    vocab: Vocab,
    forms: Forms,
    kinds: dict[str, str],
    aliases: set[tuple[str, str]],
    pairs: dict[str, VariantPair],
    near: Callable[[list[str]], Iterable[tuple[str, str]]] | None = None,
) -> set[tuple[str, str]]:
    """Single words one or two edits apart; returns the folded pairs reported, both ways.

    ``near`` gives the candidate pairs of the words, as ``near_pairs`` does, from those of an earlier
    corpus (``NearPairs.pairs``, ``checker.variants_memo``)."""
    terms = search_terms(forms, kinds)
    info = _TermInfo(terms)  # computed only for the terms that have a near neighbour
    reported: set[tuple[str, str]] = set()
    for term, other in (near or near_pairs)(list(terms)):
        if (term, other) in aliases or not _may_be_variants(term, other, terms):
            continue
        pair = _orient(vocab, term, other, info)
        if pair is None:
            continue
        variant, reference, basis = pair
        v_form, r_form = info[variant].display, info[reference].display
        if v_form in pairs:
            continue
        reported.add((term, other))
        reported.add((other, term))
        how = f"spelling: {describe_edit(reference, variant)}"
        occurrences = joined(terms[variant].values())
        reference_occurrences = joined(terms[reference].values())
        pairs[v_form] = VariantPair(v_form, r_form, occurrences, reference_occurrences, how, basis, recase(r_form, v_form))
    return reported


def search_terms(forms: Forms, kinds: dict[str, str]) -> Terms:
    """The forms compared by spelling, grouped by folded term: words of six letters or more, and names of
    capitalised words joined by hyphens (``Vasquez-Oort``, ``Brennack-Solvang``)."""
    terms: Terms = {}
    for form, occurrences in forms.items():
        kind = kinds[form]
        if kind == "code" or (kind == "acronym" and len(form) < 6):
            continue
        term = fold(form)
        if len(term) < 6 or not (term.isalpha() or _hyphenated_name(form, term)):
            continue
        terms.setdefault(term, {})[form] = occurrences
    return terms


def _hyphenated_name(form: str, term: str) -> bool:
    """Whether ``form`` (folded: ``term``) is capitalised words of letters joined by hyphens: a double-barrelled
    surname or a firm's name (``Vasquez-Oort``), where lower-case compounds (``in-place``) are words."""
    parts = term.split("-")
    if len(parts) < 2 or not all(part.isalpha() for part in parts):
        return False
    written = form.replace("\u2010", "-").replace("\u2011", "-").split("-")
    return len(written) == len(parts) and all(part[:1].isupper() and not part.isupper() for part in written)


def _one_part_differs(a: str, b: str) -> bool:
    """For hyphenated names: whether ``a`` and ``b`` differ in one part only, by a slip of its spelling rather
    than as two words (``North-East`` / ``North-West``) or two endings (``Anglo-Saxon`` / ``Anglo-Saxons``)."""
    parts_a, parts_b = a.split("-"), b.split("-")
    if len(parts_a) != len(parts_b):
        return False
    differ = [(x, y) for x, y in zip(parts_a, parts_b) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    if x[0] != y[0] or edit_distance(x, y) > phrase_reach(x, y) or suffix_variants(x, y):
        return False
    return zipf(x) < 3.0 or zipf(y) < 3.0


# Up to this many words to compare a word with, comparing it with each (in C) is cheaper than
# filing and looking it up in a deletion-neighbourhood index (a dictionary probe for each of
# the ~n²/2 strings a word of n letters leaves after two deletions).
_SCAN_MAX = 256
# Up to this many words in a phrase block, every pair is measured (in Python).
_PAIRS_MAX = 64


def near_pairs(terms: list[str], scan_max: int = _SCAN_MAX) -> Iterator[tuple[str, str]]:
    """(term, other) for the distinct terms within ``max_distance`` OSA edits of each other that
    share their first letter, ``other`` no shorter (and after ``term`` in alphabetical order when
    as long): for each term in order, its neighbours nearest first, then shorter first, then in
    the order of ``terms``.

    A term is compared with every term of its first letter and length range while those are
    few; past ``scan_max`` its candidates come from a deletion-neighbourhood index
    (``NearIndex``) of its first letter, so thousands of names sharing a first letter and a
    length no longer make the search quadratic. Both ways find the same pairs in the same order.
    """
    buckets: dict[tuple[str, int], list[str]] = {}
    for term in terms:
        buckets.setdefault((term[0], len(term)), []).append(term)
    # The terms searched through the index, by first letter: their pairs are found first, one
    # first letter at a time (``_indexed_pairs``), and only the pairs are kept until their turn.
    crowded = {key for key in buckets if _count(buckets, *key) > scan_max}  # (first letter, length) of those terms
    indexed: dict[str, list[int]] = {}
    for place, term in enumerate(terms):
        if (term[0], len(term)) in crowded:
            indexed.setdefault(term[0], []).append(place)
    found: dict[int, list[str]] = {}
    for first, places in indexed.items():
        found.update(_indexed_pairs(terms, first, places))
    searched = {place for places in indexed.values() for place in places}
    # The terms a term is compared with depend on its first letter and length: listed once per bucket.
    choices_of: dict[tuple[str, int], _Choices] = {}
    for place, term in enumerate(terms):
        if place in searched:
            others = found.pop(place, [])
        else:
            key = (term[0], len(term))
            choices = choices_of.get(key)
            if choices is None:
                choices = choices_of[key] = _Choices(buckets, *key)
            others = choices.nearest(term)
        for other in others:
            yield term, other


class _Choices:
    """The terms of one first letter and length compare with: those of the same first letter, no shorter and within
    the length's reach, by length, then in the order of ``terms`` (the order ``near_pairs`` gives their pairs in).

    A term is paired with a term as long as itself only when that one comes after it alphabetically: it is measured
    against those only (found by bisection in the bucket sorted), and against every longer one. Half the
    distances a bucket's terms measure are between terms as long, each of which was measured both ways."""

    __slots__ = ("same", "rank", "longer")

    def __init__(self, buckets: dict[tuple[str, int], list[str]], first: str, length: int) -> None:
        bucket = buckets[(first, length)]
        self.same = sorted(bucket)
        self.rank = {term: place for place, term in enumerate(bucket)}  # a term's place among the choices
        self.longer = [c for size in range(length + 1, length + max_distance(length) + 1) for c in buckets.get((first, size), ())]

    def nearest(self, term: str) -> list[str]:
        """What ``_nearest(term, choices)`` gives, ``choices`` being every term of the bucket and the longer ones."""
        after = self.same[bisect_right(self.same, term) :]
        if not after and not self.longer:
            return []
        found = process.extract(term, after + self.longer, scorer=OSA.distance, score_cutoff=max_distance(len(term)), limit=None)
        if len(found) > 1:
            # By distance, then by place among all the choices.
            rank, cut, base = self.rank, len(after), len(self.rank) - len(after)
            found.sort(key=lambda item: (item[1], rank[item[0]] if item[2] < cut else base + item[2]))
        return [other for other, _distance, _place in found]


def _nearest(term: str, choices: list[str]) -> list[str]:
    """The ``choices`` within reach of ``term`` that ``near_pairs`` pairs it with, in its order."""
    length = len(term)
    # Sorted by distance, then by place in ``choices``: by length, then in the order of ``terms``.
    found = process.extract(term, choices, scorer=OSA.distance, score_cutoff=max_distance(length), limit=None)
    return [other for other, _distance, _place in found if other != term and (len(other) != length or other > term)]


def _count(buckets: dict[tuple[str, int], list[str]], first: str, length: int) -> int:
    """How many terms start with ``first`` and are ``length`` long or longer within the reach of that length."""
    return sum(len(buckets.get((first, size), ())) for size in range(length, length + max_distance(length) + 1))


# The longest reach of any term (``max_distance``): a term's candidates are at most this much longer.
_LONGEST_REACH = 2


def _indexed_pairs(terms: list[str], first: str, places: list[int]) -> Iterator[tuple[int, list[str]]]:
    """(place, the terms it is paired with) for the terms at ``places``, all of first letter ``first``,
    from a ``NearIndex`` of the terms of that letter (only the places that have a pair).

    A term's candidates are no shorter than itself and at most its reach longer, so the terms
    are filed in blocks of one length each, longest first; the terms of a length are looked up
    once the blocks of that length and the next ``_LONGEST_REACH`` are filed, and a block no
    later term can reach is dropped: a few lengths' neighbourhoods are held at a time.
    """
    by_length: dict[int, list[int]] = {}
    for number, term in enumerate(terms):
        if term[0] == first:
            by_length.setdefault(len(term), []).append(number)
    asked: dict[int, list[int]] = {}
    for place in places:
        asked.setdefault(len(terms[place]), []).append(place)
    index = NearIndex()
    filed: set[int] = set()
    for length in sorted(asked, reverse=True):
        for size in [size for size in filed if size > length + _LONGEST_REACH]:
            index.drop(size)
            filed.discard(size)
        for size in range(length + _LONGEST_REACH, length - 1, -1):
            if size not in filed and size in by_length:
                filed.add(size)
                for number in by_length[size]:
                    # A term is compared with terms no longer than itself, whose reach is no larger than its own.
                    index.add(number, terms[number], max_distance(size), block=size)
        reach = max_distance(length)
        for place in asked[length]:
            term = terms[place]
            # By length, then in the order of ``terms``: the order of the choices when every term is compared.
            numbers = sorted(n for size in range(length, length + reach + 1) for n in index.candidates(term, reach, block=size))
            numbers.sort(key=lambda n: len(terms[n]))
            others = _nearest(term, [terms[n] for n in numbers])
            if others:
                yield place, others
        index.forget()  # the neighbourhoods remembered for this length's terms, each filed and asked once


def block_pairs(words: list[str], scan_max: int = _PAIRS_MAX) -> Iterator[tuple[int, int]]:
    """(i, j), i < j, in increasing order: every pair of ``words`` within ``phrase_reach`` edits
    of each other, and possibly others (the caller measures each pair)."""
    if len(words) <= scan_max:
        for i in range(len(words)):
            for j in range(i + 1, len(words)):
                yield i, j
        return
    index = NearIndex()
    reaches = [phrase_reach(word, word) for word in words]
    for number, word in enumerate(words):
        index.add(number, word, reaches[number])
    for i, word in enumerate(words):
        for j in sorted(index.candidates(word, reaches[i])):
            if j > i:
                yield i, j


def _may_be_variants(a: str, b: str, terms: Terms) -> bool:
    """Gates that tell two different words from one word spelled two ways."""
    if ("-" in a or "-" in b) and not _one_part_differs(a, b):
        return False
    if suffix_variants(a, b) or drug_stem_pair(a, b):
        return False
    na, nb = spelling_standard(a), spelling_standard(b)
    if na == nb or suffix_variants(na, nb):
        return False  # "amortisation" / "amortization", "normaliser" / "normalized"
    forms_a, forms_b = terms[a], terms[b]
    # An edit at a capital inside a camel-case name changes its parts: "Cython" / "CPython".
    for x in forms_a:
        for y in forms_b:
            if (camel_case(x) or camel_case(y)) and _edit_touches_capital(x, y):
                return False
    # An identifier always written in lower camel case next to a lower-case word: "forKey" / "forked" (code
    # beside prose; not "containderd" beside "containerd", which some write "containerD").
    if all(map(_lower_camel, forms_a)) and all(x.islower() for x in forms_b) or all(map(_lower_camel, forms_b)) and all(x.islower() for x in forms_a):
        return False
    # A proper noun next to an ordinary lower-case word: "Chardet" / "charset".
    style_a, style_b = _case_style(forms_a), _case_style(forms_b)
    if style_a and style_b and style_a != style_b:
        return False
    return True


def _lower_camel(form: str) -> bool:
    """``forKey``, ``isNaN``: a lower-case start, then a capital inside."""
    return form[:1].islower() and any(c.isupper() for c in form[1:])


def _edit_touches_capital(x: str, y: str) -> bool:
    for op in Levenshtein.opcodes(x.lower(), y.lower()):
        if op.tag != "equal" and (any(c.isupper() for c in x[op.src_start : op.src_end]) or any(c.isupper() for c in y[op.dest_start : op.dest_end])):
            return True
    return False


def _case_style(members: Forms) -> str | None:
    """ "proper" or "lower" when every mid-sentence occurrence agrees, else None."""
    styles = {("proper" if form[0].isupper() else "lower") for form, occurrences in members.items() if mid_sentence(occurrences)}
    return styles.pop() if len(styles) == 1 else None


class _Term(NamedTuple):
    """What the variant decision needs to know of a folded term."""

    display: str  # its most frequent form
    uses: int
    zipf: float
    proper: bool  # used as a proper noun


class _TermInfo(dict[str, _Term]):
    """term -> its ``_Term``, computed on first lookup."""

    def __init__(self, terms: Terms) -> None:
        super().__init__()
        self.terms = terms

    def __missing__(self, term: str) -> _Term:
        value = self[term] = _term_info(self.terms[term])
        return value


def _term_info(members: Forms) -> _Term:
    display = max(members, key=lambda f: (len(members[f]), f))
    count = sum(len(o) for o in members.values())
    inner = [form for form, occ in members.items() if mid_sentence(occ)]  # the forms written mid-sentence
    proper = bool(inner) and all(form[0].isupper() for form in inner)
    return _Term(display, count, zipf(fold(display)), proper)


def _orient(vocab: Vocab, a: str, b: str, info: _TermInfo) -> tuple[str, str, str] | None:
    """(variant, reference, basis) for two folded terms, or None when they are not variants."""
    form_a, count_a, zipf_a, _ = info[a]
    form_b, count_b, zipf_b, _ = info[b]
    if zipf_a >= 3.0 and zipf_b >= 3.0:
        return None  # two English words ("form", "from")
    if vocab.both_accepted(form_a, form_b, a, b):
        return None
    decided = vocab.decides(form_a, form_b, a, b)
    if decided is not None:
        reference = a if decided[0] == form_a else b
        basis = decided[1]
    elif count_a != count_b:
        reference, basis = (a, "count") if count_a > count_b else (b, "count")
    else:
        # Equal counts: the form the word list knows better, then alphabetical order.
        reference = min((a, b), key=lambda t: (-info[t].zipf, t))
        basis = "tie"
    variant = b if reference == a else a
    if basis in ("count", "tie") and not _counted_variant(info[variant], info[reference]):
        return None
    return variant, reference, basis


def _counted_variant(variant: _Term, reference: _Term) -> bool:
    """Whether counts may make ``variant`` a variant of ``reference`` (no vocabulary decided)."""
    if variant.zipf >= VARIANT_MAX_ZIPF or _formed_word(fold(variant.display), fold(reference.display)):
        return False  # the rarer form is itself a word, or one made by a prefix or a suffix ("misdetected", "compilable")
    if not _rare_next_to_frequent(variant.uses, reference.uses):
        return False
    return reference.zipf < REFERENCE_MAX_ZIPF or reference.proper  # else a slip of an ordinary word: a spelling matter


# Prefixes that make new words of ordinary ones: "misdetected", "unsaved", "reindexed".
_PREFIXES = ("mis", "un", "re", "non", "pre", "dis", "over", "under", "out", "sub", "inter", "co", "de")
# The rest must be at least this frequent an English word, and this long.
_STEM_MIN_ZIPF = 3.0
_STEM_MIN_LENGTH = 4


def _prefixed_word(term: str) -> bool:
    """A regular prefix before an ordinary English word: a word formed, not a slip."""
    for prefix in _PREFIXES:
        rest = term[len(prefix) :]
        if term.startswith(prefix) and len(rest) >= _STEM_MIN_LENGTH and zipf(rest) >= _STEM_MIN_ZIPF:
            return True
    return False


# Endings that make new words of ordinary ones and that a word list often lacks ("compilable", "routability",
# "exhaustivity"). Not inflections ("-ing", "-ed", "-er"), where a slip of a known word hides ("begining", "refering").
_SUFFIXES = ("ability", "ibility", "ably", "able", "ible", "ity", "ness", "ism", "ize", "ise")


def _formed_word(term: str, other: str) -> bool:
    """Whether ``term`` is a word made by a regular prefix ("misdetected"), or by a regular suffix, after a prefix or
    not, from an ordinary English word, where it parts from the word ``other`` it resembles inside that stem
    ("compilable" from "compile" beside "composable", "unrejectable" from "reject" beside "undetectable"): a word the
    list does not hold, not a slip. Where the two part only at the stem's end or in the ending, the ending is
    misspelt ("understandibility", "destablize", "scheduleable") and ``term`` is a slip. The stem may have lost a
    final "e" before the ending ("compil-able") or turned a "y" into "i" ("happi-ness")."""
    if _prefixed_word(term):
        return True
    shared = len(commonprefix((term, other)))
    for prefix in ("", *_PREFIXES):
        if not term.startswith(prefix):
            continue
        body = term[len(prefix) :]
        for suffix in _SUFFIXES:
            stem = body[: -len(suffix)]
            if not body.endswith(suffix) or len(stem) < _STEM_MIN_LENGTH or shared >= len(prefix) + len(stem) - 1:
                continue
            if zipf(stem) >= _STEM_MIN_ZIPF or zipf(stem + "e") >= _STEM_MIN_ZIPF or (stem.endswith("i") and zipf(stem[:-1] + "y") >= _STEM_MIN_ZIPF):
                return True
    return False


def _rare_next_to_frequent(variant_count: int, reference_count: int) -> bool:
    """A slip is rarer than the name it slips from: two names both in steady use are two names."""
    return variant_count <= 2 or variant_count * 3 <= reference_count


def phrase_variants(vocab: Vocab, phrases: Forms, aliases: set[tuple[str, str]], reported_terms: set[tuple[str, str]], pairs: dict[str, VariantPair]) -> None:
    """Multi-word names that differ in one word ("Elaine Example" / "Elaine Exampel")."""
    folded: Terms = {}
    for text, occurrences in phrases.items():
        folded.setdefault(fold(text), {})[text] = occurrences
    for members in _phrase_blocks(folded).values():
        if len(members) < 2:
            continue
        words = [key.split()[index] for key, index in members]
        for i, j in block_pairs(words):
            (a, index), (b, _) = members[i], members[j]
            wa, wb = words[i], words[j]
            if wa[0] != wb[0] or (wa, wb) in reported_terms or (wa, wb) in aliases:
                continue
            if edit_distance(wa, wb) > phrase_reach(wa, wb):
                continue
            legal = legal_name(a) and legal_name(b)
            if (suffix_variants(wa, wb) or drug_stem_pair(wa, wb)) and not legal:
                continue
            if spelling_standard(wa) == spelling_standard(wb) and not legal:
                # "Civic Centre" / "Civic Center": one proper name in two regional spellings.
                if len(a.split()) >= 2 and _proper(folded[a]) and _proper(folded[b]):
                    _phrase_pair(vocab, folded, a, b, index, pairs, regional=True)
                continue
            _phrase_pair(vocab, folded, a, b, index, pairs, legal=legal)


def _phrase_blocks(folded: Terms) -> dict[tuple[int, int, str, tuple[str, ...]], list[tuple[str, int]]]:
    """Phrases that may differ in one word, by (words, place of the word, its first letter, the other words)."""
    blocks: dict[tuple[int, int, str, tuple[str, ...]], list[tuple[str, int]]] = {}
    for key in folded:
        for block, index in phrase_blocks_of(key):
            blocks.setdefault(block, []).append((key, index))
    return blocks


def phrase_blocks_of(key: str) -> Iterator[tuple[tuple[int, int, str, tuple[str, ...]], int]]:
    """The blocks of a folded phrase (``_phrase_blocks``), each with the place of the word that may differ."""
    words = key.split()
    for index, word in enumerate(words):
        if len(word) >= 4 and word.isalpha():
            # The differing words must share their first letter: part of the block key.
            yield (len(words), index, word[0], tuple(words[:index] + words[index + 1 :])), index


def _proper(members: Forms) -> bool:
    """Every word of every form capitalised: a proper name, not a phrase in title case by accident of position."""
    capitalised = all(word[:1].isupper() for form in members for word in form.split())
    return capitalised and any(not o.initial and not o.heading for occ in members.values() for o in occ)


def _capitalised(members: Forms) -> bool:
    """Every word of every form capitalised, outside headings (a sentence may open with the name)."""
    return all(word[:1].isupper() for form in members for word in form.split()) and any(not o.heading for occ in members.values() for o in occ)


def _phrase_pair(
    vocab: Vocab, folded: Terms, a: str, b: str, index: int, pairs: dict[str, VariantPair], regional: bool = False, legal: bool = False
) -> None:
    """Record two folded phrases that differ in word ``index`` as a variant pair, if they are one."""
    count_a = sum(len(o) for o in folded[a].values())
    count_b = sum(len(o) for o in folded[b].values())
    if not regional and not legal and _wordlike_phrases(folded, a, b, index):
        # The differing word is an English word ("Marlow"): only the document writing both is evidence.
        occ_a, occ_b = same_document(folded[a], folded[b])
        if not occ_a:
            return
        count_a, count_b = len(occ_a), len(occ_b)
    display_a = max(folded[a], key=lambda f: len(folded[a][f]))
    display_b = max(folded[b], key=lambda f: len(folded[b][f]))
    decided = vocab.decides(display_a, display_b, a, b)
    if decided is not None:
        reference, basis = (a, decided[1]) if decided[0] == display_a else (b, decided[1])
    elif count_a != count_b:
        reference, basis = (a, "count") if count_a > count_b else (b, "count")
    else:
        # Equal counts: the phrase whose differing word the word list knows better, then alphabetical order.
        reference, basis = min((a, b), key=lambda p: (-zipf(p.split()[index]), p)), "tie"
    variant = b if reference == a else a
    v_word = variant.split()[index]
    wordlike = zipf(v_word) >= VARIANT_MAX_ZIPF and basis in ("count", "tie") and not regional
    if wordlike and not legal and not (zipf(v_word) < WORDLIKE_MAX_ZIPF and _proper(folded[reference]) and _capitalised(folded[variant])):
        return
    v_count, r_count = (count_b, count_a) if variant == b else (count_a, count_b)
    if basis in ("count", "tie") and not _rare_next_to_frequent(v_count, r_count):
        return
    v_display = display_b if variant == b else display_a
    r_display = display_a if variant == b else display_b
    if v_display in pairs:
        return
    how = "regional spelling" if regional else f"spelling: {describe_edit(reference.split()[index], v_word)}"
    if wordlike and not legal:
        occurrences, reference_occurrences = same_document(folded[variant], folded[reference])
    else:
        occurrences = [o for f in folded[variant].values() for o in f]
        reference_occurrences = [o for f in folded[reference].values() for o in f]
    if basis == "tie" and side_by_side(occurrences, reference_occurrences):
        return
    if legal:
        how += " in a legal name"
    pairs[v_display] = VariantPair(v_display, r_display, occurrences, reference_occurrences, how, basis, wordlike=wordlike and not legal)


# Two full names written as often as each other, and this close together every time, are two people named
# side by side ("Jordan Reyes and Jordana Reyes", twice each), not one name and its slip, which is rarer
# than the name. (Not single words: a slip of a word often sits a sentence from the word.)
_SIDE_BY_SIDE = 150


def side_by_side(variant: Iterable[Occurrence], reference: Iterable[Occurrence]) -> bool:
    """Whether every place of ``variant`` has a place of ``reference`` in its document within ``_SIDE_BY_SIDE`` characters."""
    near: dict[int, list[int]] = {}
    for place in reference:
        near.setdefault(place.sheet, []).append(place.start)
    for starts in near.values():
        starts.sort()
    found = False
    for place in variant:
        around = near.get(place.sheet)
        if not around:
            return False
        at = bisect_left(around, place.start - _SIDE_BY_SIDE)
        if at == len(around) or around[at] > place.start + _SIDE_BY_SIDE:
            return False
        found = True
    return found


def _wordlike_phrases(folded: Terms, a: str, b: str, index: int) -> bool:
    """Whether either differing word is an English word (then counts come from shared documents)."""
    return zipf(a.split()[index]) >= VARIANT_MAX_ZIPF or zipf(b.split()[index]) >= VARIANT_MAX_ZIPF

"""The data of NAM001's variant search: where each form occurs, the pairs it reports,
the thresholds it applies, and what the user's vocabulary says about two forms."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import rshift
from typing import TYPE_CHECKING, NamedTuple

from checker.namecompare import fold

if TYPE_CHECKING:
    from checker.config import Vocabulary

# A form reported as a variant must be unknown to the English word list (whose
# rarest words have a Zipf value of about 1), and
# the form it is compared with must be rare in English or used as a proper noun.
VARIANT_MAX_ZIPF = 1.0
REFERENCE_MAX_ZIPF = 3.5
# Case and separator variants: the name must not be an ordinary word.
CASE_MAX_ZIPF = 4.0
SEPARATOR_MAX_ZIPF = 3.5


class Occurrence(NamedTuple):
    """One place a form is written, in the corpus."""

    sheet: int  # index of the fact sheet
    start: int
    end: int
    initial: bool  # its capitals say nothing (sentence start, heading)
    heading: bool


class Occurrences:
    """A form's occurrences, packed three integers each: a corpus's worth of them as tuples would not fit."""

    __slots__ = ("_data",)

    def __init__(self, items: Iterable[Occurrence] = ()) -> None:
        self._data = array("i")  # 32 bits while every number fits, else 64
        if items != ():
            self.extend(items)

    def add(self, sheet: int, start: int, end: int, initial: bool, heading: bool) -> None:
        item = (sheet * 4 + initial * 2 + heading, start, end)
        try:
            self._data.extend(item)
        except OverflowError:
            del self._data[len(self._data) - len(self._data) % 3 :]  # what extend wrote before it failed
            self._data = array("q", self._data)
            self._data.extend(item)

    def add_packed(self, numbers: list[int] | array) -> None:
        """Occurrences packed as kept here, three numbers each: ``sheet * 4 + initial * 2 + heading``, start, end."""
        if type(numbers) is array:
            try:
                self._data.extend(numbers)  # all or nothing
                return
            except TypeError:  # an array extends only one of its own type
                numbers = numbers.tolist()
        size = len(self._data)
        try:
            self._data.extend(numbers)
        except OverflowError:
            del self._data[size:]  # what extend wrote before it failed
            self._data = array("q", self._data)
            self._data.extend(numbers)

    def append(self, occurrence: Occurrence) -> None:
        self.add(*occurrence)

    def extend(self, items: Iterable[Occurrence]) -> None:
        numbers: list[int] = []
        for sheet, start, end, initial, heading in items:
            numbers += (sheet * 4 + initial * 2 + heading, start, end)
        self.add_packed(numbers)

    def copy(self) -> Occurrences:
        other = Occurrences()
        other._data = array(self._data.typecode, self._data)
        return other

    def sheets(self) -> set[int]:
        """The documents these occurrences are in (without making a tuple of each)."""
        return {key >> 2 for key in self._data[0::3]}

    def per_sheet(self) -> dict[int, int]:
        """How many of these occurrences each document has."""
        return Counter(map(rshift, self._data[0::3], repeat(2)))

    def in_sheets(self, sheets: set[int]) -> list[Occurrence]:
        """These occurrences in some documents, in order."""
        data, new = self._data, tuple.__new__
        found = []
        # The places in those documents are picked in C: a frequent name has thousands of places, few of them there.
        for i in compress(count(0, 3), map(sheets.__contains__, map(rshift, data[0::3], repeat(2)))):
            key = data[i]
            found.append(new(Occurrence, (key >> 2, data[i + 1], data[i + 2], bool(key & 2), bool(key & 1))))
        return found

    def mid_sentence(self) -> bool:
        """Whether any of these occurrences is not ``initial`` (its capitals say something)."""
        return not all(map((2).__and__, self._data[0::3]))

    def split_headings(self) -> tuple[Occurrences, list[Occurrence]]:
        """These occurrences outside headings (this object itself when none is in one), and those in headings, in order."""
        data = self._data
        keys = data[0::3]
        if not any(map((1).__and__, keys)):
            return self, []
        new = tuple.__new__
        kept: list[int] = []
        headings: list[Occurrence] = []
        for key, start, end in zip(keys, data[1::3], data[2::3]):
            if key & 1:
                headings.append(new(Occurrence, (key >> 2, start, end, bool(key & 2), True)))
            else:
                kept += (key, start, end)
        other = Occurrences()
        other.add_packed(kept)
        return other, headings

    def __len__(self) -> int:
        return len(self._data) // 3

    def __bool__(self) -> bool:
        return bool(self._data)

    def __iter__(self) -> Iterator[Occurrence]:
        data, new = self._data, tuple.__new__  # NamedTuple's own constructor is Python code
        for i in range(0, len(data), 3):
            key = data[i]
            yield new(Occurrence, (key >> 2, data[i + 1], data[i + 2], bool(key & 2), bool(key & 1)))


# form as written -> its occurrences
Forms = dict[str, Occurrences | list[Occurrence]]


def sheets_of(occurrences: Occurrences | Iterable[Occurrence]) -> set[int]:
    """The documents of some occurrences."""
    if isinstance(occurrences, Occurrences):
        return occurrences.sheets()
    return {o.sheet for o in occurrences}


def per_sheet(occurrences: Occurrences | Iterable[Occurrence]) -> dict[int, int]:
    """How many of some occurrences each document has."""
    if isinstance(occurrences, Occurrences):
        return occurrences.per_sheet()
    return Counter(o.sheet for o in occurrences)


def joined(parts: Iterable[Occurrences | list[Occurrence]]) -> Occurrences:
    """Some forms' occurrences one after the other, in one packed list (packed lists are copied as they are)."""
    out = Occurrences()
    for part in parts:
        if isinstance(part, Occurrences):
            out.add_packed(part._data)
        else:
            out.extend(part)
    return out


def mid_sentence(occurrences: Occurrences | Iterable[Occurrence]) -> bool:
    """Whether any of some occurrences is not ``initial``."""
    if isinstance(occurrences, Occurrences):
        return occurrences.mid_sentence()
    return any(not o.initial for o in occurrences)


def in_sheets(occurrences: Occurrences | Iterable[Occurrence], sheets: set[int]) -> list[Occurrence]:
    """Some occurrences in some documents, in order."""
    if isinstance(occurrences, Occurrences):
        return occurrences.in_sheets(sheets)
    return [o for o in occurrences if o.sheet in sheets]


@dataclass(frozen=True, slots=True)
class VariantPair:
    """One form reported as a variant of another, with both forms' occurrences."""

    variant: str
    reference: str
    variant_occurrences: Occurrences | list[Occurrence]
    reference_occurrences: Occurrences | list[Occurrence]
    how: str  # what differs: "case", "hyphens or spaces", "diacritics", "spelling: 't' added"
    # Why the reference is taken as right: "listed" (prefer lists the variant),
    # "prefer", "accept", "count" (more frequent) or "tie".
    basis: str
    replacement: str = ""  # what the fix writes; the reference when empty
    wordlike: bool = False  # the variant is an English word, paired on the evidence of its context

    def __post_init__(self) -> None:
        if not self.replacement:
            object.__setattr__(self, "replacement", self.reference)


class Vocab:
    """The user's vocabulary, as the variant search asks it: which of two forms is right."""

    def __init__(self, vocabulary: Vocabulary | None) -> None:
        self.accept_exact = frozenset(vocabulary.accept) if vocabulary else frozenset()
        self.accept_fold = frozenset(fold(a) for a in self.accept_exact)
        self.preferred: dict[str, str] = {}  # fold -> canonical
        self.listed: list[tuple[str, str]] = []  # (variant, canonical)
        for canonical, variants in vocabulary.prefer.items() if vocabulary else ():
            self.preferred[fold(canonical)] = canonical
            for variant in variants:
                self.listed.append((variant, canonical))

    def decides(self, a: str, b: str, fa: str, fb: str) -> tuple[str, str] | None:
        """(reference, basis) when the vocabulary says which of two forms is right."""
        for form, key in ((a, fa), (b, fb)):
            canonical = self.preferred.get(key)
            # Forms that differ only in case need the canonical form exactly.
            if canonical is not None and (form == canonical or fa != fb):
                return form, "prefer"
        exact = [f for f in (a, b) if f in self.accept_exact]
        if len(exact) == 1:
            return exact[0], "accept"
        folded = [f for f, k in ((a, fa), (b, fb)) if k in self.accept_fold]
        if len(folded) == 1 and fa != fb:
            return folded[0], "accept"
        return None

    def both_accepted(self, a: str, b: str, fa: str, fb: str) -> bool:
        """Whether the vocabulary accepts both forms (then they are two names)."""
        if fa != fb:
            return fa in self.accept_fold and fb in self.accept_fold
        return a in self.accept_exact and b in self.accept_exact


def recase(canonical: str, form: str) -> str:
    """The canonical form written in the case style of ``form`` where that style is plain."""
    if fold(canonical) == fold(form):
        return canonical
    if form.islower():
        return canonical.lower()
    if form.isupper() and len(form) > 1:
        return canonical.upper()
    return canonical

"""NAM005: a surname after a title that names no one the document introduces, one slip from one it does."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from checker.finding import Edit, Finding, Fix, Related
from checker.lexicon import zipf
from checker.rule import Rule
from checker.variants_data import VARIANT_MAX_ZIPF

if TYPE_CHECKING:
    from checker.document import Document
    from checker.facts import FactSheet
    from checker.people import Surname

# A surname that is an everyday English word ("Mr Black", "Ms Young") is too often a different person.
_WORD_MAX_ZIPF = 4.0
# Shorter surnames one letter apart are often two people ("Chan", "Chen"; "Park", "Parr").
_MIN_LENGTH = 5


class SurnameVariants(Rule):
    """A surname after a title that the document never introduces, one letter from one it does.

    What it checks
    --------------
    Reports a surname written only after a title (``Mr``, ``Ms``, ``Mrs``,
    ``Dr``, ``Prof`` ...), never with a given name, when it is one slip (a
    letter added, dropped or changed, or two neighbouring letters swapped)
    from the surname of a person the document does introduce, with a given
    name or a title, and uses more often: ``Mr Strahan`` once, beside
    ``Rupert Strachan`` and ``Mr Strachan``. A reader meets ``Mr Strahan``
    as someone already named, and no one of that name was.

    It reports what ``name-variants`` leaves to it: surnames that are also
    words of the English word list (``Strahan``, ``Pelligrini``), which that
    rule never takes for slips. Surnames shorter than five letters (``Chan``
    and ``Chen`` are often two people), everyday English words (``Mr Black``)
    and two surnames after titles of different genders (``Mr Hansen``, ``Ms
    Hanson``) are not reported, nor is a different first letter.

    Why it matters
    --------------
    A misspelled name is the error readers and the people named notice
    first; a surname that is itself a real name passes every spelling
    checker.

    Confidence
    ----------
    ``medium``: now and then the document does mean a second person it
    never introduces.

    Fix safety
    ----------
    A suggestion only (never applied by ``--fix``): it writes the
    introduced surname, but only the writer knows who is meant.

    Flagged
    -------
        Rupert Strachan, Chief Executive, said the quarter was strong.
        Commenting on the sale, Mr Strahan said the hotel no longer fitted.
        Mr Strachan added that pricing would stay disciplined.

    Passes
    ------
        Dr Anna Kowalska and Dr Jan Kowalski led the study. Dr Kowalska
        said the results were clear; Dr Kowalski agreed.
    """

    code = "NAM005"
    name = "surname-variants"
    severity = "warning"
    confidence = "medium"

    def check(self, doc: Document, facts: FactSheet) -> Iterable[Finding]:
        from checker.people import surnames, titled_words

        if not any(_may_be_slip(word) for word in titled_words(doc.prose)):
            return  # the whole scan only where a title stands before a word that may be a slip
        words = surnames(doc.prose)
        titled = [s for s in words.values() if s.titles and s.titled == len(s.uses) and _may_be_slip(s.word)]
        if not titled:
            return
        accepted = set(self.settings.vocabulary.accept) if self.settings is not None else set()
        people = [s for s in words.values() if len(s.uses) >= 2 and (s.titles or s.introduced) and len(s.word) >= _MIN_LENGTH]
        for variant in titled:
            if variant.word in accepted:
                continue
            best = _reference(variant, people)
            if best is None:
                continue
            yield from self._report(doc, variant, best)

    def _report(self, doc: Document, variant: Surname, reference: Surname) -> Iterable[Finding]:
        where = reference.introduced[0] if reference.introduced else reference.uses[0]
        full = doc.prose[where[0] : where[1]]
        line = doc.position(where[0]).line
        titles = "/".join(sorted(variant.titles))
        message = f"'{titles} {variant.word}' names no one the document introduces; '{reference.word}' ({full}, line {line}) differs by one letter"
        evidence = (
            f"'{variant.word}' {len(variant.uses)}\u00d7, always after a title and never with a given name; '{reference.word}' {len(reference.uses)}\u00d7"
        )
        related = (Related(where[0], where[1], f"'{full}' here"),)
        for start, end in variant.uses:
            fix = Fix((Edit(start, end, reference.word),), "display", f'Write "{reference.word}"')
            yield self.finding(start, end, message, evidence=evidence, related=related, fix=fix)


def _may_be_slip(word: str) -> bool:
    """Whether a surname may be a slip this rule reports (``name-variants`` has the words unknown to English)."""
    if len(word) < _MIN_LENGTH or not word[1:].islower():
        return False
    frequency = zipf(word)
    return VARIANT_MAX_ZIPF <= frequency < _WORD_MAX_ZIPF


def _reference(variant: Surname, people: list[Surname]) -> Surname | None:
    """The most used introduced surname one slip from ``variant``, if any."""
    from checker.variants_spelling import edit_distance

    best = None
    for person in people:
        other = person.word
        if other == variant.word or other[0] != variant.word[0] or len(person.uses) <= len(variant.uses):
            continue
        if abs(len(other) - len(variant.word)) > 1 or _genders_differ(variant, person):
            continue
        if edit_distance(other.lower(), variant.word.lower(), 1) != 1:
            continue
        if best is None or len(person.uses) > len(best.uses):
            best = person
    return best


def _genders_differ(a: Surname, b: Surname) -> bool:
    """Whether the titles before two surnames say two people of different genders."""
    said_a, said_b = _genders(a), _genders(b)
    return bool(said_a and said_b and said_a.isdisjoint(said_b))


def _genders(surname: Surname) -> set[str]:
    """The genders the titles before a surname say ("Mr": "m"; "Ms", "Mrs", "Miss": "f"; "Dr" says none)."""
    from checker.people import FEMALE_TITLES, MALE_TITLES

    return {"m" if t in MALE_TITLES else "f" for t in surname.titles if t in MALE_TITLES or t in FEMALE_TITLES}

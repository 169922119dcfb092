"""NAM005: a surname after a title, or alone, that names no one the document introduces, one slip from one it does."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from checker.compounds import FUNCTION_WORDS
from checker.finding import Edit, Finding, Fix, Related
from checker.lexicon import zipf
from checker.patterns import LazyPattern
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
    name or a title, and uses more often, or as often when it introduces
    them with a given name: ``Mr Strahan`` once, beside ``Rupert Strachan``.
    A reader meets ``Mr Strahan`` as someone already named, and no one of
    that name was. A rare surname written alone, at most twice, never after
    a title or beside another capitalised word, and mid-sentence unless
    it is too rare a word to open a sentence as English (Zipf < 2), is
    reported the same way against a person introduced with a given name
    (``Brenan's new club`` beside ``Callum Brennan``), unless either word is an everyday one
    (``Scots`` beside ``Eleanor Scott``) or one is another form of the
    other (``Cached`` beside ``Equivalence Cache``).

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
    requires = ("names",)  # the capitalised words found, for the quick test before the scan

    def check(self, doc: Document, facts: FactSheet) -> Iterable[Finding]:
        from checker.people import surnames, titled_words

        prose = doc.prose
        # The whole scan only where a title stands before a word that may be a slip, or where two capitalised words
        # the names extractor found are one slip apart and one of them may be a slip written alone.
        if not any(_may_be_slip(word) for word in titled_words(prose)) and not _bare_pairs(facts):
            return
        words = surnames(prose)
        titled = [s for s in words.values() if s.titles and s.titled == len(s.uses) and _may_be_slip(s.word)]
        # Mid-sentence, where a capital says a name: the names extractor's mentions that are not initial.
        named = {m.start for m in facts.names if m.kind == "word" and not m.initial}
        bare = [s for s in words.values() if _bare(prose, s, named)]
        if not titled and not bare:
            return
        accepted = set(self.settings.vocabulary.accept) if self.settings is not None else set()
        people = [s for s in words.values() if (len(s.uses) >= 2 and s.titles or s.introduced) and len(s.word) >= _MIN_LENGTH]
        persons = [p for p in people if _person(p)] if bare else []
        for variant in titled + bare:
            if variant.word in accepted:
                continue
            best = _reference(variant, people if variant.titles else persons)
            if best is None:
                continue
            yield from self._report(doc, variant, best)

    def _report(self, doc: Document, variant: Surname, reference: Surname) -> Iterable[Finding]:
        where = reference.introduced[0] if reference.introduced else reference.uses[0]
        full = doc.prose[where[0] : where[1]]
        line = doc.position(where[0]).line
        titles = "/".join(sorted(variant.titles))
        written = f"{titles} {variant.word}" if titles else variant.word
        message = f"'{written}' names no one the document introduces; '{reference.word}' ({full}, line {line}) differs by one letter"
        how = "always after a title" if titles else "never after a title"
        evidence = f"'{variant.word}' {len(variant.uses)}\u00d7, {how} and never with a given name; '{reference.word}' {len(reference.uses)}\u00d7"
        related = (Related(where[0], where[1], f"'{full}' here"),)
        for start, end in variant.uses:
            fix = Fix((Edit(start, end, reference.word),), "display", f'Write "{reference.word}"')
            yield self.finding(start, end, message, evidence=evidence, related=related, fix=fix)


def _may_be_slip(word: str) -> bool:
    """Whether a surname may be a slip this rule reports (``name-variants`` has the words unknown to English)."""
    core = word[2:] if word.startswith("Mc") else word  # "McCready": a capital after "Mc"
    if len(word) < _MIN_LENGTH or not core[1:].islower():
        return False
    frequency = zipf(word)
    return VARIANT_MAX_ZIPF <= frequency < _WORD_MAX_ZIPF


def _reference(variant: Surname, people: list[Surname]) -> Surname | None:
    """The most used introduced surname one slip from ``variant``, if any."""
    from checker.variants_spelling import edit_distance

    best = None
    for person in people:
        other = person.word
        if other == variant.word or other[0] != variant.word[0] or len(person.uses) < len(variant.uses):
            continue
        if len(person.uses) == len(variant.uses) and not person.introduced:
            continue  # as often as the variant: only a person introduced with a given name is the reference
        if _other_form(other, variant.word):
            continue
        if abs(len(other) - len(variant.word)) > 1 or _genders_differ(variant, person):
            continue
        if edit_distance(other.lower(), variant.word.lower(), 1) != 1:
            continue
        if best is None or len(person.uses) > len(best.uses):
            best = person
    return best


# A surname written alone at most this often may be a slip: more often, the writer means the word.
_BARE_MAX_USES = 2
# Written alone, a surname slip is a rare word ("Brenan", "Whitcomb"); and the surname it slips from is no everyday
# word either ("Unison" beside the "Public Services Union").
_BARE_MAX_ZIPF = 3.0
_CAPITAL_NEXT = LazyPattern(r"[ \t]*[A-Z]")
_INITIAL_MAX_ZIPF = 2.0


def _bare(prose: str, surname: Surname, named: set[int]) -> bool:
    """Whether a capitalised word is written alone, as a surname a document has already given (never after a title
    or another capitalised word, nor before one, and mid-sentence, at a start in ``named``: "if Brenan's new club",
    or a word too rare to open a sentence as English: "Pengelley restored the lead"), at most twice, and may be a slip."""
    if surname.titles or surname.introduced or len(surname.uses) > _BARE_MAX_USES or not _may_be_slip(surname.word):
        return False
    frequency = zipf(surname.word)
    if frequency >= _BARE_MAX_ZIPF:
        return False  # a word in its own right ("Scots" beside "Eleanor Scott")
    if any(_CAPITAL_NEXT.match(prose, end) for _, end in surname.uses):
        return False
    # At a sentence's start a capital says nothing, unless the word is too rare to be an English one opening it.
    return frequency < _INITIAL_MAX_ZIPF or all(start in named for start, _ in surname.uses)


def _person(surname: Surname) -> bool:
    """Whether a surname is introduced as a person's, after a word that may be a given name (a capitalised word that is
    no function word, "Callum Brennan"; not "In CPython", "GRPC Probe"), and is no everyday word itself."""
    if zipf(surname.word) >= _WORD_MAX_ZIPF:
        return False
    return any(given.isalpha() and given[1:].islower() and given.lower() not in FUNCTION_WORDS for _, _, given in surname.introduced)


def _bare_pairs(facts: FactSheet) -> bool:
    """Whether two capitalised words among the names the extractor found are one slip apart, one of which may be a
    slip (the cheap test before the scan of every capitalised word)."""
    words = {m.text for m in facts.names if m.kind == "word" and len(m.text) >= _MIN_LENGTH - 1 and m.text[:1].isupper()}
    return slip_pair(words)


def slip_pair(words: Collection[str]) -> bool:
    """Whether two of ``words`` are one slip apart (a letter added, dropped, changed or two swapped, after the first)
    and one of them may be a slip: two words share a key of one letter deleted. Whatever the order of ``words``."""
    slips = [word for word in words if _may_be_slip(word)]
    if not slips:
        return False
    owners: dict[str, str] = {}
    shared: set[str] = set()  # the keys of two different words
    for word in words:
        for key in _deletions(word):
            if owners.setdefault(key, word) != word:
                shared.add(key)
    return any(not shared.isdisjoint(_deletions(word)) for word in slips)


def _deletions(word: str) -> set[str]:
    """``word`` and ``word`` with each letter after the first deleted."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(1, len(word))}


def _other_form(one: str, other: str) -> bool:
    """Whether one word is the other with an ending ("Autoscaler", "Autoscalers"; "Cache", "Cached"; "Tonga",
    "Tongan"), or with one ending for another ("Prober", "Probes"), a hyphen ("On-boarding") or a capital
    ("CPython", "Cython") more, or in another spelling ("Optimisation")."""
    short, long = sorted((one, other), key=len)
    if len(short) == len(long):
        at = next((i for i, (a, b) in enumerate(zip(short, long)) if a != b), -1)
        if at < 0:
            return False  # the same word
        if {short[at], long[at]} == {"s", "z"} or (at == len(short) - 1 and short[-1] in _ENDINGS and long[-1] in _ENDINGS):
            return True
        return False
    at = next((i for i, (a, b) in enumerate(zip(short, long)) if a != b), len(short))
    return (at == len(short) and long[-1] in _ENDINGS) or long[at] == "-" or long[at].isupper()


_ENDINGS = frozenset("sdrn")


def _genders_differ(a: Surname, b: Surname) -> bool:
    """Whether the titles before two surnames say two people of different genders."""
    said_a, said_b = _genders(a), _genders(b)
    return bool(said_a and said_b and said_a.isdisjoint(said_b))


def _genders(surname: Surname) -> set[str]:
    """The genders the titles before a surname say ("Mr": "m"; "Ms", "Mrs", "Miss": "f"; "Dr" says none)."""
    from checker.people import FEMALE_TITLES, MALE_TITLES

    return {"m" if t in MALE_TITLES else "f" for t in surname.titles if t in MALE_TITLES or t in FEMALE_TITLES}

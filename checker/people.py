"""The surnames a document uses for people: after a title ("Mr Strachan") or after a given name ("Rupert Strachan").

``surnames(prose)`` reads every capitalised word of the prose once and returns, per word, how often it
occurs, how often a title stands before it (and which titles), and where it follows another
capitalised word that is not a title (a given name: the person is introduced there). A word written
only after titles is a surname the document uses without ever giving the person's full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex

from checker.extract.name_tokens import TITLES

# Titles before a surname ("Mr", "Dr.", "Professor"); "Sir" and "Dame" go before a given name, not a surname.
SURNAME_TITLES = TITLES | {"Miss", "Mx", "Professor"}
MALE_TITLES = frozenset({"Mr"})
FEMALE_TITLES = frozenset({"Ms", "Mrs", "Miss"})

# A capitalised word: letters, inner apostrophes and hyphens ("O'Brien", "McAllister", "Lloyd-Jones"), and a
# possessive 's, which is not part of the name.
_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{Nd}'\u2019\-])\p{Lu}[\p{L}\p{M}'\u2019\-]*[\p{L}\p{M}]")
_POSSESSIVE = ("'s", "\u2019s")


@dataclass(slots=True)
class Surname:
    """How a document uses one capitalised word."""

    word: str
    uses: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each occurrence
    titles: dict[str, int] = field(default_factory=dict)  # title -> uses after it
    introduced: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, given name) after a given name

    @property
    def titled(self) -> int:
        return sum(self.titles.values())


_ANY_TITLE = "(?:" + "|".join(sorted(SURNAME_TITLES, key=len, reverse=True)) + ")"
# A title and the capitalised word after it: the quick test that a document names anyone by title at all.
_TITLED = regex.compile(r"(?<![\p{L}\p{M}\p{Nd}])" + _ANY_TITLE + r"\.? (\p{Lu}[\p{L}\p{M}'\u2019\-]*[\p{L}\p{M}])")
# What _TITLED needs, less its look-behind and letter classes: several times faster, and it finds every match of it.
_MAYBE_TITLED = re.compile(_ANY_TITLE + r"\.? [^\W\d_]")


def titled_words(prose: str) -> set[str]:
    """The capitalised words written after a title somewhere in ``prose`` (a possessive 's dropped)."""
    if _MAYBE_TITLED.search(prose) is None:
        return set()  # most documents name no one by title: a plain scan, without _TITLED's look-behind
    return {word[:-2] if word.endswith(_POSSESSIVE) else word for word in _TITLED.findall(prose)}


def surnames(prose: str) -> dict[str, Surname]:
    """Every capitalised word of ``prose`` with its uses, the titles before it and the given names before it."""
    found: dict[str, Surname] = {}
    previous_word, previous_end = "", -1
    for match in _WORD.finditer(prose):
        start, end = match.span()
        word = match[0]
        if word.endswith(_POSSESSIVE):
            word, end = word[:-2], end - 2
        gap = prose[previous_end:start] if previous_end >= 0 else ""
        entry = found.get(word)
        if entry is None:
            entry = found[word] = Surname(word)
        entry.uses.append((start, end))
        if gap in (" ", ". ") and previous_word in SURNAME_TITLES:
            entry.titles[previous_word] = entry.titles.get(previous_word, 0) + 1
        elif gap == " " and previous_word and previous_word not in SURNAME_TITLES:
            entry.introduced.append((start - 1 - len(previous_word), end, previous_word))
        previous_word, previous_end = word, end
    return found

"""The forms of two-word compounds in one document: hyphenated, open and closed (CON002).

``compound_forms(prose)`` finds every lower-case hyphenated compound of two
words (``follow-up``, ``e-mail``, ``long-term``) and, for each, the places
where the same two words are written closed up (``followup``, ``email``) or
open (``follow up``, ``long term``). An open form counts only where it plays
the same part as the hyphenated one, which is what makes the two forms an
inconsistency rather than grammar:

- it is followed by the same content word as a hyphenated occurrence
  (``a long-term loan`` / ``a long term loan``: both modify "loan"); or
- both stand as a noun between an article and a clause boundary
  (``a follow-up.`` / ``a follow up.``);

and it does not follow a pronoun, an auxiliary or "to", after which the two
words are a verb and its particle (``who paid for results``).

So ``the result is well known`` beside ``a well-known result``, or ``we will
follow up`` beside ``the follow-up visit``, never count. Compounds with the
prefix ``re-`` are left out: the hyphen there often changes the word
(``re-cover``/``recover``, ``re-sign``/``resign``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Closed-class words: never the noun that a compound modifies.
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet for of in on at to by with from into onto upon over under about
    above below after before between through during without within across against along among around
    as than then that this these those there here which who whom whose what when where why how
    is are was were be been being am has have had do does did will would shall should can could may
    might must not no it its he she they we you i me him her them us our your their my his
    if because while although though unless until since also too very just only even more most less
    least much many some any all each every both either neither such own other another same""".split()
)

_COMPOUND = re.compile(r"([a-z]{1,20})[-\u2010\u2011]([a-z]{2,20})")
_RUN = re.compile(r"[\w\-\u2010\u2011]+")
_SPACES = re.compile(r"[ \t]+")
_ARTICLES = frozenset({"a", "an", "the"})
# After these the two words are a verb and its particle or object ("who paid for results",
# "we will follow up"), whatever follows them.
_VERB_CONTEXT = frozenset(
    """who which that they we he she it i you to will would shall should can could may might must
    do does did has have had is are was were be been being not""".split()
)
_BOUNDARY = ".,;:!?)"


@dataclass
class Forms:
    """The places of one compound's forms (offsets of each occurrence's start and end)."""

    first: str
    second: str
    hyphenated: list[tuple[int, int]] = field(default_factory=list)
    closed: list[tuple[int, int]] = field(default_factory=list)
    open: list[tuple[int, int]] = field(default_factory=list)


_NEXT = re.compile(r"[ \t]+([A-Za-z]+)")
_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")


def _next_word(prose: str, end: int) -> str | None:
    """The word right after ``end`` (one space between), or None at punctuation."""
    match = _NEXT.match(prose, end)
    return match.group(1) if match else None


def _before_word(prose: str, start: int) -> str | None:
    match = _BEFORE.search(prose, max(0, start - 30), start)
    return match.group(1).lower() if match else None


def _bare_noun(prose: str, start: int, end: int) -> bool:
    """Between an article and a clause boundary: ``a follow-up.``."""
    after = prose[end : end + 1]
    return _before_word(prose, start) in _ARTICLES and (after == "" or after in _BOUNDARY)


def compound_forms(prose: str) -> list[Forms]:
    """Every hyphenated two-word compound that the document also writes open or closed."""
    # The runs of word characters and hyphens, as strings only: a hyphenated compound is such a run
    # (``long-term``), and so is a lone word (a run of lower-case letters). Most compounds are never
    # written another way; only those whose closed form, or both words with only spaces between,
    # appear need their places found.
    runs = set(_RUN.findall(prose))
    keys = {
        (match.group(1), match.group(2))
        for run in runs
        if ("-" in run or "\u2010" in run or "\u2011" in run) and (match := _COMPOUND.fullmatch(run)) and match.group(1) not in ("re", "a")
    }
    spaced: str | None = None
    found: list[Forms] = []
    for first, second in keys:
        closed = first + second in runs
        both = first in runs and second in runs
        if both:
            if spaced is None:
                spaced = _SPACES.sub(" ", prose) if "\t" in prose or "  " in prose else prose
            both = f"{first} {second}" in spaced
        if not closed and not both:
            continue
        forms = Forms(first, second)
        forms.hyphenated = [m.span() for m in _lone(first + "[-\u2010\u2011]" + second).finditer(prose)]
        if closed:
            forms.closed = [m.span() for m in _lone(first + second).finditer(prose)]
        if both:
            followers = {w.lower() for s, e in forms.hyphenated if (w := _next_word(prose, e)) and w.islower()}
            followers -= FUNCTION_WORDS
            nouns = any(_bare_noun(prose, s, e) for s, e in forms.hyphenated)
            pair = _lone_pair(first, second)
            match = pair.search(prose)
            while match is not None:
                start, end = match.span()
                match = pair.search(prose, start + 1)  # "well well well": pairs may overlap
                if _before_word(prose, start) in _VERB_CONTEXT:
                    continue
                follower = _next_word(prose, end)
                if (follower is not None and follower in followers) or (nouns and _bare_noun(prose, start, end)):
                    forms.open.append((start, end))
        if forms.closed or forms.open:
            found.append(forms)
    return sorted(found, key=lambda forms: forms.hyphenated[0])  # in the order of their first hyphenated place


def _lone(word: str) -> re.Pattern[str]:
    """``word`` (a literal, or with one hyphen class) as a whole run; the look-behind comes after it,
    so that the search skips ahead by the literal."""
    return re.compile(rf"{word}(?<![\w\-\u2010\u2011]{word})(?![\w\-\u2010\u2011])")


def _lone_pair(first: str, second: str) -> re.Pattern[str]:
    return re.compile(rf"{first}(?<![\w\-\u2010\u2011]{first})[ \t]+{second}(?![\w\-\u2010\u2011])")

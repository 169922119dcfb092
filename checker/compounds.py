"""The forms of two-word compounds in one document: hyphenated, open and closed (CON002).

``compound_forms(prose, chunks)`` finds every lower-case hyphenated compound of two
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
from collections.abc import Set as AbstractSet
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


def compound_forms(prose: str, chunks: AbstractSet[str] | None = None) -> list[Forms]:
    """Every hyphenated two-word compound that the document also writes open or closed
    (``chunks``: the distinct ``prose.split()``, when the caller has them: ``Document.distinct_chunks``)."""
    # A hyphenated compound is a run of word characters and hyphens (``long-term``), and so is a
    # lone word. Most compounds are never written another way; only those whose closed form, or
    # both words with only spaces between, appear need their places found.
    keys = _compound_keys(frozenset(prose.split()) if chunks is None else chunks)
    irregular: bool | None = None  # whether the prose has tabs or runs of spaces
    found: list[Forms] = []
    for first, second in keys:
        closed = _stands_alone(prose, first + second)
        both = _stands_alone(prose, first) and _stands_alone(prose, second)
        if both and f"{first} {second}" not in prose:
            if irregular is None:
                irregular = "\t" in prose or "  " in prose
            both = irregular and re.search(f"{first}[ \t]+{second}", prose) is not None
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


# Whitespace-separated chunks known to hold no hyphenated compound, and the compounds of the
# others: a run never crosses whitespace, and most chunks recur from document to document.
_PLAIN_CHUNKS: set[str] = set()
_KEYS_IN: dict[str, tuple[tuple[str, str], ...]] = {}
_CACHE_LIMIT = 200_000
_HYPHENS = "-\u2010\u2011"


def _compound_keys(chunks: AbstractSet[str]) -> set[tuple[str, str]]:
    """The (first, second) words of every run of the prose that is a lower-case hyphenated compound."""
    if len(_PLAIN_CHUNKS) > _CACHE_LIMIT or len(_KEYS_IN) > _CACHE_LIMIT:
        _PLAIN_CHUNKS.clear()
        _KEYS_IN.clear()
    keys: set[tuple[str, str]] = set()
    for chunk in chunks - _PLAIN_CHUNKS:
        found = _KEYS_IN.get(chunk)
        if found is None:
            found = tuple(
                (match.group(1), match.group(2))
                for run in _RUN.findall(chunk)
                if ("-" in run or "\u2010" in run or "\u2011" in run) and (match := _COMPOUND.fullmatch(run)) and match.group(1) not in ("re", "a")
            )
            if found:
                _KEYS_IN[chunk] = found
            else:
                _PLAIN_CHUNKS.add(chunk)
        keys.update(found)
    return keys


def _stands_alone(prose: str, word: str) -> bool:
    """Whether ``word`` (lower-case letters) is a whole run of word characters and hyphens somewhere in ``prose``."""
    size = len(word)
    length = len(prose)
    at = prose.find(word)
    while at != -1:
        end = at + size
        if at:
            before = prose[at - 1]
            joined = before.isalnum() or before == "_" or before in _HYPHENS
        else:
            joined = False
        if not joined:
            if end == length:
                return True
            after = prose[end]
            if not (after.isalnum() or after == "_" or after in _HYPHENS):
                return True
        at = prose.find(word, at + 1)
    return False


def _lone(word: str) -> re.Pattern[str]:
    """``word`` (a literal, or with one hyphen class) as a whole run; the look-behind comes after it,
    so that the search skips ahead by the literal."""
    return re.compile(rf"{word}(?<![\w\-\u2010\u2011]{word})(?![\w\-\u2010\u2011])")


def _lone_pair(first: str, second: str) -> re.Pattern[str]:
    return re.compile(rf"{first}(?<![\w\-\u2010\u2011]{first})[ \t]+{second}(?![\w\-\u2010\u2011])")

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

_HYPHENATED = re.compile(r"(?<![\w\-\u2010\u2011])([a-z]{1,20})[-\u2010\u2011]([a-z]{2,20})(?![\w\-\u2010\u2011])")
_WORD = re.compile(r"[a-z]+", re.I)
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


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
_BEFORE_WORD = re.compile(r"([A-Za-z]+)[ \t]+$")
_BLANKS = re.compile(r"[ \t]+")
_JOINERS = "-\u2010\u2011"


def _next_word(prose: str, end: int) -> str | None:
    """The word right after ``end`` (one space between), or None at punctuation."""
    match = _NEXT_WORD.match(prose, end)
    return match.group(1) if match else None


def _before_word(prose: str, start: int) -> str | None:
    match = _BEFORE_WORD.search(prose, max(0, start - 30), start)
    return match.group(1).lower() if match else None


def _free(prose: str, index: int) -> bool:
    """Whether the character at ``index`` (if any) is neither a word character (``\\w``) nor a hyphen."""
    if index < 0 or index >= len(prose):
        return True
    char = prose[index]
    return not (char.isalnum() or char == "_" or char in _JOINERS)


def _spans(prose: str, first: str, second: str, blanks: bool) -> list[tuple[int, int]]:
    """The matches of ``(?<![\\w\\-\\u2010\\u2011]){first}{second}(?![\\w\\-\\u2010\\u2011])`` (with ``[ \\t]+``
    between the words when ``blanks``), found with ``str.find``: a pattern that opens with a look-behind
    is tried at every position of the text, once per compound of the document."""
    spans = []
    lead = first if blanks else first + second
    position = 0
    while (start := prose.find(lead, position)) != -1:
        end = start + len(lead)
        if blanks:
            gap = _BLANKS.match(prose, end)
            end = gap.end() + len(second) if gap and prose.startswith(second, gap.end()) else -1
        if end != -1 and _free(prose, start - 1) and _free(prose, end):
            spans.append((start, end))
            position = end
        else:
            position = start + 1
    return spans


def _bare_noun(prose: str, start: int, end: int) -> bool:
    """Between an article and a clause boundary: ``a follow-up.``."""
    after = prose[end : end + 1]
    return _before_word(prose, start) in _ARTICLES and (after == "" or after in _BOUNDARY)


def compound_forms(prose: str) -> list[Forms]:
    """Every hyphenated two-word compound that the document also writes open or closed."""
    groups: dict[tuple[str, str], Forms] = {}
    for match in _HYPHENATED.finditer(prose):
        first, second = match.group(1), match.group(2)
        if first in ("re", "a"):
            continue
        forms = groups.setdefault((first, second), Forms(first, second))
        forms.hyphenated.append((match.start(), match.end()))
    out: list[Forms] = []
    for (first, second), forms in groups.items():
        forms.closed = _spans(prose, first, second, blanks=False)
        followers = {w.lower() for s, e in forms.hyphenated if (w := _next_word(prose, e)) and w.islower()}
        followers -= FUNCTION_WORDS
        nouns = any(_bare_noun(prose, s, e) for s, e in forms.hyphenated)
        for start, end in _spans(prose, first, second, blanks=True):
            if _before_word(prose, start) in _VERB_CONTEXT:
                continue
            word = _next_word(prose, end)
            if (word is not None and word in followers) or (nouns and _bare_noun(prose, start, end)):
                forms.open.append((start, end))
        if forms.closed or forms.open:
            out.append(forms)
    return out

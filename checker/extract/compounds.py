"""Lower-case two-word compounds in each of their forms, for comparing documents (CON006).

A document's compounds are recorded in the three forms a reader may meet in
another document:

- hyphenated: every lower-case run of two words joined by a hyphen
  (``follow-up``, ``e-mail``, ``long-term``), with the content word after it
  (``long-term loan``) and whether it stands as a noun between an article and
  a clause boundary (``a follow-up.``);
- closed: every lower-case word that splits into two known words (wordfreq's
  list, Zipf ``PART_MIN_ZIPF`` or more), once per split; a part of one or
  two letters only where such parts make compounds (``email``, ``online``,
  ``cooperate``, ``followup``, ``standby``);
- open: two lower-case words in a row that could do a hyphenated form's job:
  before a content word (``long term loan``), or as a noun between an
  article and a clause boundary (``a follow up.``); never after a pronoun,
  an auxiliary or "to", where the two words are a verb and its particle
  (``we will follow up``), and never when either word is a closed-class word
  other than a particle (``of the``).

Compounds with ``re-`` (the hyphen often makes another word:
``re-cover``/``recover``) and with the article ``a`` are left out, and so is
anything capitalised (names such as ``Rolls-Royce``). Which forms are one
compound written two ways is the rule's decision, across documents; this
module only records them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.compounds import _ARTICLES, _BOUNDARY, FUNCTION_WORDS, _bare_noun, _before_word  # one reading of a compound's context for CON002 and CON006
from checker.facts import CompoundMention
from checker.patterns import builder, process_memo

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document
    from checker.facts import FactSheet

PART_MIN_ZIPF = 4.0
# Short parts that make compounds ("e-mail", "co-operate", "on-line", "follow-up", "stand-by"); other
# parts of one or two letters split far too many ordinary words ("be-fore", "an-other").
_SHORT_FIRST = frozenset({"e", "x", "co", "on", "in", "up", "ex"})
_SHORT_SECOND = frozenset({"up", "in", "on", "by"})
# Endings that wordfreq also lists as words ("elect-ion", "govern-ment", "meet-ing"): a word is not split there.
_SUFFIXES = frozenset(
    """ing ings ion ions ment ments ship ships ism isms ist ists ers ted ies ice ices ren ther her hers ate
    ant ants ity ness less able ous ive age ance ence ary ory ally ular ling lings ter ters ure ures ely
    ward wards ful ise ize ised ized ising izing ically ical""".split()
)
_HYPHENS = "-\u2010\u2011"
# The test that no word character or hyphen comes before a word is a look-behind placed after its first
# letter (``[a-z](?<!...[a-z])``), so that each pattern opens with a letter and a search skips to letters.
_WORD = re.compile(r"[a-z](?<![\w\-\u2010\u2011][a-z])[a-z]{2,39}(?![\w\-\u2010\u2011])")
_HYPHENATED = re.compile(r"([a-z](?<![\w\-\u2010\u2011][a-z])[a-z]{0,19})[-\u2010\u2011]([a-z]{2,20})(?![\w\-\u2010\u2011])")
_PAIR = re.compile(r"([a-z](?<![\w\-\u2010\u2011][a-z])[a-z]{1,19})[ \t]+(?=([a-z]{2,20})(?![\w\-\u2010\u2011]))")
_NEXT = re.compile(r"[ \t]+([a-z]+)(?![\w\-\u2010\u2011])")
_VERB_CONTEXT = frozenset(
    """who which that they we he she it i you to will would shall should can could may might must
    do does did has have had is are was were be been being not""".split()
)
# Closed-class words that end compounds all the same ("built-in", "take-over", "lay-off").
_PARTICLES = frozenset({"in", "on", "over", "up", "off", "out", "down", "about", "by", "through", "under", "after", "back"})
_NOT_FIRST = ("re", "a")
# CompoundMention(first, second, form, start, end, follower, noun), positionally, without the frozen
# dataclass's __init__ (tens of thousands per 10 MB).
_mention = builder(CompoundMention)
_FIND_AT_MOST = 40


def extract(doc: Document, sheet: FactSheet, settings: Settings) -> None:
    """Fill ``sheet.compounds``."""
    sheet.compounds.extend(compound_mentions(doc.prose))


def compound_mentions(prose: str) -> list[CompoundMention]:
    """Every lower-case compound of ``prose`` in each of its forms, in the order of the text."""
    found: list[CompoundMention] = []
    if any(h in prose for h in _HYPHENS):
        for match in _HYPHENATED.finditer(prose):
            first, second = match.group(1), match.group(2)
            if first in _NOT_FIRST:
                continue
            start, end = match.span()
            follower, noun = _follower(prose, end), _bare_noun(prose, start, end)
            found.append(_mention(first, second, "hyphenated", start, end, follower, noun))
    # Most words split no way: the places are searched only for the few that do.
    closed = {word: parts for word in set(_WORD.findall(prose)) if (parts := _splits(word))}
    # Their places (a pattern of their alternation was compiled for every document): for a few words, each
    # word's occurrences that stand as a whole run, found with str.find (a search reads the text at about a
    # fortieth of the cost of a Python visit of its words); for more, the words ``_WORD`` finds.
    if len(closed) <= _FIND_AT_MOST:
        length = len(prose)
        for word, parts in closed.items():
            size = len(word)
            at = prose.find(word)
            while at != -1:
                end = at + size
                if not (at and _joins(prose[at - 1])) and not (end < length and _joins(prose[end])):
                    for first, second in parts:
                        found.append(_mention(first, second, "closed", at, end, "", False))
                at = prose.find(word, end)
    elif closed:
        for match in _WORD.finditer(prose):
            for first, second in closed.get(match.group(), ()):
                found.append(_mention(first, second, "closed", match.start(), match.end(), "", False))
    for match in _PAIR.finditer(prose):
        first, second = match.group(1), match.group(2)
        if first in _NOT_FIRST or first in FUNCTION_WORDS or (second in FUNCTION_WORDS and second not in _PARTICLES):
            continue
        start = match.start()
        end = match.end() + len(second)
        after = prose[end : end + 1]
        boundary = after == "" or after in _BOUNDARY
        follower = "" if boundary else _follower(prose, end)
        if not follower and not boundary:
            continue  # neither before a content word nor at a clause boundary: no job of a compound's
        before = _before_word(prose, start)
        if before in _VERB_CONTEXT:
            continue
        noun = boundary and before in _ARTICLES
        if follower or noun:
            found.append(_mention(first, second, "open", start, end, follower, noun))
    found.sort(key=lambda m: (m.start, m.end))
    return found


@process_memo
@lru_cache(maxsize=1 << 16)
def _splits(word: str) -> tuple[tuple[str, str], ...]:
    """The ways ``word`` splits into two known words (none for most words); asked again for every document."""
    from checker.lexicon import zipf

    out: list[tuple[str, str]] = []
    if word in FUNCTION_WORDS:
        return ()
    for cut in range(1, len(word) - 1):
        first, second = word[:cut], word[cut:]
        if (cut <= 2 and first not in _SHORT_FIRST) or (len(second) <= 2 and second not in _SHORT_SECOND) or second in _SUFFIXES:
            continue
        if (cut == 1 or zipf(first) >= PART_MIN_ZIPF) and zipf(second) >= PART_MIN_ZIPF:
            out.append((first, second))
    return tuple(out)


def _joins(char: str) -> bool:
    """Whether a character can be part of a run: a word character (``\\w``) or a hyphen."""
    return char.isalnum() or char == "_" or char in _HYPHENS


def _follower(prose: str, end: int) -> str:
    """The lower-case content word right after ``end`` (one run of spaces between), or ""."""
    match = _NEXT.match(prose, end)
    if match is None or match.group(1) in FUNCTION_WORDS:
        return ""
    return match.group(1)


"""Sentence segmentation tuned for business and medical prose.

A candidate boundary is terminal punctuation (``.``, ``!``, ``?``, optionally
followed by closing quotes or brackets), then whitespace, then something that
can open a sentence. Candidates after abbreviations ("Dr.", "No. 27",
"Mass.", "e.g."), single initials ("J. Smith") and inside numbers ("$62.2")
are rejected. Abbreviations that often end a sentence ("Inc.", "U.S.",
"a.m.") split only when the next word is a usual sentence opener.
"""

from __future__ import annotations

import re
from itertools import chain

from checker.document import trim_span

# Never end a sentence: titles, reference words, Latin abbreviations, and
# US state / month abbreviations used in datelines ("CAMBRIDGE, Mass., March 5").
_NEVER_FINAL = frozenset(
    """
    dr mr mrs ms mx prof sr jr st mt ft gen gov sen rep rev hon messrs mme mlle
    no nos vol vols fig figs eq eqs ref refs art sec ch chap pp pg para approx
    vs v e.g i.e cf viz ca al et
    mass calif conn fla ill pa penn va wash wis minn mich md ariz colo del ga ky la
    mo nev okla ore tenn tex vt wyo ala ark kan neb
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

# May end a sentence; split only if the next word is a common sentence opener.
_SOMETIMES_FINAL = frozenset(
    """
    inc ltd co corp plc llc lp llp ag sa nv bv gmbh kk pte bhd
    u.s u.k u.n e.u a.m p.m etc
    """.split()
)

_OPENERS = frozenset(
    """
    the a an this that these those it its we our they their he she his her i in
    on at for as after before during since with while when if but and however
    there here today yesterday tomorrow according additionally also further
    furthermore moreover meanwhile in q a
    """.split()
)

# A period after this many letters ends a sentence: the word before it is longer than any abbreviation
# above, has no inner period and is not an initial (see _period_ends_sentence), so it is not read.
_LETTERS_ENOUGH = max(len(word) for word in _NEVER_FINAL | _SOMETIMES_FINAL) + 1
# "[.!?][.!?]*", not "[.!?]+": a pattern that opens with a character class lets the search skip to its characters.
BOUNDARY = re.compile(r"[.!?][.!?]*['\"\u2019\u201d)\]]*(?=\s+(\S))")
# The same for a text without "!" and "?", where it finds the same matches: opening with a literal, it is
# searched several times faster (re skips to the next period in a tight loop; a class is tested at every character).
_PERIOD_BOUNDARY = re.compile(r"\.[.!?]*['\"\u2019\u201d)\]]*(?=\s+(\S))")
# The word before a period, read backwards from the period in the reversed paragraph.
_WORD_BACKWARDS = re.compile(r"[\w.'\u2019-]+")
_NEXT_WORD = re.compile(r"[\"'\u2018\u201c(\[]*([\w']+)")


def period_boundary(prose: str, start: int = 0, end: int | None = None) -> re.Pattern[str] | None:
    """The faster boundary pattern when ``prose[start:end]`` holds no "!" and no "?" (it finds the same there), else None."""
    find = prose.find
    end = len(prose) if end is None else end
    return _PERIOD_BOUNDARY if find("!", start, end) < 0 and find("?", start, end) < 0 else None


def paragraph_boundary(prose: str, start: int, end: int) -> re.Pattern[str]:
    """The pattern of candidate boundaries to search the paragraph ``prose[start:end]`` with (``BOUNDARY`` or a faster one)."""
    return period_boundary(prose, start, end) or BOUNDARY


# The longest sentence: past it, a "sentence" is not prose (a log, a list or a table that a converter flattened
# into one paragraph without a full stop; no sentence of the corpora's prose is this long), and it is cut at a
# blank into parts no longer. Rules read a fact's sentence once per fact: a longer one made them quadratic.
LONGEST_SENTENCE = 3_000


def cut_long(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """The trimmed span ``prose[start:end]`` in parts of at most ``LONGEST_SENTENCE`` characters, each cut at the
    last blank before the limit (at the limit where the second half of the part has none)."""
    out: list[tuple[int, int]] = []
    while end - start > LONGEST_SENTENCE:
        limit = start + LONGEST_SENTENCE
        cut = max(prose.rfind(" ", start + LONGEST_SENTENCE // 2, limit), prose.rfind("\n", start + LONGEST_SENTENCE // 2, limit))
        part = trim_span(prose, start, cut if cut > start else limit)
        if part[0] < part[1]:
            out.append(part)
        start = trim_span(prose, cut if cut > start else limit, end)[0]
    if start < end:
        out.append((start, end))
    return out


def split_sentences(prose: str, start: int, end: int, boundary: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """Split the paragraph ``prose[start:end]`` into trimmed sentence spans (at most ``LONGEST_SENTENCE`` long)."""
    spans = _split(prose, start, end, boundary)
    if any(right - left > LONGEST_SENTENCE for left, right in spans):
        spans = [part for left, right in spans for part in cut_long(prose, left, right)]
    return spans


def _split(prose: str, start: int, end: int, boundary: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """``split_sentences`` without the cut of long spans.

    ``boundary``: ``period_boundary`` of the whole prose when it is not None (one test for all its
    paragraphs), else ``paragraph_boundary`` of the paragraph (the default).
    """
    # Trimmed at both ends, every span is: it starts at the paragraph start or
    # at a boundary's next character (never a space) and ends at the
    # paragraph end or right after the boundary's punctuation.
    start, end = trim_span(prose, start, end)
    if start == end:
        return []
    if boundary is None:
        boundary = paragraph_boundary(prose, start, end)
    first = boundary.search(prose, start, end)
    if first is None:
        return [(start, end)]  # most paragraphs (headings, list items, cells): no candidate boundary
    spans: list[tuple[int, int]] = []
    sentence_start = start
    backwards = None  # the paragraph reversed, made for its first period
    # (The search goes on where the first match ended, as ``finditer`` from ``start`` would: the pattern looks only ahead.)
    for match in chain((first,), boundary.finditer(prose, first.end(), end)):
        opener = match.group(1)
        if opener.isalpha() and not opener.isupper():
            continue  # a sentence opens with a capital, a digit, a quote, a bracket, a symbol, a dash
        punct_at = match.start()
        if prose[punct_at] == "." and not (
            punct_at - _LETTERS_ENOUGH >= sentence_start and prose[punct_at - _LETTERS_ENOUGH : punct_at].isalpha()
        ):
            if backwards is None:
                backwards = prose[start:end][::-1]
            if not _period_ends_sentence(prose, backwards, end, sentence_start, punct_at, match.end()):
                continue
        spans.append((sentence_start, match.end()))
        sentence_start = match.start(1)
    spans.append((sentence_start, end))
    return spans


def _period_ends_sentence(prose: str, backwards: str, end: int, sentence_start: int, punct_at: int, after: int) -> bool:
    """Whether the period at ``punct_at`` ends a sentence; ``backwards`` is the paragraph (ending at ``end``) reversed."""
    # The word is the run of word characters, periods, apostrophes and hyphens
    # right before the period (before a line break right before it), at most 40
    # characters back and not before the sentence start.
    word_end = punct_at - 1 if prose[punct_at - 1 : punct_at] == "\n" else punct_at
    before = _WORD_BACKWARDS.match(backwards, end - word_end, end - max(sentence_start, punct_at - 40))
    if before is None:
        return True
    word = before.group(0)[::-1].lower().strip("'\u2019-")
    if not word:
        return True
    if word in _NEVER_FINAL:
        return False
    # A single letter, or letters with inner periods ("J.", "U.S", "e.g"): initials.
    bare = word.replace(".", "")
    if len(bare) == 1 and bare.isalpha():
        return False
    if word in _SOMETIMES_FINAL or (("." in word) and bare.isalpha() and len(bare) <= 4):
        nxt = _NEXT_WORD.match(prose, _skip_space(prose, after))
        return nxt is not None and nxt.group(1).lower() in _OPENERS
    return True


def _skip_space(prose: str, index: int) -> int:
    while index < len(prose) and prose[index].isspace():
        index += 1
    return index

"""Sentences and clauses around an offset: where a fact's context starts and ends.

Used by rules that judge a mention by the words near it (the tense of its
clause, the dates in its sentence). Sentences come from
:attr:`checker.document.Document.sentences`; a clause is the part of a
sentence between strong punctuation or a comma and a conjunction.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, NamedTuple

from checker.patterns import LazyPattern as _Lazy

if TYPE_CHECKING:
    from checker.document import Document


class TextSpan(NamedTuple):
    """``start`` and ``end`` offsets into a document's prose."""

    start: int
    end: int


# Clause boundaries inside a sentence: strong punctuation, and a comma or
# dash followed by a conjunction or relative word ("..., which ...").
_CLAUSE_BREAK = _Lazy(
    r"[;()\[\]\u2014]|(?<!\d):|:(?!\d)|\s--\s|\s[\u2013-]\s"  # (not the colons of a time: "2:21:37", "10:30")
    r"|,\s+(?:and|but|or|while|whereas|which|who|whom|where|although|though|when|whereby|because|as|after|before|since|so)\b"
    r"|,\s+(?:at|in|on|by|during|after|before|from|to|for|with|under|until)\s+which\b"
    r"|\s(?:but|while|whereas|although|though|because|and\s+then|and\s+(?=we|it|they|he|she|the\s+company)|that)\b",
    re.I,
)


def _sentence_starts(doc: Document) -> list[int]:
    """The document's sentence starts, built once per document (not once per call: that was quadratic)."""
    starts: list[int] | None = doc.__dict__.get("_sentence_starts")
    if starts is None:
        starts = doc.__dict__["_sentence_starts"] = [s.start for s in doc.sentences]
    return starts


def sentence_span(doc: Document, offset: int) -> TextSpan:
    """The sentence containing ``offset`` (the whole paragraph if none does; 200 characters each side if none does)."""
    if "sentences" not in doc.__dict__:
        return _sentence_in_paragraph(doc, offset)
    sentences = doc.sentences
    index = bisect.bisect_right(_sentence_starts(doc), offset) - 1
    if index >= 0 and offset < sentences[index].end:
        return TextSpan(sentences[index].start, sentences[index].end)
    paragraph = doc.paragraph_at(offset)
    if paragraph is not None:
        block = doc.paragraphs[paragraph]
        return TextSpan(block.start, block.end)
    return TextSpan(max(0, offset - 200), min(len(doc.prose), offset + 200))


def _sentence_in_paragraph(doc: Document, offset: int) -> TextSpan:
    """``sentence_span`` for a document whose sentences are not split yet: only the paragraph of ``offset`` is.

    ``Document.sentences`` splits every paragraph, and a date rule may ask about a
    few; the answer is the same, as a sentence lies within its paragraph.
    """
    from checker.sentences import split_sentences

    paragraph = doc.paragraph_at(offset)
    if paragraph is None:
        return TextSpan(max(0, offset - 200), min(len(doc.prose), offset + 200))
    split: dict[int, list[tuple[int, int]]] = doc.__dict__.setdefault("_paragraph_sentences", {})
    block = doc.paragraphs[paragraph]
    spans = split.get(paragraph)
    if spans is None:
        spans = split[paragraph] = split_sentences(doc.prose, block.start, block.end)
    index = bisect.bisect_right(spans, (offset, len(doc.prose) + 1)) - 1
    if index >= 0 and offset < spans[index][1]:
        return TextSpan(*spans[index])
    return TextSpan(block.start, block.end)


def previous_sentence(doc: Document, sentence: tuple[int, int]) -> TextSpan | None:
    """The sentence before ``sentence`` (possibly in the previous paragraph), or None."""
    index = bisect.bisect_left(_sentence_starts(doc), sentence[0]) - 1
    if index < 0:
        return None
    found = doc.sentences[index]
    return TextSpan(found.start, found.end)


def clause_span(doc: Document, sentence: tuple[int, int], start: int, end: int) -> TextSpan:
    """The clause of ``doc.prose[start:end]`` within ``sentence``: between the nearest clause breaks.

    A sentence's breaks are found once (``_breaks``) and the nearest found by bisection: a scan from the
    sentence's start for each mention was quadratic in a long sentence with many dates (a log or table
    flattened into one paragraph of 200,000 characters took minutes).
    """
    starts, ends = _breaks(doc, sentence)
    before = bisect.bisect_right(ends, start)  # the breaks that end at or before the mention
    after = bisect.bisect_left(starts, end)  # the first break that starts at or after its end
    return TextSpan(ends[before - 1] if before else sentence[0], starts[after] if after < len(starts) else sentence[1])


def _breaks(doc: Document, sentence: tuple[int, int]) -> tuple[list[int], list[int]]:
    """The starts and the ends of the clause breaks in ``sentence``, found once per sentence of a document."""
    found: dict[tuple[int, int], tuple[list[int], list[int]]] = doc.__dict__.setdefault("_clause_breaks", {})
    breaks = found.get(sentence)
    if breaks is None:
        matches = list(_CLAUSE_BREAK.finditer(doc.prose, *sentence))
        breaks = found[sentence] = ([match.start() for match in matches], [match.end() for match in matches])
    return breaks



class ByStart:
    """Facts that have a ``start`` offset (date mentions, figures), and those that start in a stretch of the text.

    In text order, as the extractors give them, a stretch's facts are one slice, found by bisection (a scan of every
    fact for each stretch is quadratic in long documents). Facts that come in another order are scanned, and a
    stretch's are given in their own order.
    """

    def __init__(self, facts) -> None:
        self.facts = list(facts)
        self.starts = [fact.start for fact in self.facts]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))

    def between(self, start: int, end: int) -> list:
        """The facts that start at ``start`` or after it and before ``end``."""
        if self.ordered:
            return self.facts[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]
        return [fact for fact in self.facts if start <= fact.start < end]

"""Arithmetic claims among a document's quantities, recognised and checked: the entry point.

Works sentence by sentence on the quantities ``checker.extract.numbers``
found, and returns one :class:`~checker.facts.Claim` per check made,
consistent or not. This module finds the sentences and clauses that hold
figures and hands them to one module per kind of claim:

- changes (``claim_changes``, checked in ``claim_change_checks``): "rose 42% to
  $48.6 million from $31.2 million", "were $93,662, a decrease of $9,688 or
  9.4%", "decreased by 130 basis points to 38.7% from 40.0%", "more than
  doubled to $41.5 million from $22.8 million", "increased to $5 million
  from $6 million" (the direction alone);
- compound annual growth (``claim_cagr``): "from $2.1 billion in 2024 to $3.4 billion in
  2032, a CAGR of 6.2%";
- shares (``claim_shares``): "62% (256 of 412)", "256 of 412 patients (62%)", "256 patients
  (62%)" with "412 patients were enrolled" in the paragraph, and GRIM's
  test on "37.5% of 13 patients";
- totals (``claim_totals``): "A and B, for total revenue of C", "C, comprising A and B",
  "C (A, B and D)", "Together, these two products drove total revenue of
  C" (the parts are the figures of the preceding sentences), "Of the C sold,
  A ... and the remaining B", and shares of one whole said to be exhaustive
  ("split between", "the remaining 15%").

A clause that opens "That is up 3.2 points from 81.9%" is read with the level
that ends the sentence before it ("... was 84.6% for the quarter.").

Every figure is the interval its rounding allows (``checker.intervals``); a
claim is inconsistent only when no reading of it fits ("+3.5%" read as
relative change or as points; "+200%" read as "to 3x" or "to 2x"). A
claim records its kind, the evidence (``claim_evidence``) and a suggested
value; which rule reports which kind is the rules' business. What the
checks share (change words, a figure in its context) is ``claim_context``.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from checker.clauses import ByStart
from checker.extract.claim_cagr import cagr_claims
from checker.extract.claim_changes import change_claims
from checker.extract.claim_context import CUE
from checker.extract.claim_evidence import range_note, ratio_detail
from checker.extract.claim_shares import share_claims
from checker.extract.claim_totals import (
    colon_total_claims,
    of_whole_claims,
    percent_sum_claims,
    together_claims,
    total_claims,
    were_total_claims,
)
from checker.extract.number_grammar import UNITS_WORDS
from checker.facts import Claim, Quantity
from checker.intervals import Interval, format_number
from checker.patterns import LazyPattern

if TYPE_CHECKING:
    from checker.document import Document, Sentence


class _Span(NamedTuple):
    """A clause of a sentence: its offsets in the prose."""

    start: int
    end: int


# (Not the colon of a prior period's figure in parentheses, "(2024: £548.9m)", "(H1 2024/25: 118.2)".)
_SEGMENT_BREAK = LazyPattern(r";|(?<!\d{4})(?<!\d{4}/\d\d):\s|\s[•·]\s|,?\s+(?:while|whereas)\s+|,\s+but\s+")


def find_claims(doc: Document, quantities: list[Quantity]) -> list[Claim]:
    """Every arithmetic claim recognised among ``quantities`` (sorted by offset)."""
    prose = doc.prose
    starts = [q.start for q in quantities]
    claims: list[Claim] = []
    blocks = doc.paragraphs
    sentences = doc.sentences
    for index in _sentences_with(sentences, starts):
        sentence = sentences[index]
        if blocks[sentence.paragraph].kind == "table":
            continue
        lo = bisect.bisect_left(starts, sentence.start)
        hi = bisect.bisect_left(starts, sentence.end)
        if lo == hi:
            continue  # no figure: every kind of claim needs one in the sentence
        found = [q for q in quantities[lo:hi] if q.end <= sentence.end]
        if len(found) >= 2:
            by_start = ByStart(found)
            segments = _rate_joined(prose, _segments(prose[sentence.start : sentence.end], sentence.start), by_start)
            for number, (seg_start, seg_end) in enumerate(segments):
                segment = _within(by_start, seg_start, seg_end)
                if number == 0 and index and segment and (opener := _THAT_IS.match(prose, sentence.start)) is not None:
                    claims.extend(_anaphoric_change(prose, sentences[index - 1], sentence, opener.end(), seg_end, segment, quantities, starts, claims))
                if len(segment) >= 2:
                    claims.extend(change_claims(prose, seg_start, seg_end, segment))
                    claims.extend(cagr_claims(prose, seg_start, seg_end, segment))
            claims.extend(total_claims(prose, sentence.start, sentence.end, found))
            if prose.find(" as many ", sentence.start, sentence.end) >= 0 or prose.find(" as much ", sentence.start, sentence.end) >= 0:
                claims.extend(as_many_claims(prose, sentence.start, found))
            if len(found) >= 3:
                claims.extend(difference_claims(prose, found))
                if prose.startswith(("Of ", "of "), sentence.start):
                    claims.extend(of_whole_claims(prose, sentence.start, sentence.end, found))
                claims.extend(colon_total_claims(prose, sentence.start, sentence.end, found))
                claims.extend(were_total_claims(prose, sentence.start, sentence.end, found))
            claims.extend(percent_sum_claims(prose, sentence.start, sentence.end, found, blocks[sentence.paragraph].start))
        if any(q.unit == "%" for q in found):
            claims.extend(share_claims(prose, sentence, found, doc, quantities))
        claims.extend(together_claims(prose, sentences, index, found, quantities, starts))
    # Outside Markdown, a table is set in columns: some figures stand after a run of blanks, as its cells do.
    plain = doc.format != "markdown" and sum(prose[q.start - 2:q.start] in ("  ", " \t") or prose[q.start - 1:q.start] == "\t" for q in quantities) >= 3
    if plain or any(block.kind == "table" for block in blocks):
        from checker.extract.claim_tables import table_change_claims

        claims.extend(table_change_claims(doc, plain))
    claims.sort(key=lambda c: (c.start, c.kind))
    return claims


# "... was 84.6% for the quarter. That is up 3.2 percentage points from 81.9%": the change of the level that ends the
# sentence before.
_THAT_IS = LazyPattern(r"(?:That|This|It)(?:['’]s|\s+(?:is|was|represents|represented|marks|marked))\s+(?:an?\s+)?(?=[a-z])")


# Two rates side by side, then the gap between them in points: "38.3% with the drug and 12.0% with placebo, an absolute
# difference of 26.3 percentage points". The words between may name each rate's group, not compare it over time.
_RATES_JOINED = LazyPattern(r"(?:\s+[\w'’-]+){0,4}?\s*,?\s+(?:and|versus|vs\.?|against|compared\s+(?:with|to))\s+(?:[\w'’-]+\s+){0,3}?$")
_DIFFERENCE_OF = LazyPattern(r"(?:\s+[\w'’-]+){0,4}?\s*,\s*(?:an?\s+|the\s+)?(?:absolute\s+|net\s+)?(?:difference|gap)\s+of\s+$")


def difference_claims(prose: str, found: list[Quantity]) -> list[Claim]:
    """"A% ... and B% ..., a difference of D percentage points": D must be the gap between the two rates."""
    claims: list[Claim] = []
    for a, b, d in zip(found, found[1:], found[2:]):
        if a.unit != "%" or b.unit != "%" or d.unit != "pp" or a.hedge or b.hedge or d.hedge:
            continue
        if not _RATES_JOINED.fullmatch(prose, a.end, b.start) or not _DIFFERENCE_OF.fullmatch(prose, b.end, d.start):
            continue
        high, low = (a, b) if a.value >= b.value else (b, a)
        gap = Interval(high.low, high.high) - Interval(low.low, low.high)
        stated = Interval(d.low, d.high)
        point = high.value - low.value
        decimals = max(a.decimals, b.decimals)
        consistent = gap.meets(stated)
        detail = "" if consistent else (
            f"{high.text} - {low.text} = {format_number(point, decimals)} points{range_note(gap, decimals, '')}; the text says {d.text}"
        )
        claims.append(Claim(kind="change", start=d.start, end=d.end, consistent=consistent, detail=detail, stated=d.text,
                            computed=f"{format_number(point, decimals)} pp", low=gap.lo, high=gap.hi,
                            parts=((a.start, a.end), (b.start, b.end)), loose=False, suggestion=""))
    return claims


# "conceded twice as many penalties, 14 to Hallowmere's nine", "three times as many cases (42 versus 14)": a multiple
# "as many" (or "as much") and, right after the noun, the two figures it relates, in its order.
# (The factor's words are those of ``UNITS_WORDS`` from two to ten, the values ``_FACTORS`` gives them.)
_AS_MANY_WORDS = "|".join(word for word, value in UNITS_WORDS.items() if 2 <= value <= 10)
_AS_MANY = LazyPattern(
    rf"\b(?P<m>twice|half|(?P<n>{_AS_MANY_WORDS}|\d+(?:\.\d+)?)\s+times)\s+as\s+(?:many|much)\s+"
    r"(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*\s*(?:,|\(|:)\s*$",
    re.I,
)
_AS_MANY_HEDGE = LazyPattern(r"\b(?:more\s+than|over|nearly|almost|about|around|roughly|some|at\s+least|less\s+than|under|up\s+to)\s+$", re.I)
_AS_MANY_GLUE = LazyPattern(r"\s+(?:to|versus|vs\.?|against|compared\s+(?:with|to))\s+(?:(?:the|their|its)\s+|[A-Z][\w'’-]*['’]s\s+)?")
_FACTORS = {"twice": 2.0, "half": 0.5, **{w: float(v) for w, v in UNITS_WORDS.items()}}


def as_many_claims(prose: str, start: int, found: list[Quantity]) -> list[Claim]:
    """"twice as many penalties, 14 to Hallowmere's nine": the two figures after the noun must stand in that ratio."""
    claims: list[Claim] = []
    for a, b in zip(found, found[1:]):
        if a.unit != b.unit or a.kind != "number" or b.kind != "number" or a.hedge or b.hedge or b.value <= 0:
            continue
        if not _AS_MANY_GLUE.fullmatch(prose, a.end, b.start):
            continue
        match = _AS_MANY.search(prose, max(start, a.start - 80), a.start)
        if match is None or _AS_MANY_HEDGE.search(prose, max(start, match.start() - 15), match.start()):
            continue
        word = match.group("n") or match.group("m")
        factor = _FACTORS[word.lower()] if word.lower() in _FACTORS else float(word)
        ratio = Interval(a.low, a.high) / Interval(b.low, b.high)
        target = Interval(factor * 0.9, factor * 1.1)  # "twice as many" is rarely exactly 2.00x
        consistent = ratio.meets(target)
        point = a.value / b.value
        detail = "" if consistent else ratio_detail(a.text, b.text, point, ratio, match.group("m"))
        claims.append(Claim(kind="multiple", start=match.start("m"), end=match.end("m"), consistent=consistent, detail=detail,
                            stated=match.group("m"), computed=f"{point:.2f}x", low=ratio.lo, high=ratio.hi,
                            parts=((a.start, a.end), (b.start, b.end)), loose=False, suggestion=""))
    return claims


def _anaphoric_change(
    prose: str, before: Sentence, sentence: Sentence, opened: int, seg_end: int, segment: list[Quantity], quantities: list[Quantity],
    starts: list[int], claims: list[Claim],
) -> list[Claim]:
    """The change claims of a clause that opens "That is up 3.2 points from 81.9%" (its opener ends at ``opened``), read
    as if the level that ends the sentence before ("... was 84.6% for the quarter.") stood before it with a comma ("84.6%
    for the quarter, up 3.2 points from 81.9%"). Only when that level is the only figure of its unit in the sentence
    before, in the same paragraph, with a few words after it; claims already made for the clause's figures stand."""
    if before.paragraph != sentence.paragraph or before.end > sentence.start:
        return []
    at = bisect.bisect_left(starts, before.end) - 1
    if at < 0 or quantities[at].start < before.start or quantities[at].end > before.end:
        return []
    level = quantities[at]
    if any(q.unit == level.unit for q in quantities[bisect.bisect_left(starts, before.start):at]):
        return []  # several such figures: "14 cases: 9 in England, 3 in Wales and 1 in Scotland. This is more than double"
    stop = prose.rfind(".", level.end, sentence.start)
    if stop < 0 or stop - level.end > 40 or prose[stop + 1:sentence.start].strip() or not CUE.search(prose[opened:seg_end].lower()):
        return []
    # The same offsets, with ". That is " written ",         ": the level then leads the clause as in one sentence.
    joined = prose[:stop] + "," + " " * (opened - stop - 1) + prose[opened:]
    stated = {claim.start for claim in claims}
    return [claim for claim in change_claims(joined, level.start, seg_end, [level, *segment]) if claim.start not in stated]


def _sentences_with(sentences: list[Sentence], starts: list[int]) -> Sequence[int]:
    """The indices of the sentences in which a figure starts, in order (``starts`` is sorted).

    When the sentences are in order and do not overlap, each figure's sentence is found by bisection;
    otherwise every sentence is tried (the caller skips those without a figure).
    """
    sentence_starts = [s.start for s in sentences]
    sentence_ends = [s.end for s in sentences]
    if not (all(map(operator.le, sentence_ends[:-1], sentence_starts[1:])) and all(map(operator.le, sentence_starts, sentence_ends))):
        return range(len(sentences))
    indices: list[int] = []
    for at in starts:
        index = bisect.bisect_right(sentence_starts, at) - 1
        if index >= 0 and at < sentence_ends[index] and (not indices or indices[-1] != index):
            indices.append(index)
    return indices


_SEGMENT_MARKS = (";", ":", "•", "·", "while", "whereas")  # every break contains one of these, or ", but"


def _within(found: ByStart, start: int, end: int) -> list[Quantity]:
    """The quantities of ``found`` that lie within ``start``-``end``: one slice, found by bisection (a scan of the
    sentence's quantities for each of its clauses is quadratic in a long one)."""
    return [q for q in found.between(start, end) if q.end <= end]


def _rate_joined(prose: str, spans: list[_Span], found: ByStart) -> list[_Span]:
    """Clauses with a clause that holds only rates joined to the one after its colon ("3x lower: 60 ms, down from 120 ms")."""
    if len(spans) < 2:
        return spans
    out = [spans[0]]
    for span in spans[1:]:
        last = out[-1]
        inside = _within(found, last.start, last.end)
        if inside and all(q.unit in ("x", "%") for q in inside) and ":" in prose[last.end:span.start]:
            out[-1] = _Span(last.start, span.end)
        else:
            out.append(span)
    return out


def _segments(text: str, offset: int) -> list[_Span]:
    """The clauses of a sentence (``text``, at ``offset`` in the prose), split at semicolons, colons, bullets, "while", ", but"."""
    if not any(mark in text for mark in _SEGMENT_MARKS) and not ("but" in text and "," in text):
        return [_Span(offset, offset + len(text))]
    spans = []
    position = 0
    for match in _SEGMENT_BREAK.finditer(text):
        spans.append(_Span(offset + position, offset + match.start()))
        position = match.end()
    spans.append(_Span(offset + position, offset + len(text)))
    return spans

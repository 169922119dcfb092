"""Arithmetic claims among a document's quantities, recognised and checked.

Works sentence by sentence on the quantities ``checker.extract.numbers``
found, and returns one :class:`~checker.facts.Claim` per check made,
consistent or not:

- changes (``changes.py`` style, here in :func:`_change_claims`): "rose 42% to
  $48.6 million from $31.2 million", "were $93,662, a decrease of $9,688 or
  9.4%", "decreased by 130 basis points to 38.7% from 40.0%", "more than
  doubled to $41.5 million from $22.8 million", "increased to $5 million
  from $6 million" (the direction alone);
- compound annual growth: "from $2.1 billion in 2024 to $3.4 billion in
  2032, a CAGR of 6.2%";
- shares: "62% (256 of 412)", "256 of 412 patients (62%)", "256 patients
  (62%)" with "412 patients were enrolled" in the paragraph, and GRIM's
  test on "37.5% of 13 patients";
- totals: "A and B, for total revenue of C", "C, comprising A and B",
  "C (A, B and D)", "Together, these two products drove total revenue of
  C" (the parts are the figures of the preceding sentences), and shares of
  one whole said to be exhaustive ("split between", "the remaining 15%").

Every figure is the interval its rounding allows (``checker.intervals``); a
claim is inconsistent only when no reading of it fits ("+3.5%" read as
relative change or as points; "+200%" read as "to 3x" or "to 2x"). The
claim records which rule reports it, the evidence, and a suggested value.
"""

from __future__ import annotations

import bisect
import math
import operator
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.extract.numbers import LazyPattern
from checker.facts import Claim, Quantity
from checker.intervals import INF, Interval, format_number, hedged
from checker.patterns import trie_regex

if TYPE_CHECKING:
    from checker.document import Document

# --- vocabulary ---------------------------------------------------------------------

_UP = (
    "increased increase increases increasing rose rise rises rising risen grew grow grows growing grown growth "
    "climbed climb climbing jumped jump jumps gained gain gains expanded expansion surged surge soared advanced "
    "up higher uplift boosted added"
).split()
_DOWN = (
    "decreased decrease decreases decreasing fell fall falls falling fallen declined decline declines declining "
    "dropped drop drops dropping slipped slid dipped dip plunged plummeted contracted contraction shrank shrunk "
    "retreated down lower reduced reduction reductions cut"
).split()
_NEUTRAL = "improved improvement improve improving deteriorated deterioration changed change changes moved swung".split()
_DIRECTION = {**dict.fromkeys(_UP, 1), **dict.fromkeys(_DOWN, -1), **dict.fromkeys(_NEUTRAL, 0)}
# The cue words as a trie-shaped alternation (it fails fast on other words). Every use ends a cue
# at a word boundary or at whitespace, so exactly one word can match at a position, whatever the order.
_CUE_WORDS = trie_regex(sorted(_DIRECTION))
# The leading look-ahead on the words' first letters lets the engine skip to where a cue can start.
_CUE = LazyPattern(rf"(?=[{''.join(sorted({word[0] for word in _DIRECTION}))}])\b(?:{_CUE_WORDS})\b")
_NOUN_CUES = (
    "increase|increases|rise|growth|gain|jump|improvement|expansion|uplift|decrease|decline|drop|fall|"
    "reduction|contraction|deterioration|change|higher|lower"
)
# A rate right after its cue: "increased 42%", "an increase of 42%", "up 42%", "increased in 2019 by 5%".
_CUE_BEFORE = LazyPattern(
    rf"\b(?P<cue>{_CUE_WORDS})(?:\s+(?:in|during|for)\s+(?:[\w'’-]+\s+){{0,3}}?(?=by\b))?"
    r"(?:\s+(?:by|of))?(?:\s+(?:an?|the))?\s*$"
)
# A rate right before its cue: "a 42% increase", "81% year-over-year growth".
_CUE_AFTER = LazyPattern(
    r"^\s*(?:(?:year[- ]over[- ]year|year[- ]on[- ]year|yoy|y/y|annual|sequential|organic|overall|reported)\s+)?"
    rf"(?P<cue>{_NOUN_CUES})\b"
)
_CHAIN = LazyPattern(r"^\s*(?:,\s*)?(?:or|and|representing)\s*$|^\s*\(\s*$")
_FROM_DIRECT = LazyPattern(
    r"(?:\bfrom|\b(?:as\s+)?compared\s+(?:to|with)|\bversus|\bvs\.?|\bagainst|\brelative\s+to)\s+"
    r"(?:(?:the\s+|a\s+)?(?:prior|previous|preceding|last)\s+(?:year|period|quarter)(?:['’]s)?\s+)?$"
)
_FROM_OF = LazyPattern(
    r"(?:\bfrom|\b(?:as\s+)?compared\s+(?:to|with)|\bversus|\bvs\.?)\s+(?:[\w'’-]+\s+){1,4}?(?:of|at|was|were)\s+$"
)
_FROM_YEAR = LazyPattern(r"\(\s*(?:fy\s*|fiscal\s+)?(?:19|20)\d\d\s*:\s*$")
_TO = LazyPattern(r"(?:(?<![\w-])(?P<word>[\w-]+)\s+)?to\s+$|\b(?:reaching|reached|to\s+reach|totall?ing|totall?ed)\s+$")
_NOT_TO = frozenset(
    "compared equal due related according prior relative similar attributable owing pursuant subject as "
    "contribute contributed contributing applied applicable up close amounting amounted amount".split()
)
_MERGE_GLUE = LazyPattern(
    r"(?:\s+(?:in|for|during|at|as\s+of)\s+[\w\s'’-]{0,30}?|\s+per\s+\w+)?"
    r"[\s,(]*(?:(?:an?|the|which\s+(?:is|was)|representing|or)\b\s*)?(?:an?\b\s*)?"
)
_COMPARE = LazyPattern(r"\b(?:compared|versus|vs\.?|relative|against)\b")
_RESPECTIVELY = LazyPattern(r"\brespectively\b")
_SEGMENT_BREAK = LazyPattern(r";|:\s|\s[•·]\s|,?\s+(?:while|whereas)\s+|,\s+but\s+")
_DATE = LazyPattern(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d{1,2},\s+(?:19|20)\d\d\b"
)
_GLUE_WORDS = LazyPattern(
    r"\b(?:and|which|that|while|whereas|but|because|due|driven|after|before|excluding|including|net|"
    r"offset|partially|primarily|mainly|largely|although|though|when|where|if|with|without|plus|less)\b"
)
_GLUE_TAIL = LazyPattern(r",\s*(?:(?:an?|the)\b\s*)?(?:representing\b\s*)?$")
_MEASURE_NOUNS = frozenset(
    """
    year years month months week weeks day days hour hours minute minutes second seconds quarter quarters
    acre acres hectare hectares mile miles kilometre kilometres kilometer kilometers metre metres meter
    meters foot feet inch inches ton tons tonne tonnes pound pounds ounce ounces gram grams kilogram kilograms
    litre litres liter liters gallon gallons barrel barrels share shares point points percent cent cents
    dollar dollars euro euros basis times
    """.split()
)


# --- quantities in context -------------------------------------------------------------


@dataclass
class _Item:
    """A quantity in its segment, with the text around it (lowercased)."""

    q: Quantity
    before: str
    after: str
    role: str = ""  # "rate", "from", "to", ""
    cue: tuple[int, int, int] | None = None  # (start, end, direction) of the cue a rate belongs to
    hedge: str | None = None


@dataclass
class _Event:
    cue: tuple[int, int, int]
    anchor: int
    rates: list[_Item] = field(default_factory=list)
    froms: list[_Item] = field(default_factory=list)
    tos: list[_Item] = field(default_factory=list)
    subjects: list[_Item] = field(default_factory=list)


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
            for seg_start, seg_end in _segments(prose[sentence.start:sentence.end], sentence.start):
                segment = [q for q in found if q.start >= seg_start and q.end <= seg_end]
                if len(segment) >= 2:
                    claims.extend(_change_claims(prose, seg_start, seg_end, segment))
                    claims.extend(_cagr_claims(prose, seg_start, seg_end, segment))
            claims.extend(_total_claims(prose, sentence.start, sentence.end, found))
            claims.extend(_percent_sum_claims(prose, sentence.start, sentence.end, found))
        if any(q.unit == "%" for q in found):
            claims.extend(_share_claims(prose, sentence, found, doc, quantities, starts))
        claims.extend(_together_claims(prose, sentences, index, found, quantities, starts))
    claims.sort(key=lambda c: (c.start, c.kind))
    return claims


def _sentences_with(sentences, starts: list[int]):
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


def _segments(text: str, offset: int) -> list[tuple[int, int]]:
    if not any(mark in text for mark in _SEGMENT_MARKS) and not ("but" in text and "," in text):
        return [(offset, offset + len(text))]
    spans = []
    position = 0
    for match in _SEGMENT_BREAK.finditer(text):
        spans.append((offset + position, offset + match.start()))
        position = match.end()
    spans.append((offset + position, offset + len(text)))
    return spans


def _items(prose: str, start: int, end: int, quantities: list[Quantity]) -> list[_Item]:
    items = []
    for index, q in enumerate(quantities):
        left = quantities[index - 1].end if index else start
        right = quantities[index + 1].start if index + 1 < len(quantities) else end
        items.append(_Item(q, prose[left:q.start].lower(), prose[q.end:right].lower(), hedge=q.hedge))
    return items


def _is_rate_unit(q: Quantity) -> bool:
    return q.unit in ("%", "pp", "pt", "bp", "x")


def _is_level(q: Quantity) -> bool:
    return q.unit not in ("pp", "pt", "bp", "x") and q.kind == "number" and (not q.exact or q.scale > 1) and q.value >= 0


# --- changes ------------------------------------------------------------------------------


def _change_claims(prose: str, start: int, end: int, quantities: list[Quantity]) -> list[Claim]:
    text = prose[start:end].lower()
    if not _CUE.search(text) and not any(q.kind == "multiple" and q.exact for q in quantities):
        return []
    items = _items(prose, start, end, quantities)
    events = _events(prose, start, items)
    claims: list[Claim] = []
    for event in events:
        claims.extend(_check_event(prose, event))
    return claims


def _events(prose: str, start: int, items: list[_Item]) -> list[_Event]:
    """Change events: a cue with the rates attached to it, and the levels around it."""
    by_cue: dict[int, _Event] = {}
    previous: _Item | None = None
    for item in items:
        q = item.q
        cue = None
        if q.kind == "multiple" and q.exact and q.unit == "x" and q.text.split()[-1].lower().endswith(("ed", "ing")):
            direction = -1 if q.value < 1 else 1
            cue = (q.start, q.end, direction)
        elif (match := _CUE_BEFORE.search(item.before)) is not None:
            cue_start = q.start - len(item.before) + match.start("cue")
            cue = (cue_start, cue_start + len(match.group("cue")), _DIRECTION[match.group("cue")])
        elif (match := _CUE_AFTER.match(item.after)) is not None and (_is_rate_unit(q) or q.unit):
            cue_start = q.end + match.start("cue")
            cue = (cue_start, cue_start + len(match.group("cue")), _DIRECTION[match.group("cue")])
        elif previous is not None and previous.role == "rate" and _CHAIN.match(item.before) and previous.cue:
            cue = previous.cue
        if cue is not None and (q.kind in ("number", "multiple")) and not (q.exact and q.unit == "" and q.scale == 1):
            item.role, item.cue = "rate", cue
            event = by_cue.setdefault(cue[0], _Event(cue, min(cue[0], q.start)))
            event.anchor = min(event.anchor, q.start)
            event.rates.append(item)
        previous = item
    cues = [(m.start() + start, m.end() + start, _DIRECTION[m.group()]) for m in _CUE.finditer(prose[start:items[-1].q.end + 40].lower())]
    # Cue words without a rate are events too: they own the levels that follow them, so that
    # "increased to B from A, due to a $3.2 million increase in X" does not lend A and B to the second cue.
    events = list(by_cue.values())
    for cue in cues:
        if cue[0] not in by_cue and not any(e.cue[0] <= cue[0] < e.cue[1] for e in by_cue.values()):
            events.append(_Event(cue, cue[0]))
    if not events:
        return []
    events.sort(key=lambda e: e.anchor)
    for index, item in enumerate(items):
        if item.role or not _is_level(item.q):
            continue
        q = item.q
        rate_before = index > 0 and items[index - 1].role == "rate"
        cue_before = any(c[1] <= q.start for c in cues) or any(e.cue[1] <= q.start for e in events)
        if _FROM_DIRECT.search(item.before) or _FROM_YEAR.search(item.before):
            item.role = "from"
        elif cue_before and (match := _FROM_OF.search(item.before)) is not None and _names_subject(prose, start, q.start, match.group()):
            item.role = "from"  # "from net sales of $1,502.9 million", naming what the sentence is about
        elif item.hedge in ("over", "above") and (rate_before or _CUE_BEFORE.search(item.before)):
            item.role, item.hedge = "from", None
        elif (match := _TO.search(item.before)) is not None and (match.group("word") or "") not in _NOT_TO:
            if cue_before or any(other.role == "from" for other in items[:index]):
                item.role = "to"
        if item.role == "from" and rate_before and _COMPARE.search(item.before) and item.before.strip().startswith(","):
            item.role = "ignored"  # "grew 19%, compared to 4.4% in the prior year": a rate compared with a rate
    # Assign levels to the event whose anchor precedes them (the first event takes what comes before it).
    for item in items:
        if item.role in ("from", "to"):
            owner = events[0]
            for event in events:
                if event.anchor <= item.q.start:
                    owner = event
            (owner.froms if item.role == "from" else owner.tos).append(item)
    # A rate right after a cue that owns the levels states the same change:
    # "rose to $48.6 million from $31.2 million, an increase of 42%".
    merged: list[_Event] = []
    for event in events:
        previous_event = merged[-1] if merged else None
        if (
            previous_event is not None and event.rates and not (event.froms or event.tos)
            and not previous_event.rates and (previous_event.froms or previous_event.tos)
            and _merge_glue_ok(prose[max(i.q.end for i in previous_event.froms + previous_event.tos):event.anchor].lower())
        ):
            previous_event.rates, previous_event.cue = event.rates, event.cue
            continue
        merged.append(event)
    events = merged
    first = events[0]
    subjects = [it for it in items if not it.role and _is_level(it.q) and it.q.end <= first.anchor]
    first.subjects = [it for it in subjects if _glue_ok(prose, it.q.end, first.anchor, items)]
    if len(first.subjects) != 1 or len(subjects) > 2:
        first.subjects = []
    return events


def _merge_glue_ok(glue: str) -> bool:
    """Whether a rate after the levels restates their change ("..., an increase of", "in 2024, up")."""
    if len(glue) > 60 or _GLUE_WORDS.search(glue) or re.search(r"[;:)\[\]]", glue):
        return False
    return _MERGE_GLUE.fullmatch(glue) is not None


def _names_subject(prose: str, start: int, at: int, phrase: str) -> bool:
    """Whether the words of "from <words> of" all occur earlier in the clause (the measure it is about)."""
    words = [w for w in re.findall(r"[a-z][\w'’-]*", phrase.lower())[1:-1] if w not in ("the", "a", "an", "to", "with")]
    earlier = prose[start:at - len(phrase)].lower()
    return bool(words) and all(re.search(rf"\b{re.escape(w)}\b", earlier) for w in words)


def _glue_ok(prose: str, left: int, right: int, items: list[_Item]) -> bool:
    """Whether the text between a subject figure and its change cue binds them."""
    glue = prose[left:right].lower()
    for item in items:
        if item.role == "from" and left <= item.q.start and item.q.end <= right:
            glue = glue.replace(prose[item.q.start:item.q.end].lower(), "q", 1)
    glue = _DATE.sub("date", glue)
    glue = re.sub(r",?\s*\b(?:(?:as\s+)?compared\s+(?:to|with)|versus|vs\.?|from|against|relative\s+to)\s+q\b", " q", glue)
    glue = re.sub(r"\bq\s+(?:in|for|during|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:date|(?:19|20)\d\d)\b", "q", glue)
    if len(glue) > 90 or re.search(r"[;:()\[\]]", glue) or _GLUE_WORDS.search(glue):
        return False
    glue = _GLUE_TAIL.sub("", glue.rstrip())
    return "," not in glue


def _level(item: _Item, other: Quantity | None = None) -> Interval:
    q = item.q
    low, high = q.low, q.high
    if other is not None and q.scale == 1.0 and other.scale > 1.0 and not q.unit == "%" and q.value < 1000:
        low, high = low * other.scale, high * other.scale
    return hedged(Interval(low, high), item.hedge)


def _same_unit(a: Quantity, b: Quantity) -> bool:
    if a.unit == b.unit:
        return True
    return (a.unit == "" and b.unit not in ("%",)) or (b.unit == "" and a.unit not in ("%",)) if (a.scale == 1.0 or b.scale == 1.0) and min(a.value, b.value) < 1000 else False


def _check_event(prose: str, event: _Event) -> list[Claim]:
    if len(event.froms) > 1 or len(event.tos) > 1:
        return []
    a = event.froms[0] if event.froms else None
    b = event.tos[0] if event.tos else (event.subjects[0] if event.subjects else None)
    if a is not None and b is not None and not _same_unit(a.q, b.q):
        return []
    direction = event.cue[2]
    percents = [r for r in event.rates if r.q.unit in ("%", "pp", "pt", "bp")]
    multiples = [r for r in event.rates if r.q.unit == "x"]
    deltas = [r for r in event.rates if r.q.unit not in ("%", "pp", "pt", "bp", "x")]
    if len(percents) > 1 or len(multiples) > 1 or len(deltas) > 1:
        return []
    p = percents[0] if percents else None
    m = multiples[0] if multiples else None
    d = deltas[0] if deltas else None
    if d is not None and ((a is not None and not _same_unit(d.q, a.q)) or (b is not None and not _same_unit(d.q, b.q))):
        d = None
    claims: list[Claim] = []
    if a is not None and b is not None:
        av, bv = _level(a, b.q), _level(b, a.q)
        if av.lo <= 0 or bv.lo < 0:
            return []
        ratio = bv / av
        if ratio.lo > 1000 or ratio.hi < 0.001:
            return []
        if p is not None:
            claims.append(_percent_change(a, b, p, direction, av, bv))
        if d is not None:
            claims.append(_absolute_change(a, b, d, direction, av, bv))
        if m is not None:
            claims.append(_multiple(a, b, m, direction, ratio))
        if p is None and d is None and m is None and event.froms and event.tos and direction:
            claims.append(_direction(a, b, event, av, bv))
    elif d is not None and p is not None and (a is not None or b is not None) and direction:
        claims.append(_percent_of_delta(a, b, d, p, direction))
    return [c for c in claims if c is not None]


def _stated(item: _Item, direction: int, scale: float = 1.0) -> list[Interval]:
    """The stated change as intervals, one per sign the wording allows."""
    q = item.q
    base = Interval(q.low * scale, q.high * scale)
    interval = hedged(base, item.hedge)
    if q.value < 0:
        return [interval]
    if direction > 0:
        return [interval]
    if direction < 0:
        return [-interval]
    return [interval, -interval]


def _percent_change(a: _Item, b: _Item, p: _Item, direction: int, av: Interval, bv: Interval) -> Claim | None:
    ratio = bv / av
    relative = (ratio - Interval.exact(1.0)) * 100.0
    unit = p.q.unit
    points_possible = a.q.unit == "%" and b.q.unit == "%"
    points = bv - av
    if unit in ("pp", "pt", "bp"):
        if not points_possible:
            return None
        scale = 0.01 if unit == "bp" else 1.0
        stated = _stated(p, direction, scale)
        fits_points = any(points.meets(s) for s in stated)
        if fits_points:
            return _claim("percentage-points", p, True, "", a, b)
        fits_relative = any(relative.meets(s) for s in _stated(p, direction))
        difference = b.q.value - a.q.value
        decimals = max(1, a.q.decimals, b.q.decimals)
        in_unit = points * (1 / scale)
        shown = f"{_signed(difference / scale, p.q.decimals)} {_unit_words(unit)}"
        detail = f"{_fig(b.q, a.q)} - {_fig(a.q, b.q)} = {_signed(difference, decimals)} percentage points"
        if unit == "bp":
            detail += f" = {_signed(difference / scale, 0)} basis points"
        detail += f"{_range_note(in_unit, p.q.decimals, '')}; the text says {p.q.text}"
        if fits_relative:
            point = (b.q.value / a.q.value - 1) * 100
            detail = detail.replace("; the text says", f", while {_fig(b.q, a.q)} / {_fig(a.q, b.q)} - 1 = {_signed(point, p.q.decimals)}%; the text says")
            return _claim("percentage-points", p, False, detail, a, b, computed=shown, low=in_unit.lo, high=in_unit.hi,
                          suggestion=_replace_unit(p.q.text, "%"))
        return _claim("percent-change", p, False, detail, a, b, computed=shown, low=in_unit.lo, high=in_unit.hi,
                      suggestion=_replace_number(p.q.text, abs(difference / scale), p.q.decimals))
    stated = _stated(p, direction)
    readings = [relative]
    if direction >= 0 and p.q.value >= 100:
        readings.append(ratio * 100.0)  # "+200%" read as "to 3x" or as "to 2x"
    if any(r.meets(s) for r in readings for s in stated):
        return _claim("percent-change", p, True, "", a, b)
    point = (b.q.value / a.q.value - 1) * 100 if a.q.value else math.nan
    decimals = max(1, p.q.decimals + 1)
    if points_possible and any(points.meets(s) for s in stated):
        detail = (
            f"{_fig(b.q, a.q)} - {_fig(a.q, b.q)} = {_signed(b.q.value - a.q.value, max(1, p.q.decimals))} percentage points, "
            f"but {_fig(b.q, a.q)} / {_fig(a.q, b.q)} - 1 = {_signed(point, decimals)}%; the text says {p.q.text}"
        )
        return _claim("percentage-points", p, False, detail, a, b, computed=_signed(point, decimals) + "%",
                      low=relative.lo, high=relative.hi, suggestion=_replace_unit(p.q.text, "pp"))
    if not math.isfinite(point):
        return None
    detail = (
        f"{_fig(b.q, a.q)} / {_fig(a.q, b.q)} - 1 = {_signed(point, decimals)}%"
        f"{_range_note(relative, decimals, '%')}; the text says {p.q.text}"
    )
    return _claim("percent-change", p, False, detail, a, b, computed=_signed(point, decimals) + "%",
                  low=relative.lo, high=relative.hi, suggestion=_replace_number(p.q.text, abs(point), p.q.decimals))


def _absolute_change(a: _Item, b: _Item, d: _Item, direction: int, av: Interval, bv: Interval) -> Claim | None:
    difference = bv - av
    stated = _stated(d, direction, 1.0)
    dv = d.q
    if dv.scale == 1.0 and a.q.scale > 1.0 and dv.value < 1000 and not dv.unit == "":
        stated = _stated(d, direction, a.q.scale)
    if any(difference.meets(s) for s in stated):
        return _claim("change", d, True, "", a, b)
    point = b.q.value - a.q.value
    scale = a.q.scale if a.q.scale == b.q.scale else 1.0
    decimals = max(a.q.decimals, b.q.decimals) if scale == a.q.scale else 0
    shown = _signed(point / scale, decimals)
    detail = (
        f"{_fig(b.q, a.q)} - {_fig(a.q, b.q)} = {shown}{_range_note(difference * (1 / scale), decimals, '')}; "
        f"the text says {d.q.text}"
    )
    return _claim("change", d, False, detail, a, b, computed=shown, low=difference.lo, high=difference.hi,
                  suggestion=_replace_number(d.q.text, abs(point) / (d.q.scale or 1.0), d.q.decimals))


def _percent_of_delta(a: _Item | None, b: _Item | None, d: _Item, p: _Item, direction: int) -> Claim | None:
    """"a decrease of $9,688 or 9.4%" against the level it started from (given, or the end level minus the change)."""
    level = a if a is not None else b
    if level is None or not _same_unit(level.q, d.q):
        return None
    lv = _level(level, d.q)
    dv = _level(d, level.q)
    if a is None:
        start_level = lv - dv * float(direction)
        point_start = b.q.value - d.q.value * _scale_to(d.q, b.q) * direction
    else:
        start_level = lv
        point_start = a.q.value * _scale_to(a.q, d.q)
    if start_level.lo <= 0 or point_start <= 0:
        return None
    relative = dv / start_level * 100.0 * float(direction)
    stated = _stated(p, direction)
    if p.q.unit != "%":
        return None
    if any(relative.meets(s) for s in stated):
        return _claim("percent-change", p, True, "", d, level)
    point = d.q.value * _scale_to(d.q, level.q) / point_start * 100 * direction
    decimals = max(1, p.q.decimals + 1)
    base = _fig(a.q, d.q) if a is not None else f"({_fig(b.q, d.q)} {'-' if direction > 0 else '+'} {_fig(d.q, b.q)})"
    detail = f"{_fig(d.q, level.q)} / {base} = {_signed(point, decimals)}%{_range_note(relative, decimals, '%')}; the text says {p.q.text}"
    return _claim("percent-change", p, False, detail, d, level, computed=_signed(point, decimals) + "%",
                  low=relative.lo, high=relative.hi, suggestion=_replace_number(p.q.text, abs(point), p.q.decimals))


def _scale_to(q: Quantity, other: Quantity) -> float:
    if q.scale == 1.0 and other.scale > 1.0 and q.value < 1000 and q.unit != "%":
        return other.scale
    return 1.0


def _multiple(a: _Item, b: _Item, m: _Item, direction: int, ratio: Interval) -> Claim | None:
    q = m.q
    word = q.text.lower()
    factor = Interval(q.low, q.high)
    verb = q.exact and word.split()[-1].endswith(("ed", "ing"))
    if verb:
        factor = Interval(q.value * 0.9, q.value * 1.1)  # "doubled" is rarely exactly 2.00x
    shrink = q.value < 1 or direction < 0
    observed = Interval(1 / ratio.hi, 1 / ratio.lo) if shrink and ratio.lo > 0 else ratio
    target = Interval(1 / q.high, 1 / q.low) if q.value < 1 else factor
    if q.value < 1 and verb:
        target = Interval(1 / q.value * 0.9, 1 / q.value * 1.1)
    readings = [hedged(target, m.hedge)]
    if not verb and direction > 0 and q.value >= 2:
        readings.append(hedged(Interval(target.lo + 1, target.hi + 1), m.hedge))  # "a 3-fold increase" read as 4x
    if m.hedge in ("more than", "over", "above", "at least", "in excess of", "well over", "greater than"):
        readings = [Interval(q.low if not q.value < 1 else 1 / q.value, INF)]
    if any(observed.meets(r) for r in readings):
        return _claim("multiple", m, True, "", a, b)
    point = b.q.value * _scale_to(b.q, a.q) / (a.q.value * _scale_to(a.q, b.q))
    shown = f"{point:.2f}x"
    detail = (
        f"{_fig(b.q, a.q)} / {_fig(a.q, b.q)} = {point:.2f}"
        f" ({format_number(ratio.lo, 2)} to {format_number(ratio.hi, 2)} with rounding); the text says {q.text}"
    )
    return _claim("multiple", m, False, detail, a, b, computed=shown, low=ratio.lo, high=ratio.hi)


def _direction(a: _Item, b: _Item, event: _Event, av: Interval, bv: Interval) -> Claim | None:
    direction = event.cue[2]
    difference = bv - av
    cue_start, cue_end, _ = event.cue
    if direction > 0 and difference.hi > 0 or direction < 0 and difference.lo < 0:
        return Claim.model_construct(
            kind="direction", start=cue_start, end=cue_end, consistent=True, detail="",
            stated="", computed="", low=difference.lo, high=difference.hi,
            parts=((a.q.start, a.q.end), (b.q.start, b.q.end)), loose=False, suggestion="",
        )
    said = "an increase" if direction > 0 else "a decrease"
    moved = "a decrease" if direction > 0 else "an increase"
    detail = f"from {a.q.text} to {b.q.text} is {moved}; the wording says {said}"
    return Claim.model_construct(
        kind="direction", start=cue_start, end=cue_end, consistent=False, detail=detail,
        stated=said, computed=moved, low=difference.lo, high=difference.hi,
        parts=((a.q.start, a.q.end), (b.q.start, b.q.end)), loose=False, suggestion="",
    )


# --- compound annual growth ------------------------------------------------------------------

_CAGR = LazyPattern(
    r"\b(?:cagr|compound(?:ed)?\s+annual(?:\s+growth)?(?:\s+rate)?|compound\s+annual\s+growth\s+rate|"
    r"annuali[sz]ed\s+growth(?:\s+rate)?|compound(?:ed)?\s+(?:growth\s+)?annually)\b"
)
_YEAR_AFTER = LazyPattern(r"^\s*,?\s*(?:(?:in|by|for|of|as\s+of|at\s+the\s+end\s+of|through|until|till|during)\s+)?(?:the\s+)?(?:(?:fiscal|fy|calendar)\s*(?:year\s+)?)?((?:19|20)\d\d)\b")
_YEAR_BEFORE = LazyPattern(r"\b(?:in|by|for|of)\s+(?:(?:fiscal|fy)\s*)?((?:19|20)\d\d)\s*,?\s*(?:[\w'’-]+\s+){0,4}?$")
_PERIOD = LazyPattern(r"\b((?:19|20)\d\d)\s*(?:-|–|—|to|through|and)\s*((?:19|20)\d\d)\b")


def _cagr_claims(prose: str, start: int, end: int, quantities: list[Quantity]) -> list[Claim]:
    text = prose[start:end].lower()
    if "cagr" not in text and "compound" not in text and "annuali" not in text:
        return []  # (every wording of _CAGR contains one of these)
    cue = _CAGR.search(text)
    if cue is None:
        return []
    cue_at = start + cue.start()
    rates = [q for q in quantities if q.unit == "%" and q.kind == "number" and (
        0 <= cue_at - q.end <= 40 and re.search(r"\b(?:of|at|a|an|by)\s*$|^\s*$", prose[q.end:cue_at].lower()) is not None
        or 0 <= q.start - (start + cue.end()) <= 40 and re.fullmatch(r"[\s,()a-z]*(?:of|at|was|is|by)?\s*", prose[start + cue.end():q.start].lower()) is not None
        or 0 <= cue_at - q.end <= 3
    )]
    if len(rates) != 1:
        return []
    rate = rates[0]
    levels = [q for q in quantities if q is not rate and _is_level(q) and q.unit != "%"]
    if len(levels) != 2 or not _same_unit(levels[0], levels[1]):
        return []
    years = []
    for q in levels:
        after = _YEAR_AFTER.match(prose[q.end:min(end, q.end + 40)].lower())
        before = _YEAR_BEFORE.search(prose[max(start, q.start - 50):q.start].lower())
        years.append(int(after.group(1)) if after else int(before.group(1)) if before else None)
    periods: list[int] = []
    if None not in years:
        (first, y1), (second, y2) = sorted(zip(levels, years), key=lambda pair: pair[1])
        periods = [y2 - y1]
    else:
        spans = _PERIOD.findall(text)
        if len(spans) != 1:
            return []
        y1, y2 = int(spans[0][0]), int(spans[0][1])
        first, second = levels
        periods = [y2 - y1, y2 - y1 + 1]
    if any(n <= 0 or n > 100 for n in periods):
        return []
    item_a, item_b = _Item(first, "", "", hedge=first.hedge), _Item(second, "", "", hedge=second.hedge)
    av, bv = _level(item_a, second), _level(item_b, first)
    if av.lo <= 0 or bv.lo <= 0:
        return []
    stated = hedged(Interval(rate.low, rate.high), rate.hedge)
    computed = [((bv / av).power(1 / n) - Interval.exact(1.0)) * 100.0 for n in periods]
    rate_item = _Item(rate, "", "", hedge=rate.hedge)
    if any(c.meets(stated) for c in computed):
        return [_claim("cagr", rate_item, True, "", item_a, item_b)]
    n = periods[0]
    point = ((second.value * _scale_to(second, first)) / (first.value * _scale_to(first, second))) ** (1 / n) * 100 - 100
    decimals = max(1, rate.decimals + 1)
    detail = (
        f"({_fig(second, first)} / {_fig(first, second)})^(1/{n}) - 1 = {_signed(point, decimals)}%"
        f"{_range_note(computed[0], decimals, '%')}; the text says {rate.text}"
    )
    return [_claim("cagr", rate_item, False, detail, item_a, item_b, computed=_signed(point, decimals) + "%",
                   low=computed[0].lo, high=computed[0].hi, suggestion=_replace_number(rate.text, abs(point), rate.decimals))]


# --- shares -----------------------------------------------------------------------------------

_INT = r"\d{1,3}(?:,\d{3})+|\d+"
_PCT = r"(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)"
_SHARE_PATTERNS = (
    # "62% (256 of 412)", "62% (256/412)", "62% (n = 256/412)"
    LazyPattern(rf"{_PCT}\s*\(\s*(?:n\s*=\s*)?(?P<n>{_INT})\s*(?:/|of|out\s+of)\s*(?:the\s+)?(?P<N>{_INT})\b[^()]{{0,40}}\)", re.I),
    # "256 of 412 patients (62%)", "256/412 (62%)"
    LazyPattern(rf"(?<![\d.,])(?P<n>{_INT})\s*(?:/|of|out\s+of)\s*(?:the\s+)?(?P<N>{_INT})\s*(?:[a-z][\w-]*\s+){{0,3}}?\(\s*{_PCT}\s*\)", re.I),
)
_PCT_COUNT = (
    # "62% (256)" and "256 patients (62%)": the whole is found in the paragraph.
    LazyPattern(rf"{_PCT}\s*\(\s*(?:n\s*=\s*)?(?P<n>{_INT})\s*\)", re.I),
    LazyPattern(rf"(?<![\d.,$€£¥])(?P<n>{_INT})\s+(?P<noun>[a-z][\w-]*)(?:\s+[a-z][\w-]*){{0,2}}?\s*\(\s*{_PCT}\s*\)", re.I),
    LazyPattern(rf"(?<![\d.,$€£¥])(?P<n>{_INT})\s*\(\s*{_PCT}\s*\)", re.I),
)
_WHOLE = (
    LazyPattern(rf"(?<![\d.,$€£¥])(?P<N>{_INT})\s+(?P<noun>[a-z][\w-]*)\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?"
               r"(?:enrolled|randomi[sz]ed|treated|included|evaluable|analy[sz]ed|surveyed|assessed|recruited|dosed|"
               r"screened|interviewed|polled|participated|responded|registered)\b", re.I),
    LazyPattern(rf"\b(?:a\s+total\s+of|among|of\s+the|of\s+all)\s+(?P<N>{_INT})\s+(?P<noun>[a-z][\w-]*)", re.I),
    LazyPattern(rf"\(\s*[nN]\s*=\s*(?P<N>{_INT})\s*\)"),
)
_REFERS_TO_WHOLE = LazyPattern(r"^\W*(?:of|among)\s+(?:these|them|those|whom|this\s+group)\b|\b(?:of|among)\s+whom\b", re.I)
_GRIM = LazyPattern(rf"{_PCT}\s+of\s+(?:the\s+|all\s+|our\s+|its\s+|these\s+)?(?P<N>{_INT})\s+(?P<noun>[a-z][\w-]*)", re.I)


def _share_claims(prose: str, sentence, found: list[Quantity], doc: Document, quantities, starts) -> list[Claim]:
    text = prose[sentence.start:sentence.end]
    if "%" not in text and "per" not in text.lower():
        return []
    claims: list[Claim] = []
    covered: list[tuple[int, int]] = []
    # Every pattern but GRIM's ("37.5% of 13 patients") needs a parenthesis.
    for pattern in _SHARE_PATTERNS if "(" in text else ():
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in covered):
                continue
            covered.append(match.span())
            claim = _share(sentence.start, match, _int(match.group("n")), _int(match.group("N")), found)
            if claim is not None:
                claims.append(claim)
    whole = None
    for pattern in _PCT_COUNT if "(" in text else ():
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in covered):
                continue
            if not _REFERS_TO_WHOLE.search(text) and not any(p.search(text) for p in _WHOLE):
                break  # a count in a sentence that does not point back at the whole may be of a subgroup
            if whole is None:
                whole = _paragraph_whole(doc, sentence)
            if not whole:
                break
            value, noun = whole
            n = _int(match.group("n"))
            count_noun = (match.groupdict().get("noun") or "").lower()
            if count_noun and noun and count_noun.rstrip("s") != noun.rstrip("s"):
                continue
            if n >= value or n == 0:
                continue
            covered.append(match.span())
            claim = _share(sentence.start, match, n, value, found)
            if claim is not None:
                claims.append(claim)
    for match in _GRIM.finditer(text):
        if any(s <= match.start() < e for s, e in covered):
            continue
        noun = match.group("noun").lower()
        if noun in _MEASURE_NOUNS or not (noun.endswith("s") or noun in ("people", "children", "men", "women")):
            continue
        claim = _grim(sentence.start, match, found)
        if claim is not None:
            claims.append(claim)
    return claims


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def _percent_quantity(offset: int, match: re.Match, found: list[Quantity]) -> Quantity | None:
    at = offset + match.start("p")
    for q in found:
        if q.start <= at < q.end and q.unit == "%" and q.kind == "number":
            return q
    return None


def _share(offset: int, match: re.Match, n: int, whole: int, found: list[Quantity]) -> Claim | None:
    p = _percent_quantity(offset, match, found)
    if p is None or whole <= 0 or n > whole:
        return None
    share = n / whole * 100
    stated = hedged(Interval(p.low, p.high), p.hedge)
    n_span = (offset + match.start("n"), offset + match.end("n"))
    if stated.contains(share) or stated.meets(Interval.exact(share)):
        return Claim.model_construct(kind="share", start=p.start, end=p.end, consistent=True, detail="",
                                     stated=p.text, computed="", low=share, high=share, parts=(n_span,), loose=False, suggestion="")
    decimals = max(1, p.decimals + 1)
    detail = f"{n:,} / {whole:,} = {format_number(share, decimals)}%; the text says {p.text}"
    return Claim.model_construct(
        kind="share", start=p.start, end=p.end, consistent=False, detail=detail, stated=p.text,
        computed=format_number(share, decimals) + "%", low=share, high=share, parts=(n_span,), loose=False,
        suggestion=_replace_number(p.text, share, p.decimals),
    )


def _paragraph_whole(doc: Document, sentence) -> tuple[int, str] | None:
    """The one whole ("412 patients were enrolled") a paragraph states, if exactly one."""
    block = doc.paragraphs[sentence.paragraph]
    text = doc.prose[block.start:block.end]
    wholes = set()
    for pattern in _WHOLE:
        for match in pattern.finditer(text):
            noun = (match.groupdict().get("noun") or "").lower()
            if noun in _MEASURE_NOUNS:
                continue
            wholes.add((_int(match.group("N")), noun))
    values = {value for value, _ in wholes}
    if len(values) != 1:
        return None
    value = values.pop()
    nouns = {noun for v, noun in wholes if noun}
    return value, nouns.pop() if len(nouns) == 1 else ""


def _grim(offset: int, match: re.Match, found: list[Quantity]) -> Claim | None:
    p = _percent_quantity(offset, match, found)
    whole = _int(match.group("N"))
    if p is None or p.hedge or whole <= 0 or whole > 100000 or p.value > 100:
        return None
    low, high = whole * p.low / 100, whole * p.high / 100
    if high - low >= 1:
        return None  # any count fits: nothing to test
    fits = math.floor(high + 1e-9) >= math.ceil(low - 1e-9)
    if fits:
        return Claim.model_construct(kind="share", start=p.start, end=p.end, consistent=True, detail="",
                                     stated=p.text, computed="", low=low, high=high, parts=(), loose=False, suggestion="")
    below, above = math.floor(low), math.ceil(high)
    decimals = max(1, p.decimals)
    detail = (
        f"{p.text} of {whole:,} is {format_number(low, 2)} to {format_number(high, 2)}; no whole count fits "
        f"({below}/{whole:,} = {format_number(below / whole * 100, decimals)}%, {above}/{whole:,} = "
        f"{format_number(above / whole * 100, decimals)}%)"
    )
    return Claim.model_construct(
        kind="share", start=p.start, end=p.end, consistent=False, detail=detail, stated=p.text,
        computed="", low=low, high=high, parts=(), loose=False, suggestion="",
    )


# --- totals -------------------------------------------------------------------------------------

_TOTAL_BEFORE = LazyPattern(
    r"(?:\b(?:for|to|with|giving|bringing|making)\s+(?:a\s+|an\s+)?(?:total|combined|aggregate|overall)"
    r"(?:\s+[\w'’-]+){0,3}?(?:\s+of)?|\b(?:totall?ing|totall?ed|combined\s+for)(?:\s+a\s+total\s+of)?)\s*$"
)
# Matched at the end of a total in the lowercased sentence (``match`` anchors it there: no "^").
_PARTS_AFTER = LazyPattern(
    r"(?:\s+[\w'’-]+){0,3}?\s*,?\s*(?:(?P<exact>comprising|comprised(?:\s+of)?|comprises|consisting\s+of|consisted\s+of|"
    r"consists\s+of|made\s+up\s+of|composed\s+of|split\s+(?:between|into)|broken\s+down\s+(?:into|as)|"
    r"divided\s+(?:between|into)|(?:which|that)\s+(?:comprised|consisted\s+of|was\s+made\s+up\s+of))|"
    r"(?P<partial>including|(?:which|that)\s+included|such\s+as|(?<=,\s)of\s+which|(?<=,)of\s+which))\b"
)
_PARENTHESIS_AFTER = LazyPattern(r"^(?:\s+[\w'’-]+){0,3}?\s*\(\s*$")
_SIGNED_GLUE = LazyPattern(r"\b(?:offset|partially|partly|less|minus|net\s+of|compared|versus|excluding|except)\b")
_LIST_GLUE = LazyPattern(r"^[^;:()%]{0,60}$")
_LOOSE = LazyPattern(
    r"\b(?:drove|drive|drives|driving|fuel(?:l)?ed|powered|helped|supported|underpinned|led|boosted|contributed|"
    r"contributing|contribute)\b"
)
_STRICT = LazyPattern(
    r"\b(?:totall?ed|amounted|came\s+to|made\s+up|comprised|accounted\s+for|generated|delivered|had|posted|"
    r"recorded|reported|achieved|brought\s+in|represented|were|was)\b"
)
_TOGETHER = LazyPattern(
    r"\b(?:together|combined|collectively|taken\s+together|in\s+total)\b,?\s*(?:(?:these|those|the|our|its|their|both)\s+)?"
    r"(?P<count>two|three|four|five|six|both)?\b"
)
_COUNT_PHRASE = LazyPattern(r"\b(?:these|those|the|our|its|their)\s+(?P<count>two|three|four|five|six)\s+[\w-]+|\bboth\b")
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}


_TOTAL_WORDS = (
    "total", "combined", "aggregate", "comprising", "comprised", "consisting", "made up", "composed", "including",
    "of which", "split", "broken", "(",
)


def _total_claims(prose: str, start: int, end: int, found: list[Quantity]) -> list[Claim]:
    text = prose[start:end].lower()
    if not any(word in text for word in _TOTAL_WORDS):
        return []
    if "respectively" in text and _RESPECTIVELY.search(text):
        return []
    claims: list[Claim] = []
    for index, total in enumerate(found):
        if total.kind != "number" or total.unit in ("%", "x", "pp", "pt", "bp") or total.exact and total.scale == 1:
            continue
        before = prose[found[index - 1].end if index else start:total.start].lower()
        if _TOTAL_BEFORE.search(before) and index >= 2:
            parts = _list_before(prose, found, index, start)
            if parts:
                claims.append(_total(total, parts, exact=True, loose=bool(_LOOSE.search(prose[start:total.start].lower()))))
            continue
        parts_match = _parts_after(prose, text, start, end, total.end)
        following = prose[total.end:found[index + 1].start] if index + 1 < len(found) else ""
        if parts_match or _PARENTHESIS_AFTER.match(following):
            parts = _list_after(prose, found, index, end, parenthesised=parts_match is None)
            if parts:
                partial = parts_match is not None and parts_match.group("partial") is not None
                claims.append(_total(total, parts, exact=not partial, loose=parts_match is None))
    return claims


def _parts_after(prose: str, text: str, start: int, end: int, at: int) -> re.Match[str] | None:
    """``_PARTS_AFTER`` matched at ``at``, as on ``prose[at:end].lower()``, without lowercasing that tail per figure.

    ``text`` is ``prose[start:end].lower()``. When lowercasing kept its length, every character
    lowered to one, so offsets agree; the pattern treats final and medial sigma alike, the only
    letter whose lowercase depends on its neighbours. Its look-behinds (before "of which") could
    see the figure's last character, where the slice sees nothing: a figure never ends with a
    comma or a space, and if one did, the slice is matched as before.
    """
    if len(text) == end - start and prose[at - 1] != "," and not prose[at - 1].isspace():
        return _PARTS_AFTER.match(text, at - start)
    return _PARTS_AFTER.match(prose[at:end].lower())


def _compatible(part: Quantity, total: Quantity) -> bool:
    return part.kind == "number" and part.unit == total.unit and (not part.exact or part.scale > 1) and part.value >= 0


def _list_before(prose: str, found: list[Quantity], index: int, start: int) -> list[Quantity]:
    total = found[index]
    parts: list[Quantity] = []
    j = index - 1
    while j >= 0 and _compatible(found[j], total):
        parts.insert(0, found[j])
        if j == 0 or not _compatible(found[j - 1], total):
            break
        glue = prose[found[j - 1].end:found[j].start].lower()
        if not (_LIST_GLUE.match(glue) and re.search(r",|\band\b|\bplus\b", glue)) or _CUE.search(glue):
            break
        j -= 1
    if len(parts) < 2:
        return []
    joins = [prose[parts[k].end:parts[k + 1].start].lower() for k in range(len(parts) - 1)]
    if not re.search(r"\band\b|\bplus\b", joins[-1]) or any(_CUE.search(g) or re.search(r"\b(?:from|compared|versus|vs)\b", g) for g in joins):
        return []
    tail = prose[parts[-1].end:total.start].lower()
    if len(tail) > 80 or _CUE.search(tail) or re.search(r"[;:]", tail):
        return []
    head = prose[start:parts[0].start].lower()
    if _CUE.search(head) or re.search(r"\b(?:from|compared|versus|vs)\b", head):
        return []
    return parts


def _list_after(prose: str, found: list[Quantity], index: int, end: int, parenthesised: bool) -> list[Quantity]:
    total = found[index]
    closing = prose.find(")", total.end, end) if parenthesised else end
    if closing < 0:
        return []
    parts: list[Quantity] = []
    # ``found`` is in order of start: the figures that can end by ``closing`` come first, and one
    # that cannot be a part ends the search (reading on to the sentence end made this quadratic).
    for j in range(index + 1, len(found)):
        q = found[j]
        if q.start > closing:
            break
        if q.end <= closing:
            if not _compatible(q, total):
                return []
            parts.append(q)
    if len(parts) < 2:
        return []
    joins = [prose[parts[k].end:parts[k + 1].start].lower() for k in range(len(parts) - 1)]
    if not re.search(r"\band\b|\bplus\b", joins[-1]) or not all(_LIST_GLUE.match(g) for g in joins):
        return []
    if any(_SIGNED_GLUE.search(g) for g in joins) or _SIGNED_GLUE.search(prose[parts[-1].end:closing].lower()):
        return []
    if parenthesised and not _PARENTHESIS_AFTER.match(prose[total.end:parts[0].start]):
        return []
    return parts


def _total(total: Quantity, parts: list[Quantity], exact: bool, loose: bool) -> Claim:
    interval = Interval(0.0, 0.0)
    for part in parts:
        interval = interval + hedged(Interval(part.low, part.high), part.hedge)
    stated = hedged(Interval(total.low, total.high), total.hedge)
    consistent = interval.meets(stated) if exact else interval.lo <= stated.hi
    spans = tuple((p.start, p.end) for p in parts)
    point = sum(p.value for p in parts)
    decimals = max(total.decimals, max(p.decimals for p in parts))
    scale = total.scale
    shown = _money(point, total, decimals)
    if consistent:
        return Claim.model_construct(kind="total", start=total.start, end=total.end, consistent=True, detail="",
                                     stated=total.text, computed=shown, low=interval.lo, high=interval.hi, parts=spans,
                                     loose=loose, suggestion="")
    same_scale = all(p.scale == scale for p in parts)
    figures = " + ".join(_mantissa(p) if same_scale else p.text for p in parts)
    result = format_number(point / scale, decimals) if same_scale else shown
    detail = f"{figures} = {result}"
    if not exact:
        detail += f", more than the total; the text says {total.text}"
    else:
        detail += f"{_range_note(interval * (1 / scale), decimals, '') if same_scale else ''}; the text says {total.text}"
    return Claim.model_construct(
        kind="total", start=total.start, end=total.end, consistent=False, detail=detail,
        stated=total.text, computed=shown, low=interval.lo, high=interval.hi, parts=spans, loose=loose,
        suggestion=_replace_number(total.text, point / scale, decimals) if exact else "",
    )


def _together_claims(prose: str, sentences, index: int, found: list[Quantity], quantities, starts) -> list[Claim]:
    """"Together, these two products drove total revenue of C": the parts are the preceding sentences' figures."""
    sentence = sentences[index]
    text = prose[sentence.start:sentence.end].lower()
    if "together" not in text and "combined" not in text and "collectively" not in text and "total" not in text:
        return []  # (every wording of _TOGETHER contains one of these)
    together = _TOGETHER.search(text)
    if together is None:
        return []
    count_word = together.group("count")
    if count_word is None:
        phrase = _COUNT_PHRASE.search(text, together.end(), together.end() + 40)
        if phrase is None:
            return []
        count_word = phrase.group("count") or "both"
    count = _COUNTS[count_word]
    totals = [q for q in found if q.start > sentence.start + together.start() and q.kind == "number" and q.unit not in ("%", "x", "pp", "pt", "bp")
              and not (q.exact and q.scale == 1)]
    if not totals:
        return []
    total = totals[0]
    lead = prose[sentence.start + together.end():total.start].lower()
    if not re.search(r"\b(?:total|combined|aggregate|overall)\b", lead) and not _STRICT.search(lead):
        return []
    if _CUE.search(lead):
        return []
    parts: list[Quantity] = []
    gaps = 0
    j = index - 1
    while j >= 0 and len(parts) < count and gaps <= count:
        previous = sentences[j]
        if previous.paragraph < sentence.paragraph - 2:
            break
        lo = bisect.bisect_left(starts, previous.start)
        hi = bisect.bisect_left(starts, previous.end)
        candidates = [q for q in quantities[lo:hi] if _compatible(q, total)]
        items = _items(prose, previous.start, previous.end, quantities[lo:hi])
        main = [
            it.q for it in items if _compatible(it.q, total)
            and not (_FROM_DIRECT.search(it.before) or _FROM_OF.search(it.before) or _CUE_BEFORE.search(it.before))
        ]
        if not candidates:
            gaps += 1
        elif len(main) == 1:
            parts.insert(0, main[0])
        else:
            return []
        j -= 1
    if len(parts) != count:
        return []
    loose = bool(_LOOSE.search(lead)) or not _STRICT.search(lead)
    return [_total(total, parts, exact=True, loose=loose)]


_PERCENT_WHOLE = LazyPattern(
    r"\b(?:split|divided|distributed|broken\s+down|allocated|apportioned)\b[^.;]{0,30}?\b(?:between|among|into|as)\b"
    r"|\b(?:the|with)\s+(?:remaining|rest|remainder|balance|other)\s+(?:of\s+the\s+\w+\s+)?(?=[~\d])"
)


def _percent_sum_claims(prose: str, start: int, end: int, found: list[Quantity]) -> list[Claim]:
    shares = [q for q in found if q.unit == "%" and q.kind == "number"]
    if len(shares) < 2 or len(shares) > 8 or len(shares) != len([q for q in found if q.unit == "%"]):
        return []
    text = prose[start:end].lower()
    cue = _PERCENT_WHOLE.search(text)
    if cue is None or ("respectively" in text and _RESPECTIVELY.search(text)) or _CUE.search(text):
        return []
    total = Interval(0.0, 0.0)
    for q in shares:
        total = total + hedged(Interval(q.low, q.high), q.hedge)
    point = sum(q.value for q in shares)
    spans = tuple((q.start, q.end) for q in shares)
    last = shares[-1]
    consistent = total.meets(Interval.exact(100.0))
    detail = "" if consistent else (
        f"{' + '.join(q.text for q in shares)} = {format_number(point, max(q.decimals for q in shares))}%"
        f"{_range_note(total, max(q.decimals for q in shares), '%')}; shares of one whole add up to 100%"
    )
    return [Claim.model_construct(
        kind="percent-sum", start=last.start, end=last.end, consistent=consistent, detail=detail,
        stated=last.text, computed=format_number(point, 1) + "%", low=total.lo, high=total.hi, parts=spans[:-1],
        loose=False, suggestion="",
    )]


# --- formatting -----------------------------------------------------------------------------------


def _claim(kind: str, stated: _Item, consistent: bool, detail: str, *sources: _Item | None, computed: str = "",
           low: float | None = None, high: float | None = None, suggestion: str = "") -> Claim:
    q = stated.q
    parts = tuple((s.q.start, s.q.end) for s in sources if s is not None)
    return Claim.model_construct(
        kind=kind, start=q.start, end=q.end, consistent=consistent, detail=detail, stated=q.text,
        computed=computed, low=low, high=high, parts=parts, loose=False, suggestion=suggestion,
    )


def _mantissa(q: Quantity) -> str:
    """The number of a figure as written, without hedge, currency or scale ("48.6")."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?|\.\d+", q.text)
    return match.group() if match else q.text


def _fig(q: Quantity, other: Quantity) -> str:
    """A figure for evidence: its bare number when both figures share unit and scale."""
    if q.scale == other.scale and q.unit == other.unit and q.kind == "number":
        return _mantissa(q)
    text = q.text
    if q.hedge and text.lower().startswith(q.hedge):
        text = text[len(q.hedge):].strip()
    return text


def _signed(value: float, decimals: int) -> str:
    sign = "+" if value > 0 else "-" if value < 0 else ""
    return f"{sign}{format_number(abs(value), decimals)}"


def _range_note(interval: Interval, decimals: int, unit: str) -> str:
    if math.isinf(interval.lo) or math.isinf(interval.hi):
        return ""
    lo, hi = format_number(interval.lo, decimals), format_number(interval.hi, decimals)
    if lo == hi:
        return ""
    return f" ({lo}{unit} to {hi}{unit} with rounding)"


def _money(value: float, like: Quantity, decimals: int) -> str:
    return _replace_number(like.text, value / like.scale, decimals)


def _replace_number(text: str, value: float, decimals: int) -> str:
    """``text`` with its number replaced by ``value`` written with ``decimals`` decimals."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?|\.\d+", text)
    if match is None:
        return text
    written = match.group()
    number = f"{value:,.{decimals}f}" if "," in written else f"{value:.{decimals}f}"
    return text[:match.start()] + number + text[match.end():]


def _replace_unit(text: str, unit: str) -> str:
    if unit == "pp":
        return re.sub(r"\s*(?:%|percent|per\s+cent|pct)$", " percentage points", text, flags=re.I)
    return re.sub(r"\s*(?:percentage\s+points?|percent\s+points?|%\s+points?|pp|ppts?|pts?|points?)$", "%", text, flags=re.I)


def _unit_words(unit: str) -> str:
    return {"bp": "basis points", "pp": "percentage points", "pt": "points"}.get(unit, unit)

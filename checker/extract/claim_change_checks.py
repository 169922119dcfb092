"""Change claims checked: percent and point changes, absolute changes, multiples and direction words.

Every figure is the interval its rounding allows, widened by its hedge; a
change is inconsistent only when no reading of it fits ("+3.5%" read as a
relative change or as points; "+200%" read as "to 3x" or "to 2x"; "a 3-fold
increase" as 3x or 4x).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.extract.claim_context import (
    COMPARATIVE_WORDS,
    LOSS_WORD,
    PROFIT_WORD,
    Item,
    level_of,
    same_unit,
    scale_to,
)
from checker.extract.claim_evidence import fig, make_claim, range_note, ratio_detail, replace_number, replace_unit, signed, unit_words
from checker.extract.number_grammar import DETERMINERS, approximate_multiplier, multiplier_verb
from checker.facts import Claim
from checker.intervals import INF, Interval, hedged
from checker.patterns import LazyPattern

if TYPE_CHECKING:
    from checker.extract.claim_changes import Event


def check_event(prose: str, event: Event) -> list[Claim]:
    """The claims one change event makes: its rates checked against the levels it goes from and to."""
    froms = event.froms
    if len(froms) > 1 and len(event.tos) <= 1:
        # "$41.2 million from 4,012 theaters, a 38% drop from its $58.9 million debut": of two "from" figures,
        # the one in the unit of the level it is compared with.
        end = event.tos[0] if event.tos else (event.subjects[0] if event.subjects else None)
        alike = [item for item in froms if end is not None and same_unit(item.q, end.q)]
        froms = alike if len(alike) == 1 else froms
    if len(froms) > 1 or len(event.tos) > 1:
        return []
    a = froms[0] if froms else None
    b = event.tos[0] if event.tos else (event.subjects[0] if event.subjects else None)
    if a is not None and b is not None and (not same_unit(a.q, b.q) or _signs_differ(a, b) or _nouns_differ(a, b) and not _appositive(event)):
        return []
    direction = event.cue.direction
    percents = [r for r in event.rates if r.q.unit in ("%", "pp", "pt", "bp")]
    multiples = [r for r in event.rates if r.q.unit == "x"]
    deltas = [r for r in event.rates if r.q.unit not in ("%", "pp", "pt", "bp", "x")]
    if len(percents) > 1 or len(multiples) > 1 or len(deltas) > 1:
        return []
    p = percents[0] if percents else None
    m = multiples[0] if multiples else None
    d = deltas[0] if deltas else None
    if d is not None and ((a is not None and not same_unit(d.q, a.q)) or (b is not None and not same_unit(d.q, b.q))):
        d = None
    claims: list[Claim | None] = []
    if a is not None and b is not None:
        av, bv = level_of(a, b.q), level_of(b, a.q)
        if m is not None and p is None and d is None and av.hi < 0 and bv.hi < 0:
            # "roughly three times that for retail (-0.21 versus -0.11)": two negative figures (coefficients,
            # returns; ``claim_changes`` lets them in only as such a pair) that a multiple compares, by size.
            av, bv = -av, -bv
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
    elif d is not None and p is not None and a is None and b is not None and _prior_in_parentheses(d, p, b):
        # "ARPU of £14.82, up 5.1% (£14.10)": the figure in parentheses is the prior period's level, not the change.
        av, bv = level_of(d, b.q), level_of(b, d.q)
        if av.lo > 0 and bv.lo >= 0:
            claims.append(_percent_change(d, b, p, direction, av, bv))
    elif d is not None and p is not None and (a is not None or b is not None) and direction:
        claim = _percent_of_delta(a, b, d, p, direction)
        # Without the start level, it is worked back from the end level and the change.
        claims.append(_inferred(claim) if claim is not None and a is None else claim)
    return [c for c in claims if c is not None]


def _prior_in_parentheses(d: Item, p: Item, b: Item) -> bool:
    """Whether an amount in parentheses right after a percent change of a level reads better as the prior level than as
    the change: the stated percent is nearer the change from it to the level than to its share of the level less it
    ("£14.82, up 5.1% (£14.10)": 14.82 / 14.10 = +5.1%, where 14.10 / 0.72 would be +1,958%)."""
    if not d.before.endswith("(") or p.q.unit != "%" or not same_unit(d.q, b.q):
        return False
    level, figure = b.q.value, d.q.value * scale_to(d.q, b.q)
    if figure <= 0 or level <= 0 or figure >= level * 2 or level == figure:
        return False
    as_prior = abs(level / figure - 1) * 100
    as_change = figure / abs(level - figure) * 100
    return abs(as_prior - p.q.value) < abs(as_change - p.q.value)


def _inferred(claim: Claim) -> Claim:
    return claim if claim.consistent else replace(claim, inferred=True)


_NOT_UNITS = frozenset(
    "to from in on at for of and or a an the by per last this that next year years month months quarter quarters "
    "week weeks day days compared versus vs with as while but which we you they he she it us them his her its their our".split()
)


# Words after a bare number that are not what it counts: an adjective before the noun ("4,820 new candidates"),
# which is skipped, and a participle ("the 2,150 found", "358 recorded"), which says nothing of the noun.
_ADJECTIVES = frozenset("new more fewer additional other extra further separate different active unique".split())
_PARTICIPLES = frozenset("found made seen taken given sold built won lost held paid spent run done grown".split())


def _nouns_after(item: Item) -> set[str]:
    """What a bare figure may count: the word after it, and the one after that when the first may be a modifier of
    it ("48,300 volunteer hours": volunteer, hour); empty when the word after it is no noun."""
    match = re.match(r"\s+([a-z]+)\b(?:\s+([a-z]+)\b)?", item.after)
    if match is None:
        return set()
    word, then = match.groups()
    if word in _ADJECTIVES and then:
        word, then = then, None
    if not _may_be_noun(word):
        return set()
    return {w.removesuffix("s") for w in (word, then) if w and _may_be_noun(w)}


def _may_be_noun(word: str) -> bool:
    return word not in _NOT_UNITS and word not in _PARTICIPLES and not word.endswith("ed")


def _nouns_differ(a: Item, b: Item) -> bool:
    """Whether two bare figures count different things ("from 3 gas to 3000 particles"), and not the same thing named
    with a modifier once ("48,300 volunteer hours, up 21% from 42,100 hours")."""
    if a.q.unit or b.q.unit:
        return False
    first, second = _nouns_after(a), _nouns_after(b)
    return bool(first and second and not first & second)


def _appositive(event: Event) -> bool:
    """Whether the event is a multiple set between its two figures ("82,450 people is 3.5 times the 18,130 children"): the
    wording pairs them, whatever each counts."""
    return any(r.q.unit == "x" and r.q.start == event.cue.start and not multiplier_verb(r.q) for r in event.rates)


def _signs_differ(a: Item, b: Item) -> bool:
    """Whether one level is called a loss and the other a profit ("from a loss of $9.0 million to a profit of $2.0 million")."""
    said = [(bool(LOSS_WORD.search(i.before[-30:])), bool(PROFIT_WORD.search(i.before[-30:]))) for i in (a, b)]
    return (said[0][0] and said[1][1] and not said[1][0]) or (said[0][1] and said[1][0] and not said[0][0])


def _stated(item: Item, direction: int, scale: float = 1.0) -> list[Interval]:
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


def _percent_change(a: Item, b: Item, p: Item, direction: int, av: Interval, bv: Interval) -> Claim | None:
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
            return make_claim("percentage-points", p, True, "", a, b)
        fits_relative = any(relative.meets(s) for s in _stated(p, direction))
        difference = b.q.value - a.q.value
        decimals = max(1, a.q.decimals, b.q.decimals)
        in_unit = points * (1 / scale)
        shown = f"{signed(difference / scale, p.q.decimals)} {unit_words(unit)}"
        detail = f"{fig(b.q, a.q)} - {fig(a.q, b.q)} = {signed(difference, decimals)} percentage points"
        if unit == "bp":
            detail += f" = {signed(difference / scale, 0)} basis points"
        detail += f"{range_note(in_unit, p.q.decimals, '')}; the text says {p.q.text}"
        if fits_relative:
            point = (b.q.value / a.q.value - 1) * 100
            detail = detail.replace("; the text says", f", while {fig(b.q, a.q)} / {fig(a.q, b.q)} - 1 = {signed(point, p.q.decimals)}%; the text says")
            return make_claim("percentage-points", p, False, detail, a, b, computed=shown, low=in_unit.lo, high=in_unit.hi,
                              suggestion=replace_unit(p.q.text, "%"))
        return make_claim("percent-change", p, False, detail, a, b, computed=shown, low=in_unit.lo, high=in_unit.hi,
                          suggestion=replace_number(p.q.text, abs(difference / scale), p.q.decimals))
    stated = _stated(p, direction)
    readings = [relative]
    if direction >= 0 and p.q.value >= 100:
        readings.append(ratio * 100.0)  # "+200%" read as "to 3x" or as "to 2x"
    if any(r.meets(s) for r in readings for s in stated):
        return make_claim("percent-change", p, True, "", a, b)
    point = (b.q.value / a.q.value - 1) * 100 if a.q.value else math.nan
    decimals = max(1, p.q.decimals + 1)
    if points_possible and any(points.meets(s) for s in stated):
        detail = (
            f"{fig(b.q, a.q)} - {fig(a.q, b.q)} = {signed(b.q.value - a.q.value, max(1, p.q.decimals))} percentage points, "
            f"but {fig(b.q, a.q)} / {fig(a.q, b.q)} - 1 = {signed(point, decimals)}%; the text says {p.q.text}"
        )
        return make_claim("percentage-points", p, False, detail, a, b, computed=signed(point, decimals) + "%",
                          low=relative.lo, high=relative.hi, suggestion=replace_unit(p.q.text, "pp"))
    if not math.isfinite(point):
        return None
    detail = (
        f"{fig(b.q, a.q)} / {fig(a.q, b.q)} - 1 = {signed(point, decimals)}%"
        f"{range_note(relative, decimals, '%')}; the text says {p.q.text}"
    )
    return make_claim("percent-change", p, False, detail, a, b, computed=signed(point, decimals) + "%",
                      low=relative.lo, high=relative.hi, suggestion=replace_number(p.q.text, abs(point), p.q.decimals))


def _absolute_change(a: Item, b: Item, d: Item, direction: int, av: Interval, bv: Interval) -> Claim | None:
    difference = bv - av
    stated = _stated(d, direction, 1.0)
    dv = d.q
    if dv.scale == 1.0 and a.q.scale > 1.0 and dv.value < 1000 and not dv.unit == "":
        stated = _stated(d, direction, a.q.scale)
    if any(difference.meets(s) for s in stated):
        return make_claim("change", d, True, "", a, b)
    if direction < 0 and d.q.value * scale_to(d.q, a.q) > a.q.value and b.q.value > a.q.value:
        return None  # a fall larger than the level it starts from, between levels that rise: not this change's
        # levels ("an unbeaten 102 from 97 balls as his side chased down 245")
    point = b.q.value - a.q.value
    scale = a.q.scale if a.q.scale == b.q.scale else 1.0
    decimals = max(a.q.decimals, b.q.decimals) if scale == a.q.scale else 0
    shown = signed(point / scale, decimals)
    detail = (
        f"{fig(b.q, a.q)} - {fig(a.q, b.q)} = {shown}{range_note(difference * (1 / scale), decimals, '')}; "
        f"the text says {d.q.text}"
    )
    return make_claim("change", d, False, detail, a, b, computed=shown, low=difference.lo, high=difference.hi,
                      suggestion=replace_number(d.q.text, abs(point) / (d.q.scale or 1.0), d.q.decimals))


def _percent_of_delta(a: Item | None, b: Item | None, d: Item, p: Item, direction: int) -> Claim | None:
    """"a decrease of $9,688 or 9.4%" against the level it started from (given, or the end level minus the change)."""
    level = a if a is not None else b
    if level is None or not same_unit(level.q, d.q):
        return None
    lv = level_of(level, d.q)
    dv = level_of(d, level.q)
    if a is None:  # the level is the end level, b
        start_level = lv - dv * float(direction)
        point_start = level.q.value - d.q.value * scale_to(d.q, level.q) * direction
    else:
        start_level = lv
        point_start = a.q.value * scale_to(a.q, d.q)
    if start_level.lo <= 0 or point_start <= 0:
        return None
    relative = dv / start_level * 100.0 * float(direction)
    stated = _stated(p, direction)
    if p.q.unit != "%":
        return None
    if any(relative.meets(s) for s in stated):
        return make_claim("percent-change", p, True, "", d, level)
    point = d.q.value * scale_to(d.q, level.q) / point_start * 100 * direction
    decimals = max(1, p.q.decimals + 1)
    base = fig(a.q, d.q) if a is not None else f"({fig(level.q, d.q)} {'-' if direction > 0 else '+'} {fig(d.q, level.q)})"
    detail = f"{fig(d.q, level.q)} / {base} = {signed(point, decimals)}%{range_note(relative, decimals, '%')}; the text says {p.q.text}"
    return make_claim("percent-change", p, False, detail, d, level, computed=signed(point, decimals) + "%",
                      low=relative.lo, high=relative.hi, suggestion=replace_number(p.q.text, abs(point), p.q.decimals))


# A multiple before a comparative ("three times faster"): a round figure, like "doubled".
_COMPARATIVE = LazyPattern(rf"\s+(?:{COMPARATIVE_WORDS})\b")
# A multiple followed by the figure it multiplies ("3.5 times the 18,130"): the factor itself, never "3.5 times more".
_TIMES_THE = LazyPattern(rf"\s*(?:{DETERMINERS}|that)\b")


def _multiple(a: Item, b: Item, m: Item, direction: int, ratio: Interval) -> Claim | None:
    q = m.q
    factor = Interval(q.low, q.high)
    verb = approximate_multiplier(q)
    if verb:
        factor = Interval(q.value * 0.9, q.value * 1.1)  # "doubled", "double the" are rarely exactly 2.00x
    elif _COMPARATIVE.match(m.after):
        factor = Interval(min(q.low, q.value * 0.9), max(q.high, q.value * 1.1))  # nor is "three times faster"
    shrink = q.value < 1 or direction < 0
    observed = Interval(1 / ratio.hi, 1 / ratio.lo) if shrink and ratio.lo > 0 else ratio
    target = Interval(1 / q.high, 1 / q.low) if q.value < 1 else factor
    if q.value < 1 and verb:
        target = Interval(1 / q.value * 0.9, 1 / q.value * 1.1)
    readings = [hedged(target, m.hedge)]
    if not verb and direction > 0 and q.value >= 2 and not _TIMES_THE.match(m.after):
        readings.append(hedged(Interval(target.lo + 1, target.hi + 1), m.hedge))  # "a 3-fold increase" read as 4x
    if m.hedge in ("more than", "over", "above", "at least", "in excess of", "well over", "greater than"):
        readings = [Interval(q.low if not q.value < 1 else 1 / q.value, INF)]
    if any(observed.meets(r) for r in readings):
        return make_claim("multiple", m, True, "", a, b)
    if direction == 0 and q.value >= 1 and ratio.lo > 0 and any(Interval(1 / ratio.hi, 1 / ratio.lo).meets(r) for r in readings):
        # "a 2x improvement ... from 27 seconds to 13": a word without a direction ("improvement",
        # "change") fits a figure that fell by the factor as well as one that rose by it.
        return make_claim("multiple", m, True, "", a, b)
    point = b.q.value * scale_to(b.q, a.q) / (a.q.value * scale_to(a.q, b.q))
    if direction == 0 and q.value >= 1 and point < 1 and ratio.lo > 0:
        # "three times faster" for a time that fell: the factor is the old figure over the new
        point, ratio, a, b = 1 / point, Interval(1 / ratio.hi, 1 / ratio.lo), b, a
    shown = f"{point:.2f}x"
    detail = ratio_detail(fig(b.q, a.q), fig(a.q, b.q), point, ratio, q.text)
    return make_claim("multiple", m, False, detail, a, b, computed=shown, low=ratio.lo, high=ratio.hi)


def _direction(a: Item, b: Item, event: Event, av: Interval, bv: Interval) -> Claim | None:
    direction = event.cue.direction
    difference = bv - av
    cue_start, cue_end, _ = event.cue
    if direction > 0 and difference.hi > 0 or direction < 0 and difference.lo < 0:
        return Claim(
            kind="direction", start=cue_start, end=cue_end, consistent=True, detail="",
            stated="", computed="", low=difference.lo, high=difference.hi,
            parts=((a.q.start, a.q.end), (b.q.start, b.q.end)), loose=False, suggestion="",
        )
    said = "an increase" if direction > 0 else "a decrease"
    moved = "a decrease" if direction > 0 else "an increase"
    detail = f"from {a.q.text} to {b.q.text} is {moved}; the wording says {said}"
    return Claim(
        kind="direction", start=cue_start, end=cue_end, consistent=False, detail=detail,
        stated=said, computed=moved, low=difference.lo, high=difference.hi,
        parts=((a.q.start, a.q.end), (b.q.start, b.q.end)), loose=False, suggestion="",
    )

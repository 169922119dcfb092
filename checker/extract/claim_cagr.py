"""Compound annual growth claims: "from $2.1 billion in 2024 to $3.4 billion in 2032, a CAGR of 6.2%"."""

from __future__ import annotations

import re

from checker.extract.claim_context import (
    Item,
    is_level,
    level_of,
    same_unit,
    scale_to,
)
from checker.extract.claim_evidence import fig, make_claim, range_note, replace_number, signed
from checker.facts import Claim, Quantity
from checker.intervals import Interval, hedged
from checker.patterns import LazyPattern

_CAGR = LazyPattern(
    r"\b(?:cagr|compound(?:ed)?\s+annual(?:\s+growth)?(?:\s+rate)?|compound\s+annual\s+growth\s+rate|"
    r"annuali[sz]ed\s+growth(?:\s+rate)?|compound(?:ed)?\s+(?:growth\s+)?annually)\b"
)
_YEAR_AFTER = LazyPattern(
    r"^\s*,?\s*(?:(?:in|by|for|of|as\s+of|at\s+the\s+end\s+of|through|until|till|during)\s+)?(?:the\s+)?"
    r"(?:(?:fiscal|fy|calendar)\s*(?:year\s+)?)?((?:19|20)\d\d)\b"
)
_YEAR_BEFORE = LazyPattern(r"\b(?:in|by|for|of)\s+(?:(?:fiscal|fy)\s*)?((?:19|20)\d\d)\s*,?\s*(?:[\w'’-]+\s+){0,4}?$")
_PERIOD = LazyPattern(r"\b((?:19|20)\d\d)\s*(?:-|–|—|to|through|and)\s*((?:19|20)\d\d)\b")


def cagr_claims(prose: str, start: int, end: int, quantities: list[Quantity]) -> list[Claim]:
    """The compound annual growth claim of the segment ``prose[start:end]``, if it states one."""
    text = prose[start:end].lower()
    if "cagr" not in text and "compound" not in text and "annuali" not in text:
        return []  # (every wording of _CAGR contains one of these)
    cue = _CAGR.search(text)
    if cue is None:
        return []
    cue_at = start + cue.start()
    cue_end = start + cue.end()
    rates = [q for q in quantities if q.unit == "%" and q.kind == "number" and (
        0 <= cue_at - q.end <= 40 and re.search(r"\b(?:of|at|a|an|by)\s*$|^\s*$", prose[q.end:cue_at].lower()) is not None
        or 0 <= q.start - cue_end <= 40 and re.fullmatch(r"[\s,()a-z]*(?:of|at|was|is|by)?\s*", prose[cue_end:q.start].lower()) is not None
        or 0 <= cue_at - q.end <= 3
    )]
    if len(rates) != 1:
        return []
    rate = rates[0]
    levels = [q for q in quantities if q is not rate and is_level(q) and q.unit != "%"]
    if len(levels) != 2 or not same_unit(levels[0], levels[1]):
        return []
    years: list[int | None] = []
    for q in levels:
        after = _YEAR_AFTER.match(prose[q.end:min(end, q.end + 40)].lower())
        before = _YEAR_BEFORE.search(prose[max(start, q.start - 50):q.start].lower())
        years.append(int(after.group(1)) if after else int(before.group(1)) if before else None)
    periods: list[int] = []
    known = [year for year in years if year is not None]
    if len(known) == len(years):
        (first, y1), (second, y2) = sorted(zip(levels, known), key=lambda pair: pair[1])
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
    item_a, item_b = Item(first, "", "", hedge=first.hedge), Item(second, "", "", hedge=second.hedge)
    av, bv = level_of(item_a, second), level_of(item_b, first)
    if av.lo <= 0 or bv.lo <= 0:
        return []
    stated = hedged(Interval(rate.low, rate.high), rate.hedge)
    computed = [((bv / av).power(1 / n) - Interval.exact(1.0)) * 100.0 for n in periods]
    rate_item = Item(rate, "", "", hedge=rate.hedge)
    if any(c.meets(stated) for c in computed):
        return [make_claim("cagr", rate_item, True, "", item_a, item_b)]
    n = periods[0]
    point = ((second.value * scale_to(second, first)) / (first.value * scale_to(first, second))) ** (1 / n) * 100 - 100
    decimals = max(1, rate.decimals + 1)
    detail = (
        f"({fig(second, first)} / {fig(first, second)})^(1/{n}) - 1 = {signed(point, decimals)}%"
        f"{range_note(computed[0], decimals, '%')}; the text says {rate.text}"
    )
    return [make_claim("cagr", rate_item, False, detail, item_a, item_b, computed=signed(point, decimals) + "%",
                       low=computed[0].lo, high=computed[0].hi, suggestion=replace_number(rate.text, abs(point), rate.decimals))]

"""How a claim states its evidence: figures as written, signed results, rounding ranges, suggested text."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from checker.facts import Claim, Quantity
from checker.intervals import Interval, format_number

if TYPE_CHECKING:
    from checker.extract.claim_context import Item


def make_claim(kind: str, stated: Item, consistent: bool, detail: str, *sources: Item | None, computed: str = "",
               low: float | None = None, high: float | None = None, suggestion: str = "") -> Claim:
    """The claim of kind ``kind`` that the figure ``stated`` makes about the figures ``sources``."""
    q = stated.q
    parts = tuple((s.q.start, s.q.end) for s in sources if s is not None)
    return Claim(
        kind=kind, start=q.start, end=q.end, consistent=consistent, detail=detail, stated=q.text,
        computed=computed, low=low, high=high, parts=parts, loose=False, suggestion=suggestion,
    )


def mantissa(q: Quantity) -> str:
    """The number of a figure as written, without hedge, currency or scale ("48.6")."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?|\.\d+", q.text)
    return match.group() if match else q.text


def fig(q: Quantity, other: Quantity) -> str:
    """A figure for evidence: its bare number when both figures share unit and scale."""
    if q.scale == other.scale and q.unit == other.unit and q.kind == "number":
        return mantissa(q)
    text = q.text
    if q.hedge and text.lower().startswith(q.hedge):
        text = text[len(q.hedge):].strip()
    return text


def signed(value: float, decimals: int) -> str:
    """``value`` with its sign written ("+55.8", "-3.1", "0")."""
    sign = "+" if value > 0 else "-" if value < 0 else ""
    return f"{sign}{format_number(abs(value), decimals)}"


def range_note(interval: Interval, decimals: int, unit: str) -> str:
    """" (55.6% to 56.0% with rounding)", or "" when the interval is open or shows as one value."""
    if math.isinf(interval.lo) or math.isinf(interval.hi):
        return ""
    lo, hi = format_number(interval.lo, decimals), format_number(interval.hi, decimals)
    if lo == hi:
        return ""
    return f" ({lo}{unit} to {hi}{unit} with rounding)"


def ratio_detail(top: str, bottom: str, point: float, ratio: Interval, stated: str) -> str:
    """The evidence of a multiple: "14 / 9 = 1.56 (1.45 to 1.61 with rounding); the text says twice"."""
    return f"{top} / {bottom} = {point:.2f} ({format_number(ratio.lo, 2)} to {format_number(ratio.hi, 2)} with rounding); the text says {stated}"


def money(value: float, like: Quantity, decimals: int) -> str:
    """``value`` (in units) written as the figure ``like`` is: currency, scale and all; in digits when ``like`` is a
    word (a total of "six" whose parts add up to 7)."""
    if not any(c.isdigit() for c in like.text):
        return format_number(value / like.scale, decimals)
    return replace_number(like.text, value / like.scale, decimals)


def replace_number(text: str, value: float, decimals: int) -> str:
    """``text`` with its number replaced by ``value`` written with ``decimals`` decimals."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?|\.\d+", text)
    if match is None:
        return text
    written = match.group()
    number = f"{value:,.{decimals}f}" if "," in written else f"{value:.{decimals}f}"
    return text[:match.start()] + number + text[match.end():]


def replace_unit(text: str, unit: str) -> str:
    """``text`` with its percent unit written as percentage points (``unit`` "pp") or as "%"."""
    if unit == "pp":
        return re.sub(r"\s*(?:%|percent|per\s+cent|pct)$", " percentage points", text, flags=re.I)
    return re.sub(r"\s*(?:percentage\s+points?|percent\s+points?|%\s+points?|pp|ppts?|pts?|points?)$", "%", text, flags=re.I)


def unit_words(unit: str) -> str:
    """A point unit spelled out ("bp" is "basis points")."""
    return {"bp": "basis points", "pp": "percentage points", "pt": "points"}.get(unit, unit)

"""Growth claims that come with a money statement: "up 81% year over year", "rose 12% to $X".

A claim records the signed percent, the interval it allows and the period it
compares against (see "Growth claims" in ``checker.extract.statements``). When
the prior figure is in the same sentence ("up 48% from $41.2 million") the
claim is left to the numbers rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from checker.extract.statement_parts import Context, is_currency, periods_in
from checker.extract.statement_terms import HEDGE, PERIOD, figure_interval, previous_quarter, prior_period
from checker.patterns import LazyPattern as _Lazy

if TYPE_CHECKING:
    from checker.document import Sentence
    from checker.facts import FactStatement, GrowthClaim, Quantity


# Growth claims after the figure.
_DIRECTION_UP = r"increase|rise|growth|gain|jump|improvement|higher|more|up"
_DIRECTION_DOWN = r"decrease|decline|drop|fall|reduction|lower|less|down"
_COMPARISON = (
    r"(?P<yoy>year[\s\-]+(?:over|on)[\s\-]+year|yoy|y/y|(?:compared\s+(?:with|to)|from|over|versus|vs\.?)\s+(?:the\s+)?"
    r"(?:prior|previous|preceding)\s+year|(?:compared\s+(?:with|to)|from|over|versus|vs\.?)\s+(?:a|one)\s+year\s+(?:ago|earlier)"
    r"|(?:compared\s+(?:with|to)|from|over|versus|vs\.?)\s+(?:the\s+)?same\s+(?:period|quarter)\s+(?:of\s+)?(?:last|a|the\s+prior|the\s+previous)\s+year)"
    rf"|(?P<qoq>quarter[\s\-]+(?:over|on)[\s\-]+quarter|sequentially)"
    rf"|(?:compared\s+(?:with|to)|from|over|versus|vs\.?|relative\s+to)\s+(?:(?:the\s+)?(?:full\s+year\s+)?)(?:{PERIOD.replace('?P<', '?P<c_')})"
)
_GROWTH_BETWEEN = _Lazy(
    rf"\A\s*(?:(?:in|for|during)\s+(?:the\s+)?(?:{PERIOD.replace('?P<', '?P<b_')}))?\s*[,;(\u2014\u2013]?\s*"
    r"(?:(?:which\s+(?:was|is|represents|represented)|representing|reflecting|marking|for|with)\s+)?(?:an?\s+)?"
    rf"(?:(?P<pre>{_DIRECTION_UP}|{_DIRECTION_DOWN})(?:\s+of)?\s+)?(?:by\s+)?(?P<hedge>{HEDGE}\s+)?\Z",
    re.I,
)
_GROWTH_AFTER = _Lazy(
    rf"\A\s*(?:(?P<cmp1>{_COMPARISON.replace('?P<', '?P<x_')})\s+)?(?P<post>{_DIRECTION_UP}|{_DIRECTION_DOWN})?"
    rf"(?:\s+(?:than\s+(?:in\s+)?)?(?P<cmp2>{_COMPARISON}))?(?![\w])",
    re.I,
)

# After a growth claim: the end of the clause. Anywhere in the sentence: a
# basis other than the reported figures, which the prior figure does not share.
_GROWTH_END = _Lazy(
    r"\s*(?:[,.;:)\u2014\u2013]|--|\Z|(?:and|driven|due|reflecting|primarily|mainly|largely|thanks|as|while|which)(?![\w]))",
    re.I,
)
_GROWTH_QUALIFIER = _Lazy(
    r"constant[\s\-]+(?:currency|currencies|exchange)|currency[\s\-]+neutral|exclud|exclusive\s+of|organic|"
    r"like[\s\-]+for[\s\-]+like|comparable|pro\s+forma|adjusted|same[\s\-]+store|basis|annualized|annualised",
    re.I,
)
_DOWN = _Lazy(rf"\A(?:{_DIRECTION_DOWN}|fell|declined|decreased|dropped)\Z", re.I)


def growth_after(ctx: Context, q: Quantity, following: list[Quantity], sentence: Sentence, fact: FactStatement) -> GrowthClaim | None:
    """A growth claim after the figure ``q`` of ``fact``: "$62.2 million, up 81% year over year"."""
    percent = following[0]
    if percent.unit != "%":
        return None
    between = _GROWTH_BETWEEN.match(ctx.prose[q.end : percent.start])
    if between is None:
        return None
    after = _GROWTH_AFTER.match(ctx.prose[percent.end : sentence.end])
    if after is None:
        return None
    direction_word = between.group("pre") or after.group("post")
    if not direction_word:
        return None
    prior = _comparison_period(ctx, after.groupdict(), fact.period)
    if prior is None:
        return None
    if not _GROWTH_END.match(ctx.prose, percent.end + after.end(), sentence.end):
        return None  # "up 52% year over year on a constant-currency basis"
    if _GROWTH_QUALIFIER.search(ctx.prose, q.end, sentence.end):
        return None
    # A figure stated for the prior period in the same sentence is the numbers rules' business.
    if len(following) > 1 and any(is_currency(other) for other in following[1:]):
        return None
    hedge = percent.hedge or (between.group("hedge") or "").strip() or None
    end = percent.end + after.end()
    start = percent.start if not between.group("pre") else q.end + between.start("pre")
    return _growth(ctx, percent, hedge, direction_word, prior, start, end)


def growth_before(ctx: Context, match: re.Match, offset: int, fact: FactStatement, sentence: Sentence) -> GrowthClaim | None:
    """A growth claim in the statement's own verb: "revenue rose 12% year over year to $X"."""
    start, end = offset + match.start("gpct"), offset + match.end("gpct")
    if _GROWTH_QUALIFIER.search(ctx.prose, sentence.start, sentence.end):
        return None
    percent = next((q for q in ctx.quantities if q.start <= start < q.end or start <= q.start < end), None)
    if percent is None or percent.unit != "%":
        return None
    if not match.group("gcmp"):
        return None
    prior = prior_period(fact.period)
    if prior is None:
        return None
    verb = match.group("verb").split()[0]
    return _growth(ctx, percent, percent.hedge, verb, prior, offset + match.start("verb"), offset + match.end("gby"))


def _growth(ctx: Context, percent: Quantity, hedge: str | None, direction: str, prior: str, start: int, end: int) -> GrowthClaim:
    """The claim: the percent signed by its direction word, widened by its rounding and hedge."""
    from checker.facts import GrowthClaim

    sign = -1.0 if _DOWN.match(direction.strip()) else 1.0
    value, low, high = abs(percent.value), abs(percent.low), abs(percent.high)
    low, high = figure_interval(value, min(low, high), max(low, high), percent.text, hedge)
    if sign < 0:
        value, low, high = -value, -high, -low
    text = ctx.doc.text[start:end]
    return GrowthClaim(percent=value, low=low, high=high, prior_period=prior, text=text, start=start, end=end)


def _comparison_period(ctx: Context, groups: dict[str, Any], period: str) -> str | None:
    """The period a growth claim compares against ("year-over-year" after 2025 -> "2024")."""
    found: list[str | None] = []
    for prefix in ("x_", ""):
        sub = {k[len(prefix) :]: v for k, v in groups.items() if k.startswith(prefix) and (prefix or not k.startswith("x_"))}
        if sub.get("yoy"):
            found.append(prior_period(period))
        elif sub.get("qoq"):
            found.append(previous_quarter(period))
        else:
            found += periods_in(ctx, sub, "c_")
    if None in found or len(set(found)) != 1:
        return None
    prior = found[0]
    return prior if prior != period else None

"""The vocabulary and the view of a figure that the claim checks share.

A figure is seen with the lowercased text between it and its neighbours
(:class:`Item`); change words (:data:`CUE`) carry a direction, +1, -1 or 0 for
"changed"; a level is a figure that can be the start or end of a change; a
figure without a scale takes the scale of the figure it is compared with
("from 800 to $1.2 million" is not read as 800 dollars).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from checker.facts import Quantity
from checker.intervals import Interval, hedged
from checker.patterns import LazyPattern, trie_regex

# --- vocabulary ---------------------------------------------------------------------

_UP = (
    "increased increase increases increasing rose rise rises rising risen grew grow grows growing grown growth "
    "climbed climb climbing jumped jump jumps gained gain gains expanded expansion surged surge soared advanced "
    "up higher uplift boosted added raised widened"
).split()
_DOWN = (
    "decreased decrease decreases decreasing fell fall falls falling fallen declined decline declines declining "
    "dropped drop drops dropping slipped slid dipped dip plunged plummeted contracted contraction shrank shrunk "
    "retreated down lower lowered reduced reduction reductions cut trimmed slashed narrowed slowed eased"
).split()
_NEUTRAL = "improved improvement improve improving deteriorated deterioration changed change changes moved swung".split()
DIRECTION = {**dict.fromkeys(_UP, 1), **dict.fromkeys(_DOWN, -1), **dict.fromkeys(_NEUTRAL, 0)}
# The cue words as a trie-shaped alternation (it fails fast on other words). Every use ends a cue
# at a word boundary or at whitespace, so exactly one word can match at a position, whatever the order.
CUE_WORDS = trie_regex(sorted(DIRECTION))
# The leading look-ahead on the words' first letters lets the engine skip to where a cue can start.
CUE = LazyPattern(rf"(?=[{''.join(sorted({word[0] for word in DIRECTION}))}])\b(?:{CUE_WORDS})\b")
# A rate right after its cue: "increased 42%", "an increase of 42%", "up 42%", "increased in 2019 by 5%".
CUE_BEFORE = LazyPattern(
    rf"\b(?P<cue>{CUE_WORDS})(?:\s+(?:in|during|for)\s+(?:[\w'’-]+\s+){{0,3}}?(?=by\b))?"
    r"(?:\s+(?:by|of))?(?:\s+(?:an?|the))?\s*$"
)
# "up" as the particle of a verb that says nothing of a change: "Women made up 61.1% of the field", "took up 40%
# of the budget", "signed up 1,200 members". ("Ended up 3.2%" is a market's close: a change.)
_PHRASAL_UP = LazyPattern(
    r"\b(?:make|makes|made|making|sum|sums|summed|set|sets|setting|sign|signs|signed|signing|pick|picks|picked|"
    r"take|takes|took|taken|taking|give|gives|gave|given|use|uses|used|using|show|shows|showed|shown|turn|turns|turned|"
    r"open|opens|opened|line|lines|lined|split|splits|break|breaks|broke|broken|hold|holds|held|back|backs|backed)\s+$"
)


def phrasal_up(text: str, cue_start: int) -> bool:
    """Whether the cue word at ``cue_start`` in the lowercased ``text`` is "up" after a verb it is the particle of."""
    return text.startswith("up", cue_start) and _PHRASAL_UP.search(text, max(0, cue_start - 10), cue_start) is not None


FROM_DIRECT = LazyPattern(
    r"(?:\bfrom|\b(?:as\s+)?compar(?:ed|es)\s+(?:to|with)|\bversus|\bvs\.?|\bagainst|\brelative\s+to)\s+"
    r"(?:(?:the\s+|a\s+)?(?:prior|previous|preceding|last)\s+(?:year|period|quarter)(?:['’]s)?\s+|(?:its|their|his|her|our)\s+)?$"
)
FROM_OF = LazyPattern(
    r"(?:\bfrom|\b(?:as\s+)?compar(?:ed|es)\s+(?:to|with)|\bversus|\bvs\.?)\s+(?:[\w'’-]+\s+){1,4}?(?:of|at|was|were)\s+$"
)
RESPECTIVELY = LazyPattern(r"\brespectively\b")
# Units of a rate or a multiple, not of an amount: no total, part or level is written in them.
RATE_UNITS = frozenset({"%", "pp", "pt", "bp", "x"})
# Comparatives a multiple may stand before ("three times faster"), with the way they say the figures moved: a speed
# word says nothing of it (a time falls, a throughput rises).
COMPARATIVES = {
    "faster": 0, "quicker": 0, "slower": 0, "higher": 1, "larger": 1, "bigger": 1, "greater": 1, "lower": -1,
    "smaller": -1, "cheaper": -1,
}
COMPARATIVE_WORDS = "|".join(COMPARATIVES)
# Change words that are also the names of metrics ("job gains", "its growth forecast"): without "a" or
# "an" before them they name what changes, and the direction comes from the verb and the figures.
NOUN_CUES = frozenset("growth gain gains increase increases rise decline drop fall expansion contraction reduction reductions uplift".split())
ARTICLE_BEFORE = LazyPattern(r"\b(?:an?|the)\s+(?:[\w-]+\s+)?$")
# A rate measured on another basis than the stated figures ("5% in constant currency", "organic growth
# of 5%"): the figures cannot check it.
QUALIFIED = LazyPattern(
    r"\b(?:constant[- ]currenc|constant\s+exchange|currency[- ]neutral|local[- ]currenc|organic(?:ally)?\b|"
    r"like[- ]for[- ]like|comparable[- ](?:store|sales|basis)|same[- ]store|excluding\s+(?:the\s+)?(?:impacts?\s+of\s+|effects?\s+of\s+)?"
    r"(?:foreign\s+)?(?:currency|exchange|fx|acquisitions|divestitures)|ex[- ]fx\b|adjusted\s+for\s+(?:currency|inflation|acquisitions)|"
    r"in\s+real\s+terms|inflation[- ]adjusted|pro[- ]forma|underlying\s+(?:basis|growth|sales|revenue))"
)
# What marks a figure as a loss or as a profit, said just before it.
LOSS_WORD = LazyPattern(r"\b(?:loss|losses|deficit|shortfall|outflow)\b")
PROFIT_WORD = LazyPattern(r"\b(?:profit|income|earnings|surplus|gain|inflow)\b")


class Cue(NamedTuple):
    """A change word in the prose: where it is, and the direction it states (+1, -1, or 0 for "changed")."""

    start: int
    end: int
    direction: int


@dataclass
class Item:
    """A quantity in its segment, with the text around it (lowercased)."""

    q: Quantity
    before: str
    after: str
    role: str = ""  # "rate", "from", "to", ""
    cue: Cue | None = None  # the cue a rate belongs to
    hedge: str | None = None


def in_context(prose: str, start: int, end: int, quantities: list[Quantity]) -> list[Item]:
    """Each of ``quantities`` with the text between it and its neighbours within ``prose[start:end]``."""
    items = []
    for index, q in enumerate(quantities):
        left = quantities[index - 1].end if index else start
        right = quantities[index + 1].start if index + 1 < len(quantities) else end
        items.append(Item(q, prose[left:q.start].lower(), prose[q.end:right].lower(), hedge=q.hedge))
    return items


def is_level(q: Quantity) -> bool:
    """Whether a figure can be the start or the end of a change (an amount, not a rate or a count word)."""
    return q.unit not in ("pp", "pt", "bp", "x") and q.kind == "number" and (not q.exact or q.scale > 1) and q.value >= 0


def level_of(item: Item, other: Quantity | None = None) -> Interval:
    """A level's interval, hedged, in the scale of ``other`` when it has none of its own."""
    q = item.q
    low, high = q.low, q.high
    if other is not None and q.scale == 1.0 and other.scale > 1.0 and not q.unit == "%" and q.value < 1000:
        low, high = low * other.scale, high * other.scale
    return hedged(Interval(low, high), item.hedge)


def same_unit(a: Quantity, b: Quantity) -> bool:
    """Whether two figures can be compared: the same unit, or a small bare number beside a unit other than %."""
    if a.unit == b.unit:
        return True
    if not ((a.scale == 1.0 or b.scale == 1.0) and min(a.value, b.value) < 1000):
        return False
    return (a.unit == "" and b.unit != "%") or (b.unit == "" and a.unit != "%")


def scale_to(q: Quantity, other: Quantity) -> float:
    """The factor that puts a figure written without a scale into ``other``'s scale (1.0 if none)."""
    if q.scale == 1.0 and other.scale > 1.0 and q.value < 1000 and q.unit != "%":
        return other.scale
    return 1.0

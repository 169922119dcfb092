"""Change claims recognised: a change word with its rates, and the levels it goes from and to.

"rose 42% to $48.6 million from $31.2 million", "were $93,662, a decrease of
$9,688 or 9.4%", "decreased by 130 basis points to 38.7% from 40.0%", "more
than doubled to $41.5 million from $22.8 million", "increased to $5 million
from $6 million". Each change word is an :class:`Event` that owns the rates
attached to it and the levels that follow it; ``checker.extract.claim_change_checks``
does the arithmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.extract.claim_change_checks import check_event
from checker.extract.claim_context import (
    ARTICLE_BEFORE,
    COMPARATIVE_WORDS,
    COMPARATIVES,
    CUE,
    CUE_BEFORE,
    DIRECTION,
    FROM_DIRECT,
    FROM_OF,
    NOUN_CUES,
    QUALIFIED,
    RATE_UNITS,
    Cue,
    Item,
    in_context,
    is_level,
    phrasal_up,
    same_unit,
)
from checker.extract.number_grammar import DETERMINERS, multiplier_verb
from checker.facts import Claim, Quantity
from checker.patterns import LazyPattern

_NOUN_CUES = (
    "increase|increases|rise|growth|gain|jump|improvement|expansion|uplift|decrease|decline|drop|fall|"
    "reduction|contraction|deterioration|change|higher|lower"
)
# A rate right before its cue: "a 42% increase", "81% year-over-year growth".
_CUE_AFTER = LazyPattern(
    r"^\s*(?:(?:year[- ]over[- ]year|year[- ]on[- ]year|yoy|y/y|annual|sequential|organic|overall|reported)\s+)?"
    rf"(?P<cue>{_NOUN_CUES})\b"
)
# "$9,688 or 9.4%", "1.2 million units, or 15.1%" (a unit word may follow the first rate).
_CHAIN = LazyPattern(r"^\s*(?:[a-z][\w-]*\s*){0,2}(?:,\s*)?(?:or|and|representing)\s*$|^\s*\(\s*$")
# The prior period in a parenthesis before its figure: "(2024:", "(H1 2024:", "(FY2023/24:".
_PRIOR_PERIOD = r"\(\s*(?:(?:fy|fiscal|h[12]|q[1-4]|first\s+half|half[- ]year|full[- ]year)\s*)?(?:19|20)\d\d(?:/\d\d)?\s*:"
_PRIOR_IN_PARENTHESES = LazyPattern(rf"\s*{_PRIOR_PERIOD}\s*q\s*\)")  # in a glue where the figure is "q"
_FROM_YEAR = LazyPattern(rf"{_PRIOR_PERIOD}\s*$")
# Right after a rate, the level it is measured against: British "on" with a possessive, "the" or "the ... of"
# ("up 6% on September's 78%", "down 3% on the prior year's 412", "up 5% on the 2024 figure of 1.2 million",
# "up 12% on the £9.1m budgeted"; not a bare "on", as in "rose 5% on $12 million of new orders"), or a period
# named with its figure in parentheses ("up 9.4% on September 2024 (1,052,600)", "from Q3 2024 (£4.1m)").
_ON_PRIOR = LazyPattern(
    r"\s*on\s+(?:(?:the\s+)?(?:[\w'’-]+\s+){0,2}?[\w-]+['’]s?\s+|the\s+(?:prior|previous|preceding|same|(?:19|20)\d\d)\s+[\w\s'’-]{0,24}?(?:of|at)\s+|the\s+)"
    r"|\s*,?\s*(?:on|from|compar(?:ed|es)\s+(?:with|to)|against|versus|vs\.?)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:(?:19|20)\d\d(?:[/-]\d\d)?|year|period|quarter|month|q[1-4])\s*\(\s*"
)
# Right after a rate, the comparative and the level it is measured against: "£1.92 billion, 22% higher than the
# £1.71 billion advanced", "412 m³/s, 23% higher than the previous record of 358 m³/s".
_THAN_PRIOR = LazyPattern(
    r"\s*(?:higher|lower|more|less|greater|above|below)\s+than\s+(?:(?:the|its|their)\s+)?"
    r"(?:(?:previous|prior|earlier|former|same)\s+[\w\s'’-]{0,24}?(?:of|at)\s+)?"
)
# A multiple set after a level with a comma, then the level it multiplies: "4,820 candidates, three times the
# 2,150 found", "$9 million, three times its level of $3 million", "0.4 seconds, a tenth of the 4 seconds".
# The level may follow the words naming it with "at" or, in a relative clause, "which stood at" ("twice the rate
# of goods inflation at 1.6%", "twice the rate of goods inflation, which stood at 1.6%").
_MULTIPLE_OF = LazyPattern(
    rf"\s*(?:{DETERMINERS}|th(?:at|ose)\s+of(?:\s+the)?|th(?:at|ose)(?=\s+\w+\s+[^()]*\(\s*$)|last\s+[\w-]+['’]s)\s+(?:[\w'’-]+\s+){{0,4}}?"
    r"(?:of\s+|(?<=\w\s)at\s+|(?<=\w\s)\(\s*|[\w'’-]+,\s+which\s+(?:stood|was|is|were|are|came\s+in)\s+at\s+)?"
)
_AFTER_COMMA = LazyPattern(
    r"(?:,|\b(?:is|was|are|were|remains?|remained)(?:\s+now)?)\s*"
    r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over|less\s+than|under)\s+)?$"
)
# "up 46% from the £21,600 paid in 2019", "cut by 25% to £1.12 million from the £1.84 million claimed": "the" before
# the prior level, right after the rate (or the rate and its end level).
_FROM_THE = LazyPattern(r"\s*(?:from|compar(?:ed|es)\s+(?:with|to))\s+the\s+")
_TO = LazyPattern(r"(?:(?<![\w-])(?P<word>[\w-]+)\s+)?to\s+$|\b(?:reaching|reached|to\s+reach|totall?ing|totall?ed)\s+$")
_NOT_TO = frozenset(
    "compared equal due related according prior relative similar attributable owing pursuant subject as "
    "contribute contributed contributing applied applicable up close amounting amounted amount".split()
)
# The time the base level is from may follow it ("from 4.2% a year earlier, an increase of").
_MERGE_GLUE = LazyPattern(
    r"(?:\s+(?:(?:a|one|two|three|six|twelve)\s+(?:years?|quarters?|months?|weeks?)\s+(?:earlier|before|ago|previously)|"
    r"(?:last|the\s+(?:previous|prior|preceding))\s+(?:year|quarter|month|week)|previously|earlier))?"
    r"(?:\s+[a-z][\w-]*)?(?:\s+(?:in|for|during|at|on|as\s+of|over|of)\s+[\w\s/'’-]{0,30}?|\s+per\s+\w+)?"
    r"[\s,(]*(?:(?:an?|the|which\s+(?:is|was)|representing|or)\b\s*)?(?:an?\b\s*)?"
)
# ", which represents growth of": the rate restates the change of the levels before it.
_WHICH_RESTATES = LazyPattern(r"\s*\bwhich\s+(?:represents|represented|is|was)\s+")
# Two levels dated by their years, then the change between them: "$10.0 million in 2023 and
# $17.5 million in 2024, an increase of 75%".
_YEAR_THEN_AND = LazyPattern(
    r"^(?:\s+[a-z][\w-]*)?\s+(?:in|for|during)\s+(?:fiscal\s+|fy\s*)?(?P<year>(?:19|20)\d\d)\s*,?\s+"
    r"(?:and|compar(?:ed|es)\s+(?:with|to)|versus|vs\.?)\s+$"
)
_YEAR_THEN_CUE = LazyPattern(
    r"^(?:\s+[a-z][\w-]*)?\s+(?:in|for|during)\s+(?:fiscal\s+|fy\s*)?(?P<year>(?:19|20)\d\d)\s*,\s*(?:(?:an?|representing(?:\s+an?)?)\s+)?"
    r"(?:[a-z]+(?:\s+(?:of|by))?\s*)?$"
)
_COLON_GLUE = LazyPattern(r"[^:;.\d]{0,30}:[^:;.\d]{0,50}", re.I)
# A noun-like change word after a modal is a verb ("the base fare will rise from $1.75 to $2.00").
_MODAL_BEFORE = LazyPattern(r"\b(?:will|would|shall|should|could|can|may|might|must|to)\s+$")
# A participle between a determiner and a noun is an adjective ("the reduced fare", "an increased risk").
_DETERMINER_BEFORE = LazyPattern(r"\b(?:an?|the|its|their|our|his|her)\s+$")
_NOUN_AFTER = LazyPattern(r" [a-z]{3,}\b(?! (?:by|to|from|of)\b)")
_AT_LEVEL = LazyPattern(r"\s+at\s+")
# "60 ms, down from 120 ms": the level before "up from" or "down from" is where the change ends.
_TO_BEFORE_FROM = LazyPattern(r"^(?:\s+[a-z]+)?\s*,\s*(?:up|down)\s+from\s+$")
_COMPARE = LazyPattern(r"\b(?:compared|compares|versus|vs\.?|relative|against)\b")
_DATE = LazyPattern(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d{1,2},\s+(?:19|20)\d\d\b"
)
_GLUE_WORDS = LazyPattern(
    r"\b(?:and|which|that|while|whereas|but|because|due|driven|after|before|excluding|including|net|"
    r"offset|partially|primarily|mainly|largely|although|though|when|where|if|with|without|plus|less)\b"
)
# A new clause between a change word and the levels after it.
_CLAUSE_BREAK = LazyPattern(
    r";|,\s*(?:which|who|so|because|since|whereas|while|and|but|as|when|after|before)\b|\b(?:which\s+is\s+why|that\s+is\s+why|why)\b"
)
# (", remains twice": the level before the comma is the clause's subject.)
_GLUE_TAIL = LazyPattern(r",\s*(?:(?:an?|the|remains|remained)\b\s*)?(?:representing\b\s*)?$")


def _raised_funds(match: re.Match[str], q: Quantity) -> bool:
    """Whether "raised" before an amount is money raised, a level ("the walk raised £48,300"), not a change ("raised by £2")."""
    return match.group("cue") == "raised" and not match.group().rstrip().endswith(" by") and q.unit not in ("%", "pp", "bp", "x")


@dataclass
class Event:
    """A change word with the rates attached to it and the levels it goes from and to."""

    cue: Cue
    anchor: int
    rates: list[Item] = field(default_factory=list)
    froms: list[Item] = field(default_factory=list)
    tos: list[Item] = field(default_factory=list)
    subjects: list[Item] = field(default_factory=list)
    qualified: bool = False  # the rate is on another basis than the figures ("in constant currency")


# A multiple before a comparative, then the two levels it compares, in the same clause ("three times faster, with
# serialize-large going from 96.4 ms to 41.2 ms", "2x faster from 12 s to 6 s"), moving the way ``COMPARATIVES`` says;
# after a speed word either way fits, as for a change word without a direction.
_COMPARATIVE_FROM = LazyPattern(
    rf"\s+({COMPARATIVE_WORDS})\b"
    r"(?:,\s+(?:with|as)\s+(?:[\w'’-]+\s+){0,3}?(?:going|falling|dropping|rising|climbing|moving)\s+from\s+|\s+(?:going\s+)?from\s+)$",
    re.I,
)


# "(9.7% versus 4.2%)": the two figures a multiple relates, the subject's first, alone in parentheses.
_VERSUS_BETWEEN = LazyPattern(r"\s*(?:versus|vs\.?|v\.?|compared\s+(?:with|to))\s*")


def _versus_pair(items: list[Item], index: int) -> bool:
    """Whether ``items[index]`` opens a parenthesis holding it and one more level of its unit, "versus" between."""
    if index + 1 >= len(items) or not items[index].before.rstrip().endswith("("):
        return False
    first, second = items[index].q, items[index + 1].q
    return (
        _VERSUS_BETWEEN.fullmatch(items[index + 1].before) is not None and items[index + 1].after.lstrip().startswith(")")
        and (is_level(second) or _both_negative(first, second)) and first.unit == second.unit
    )


def _both_negative(first: Quantity, second: Quantity) -> bool:
    """Whether two plain figures are both below zero ("(-0.21 versus -0.11)": coefficients, returns), which a multiple
    compares by size."""
    return first.value < 0 and second.value < 0 and first.kind == second.kind == "number" and first.unit not in ("pp", "pt", "bp", "x")


def _is_rate_unit(q: Quantity) -> bool:
    return q.unit in RATE_UNITS


def change_claims(prose: str, start: int, end: int, quantities: list[Quantity]) -> list[Claim]:
    """The change claims of the clause ``prose[start:end]``, checked."""
    text = prose[start:end].lower()
    if not CUE.search(text) and not any(q.kind == "multiple" for q in quantities):
        return []
    items = in_context(prose, start, end, quantities)
    events = _events(prose, start, items)
    claims: list[Claim] = []
    for event in events:
        if not event.qualified:
            claims.extend(check_event(prose, event))
    return claims


def _events(prose: str, start: int, items: list[Item]) -> list[Event]:
    """Change events: a cue with the rates attached to it, and the levels around it."""
    by_cue: dict[int, Event] = {}
    funds: set[int] = set()  # the starts of "raised" before money raised: no change word
    previous: Item | None = None
    for item in items:
        q = item.q
        cue: Cue | None = None
        if q.kind == "multiple" and q.unit == "x" and multiplier_verb(q):
            direction = -1 if q.value < 1 else 1
            cue = Cue(q.start, q.end, direction)
        elif q.kind == "multiple" and q.unit == "x" and _MULTIPLE_OF.match(item.after) and _AFTER_COMMA.search(item.before):
            cue = Cue(q.start, q.end, -1 if q.value < 1 else 1)  # "4,820 candidates, three times the 2,150 found"
        elif q.kind == "multiple" and q.unit == "x" and q.value > 1 and (match := _COMPARATIVE_FROM.match(item.after)) is not None:
            cue = Cue(q.start, q.end, COMPARATIVES[match.group(1).lower()])  # "three times faster, ... from 96.4 ms to 41.2 ms"
        elif (match := CUE_BEFORE.search(item.before)) is not None and not phrasal_up(item.before, match.start("cue")):
            cue_start = q.start - len(item.before) + match.start("cue")
            if _raised_funds(match, q):
                funds.add(cue_start)
            else:
                cue = Cue(cue_start, cue_start + len(match.group("cue")), DIRECTION[match.group("cue")])
        elif (match := _CUE_AFTER.match(item.after)) is not None and (_is_rate_unit(q) or q.unit):
            cue_start = q.end + match.start("cue")
            cue = Cue(cue_start, cue_start + len(match.group("cue")), DIRECTION[match.group("cue")])
        elif previous is not None and previous.role == "rate" and _CHAIN.match(item.before) and previous.cue:
            cue = previous.cue
        if cue is not None and (q.kind in ("number", "multiple")) and not (q.exact and q.unit == "" and q.scale == 1):
            item.role, item.cue = "rate", cue
            event = by_cue.setdefault(cue.start, Event(cue, min(cue.start, q.start)))
            event.anchor = min(event.anchor, q.start)
            event.rates.append(item)
        previous = item
    window = prose[start:items[-1].q.end + 40].lower()
    cues = [Cue(m.start() + start, m.end() + start, DIRECTION[m.group()]) for m in CUE.finditer(window) if not phrasal_up(window, m.start())]
    # Cue words without a rate are events too: they own the levels that follow them, so that
    # "increased to B from A, due to a $3.2 million increase in X" does not lend A and B to the second cue.
    events = list(by_cue.values())
    for cue in cues:
        if cue.start not in by_cue and cue.start not in funds and not any(e.cue.start <= cue.start < e.cue.end for e in by_cue.values()):
            word = prose[cue.start:cue.end].lower()
            before = prose[max(start, cue.start - 30):cue.start].lower()
            if word in NOUN_CUES and not ARTICLE_BEFORE.search(before) and not _MODAL_BEFORE.search(before):
                continue  # "cut its growth forecast from 2.1% to 1.4%": "growth" names the metric
            if word.endswith("ed") and _DETERMINER_BEFORE.search(before) and _NOUN_AFTER.match(prose, cue.end):
                continue  # "while the reduced fare for seniors will remain": an adjective, no change
            events.append(Event(cue, cue.start))
    if not events:
        return []
    events.sort(key=lambda e: e.anchor)
    ends_before: set[int] = set()
    for index, item in enumerate(items):
        if item.role or not is_level(item.q) and not (item.q.value < 0 and _versus_pair(items, index)):
            continue
        q = item.q
        rate_before = index > 0 and items[index - 1].role == "rate"
        cue_before = any(c.end <= q.start for c in cues) or any(e.cue.end <= q.start for e in events)
        times_cue = items[index - 1].cue if rate_before and items[index - 1].q.unit == "x" else None
        if times_cue is not None and times_cue.start == items[index - 1].q.start and _MULTIPLE_OF.fullmatch(item.before):
            if _versus_pair(items, index):
                item.role, items[index + 1].role = "to", "from"  # "three times that seen with placebo (9.7% versus 4.2%)"
            else:
                item.role = "from"
            continue
        after_rate = rate_before or index > 1 and items[index - 1].role == "to" and items[index - 2].role == "rate"
        if (
            FROM_DIRECT.search(item.before) or _FROM_YEAR.search(item.before) or rate_before and _ON_PRIOR.fullmatch(item.before)
            or after_rate and _FROM_THE.fullmatch(item.before) or rate_before and _THAN_PRIOR.fullmatch(item.before)
        ):
            item.role = "from"
        elif cue_before and (match := FROM_OF.search(item.before)) is not None and _names_subject(prose, start, q.start, match.group()):
            item.role = "from"  # "from net sales of $1,502.9 million", naming what the sentence is about
        elif item.hedge in ("over", "above") and (rate_before or CUE_BEFORE.search(item.before)):
            item.role, item.hedge = "from", None
        elif rate_before and _AT_LEVEL.fullmatch(item.before):
            item.role = "to"  # "up 5.8% at £19.60"
        elif index > 0 and items[index - 1].role == "to" and item.before == " (" and not _from_since_rate(items, index) and same_unit(q, items[index - 1].q):
            item.role = "from"  # "to £6.10 (£6.22)": the prior period's level in parentheses
        elif index + 1 < len(items) and _TO_BEFORE_FROM.match(item.after) and is_level(items[index + 1].q):
            item.role = "to"
            ends_before.add(index)
        elif (match := _TO.search(item.before)) is not None and (match.group("word") or "") not in _NOT_TO:
            if (cue_before or any(other.role == "from" for other in items[:index])) and not _new_clause(item, match.start(), cues):
                item.role = "to"
        if item.role == "from" and rate_before and _COMPARE.search(item.before) and item.before.strip().startswith(","):
            item.role = "ignored"  # "grew 19%, compared to 4.4% in the prior year": a rate compared with a rate
        elif item.role == "from" and index > 0 and _compared_with_previous(items[index - 1], item, cues):
            item.role = "ignored"  # "grew 12% to $50 million, with net income of $8 million compared with $6 million"
    # Assign levels to the event whose anchor precedes them (the first event takes what comes before it);
    # the end level before "down from" goes with the level after it.
    for index, item in enumerate(items):
        if item.role in ("from", "to"):
            owner = events[0]
            at = items[index + 1].q.start if index in ends_before else item.q.start
            for event in events:
                if event.anchor <= at:
                    owner = event
            (owner.froms if item.role == "from" else owner.tos).append(item)
    for event in events:
        levels = event.froms + event.tos
        if not event.rates and levels and _CLAUSE_BREAK.search(prose[event.cue.end:min(i.q.start for i in levels)].lower()):
            # "50% of shadows dropped out, which is why we went from 1 to 2": the levels belong to another
            # clause, with its own verb; the word without a rate says nothing about them.
            event.froms, event.tos = [], []
    # A rate right after a cue that owns the levels states the same change:
    # "rose to $48.6 million from $31.2 million, an increase of 42%".
    merged: list[Event] = []
    for event in events:
        previous_event = merged[-1] if merged else None
        if (
            previous_event is not None and event.rates and not (event.froms or event.tos)
            and not previous_event.rates and (previous_event.froms or previous_event.tos)
            and _merge_glue_ok(prose[max(i.q.end for i in previous_event.froms + previous_event.tos):event.anchor].lower())
        ):
            previous_event.rates, previous_event.cue = event.rates, event.cue
            continue
        if (
            previous_event is not None and not previous_event.rates and previous_event.tos and not previous_event.froms
            and event.rates and event.froms and not event.tos and event.cue.direction == previous_event.cue.direction
            and _merge_glue_ok(_PARENTHESES.sub("", prose[max(i.q.end for i in previous_event.tos):event.anchor].lower()))
        ):
            # "rose to $57.8 million, up 16% from $52.4 million", "rose to 57.8% (108 students), up 6.4 percentage points
            # from 52.4%": the level the first word reached is the end of the change the second states.
            event.tos = previous_event.tos
            merged[-1] = event
            continue
        if (
            previous_event is not None and previous_event.rates and not (previous_event.froms or previous_event.tos)
            and not event.rates and event.froms and event.tos
            and _COLON_GLUE.fullmatch(prose[max(r.q.end for r in previous_event.rates):min(i.q.start for i in event.froms + event.tos)])
        ):
            # "3x lower: each query now takes 60 ms, down from 120 ms": the rate, then the levels it is about.
            event.rates, event.cue = previous_event.rates, previous_event.cue
            merged[-1] = event
            continue
        merged.append(event)
    events = merged
    for event in events:
        last = max([r.q.end for r in event.rates] + [event.cue.end])
        basis = QUALIFIED.search(prose[start:last + 40].lower())
        event.qualified = basis is not None and not _levels_qualified(start + basis.end(), event)
    _dated_pair(items, events)
    first = events[0]
    subjects = [it for it in items if not it.role and is_level(it.q) and it.q.end <= first.anchor]
    first.subjects = [it for it in subjects if _glue_ok(prose, it.q.end, first.anchor, items)]
    if len(first.subjects) != 1 or len(subjects) > 2:
        first.subjects = _percent_subject(prose, first, subjects)
    if len(events) > 1 and first.subjects and _second_change_of_subject(prose, first, events[1]):
        # "4.4%, down 0.1 percentage points on the quarter (4.5%) but up 0.3 percentage points on the year (4.1%)".
        events[1].subjects = first.subjects
    return events


_SECOND_CHANGE_GLUE = LazyPattern(r"\)?,? (?:but|and|while|yet) ")


def _second_change_of_subject(prose: str, first: Event, second: Event) -> bool:
    """Whether ``second`` is the same level's change over another period, each with its start level and nothing else."""
    for event in (first, second):
        if len(event.rates) != 1 or len(event.froms) != 1 or event.tos or event.subjects and event is second:
            return False
    return _SECOND_CHANGE_GLUE.fullmatch(prose[first.froms[0].q.end : second.cue.start].lower()) is not None


def _from_since_rate(items: list[Item], index: int) -> bool:
    """Whether a level before ``index``, after the last rate before it, is already a start level."""
    for item in reversed(items[:index]):
        if item.role == "rate":
            return False
        if item.role == "from":
            return True
    return False


def _dated_pair(items: list[Item], events: list[Event]) -> None:
    """Levels dated by year right before a change that has none: "$10.0 million in 2023 and $17.5 million in 2024, an increase of 75%"."""
    for index in range(1, len(items) - 1):
        first, second, rate = items[index - 1], items[index], items[index + 1]
        if first.role or second.role or rate.role != "rate" or not (is_level(first.q) and is_level(second.q)):
            continue
        early, late = _YEAR_THEN_AND.match(first.after), _YEAR_THEN_CUE.match(second.after)
        if early is None or late is None or early.group("year") >= late.group("year"):
            continue
        for event in events:
            if rate in event.rates and not (event.froms or event.tos):
                first.role, second.role = "from", "to"
                event.froms.append(first)
                event.tos.append(second)


# ", and" before a new subject: "rose 9% to £2.31 million from £2.04 million, and paid attendance reached 84,200".
_AND_CLAUSE = LazyPattern(r",\s*(?:and|but|while|whereas)\s+(?!to\b|then\b)[a-z]")


def _new_clause(item: Item, to_at: int, cues: list[Cue]) -> bool:
    """Whether the "to" word at ``to_at`` in ``item.before`` opens a clause of its own, with its own subject and no change
    word: the level it introduces ("reached 84,200") is not where an earlier change ended."""
    clause = _AND_CLAUSE.search(item.before, 0, to_at)
    if clause is None:
        return False
    clause_start = item.q.start - len(item.before) + clause.start()
    return not any(clause_start <= cue.start < item.q.start for cue in cues)


def _levels_qualified(basis_end: int, event: Event) -> bool:
    """Whether the basis ending at ``basis_end`` names the stated levels' metric, so that the rate after them is on
    their basis: every level comes after it and before the rate ("Like-for-like occupancy of 81.3% against 78.9%,
    an improvement of 2.4 percentage points"); not "like-for-like sales rose 5% to $100 million from $95 million"."""
    levels = event.froms + event.tos
    if not levels or not event.rates:
        return False
    return basis_end <= min(i.q.start for i in levels) and max(i.q.end for i in levels) <= min(r.q.start for r in event.rates)


def _compared_with_previous(previous: Item, item: Item, cues: list[Cue]) -> bool:
    """Whether a "from" level is compared with the level just before it, another metric's, not with the change."""
    return (
        not previous.role and is_level(previous.q) and previous.q.unit == item.q.unit
        and not CUE.search(item.before) and any(c.end <= previous.q.start for c in cues)
    )


# A parenthesis between a level and the next change word: "57.8% (108 students), up".
_PARENTHESES = LazyPattern(r"\s*\([^()]{0,40}\)")


def _merge_glue_ok(glue: str) -> bool:
    """Whether a rate after the levels restates their change ("..., an increase of", "in 2024, up", ", which represents growth of")."""
    glue = _WHICH_RESTATES.sub(" representing ", glue)
    if len(glue) > 60 or _GLUE_WORDS.search(glue) or re.search(r"[;:)\[\]]", glue):
        return False
    return _MERGE_GLUE.fullmatch(glue) is not None


def _names_subject(prose: str, start: int, at: int, phrase: str) -> bool:
    """Whether the words of "from <words> of" all occur earlier in the clause (the measure it is about)."""
    words = [w for w in re.findall(r"[a-z][\w'’-]*", phrase.lower())[1:-1] if w not in ("the", "a", "an", "to", "with")]
    earlier = prose[start:at - len(phrase)].lower()
    return bool(words) and all(re.search(rf"\b{re.escape(w)}\b", earlier) for w in words)


# What may stand between a percent and a change in points stated of it, besides what binds any subject
# (``_glue_ok``): a few words and one comma ("61.1% of the field, up", "(61.1%) ending decisively, up").
_POINTS_GLUE = LazyPattern(r"\)?(?:\s+[a-z][\w'’-]*){0,5}\s*,\s*")


def _percent_subject(prose: str, event: Event, subjects: list[Item]) -> list[Item]:
    """The subject of a change in percentage points from a percent ("up 11.5 percentage points on last year's 48.6%"): the
    one percent before it in the clause, a few words and a comma away; else none."""
    if not (event.froms and all(it.q.unit == "%" for it in event.froms) and any(r.q.unit in ("pp", "pt") for r in event.rates)):
        return []
    percents = [it for it in subjects if it.q.unit == "%"]  # (every percent before the change that nothing else took)
    if len(percents) != 1:
        return []
    glue = prose[percents[0].q.end:event.anchor].lower()
    if _POINTS_GLUE.fullmatch(glue) is None or _GLUE_WORDS.search(glue):
        return []
    return percents


def _glue_ok(prose: str, left: int, right: int, items: list[Item]) -> bool:
    """Whether the text between a subject figure and its change cue binds them."""
    glue = prose[left:right].lower()
    if glue.startswith(")") and any(item.q.end == left and item.before.endswith("(") for item in items):
        glue = glue[1:]  # "Ebook sales (5,770) were three times": the figure in parentheses after what it counts
    for item in items:
        if item.role == "from" and left <= item.q.start and item.q.end <= right:
            glue = glue.replace(prose[item.q.start:item.q.end].lower(), "q", 1)
    glue = _DATE.sub("date", glue)
    glue = _PRIOR_IN_PARENTHESES.sub(" q", glue)  # "£612.4m (2024: £548.9m), up": the prior figure beside it
    glue = re.sub(r",?\s*\b(?:(?:as\s+)?compar(?:ed|es)\s+(?:to|with)|versus|vs\.?|from|against|relative\s+to)\s+q\b", " q", glue)
    glue = re.sub(r"\bq\s+(?:in|for|during|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:date|(?:19|20)\d\d)\b", "q", glue)
    if len(glue) > 90 or re.search(r"[;:()\[\]]", glue) or _GLUE_WORDS.search(glue):
        return False
    glue = _GLUE_TAIL.sub("", glue.rstrip())
    return "," not in glue

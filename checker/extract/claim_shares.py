"""Share claims: "62% (256 of 412)", "256 of 412 patients (62%)", "256 patients (62%)" with
"412 patients were enrolled" in the paragraph, and GRIM's test on "37.5% of 13 patients"
(no whole count of 13 is 37.5% of it).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from checker.extract.claim_evidence import replace_number
from checker.facts import Claim, Quantity
from checker.intervals import Interval, format_number, hedged
from checker.patterns import LazyPattern

if TYPE_CHECKING:
    from collections.abc import Callable

    from checker.document import Document, Sentence


_MEASURE_NOUNS = frozenset(
    """
    year years month months week weeks day days hour hours minute minutes second seconds quarter quarters
    acre acres hectare hectares mile miles kilometre kilometres kilometer kilometers metre metres meter
    meters foot feet inch inches ton tons tonne tonnes pound pounds ounce ounces gram grams kilogram kilograms
    litre litres liter liters gallon gallons barrel barrels share shares point points percent cent cents
    dollar dollars euro euros basis times
    """.split()
)


_INT = r"\d{1,3}(?:,\d{3})+|\d+"
_PCT = r"(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)"
_ORDINAL = r"(?:st|nd|rd|th)\b"  # "1/5th" is a fraction, not a count of a whole
_SHARE_PATTERNS = (
    # "62% (256 of 412)", "62% (256/412)", "62% (n = 256/412)", "14.2% of valid votes (3,489 of 27,745)"
    LazyPattern(
        rf"{_PCT}(?:\s+of\s+(?:[a-z][\w-]*\s+){{0,3}}?[a-z][\w-]*)?\s*\(\s*(?:n\s*=\s*)?"
        rf"(?P<n>{_INT})\s*(?:/|of|out\s+of)\s*(?:the\s+)?(?P<N>{_INT})\b[^()]{{0,40}}\)",
        re.I,
    ),
    # "256 of 412 patients (62%)", "14 of their 17 lineouts (88%)", "256/412 (62%)", "6,812 m of 9,960 m (68.4%)" (a unit after both figures)
    LazyPattern(
        rf"(?<![\d.,])(?P<n>{_INT})(?:\s*(?P<u>[a-z]{{1,3}})(?=\s+(?:of|out\s+of)\s))?\s*(?:/|of|out\s+of)\s*(?:(?:the|their|its|our|his|her)\s+)?(?P<N>{_INT})"
        rf"(?(u)\s*(?P=u)\b)(?!{_ORDINAL})\s*(?:[a-z][\w-]*\s+){{0,3}}?\(\s*{_PCT}\s*\)",
        re.I,
    ),
    # "14,820 people supported, of whom 5,210 (42%)"
    LazyPattern(rf"(?<![\d.,$€£¥])(?P<N>{_INT})\s+(?:[a-z][\w-]*\s+){{0,3}}?[a-z][\w-]*,?\s+of\s+whom\s+(?P<n>{_INT})\s*\(\s*{_PCT}\s*\)", re.I),
)
# A hedge before a percent in parentheses: "64 (about 40%)", which the percent's own hedge then widens.
_HEDGE_IN = r"(?:(?:about|around|roughly|nearly|almost|some|approximately)\s+)?"
_PCT_COUNT = (
    # "62% (256)" and "256 patients (62%)": the whole is found in the paragraph.
    LazyPattern(rf"{_PCT}\s*\(\s*(?:n\s*=\s*)?(?P<n>{_INT})\s*\)", re.I),
    LazyPattern(rf"(?<![\d.,$€£¥])(?P<n>{_INT})\s+(?P<noun>[a-z][\w-]*)(?:\s+[a-z][\w-]*){{0,2}}?\s*\(\s*{_HEDGE_IN}{_PCT}\s*\)", re.I),
    LazyPattern(rf"(?<![\d.,$€£¥])(?P<n>{_INT})\s*\(\s*{_HEDGE_IN}{_PCT}\s*\)", re.I),
)
# "412 were to first-time buyers, around 38% of the total", "17,655 finished, a completion rate of 97.9%": the
# share names the whole itself, and needs no parenthesis.
_SHARE_OF_WHOLE = LazyPattern(
    rf"(?<![\d.,$€£¥])(?P<n>{_INT})(?:\s+(?:[\w'’-]+\s+){{0,6}}?[\w'’-]+)?,\s*(?:or|around|about|roughly|some|nearly|almost|just\s+(?:over|under))?\s*"
    rf"(?P<rate>an?\s+(?:(?:completion|response|success|pass|participation|attendance|uptake|take-up|turnout|conversion|retention"
    rf"|survival|approval|acceptance|graduation)\s+rate|share|proportion)\s+of\s+)?{_PCT}(?(rate)|\s+of\s+(?:the\s+)?(?:total|all|them|those|these)\b)",
    re.I,
)
# "38 of the 142 senior roles, or 31%", "£1.46 million of our £2.5 million target, or 68%", and the whole first:
# "Of 4,812 scheduled sailings, 4,290 departed on time, or 93.2%". The percent must not go on to a whole of its own
# ("or 31% of the board"), nor be a change ("or 12% more").
_AMOUNT = r"(?:[£$€]|(?-i:[A-Z]{3})\s?)?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|bn|m|k)\b)?"
_OR_PCT = (
    rf",\s*(?:or|that\s+is)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|just\s+(?:over|under)\s+)?{_PCT}"
    r"(?!\s*(?:of\s+(?!(?:the\s+)?(?:total|all|them|those|these)\b)|more|less|fewer|higher|lower|above|below|up|down|points?)\b)"
)
_SHARE_OR = (
    LazyPattern(
        rf"(?<![\d.,£$€])(?P<n>{_AMOUNT})\s+(?:of|out\s+of)\s+(?:(?:the|this|last)\s+[a-z]+['’]s\s+|the\s+|our\s+|its\s+|their\s+|all\s+"
        # the whole named before its figure: "£212.6 million of Group revenue of £741.0 million, or 28.7%"
        rf"|(?:[A-Za-z][\w-]*\s+){{1,3}}of\s+(?:the\s+)?)?"
        rf"(?P<N>{_AMOUNT})(?!{_ORDINAL}|[.,]\d)(?:\s+[a-z][\w-]*){{0,4}}"
        rf"(?:\s+(?:were|was|had|have|did|went|got|[a-z]+ed)\b[^.;:%()\d]{{0,90}}?)?{_OR_PCT}",
        re.I,
    ),
    LazyPattern(
        rf"\b[Oo]f\s+(?:the\s+|all\s+)?(?P<N>{_INT})\s+(?:[a-z][\w-]*\s+){{0,5}}?[a-z][\w-]*,\s+(?P<n>{_INT})\s+(?:[a-z][\w-]*\s+)?"
        rf"(?:were|was|had|have|did|went|got|[a-z]+ed)\b[^.;:%()]{{0,90}}?{_OR_PCT}"
    ),
    # The whole after the percent: "1.2 million customers, or 52% of our 2.9 million accounts", "£14.3m, or 34% of the
    # £48.6m total".
    LazyPattern(
        rf"(?<![\d.,£$€])(?P<n>{_AMOUNT})(?:\s+[a-z][\w-]*){{0,3}},\s*(?:or|that\s+is)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+)?"
        rf"{_PCT}\s+of\s+(?:(?:the|our|its|their|all)\s+)?(?P<N>{_AMOUNT})(?!{_ORDINAL}|[.,]\d|\s*%)",
        re.I,
    ),
)
# "arrears of £412,380 were 3.4% of the annual rent debit of £13.3m", "the 412 complaints represented 2.1% of 19,600
# contacts": a part, a verb that makes it the share, the percent and its whole, named first or not.
_PART_IS_SHARE = LazyPattern(
    rf"(?<![\d.,£$€])(?P<n>{_AMOUNT})\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:were|was|is|are|represented|represents|made\s+up|"
    rf"accounted\s+for|amounted\s+to|equalled|equaled|equal(?:s|led)?)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+)?"
    rf"{_PCT}\s+of\s+(?:(?:the|this|our|its|their|all|a|an)\s+)?(?:[A-Za-z][\w'’-]*\s+){{0,4}}?(?:of\s+)?(?P<N>{_AMOUNT})(?!{_ORDINAL}|[.,]\d|\s*%)",
    re.I,
)
_COUNT_PATTERNS = (*_PCT_COUNT, _SHARE_OF_WHOLE)  # (the last needs no parenthesis)
_WHOLE = (
    LazyPattern(rf"(?<![\d.,$€£¥])(?P<N>{_INT})\s+(?P<noun>[a-z][\w-]*)\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?"
               r"(?:enrolled|randomi[sz]ed|treated|included|evaluable|analy[sz]ed|surveyed|assessed|recruited|dosed|"
               r"screened|interviewed|polled|participated|responded|registered)\b", re.I),
    LazyPattern(rf"\b(?:a\s+total\s+of|among(?:\s+the)?|across(?:\s+the|\s+all)?|of\s+the|of\s+all)\s+(?P<N>{_INT})\s+(?P<noun>[a-z][\w-]*)", re.I),
    # "a population of 2,148 patients", "in a sample of 1,200 adults"
    LazyPattern(rf"\b(?:population|sample|cohort|group|panel)\s+of\s+(?P<N>{_INT})\s+(?P<noun>[a-z][\w-]*)", re.I),
    LazyPattern(rf"\(\s*[nN]\s*=\s*(?P<N>{_INT})\s*\)"),
    # "received 1,240 written submissions", "processed 3,100 applications"
    LazyPattern(
        rf"\b(?:received|recorded|collected|reviewed|handled|processed|registered|issued|served)\s+(?:a\s+total\s+of\s+)?(?P<N>{_INT})\s+"
        r"(?:[a-z][\w-]*\s+)?(?P<noun>[a-z][\w-]*s)\b",
        re.I,
    ),
)
# Words after a count that are its verb ("47 had", "2,944 failed" ends in -ed), not the noun counted.
_VERBS_AFTER_COUNT = frozenset("had have has were was are is did do does saw took made got became met remain remained".split())
_REFERS_TO_WHOLE = LazyPattern(
    r"^\W*(?:(?:of|among)\s+(?:these|them|those|whom|this\s+group)|a\s+further|another|the\s+remaining)\b|\b(?:of|among)\s+whom\b", re.I
)
_GRIM = LazyPattern(rf"{_PCT}\s+of\s+(?:the\s+|all\s+|our\s+|its\s+|these\s+)?(?P<N>{_INT})\s+(?P<noun>[a-z][\w-]*)", re.I)


class _Whole(NamedTuple):
    """The whole a paragraph states ("412 patients were enrolled"): its size and its noun ("" if several)."""

    size: int
    noun: str


def share_claims(prose: str, sentence: Sentence, found: list[Quantity], doc: Document, every: list[Quantity] | None = None) -> list[Claim]:
    """The share claims of one sentence: a percent beside its count and whole, and GRIM's test (``every``: the
    document's figures, where a share "of the total" finds its whole)."""
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
    if " of them" in text and "(" in text:
        for match in _OF_THEM.finditer(text):
            if not any(s <= match.start() < e for s, e in covered):
                claim = _share_of_them(sentence.start, match, found)
                if claim is not None:
                    covered.append(match.span())
                    claims.append(claim)
    # Shares after ", or": part and whole in the sentence, or the whole a total stated elsewhere.
    searches: list[tuple[LazyPattern, Callable[[re.Match[str]], Claim | None]]] = []
    said_or = " or " in text or " that is " in text
    if said_or:
        searches += [(pattern, lambda match: _share_of_amounts(sentence.start, match, found)) for pattern in _SHARE_OR]
    searches.append((_PART_IS_SHARE, lambda match: _share_of_amounts(sentence.start, match, found)))
    if every and "total" in text:
        searches.append((_OF_TOTAL, lambda match: _share_of_total(prose, sentence.start, match, found, every)))
    if every and said_or:
        searches += [(pattern, lambda match: _share_of_named(doc, sentence.start, match, found, every)) for pattern in (_OF_NAMED, _OF_THESE)]
    for pattern, check in searches:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in covered):
                continue
            claim = check(match)
            if claim is not None:
                covered.append(match.span())
                claims.append(claim)
    whole = None
    for pattern in _COUNT_PATTERNS if "(" in text else _COUNT_PATTERNS[-1:]:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in covered):
                continue
            if pattern is not _SHARE_OF_WHOLE and not _REFERS_TO_WHOLE.search(text) and not any(p.search(text) for p in _WHOLE):
                break  # a count in a sentence that does not point back at the whole may be of a subgroup
            if whole is None:
                whole = _paragraph_whole(doc, sentence)
            if not whole:
                break
            value, noun = whole
            n = _int(match.group("n"))
            count_noun = (match.groupdict().get("noun") or "").lower()
            if count_noun in _VERBS_AFTER_COUNT or count_noun.endswith("ed"):
                count_noun = ""  # "2,944 failed (21%)": a verb, not the noun counted
            if count_noun and noun and count_noun.rstrip("s") != noun.rstrip("s"):
                continue
            if n >= value or n == 0:
                continue
            covered.append(match.span())
            claim = _share(sentence.start, match, n, value, found)
            if claim is not None:  # the whole comes from elsewhere in the paragraph
                claims.append(claim if claim.consistent else replace(claim, inferred=True))
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


def _quantity_at(at: int, found: list[Quantity], unit: str | None = None) -> Quantity | None:
    """The number of ``found`` (in ``unit``, unless None) that holds offset ``at``."""
    for q in found:
        if q.start <= at < q.end and q.kind == "number" and (unit is None or q.unit == unit):
            return q
    return None


def _percent_quantity(offset: int, match: re.Match, found: list[Quantity]) -> Quantity | None:
    return _quantity_at(offset + match.start("p"), found, "%")


def _share(offset: int, match: re.Match, n: int, whole: int, found: list[Quantity]) -> Claim | None:
    p = _percent_quantity(offset, match, found)
    if p is None or whole <= 0 or n > whole:
        return None
    share = n / whole * 100
    n_span = (offset + match.start("n"), offset + match.end("n"))
    return _checked_share(p, Interval.exact(share), share, f"{n:,} / {whole:,}", n_span)


# "received 242 submissions, up 22% from 198 in 2024, and accepted 87 of them (31%)": the whole is a count before it.
_OF_THEM = LazyPattern(rf"(?<![\d.,$€£¥])(?P<n>{_INT})\s+of\s+them\s*\(\s*{_PCT}\s*\)", re.I)


def _share_of_them(offset: int, match: re.Match, found: list[Quantity]) -> Claim | None:
    """A share "87 of them (31%)" of a whole that "them" names: one of the counts before it in the sentence, larger
    than the part. Which one is not read: the share holds when it is the share of any of them, and a finding computes
    it from the first, the sentence's subject."""
    n = _int(match.group("n"))
    at = offset + match.start("n")
    wholes = [q for q in found if q.end <= at and q.kind == "number" and not q.unit and q.scale == 1 and not q.hedge
              and q.value.is_integer() and n < q.value and not _YEARISH.fullmatch(q.text)]
    if not wholes:
        return None
    claims = [_share(offset, match, n, int(q.value), found) for q in wholes]
    if any(claim is not None and claim.consistent for claim in claims):
        return next(claim for claim in claims if claim is not None and claim.consistent)
    return claims[0]


_YEARISH = LazyPattern(r"(?:19|20)\d\d")


def _share_of_amounts(offset: int, match: re.Match, found: list[Quantity]) -> Claim | None:
    """A share whose part and whole may be rounded amounts ("£1.46 million of our £2.5 million target, or 68%"); a
    whole that is a year ("or 41% of the 2024 figure", "2.1% of 2025 contacts") is none."""
    if _YEARISH.fullmatch(match.group("N")):
        return None
    part, whole = _quantity_at(offset + match.start("n"), found), _quantity_at(offset + match.start("N"), found)
    if part is None or whole is None or part.unit != whole.unit or part.unit == "%":
        return None
    if not part.hedge and not whole.hedge and part.low == part.high and whole.low == whole.high:
        return _share(offset, match, int(part.value), int(whole.value), found) if part.value.is_integer() and whole.value.is_integer() else None
    p = _percent_quantity(offset, match, found)
    # A hedged figure ("around 1.2 million") widens as far as its hedge allows; one open on a side ("more than") is not read.
    parts, wholes = hedged(Interval(part.low, part.high), part.hedge), hedged(Interval(whole.low, whole.high), whole.hedge)
    if p is None or wholes.lo <= 0 or part.value > whole.value or math.isinf(parts.hi) or math.isinf(wholes.hi) or parts.lo < 0:
        return None
    computed = Interval(parts.lo / wholes.hi * 100, parts.hi / wholes.lo * 100)
    return _checked_share(p, computed, part.value / whole.value * 100, f"{part.text} / {whole.text}", (part.start, part.end))


def _checked_share(p: Quantity, computed: Interval, share: float, ratio: str, n_span: tuple[int, int]) -> Claim:
    """The claim that percent ``p`` is the share ``computed`` (``share`` at its middle, worked out as ``ratio``)."""
    stated = hedged(Interval(p.low, p.high), p.hedge)
    if stated.meets(computed):
        return Claim(kind="share", start=p.start, end=p.end, consistent=True, detail="",
                                     stated=p.text, computed="", low=computed.lo, high=computed.hi, parts=(n_span,), loose=False, suggestion="")
    decimals = max(1, p.decimals + 1)
    detail = f"{ratio} = {format_number(share, decimals)}%; the text says {p.text}"
    return Claim(
        kind="share", start=p.start, end=p.end, consistent=False, detail=detail, stated=p.text,
        computed=format_number(share, decimals) + "%", low=computed.lo, high=computed.hi, parts=(n_span,), loose=False,
        suggestion=replace_number(p.text, share, p.decimals),
    )


# A part, a word or three naming it, and its percent: "£14.3m, or 34%", "412, or 41%", "0.61 million m³, or 38%".
_PART_OR_PCT = rf"(?P<n>{_AMOUNT})(?:\s+[a-z][\w-]*){{0,3}},\s*(?:or|that\s+is)\s+(?:about\s+|around\s+|some\s+)?{_PCT}"
# "Commercial income of £14.3m, or 34% of the total": the whole is a total the document states elsewhere.
_OF_TOTAL = LazyPattern(rf"(?<![\d.,£$€]){_PART_OR_PCT}\s+of\s+(?:the\s+|our\s+|its\s+|their\s+)?total\b")
# A figure stated as a total: after "total" in its clause ("Total revenue rose 17.7% to £48.6m"), or in a table's
# total row ("| **Total** | **£48.6m** |"), with no clause boundary between.
_TOTAL_BEFORE_FIGURE = LazyPattern(r"\btotal(?:l?ed|l?ing|s)?\b(?![^|\n]*?[.;:!?)](?:\s|$))[^\n]{0,80}$", re.I)


def _share_of_total(prose: str, offset: int, match: re.Match, found: list[Quantity], every: list[Quantity]) -> Claim | None:
    """A share "of the total" checked against the totals of the same unit the document states elsewhere: consistent
    when one of them gives the percent, reported (as inferred) when none does."""
    part, p = _quantity_at(offset + match.start("n"), found), _percent_quantity(offset, match, found)
    if part is None or p is None or part.unit == "%" or part.hedge or p.hedge or part.value <= 0:
        return None
    totals = [
        q for q in every
        if q.kind == "number" and q.unit == part.unit and not q.hedge and q.value > part.value and not offset <= q.start < offset + match.end()
        and _TOTAL_BEFORE_FIGURE.search(prose, max(0, q.start - 80), q.start)
    ]
    return _share_of_wholes(part, p, totals, "the total stated elsewhere")


def _share_of_wholes(part: Quantity, p: Quantity, wholes: list[Quantity], said: str) -> Claim | None:
    """Percent ``p`` as the share ``part`` is of one of ``wholes`` (figures stated elsewhere, described by ``said``):
    consistent when one gives it; else reported, as inferred, against the whole nearest to giving it; None if none."""
    claims: list[tuple[float, Claim]] = []
    for whole in wholes:
        share = part.value / whole.value * 100
        computed = Interval(part.low / whole.high * 100, part.high / whole.low * 100)
        claim = _checked_share(p, computed, share, f"{part.text} / {whole.text} ({said})", (part.start, part.end))
        if claim.consistent:
            return claim
        claims.append((abs(share - p.value), claim))
    return replace(min(claims, key=lambda item: item[0])[1], inferred=True) if claims else None


# "£58,000, or 18% of the final cost", "38 incidents, or 32% of all call-outs", "6.30 million, or 41% of the base": the
# whole is a figure the document states elsewhere with the noun that names it ("The final cost was £412,500").
_OF_NAMED = LazyPattern(
    rf"(?<![\d.,£$€]){_PART_OR_PCT}"
    r"\s+of\s+(?:all\s+|the\s+|our\s+|its\s+|their\s+)(?P<names>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)(?=\s*[,.;:)]|\s*$)"
)
# "Of these, 412, or 41%, still had ...", "Of the water withdrawn, 0.61 million m³, or 38%, was ...": the whole is named
# (or pointed back at) before the part.
_OF_THESE = LazyPattern(
    rf"(?:^|(?<=[.;]\s))(?i:of|among)\s+(?:(?P<these>these|them|those)|the\s+(?P<names>(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*)),\s*"
    rf"{_PART_OR_PCT}(?!\s+of\b)"
)
# Words of a name that say nothing of which figure is meant.
_NAME_STOP = frozenset("the a an of and or in on at for to by with from its our their this that these those all total amount number".split())


def _share_of_named(doc: Document, offset: int, match: re.Match, found: list[Quantity], every: list[Quantity]) -> Claim | None:
    """A share of a whole named by its noun ("of the final cost") or pointed back at ("Of these,"), checked against the
    figures of the same unit, larger than the part, that the document states with every word of that name ("The final
    cost was £412,500"), or, for "these", in the sentence before: consistent when one
    gives the percent, reported (as inferred) when none does, silent when there is none."""
    part, p = _quantity_at(offset + match.start("n"), found), _percent_quantity(offset, match, found)
    if part is None or p is None or part.unit == "%" or part.hedge or p.hedge or part.value <= 0:
        return None
    prose = doc.prose
    span = (offset + match.start(), offset + match.end())
    candidates = [
        q for q in every
        if q.kind == "number" and q.unit == part.unit and not q.hedge and q.value > part.value and not span[0] <= q.start < span[1]
    ]
    groups = match.groupdict()
    if groups.get("these"):
        here = _clause_start(doc, span[0])
        previous = _clause_start(doc, len(prose[:here].rstrip()) - 1)  # the clause before
        wholes = [q for q in candidates if previous <= q.start and q.end <= here] if here > 0 else []
    else:
        names = {_stem(word) for word in groups["names"].lower().split() if word not in _NAME_STOP}
        if not names:
            return None
        wholes = [q for q in candidates if _named_with(doc, q, names)]
    return _share_of_wholes(part, p, wholes, "the whole stated elsewhere")


def _clause_start(doc: Document, at: int) -> int:
    """Where the clause holding ``at`` starts: its sentence's start (``checker.clauses.sentence_span``), or just after
    the last semicolon in that sentence before ``at``."""
    from checker.clauses import sentence_span

    start = sentence_span(doc, max(0, at)).start
    return doc.prose.rfind(";", start, at) + 1 or start


def _stem(word: str) -> str:
    """A word's stem for matching names: its first six letters ("withdrawn", "withdrawal"), without a plural "s"."""
    word = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return word[:6]


def _named_with(doc: Document, q: Quantity, names: set[str]) -> bool:
    """Whether every word of ``names`` names figure ``q``: in its clause before it, or right after it ("135 call-outs")."""
    prose = doc.prose
    begin = max(_clause_start(doc, q.start), q.start - 60)
    words = {_stem(w) for w in re.findall(r"[a-z][\w-]*", prose[begin:q.start].lower())}
    after = re.match(r"\s+([a-z][\w-]*)", prose[q.end : q.end + 30].lower())
    if after is not None:
        words.add(_stem(after.group(1)))
    return names <= words


def _paragraph_whole(doc: Document, sentence: Sentence) -> _Whole | None:
    """The one whole ("412 patients were enrolled") a paragraph states, if exactly one."""
    block = doc.paragraphs[sentence.paragraph]
    text = doc.prose[block.start:block.end]
    wholes: set[_Whole] = set()
    for pattern in _WHOLE:
        for match in pattern.finditer(text):
            noun = (match.groupdict().get("noun") or "").lower()
            if noun in _MEASURE_NOUNS:
                continue
            if noun.endswith("ed"):
                noun = ""  # "among the 214 treated": a participle, not the noun counted
            wholes.add(_Whole(_int(match.group("N")), noun))
    values = {value for value, _ in wholes}
    if len(values) != 1:
        return None
    value = values.pop()
    nouns = {noun for v, noun in wholes if noun}
    return _Whole(value, nouns.pop() if len(nouns) == 1 else "")


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
        return Claim(kind="share", start=p.start, end=p.end, consistent=True, detail="",
                                     stated=p.text, computed="", low=low, high=high, parts=(), loose=False, suggestion="")
    below, above = math.floor(low), math.ceil(high)
    decimals = max(1, p.decimals)
    detail = (
        f"{p.text} of {whole:,} is {format_number(low, 2)} to {format_number(high, 2)}; no whole count fits "
        f"({below}/{whole:,} = {format_number(below / whole * 100, decimals)}%, {above}/{whole:,} = "
        f"{format_number(above / whole * 100, decimals)}%)"
    )
    return Claim(
        kind="share", start=p.start, end=p.end, consistent=False, detail=detail, stated=p.text,
        computed="", low=low, high=high, parts=(), loose=False, suggestion="",
    )

"""Total claims: parts that add up to a stated total, and shares of one whole that add up to 100%.

"A and B, for total revenue of C", "C, comprising A and B", "C (A, B and D)",
"Together, these two products drove total revenue of C" (the parts are the
figures of the preceding sentences), "Of the C sold, A ... and the remaining B", and shares of one
whole said to be exhaustive ("split between", "the remaining 15%").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.extract.claim_context import (
    CUE,
    CUE_BEFORE,
    FROM_DIRECT,
    FROM_OF,
    RATE_UNITS,
    RESPECTIVELY,
    in_context,
)
from checker.extract.claim_evidence import mantissa, money, range_note, replace_number
from checker.facts import Claim, Quantity
from checker.intervals import Interval, format_number, hedged
from checker.patterns import LazyPattern

if TYPE_CHECKING:
    from checker.document import Sentence

_TOTAL_BEFORE = LazyPattern(
    r"(?:\b(?:for|to|with|giving|bringing|making)\s+(?:a\s+|an\s+)?(?:[a-z]+-[a-z]+\s+|(?:annual|quarterly|monthly|yearly)\s+)?"
    r"(?:total|combined|aggregate|overall)"
    r"(?:\s+[\w'’-]+){0,3}?(?:\s+of)?|\b(?:totall?ing|totall?ed|combined\s+for)(?:\s+a\s+total\s+of)?"
    r"|,\s*(?:a|an)\s+(?:combined\s+|grand\s+|overall\s+)?total\s+of)\s*$"  # "..., a total of"
)
# Parts, then the total named as one after a comma: "23 homes, 41 outbuildings and 2 commercial buildings destroyed,
# 68 structures in all".
_IN_ALL_AFTER = LazyPattern(r"(?:\s+[A-Za-z][\w'’-]*){0,2}?\s+(?:in\s+all|in\s+total|altogether|all\s+told)\b")
_COMMA_BEFORE = LazyPattern(r",\s*$")
# Matched at the end of a total in the lowercased sentence (``match`` anchors it there: no "^").
_PARTS_AFTER = LazyPattern(
    r"(?:\s+[\w'’-]+){0,3}?\s*,?\s*(?:(?P<exact>comprising|comprised(?:\s+of)?|comprises?|consisting\s+of|consisted\s+of|"
    r"consists\s+of|made\s+up\s+of|composed\s+of|split\s+(?:between|into)|broken\s+down\s+(?:into|as)|"
    r"divided\s+(?:between|into)|(?:which|that)\s+(?:comprised|consisted\s+of|was\s+made\s+up\s+of))|"
    r"(?P<partial>including|(?:which|that)\s+included|such\s+as|(?<=,\s)of\s+which|(?<=,)of\s+which))\b"
)
# Parts followed by "among other items", "and other costs": some of the parts, not all of them.
_OTHERS_AFTER = LazyPattern(r"^(?:\s+[\w'’-]+){0,3}?\s*,?\s*(?:among\s+others?\b|among\s+other\s|and\s+other\s|as\s+well\s+as\s|etc\b)")
_PARENTHESIS_AFTER = LazyPattern(r"^(?:\s+[\w'’-]+){0,3}?\s*\(\s*$")
# Between the figure before a total and the total: "and" after that figure's noun, making the total the last of a list.
_LAST_OF_A_LIST = LazyPattern(r"^(?:\s+[\w'’-]+){0,3}?\s*,?\s+and\s+$")
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
    "total", "combined", "aggregate", "compris", "consisting", "made up", "composed", "including",
    "of which", "split", "broken", "(", "in all", "altogether", "all told",
)


def total_claims(prose: str, start: int, end: int, found: list[Quantity]) -> list[Claim]:
    """The totals of the sentence ``prose[start:end]`` stated with their parts (``found``: its figures, in order)."""
    text = prose[start:end].lower()
    if not any(word in text for word in _TOTAL_WORDS):
        return []
    if "respectively" in text and RESPECTIVELY.search(text):
        return []
    claims: list[Claim] = []
    for index, total in enumerate(found):
        if total.kind != "number" or total.unit in RATE_UNITS or total.exact and total.scale == 1:
            continue
        before = prose[found[index - 1].end if index else start:total.start].lower()
        if index >= 2 and (_TOTAL_BEFORE.search(before) or _IN_ALL_AFTER.match(prose, total.end, end) and _COMMA_BEFORE.search(before)):
            parts = _list_before(prose, found, index, start)
            if parts:
                loose = bool(_LOOSE.search(prose[start:total.start].lower()))
                claims.append(_total(total, parts, exact=True, loose=loose, counted=_counted(total, parts)))
            continue
        parts_match = _parts_after(prose, text, start, end, total.end)
        following = prose[total.end:found[index + 1].start] if index + 1 < len(found) else ""
        if parts_match or _PARENTHESIS_AFTER.match(following):
            parts = _list_after(prose, found, index, end, parenthesised=parts_match is None)
            if parts and not _labels(prose, total, parts):
                partial = parts_match is not None and parts_match.group("partial") is not None
                partial = partial or _OTHERS_AFTER.match(prose[parts[-1].end:min(end, parts[-1].end + 60)].lower()) is not None
                if partial and index and _LAST_OF_A_LIST.search(before):
                    # "96 features and 52 shorts, including 23 world premieres and 31 UK premieres": what follows the
                    # list may be of all of it, not of its last figure.
                    continue
                counted = not partial and _counted(total, parts)  # "The 47 voids comprised 26 ..., 13 ... and 10 ...": exact
                claims.append(_total(total, parts, exact=not partial, loose=parts_match is None, counted=counted))
    return claims


# "Of the 6,412 sales agreed in October, 2,140 were to first-time buyers, 3,015 to existing homeowners and the
# remaining 1,105 to investors": a whole opens the sentence, its parts follow the comma, and the last part is named
# as the rest of it. Without that ("Of the 500 respondents, 300 use email and 250 the phone") the parts may be some
# of the whole, or overlap: no claim.
_OF_WHOLE = LazyPattern(r"\s*of\s+(?:the|those|these|its|our|their|this|all)\s+(?:(?:estimated|total|overall|combined)\s+)?", re.I)
_REST_OF_WHOLE = LazyPattern(r"\b(?:the\s+(?:remaining|rest|other)|remaining|remainder|other|others)\b")
_PART_BREAK = LazyPattern(r",|\band\b")


def of_whole_claims(prose: str, start: int, end: int, found: list[Quantity]) -> list[Claim]:
    """A sentence that opens with a whole ("Of the 6,412 sales agreed,") and lists its parts after the comma, the last
    named as the rest ("... and the remaining 1,105 to investors"): the parts must add up to the whole."""
    total = found[0]
    if total.kind != "number" or total.unit in RATE_UNITS or not _OF_WHOLE.fullmatch(prose, start, total.start):
        return []
    comma = prose.find(",", total.end, min(end, total.end + 80))
    if comma < 0 or re.search(r"[;:()]", prose[total.end:comma]):
        return []
    parts: list[Quantity] = []
    for q in found[1:]:
        if q.start <= comma or q.unit != total.unit:
            continue  # (a year in the whole's noun phrase; a percent or a rate beside a part)
        if not _compatible_count(q, total):
            return []  # a figure of the whole's unit that cannot be a part of it: not a list of parts
        parts.append(q)
    if len(parts) < 2:
        return []
    glues = [prose[comma:parts[0].start]] + [prose[a.end:b.start] for a, b in zip(parts, parts[1:])]
    if any(not _PART_BREAK.search(glue) or not _LIST_GLUE.match(glue) or _SIGNED_GLUE.search(glue.lower()) or CUE.search(glue.lower()) for glue in glues):
        return []
    last_item = _PART_BREAK.split(glues[-1].lower())[-1]  # the words before the last part, after its separator
    after_last = prose[parts[-1].end:min(end, parts[-1].end + 40)].lower()
    if not (_REST_OF_WHOLE.search(last_item) or _REST_OF_WHOLE.match(after_last.lstrip())):
        return []
    return [_total(total, parts, exact=True, loose=False, counted=_counted(total, parts))]


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


# "318 patients were enrolled: 160 in arm A and 148 in arm B": a total, a few words, a colon, its parts.
# The label may hold an abbreviation in parentheses ("9,412 air transport movements (ATMs) in September:"), and up to
# twelve words ("29,537 people were killed or seriously injured (KSI) on Britain's roads:").
# After the colon, the first part may be named first, in up to three words ("...: infections in 22 patients, ...").
_COLON_AFTER = LazyPattern(r"^(?:\s+(?:[\w'’-]+|\([A-Za-z][\w'’.-]{0,15}\))){1,12}?\s*:\s+(?:[A-Za-z][\w'’-]*\s+){0,3}$")
_COLON_GLUE = LazyPattern(r"^[^;:()%]{0,50}$")
# Or the colon right after the total, when a verb before it says it is one ("totaled $24.5 million: $14.2 million
# for ..., ...").
_COLON_RIGHT_AFTER = LazyPattern(r"^\s*:\s+(?:[A-Za-z][\w'’-]*\s+){0,3}$")
_TOTAL_VERB = LazyPattern(r"\b(?:totall?ed|totall?ing|amounted\s+to|came\s+to|a\s+total\s+of)\s+(?:[a-z]+\s+){0,2}$", re.I)
_STOP_WORDS = r"of\s+whom|of\s+which|including|respectively|such\s+as|among|per|each|every|compared|versus"
_COLON_STOP = LazyPattern(rf"\b(?:{_STOP_WORDS}|from)\b")
# Between the parts and after the last, "from" names where a part comes from ("3 from Solvane, 2 from Brixton"); it
# compares only right before a figure (``_COMPARED``).
_PARTS_STOP = LazyPattern(rf"\b(?:{_STOP_WORDS})\b")


# A percent in parentheses after a count and its noun: the count's share of a larger whole, not a part.
_SHARE_IN_PARENTHESES = LazyPattern(r"(?:\s+[\w'’-]+){0,2}?\s*\(\s*[\d.,]+\s*%\s*\)")


def colon_total_claims(prose: str, start: int, end: int, found: list[Quantity]) -> list[Claim]:
    """A total stated before a colon and every figure after the colon its parts ("318 patients: 160 in arm A and 148 in arm B")."""
    if ":" not in prose[start:end]:
        return []
    for index, total in enumerate(found[:-2]):
        if total.kind != "number" or total.unit in RATE_UNITS or total.value <= 0:
            continue
        if total.exact and total.scale == 1 and (1900 <= total.value <= 2100 and "," not in total.text):
            continue  # a year, not a count
        first = index + 1
        if found[first].unit == "%" and _SHARE_IN_PARENTHESES.match(prose, total.end):
            first += 1  # the total's share of something larger: "58 patients (14.1%) receiving it: ..."
            if first == len(found):
                continue
        colon = prose.find(":", total.end, found[-1].start)
        while colon >= 0 and first < len(found) - 1 and found[first].start < colon:
            first += 1  # a figure qualifying the label ("38 unplanned stoppages lasting more than 24 hours:")
        label = _SHARE_IN_PARENTHESES.sub("", prose[total.end:found[first].start], count=1)
        if not (_COLON_AFTER.match(label) or _COLON_RIGHT_AFTER.match(label) and _TOTAL_VERB.search(prose, start, total.start)):
            continue
        if _COLON_STOP.search(label.lower()):
            continue
        parts = [q for q in found[first:] if not _numbered_label(prose, q)]
        if len(parts) < 2:
            return []
        if not all(any(c.isdigit() for c in q.text) for q in (total, *parts)):
            return []  # "two in each direction: one for lengths, one for content": counting words, not a sum
        joins = [prose[parts[k].end:parts[k + 1].start] for k in range(len(parts) - 1)]
        tail = prose[parts[-1].end:end]
        if not all(_compatible_count(part, total) for part in parts) or not re.search(r"\band\b|,|\bplus\b", joins[-1].lower()):
            return []
        if not all(_COLON_GLUE.match(g) and "," in g or re.search(r"\band\b|\bplus\b", g.lower()) for g in joins):
            return []
        if any(CUE.search(g.lower()) or _PARTS_STOP.search(g.lower()) or _COMPARED.search(g.lower()) for g in joins):
            return []
        if _PARTS_STOP.search(tail.lower()) or CUE.search(tail.lower()):
            return []
        return [_total(total, parts, exact=True, loose=False, counted=_counted(total, parts))]
    return []


# "The six incidents were three network, two deployment and two power events": a count that opens the sentence as its
# subject, "were" (or "are"), and its parts, each a count and a word or two naming it, up to the sentence's end.
_WERE_TOTAL = LazyPattern(r"(?:the|all|these|those|its|our|their)\s+$", re.I)
_WERE_LABEL = LazyPattern(r"^(?:\s+[A-Za-z][\w'’-]*){1,3}?\s+(?:were|are)\s+$")
_WERE_GLUE = LazyPattern(r"^\s+[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)?(?:\s*,(?:\s+and)?|\s+and)\s+$")
_WERE_TAIL = LazyPattern(r"^(?:\s+[A-Za-z][\w'’-]*){1,3}\s*[.;]?\s*$")
# A word after a part that makes it a measure, not a count of the total's things ("6 years, 8 years and 11 years old").
_MEASURE_WORD = LazyPattern(
    r"^\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|points?|goals?|runs?|times|per|percent|"
    r"metres?|meters?|miles?|kilometres?|kilometers?|feet|inches|pounds|kilos?|kg|km|cm|mm|old|apart|each|of)\b",
    re.I,
)


def were_total_claims(prose: str, start: int, end: int, found: list[Quantity]) -> list[Claim]:
    """A count opening the sentence ("The six incidents were") and its parts after "were", each a count with a word or
    two naming it ("three network, two deployment and two power events"), ending the sentence: they must add up."""
    total, parts = found[0], found[1:]
    if len(parts) < 2 or not _WERE_TOTAL.fullmatch(prose, start, total.start):
        return []
    if not (total.kind == "number" and total.scale == 1 and total.decimals == 0 and not total.unit and total.value > 0):
        return []
    if not _WERE_LABEL.match(prose[total.end:parts[0].start]):
        return []
    if not all(_compatible_count(part, total) and part.decimals == 0 for part in parts):
        return []
    joins = [prose[a.end:b.start] for a, b in zip(parts, parts[1:])]
    if not all(_WERE_GLUE.match(g) for g in joins) or not re.search(r"\band\s+$", joins[-1]):
        return []
    tail = prose[parts[-1].end:end]
    if not _WERE_TAIL.match(tail) or any(_MEASURE_WORD.match(g) for g in (*joins, tail)):
        return []
    return [_total(total, parts, exact=True, loose=False, counted=True)]


# A capitalised word right before a figure: the figure numbers what the word names ("Year 1", "Stage 2").
_LABEL_BEFORE = LazyPattern(r"\b[A-Z][a-z]+[ \t]$")


def _numbered_label(prose: str, q: Quantity) -> bool:
    """Whether ``q`` is part of a label ("58 in Year 1": the 1), not an amount: a small whole number after a capitalised word."""
    return q.text.isdigit() and q.value < 100 and _LABEL_BEFORE.search(prose, max(0, q.start - 20), q.start) is not None


def _compatible_count(part: Quantity, total: Quantity) -> bool:
    """A part of a total: a figure of the same unit and, for a count, a count."""
    if part.kind != "number" or part.unit != total.unit or part.value < 0 or part.value > total.high:
        return False
    return not (total.exact and total.scale == 1) or (part.exact and part.scale == 1)


def _compatible(part: Quantity, total: Quantity) -> bool:
    return part.kind == "number" and part.unit == total.unit and (not part.exact or part.scale > 1) and part.value >= 0


# Parts each in parentheses after its label ("highways (£14.2m), schools (£9.6m) and homes (£21.3m)"): the
# parenthesis closing one part and the one opening the next are not glue.
_PARENTHESISED = LazyPattern(r"^\s*\)|\(\s*$")


# Glue that compares a figure with the next ("compared with", "from 3,718 to"); not "from" naming an origin
# ("3,718 from England, 402 from Wales").
_COMPARED = LazyPattern(r"\b(?:compared|versus|vs)\b|\bfrom\s*$")


def _list_before(prose: str, found: list[Quantity], index: int, start: int) -> list[Quantity]:
    total = found[index]
    parts: list[Quantity] = []
    j = index - 1
    while j >= 0 and _compatible(found[j], total):
        parts.insert(0, found[j])
        if j == 0 or not _compatible(found[j - 1], total):
            break
        glue = _PARENTHESISED.sub("", prose[found[j - 1].end:found[j].start].lower())
        if not (_LIST_GLUE.match(glue) and re.search(r",|\band\b|\bplus\b", glue)) or CUE.search(glue):
            break
        j -= 1
    if len(parts) < 2:
        return []
    joins = [prose[parts[k].end:parts[k + 1].start].lower() for k in range(len(parts) - 1)]
    if not re.search(r"\band\b|\bplus\b", joins[-1]) or any(CUE.search(g) or _COMPARED.search(g) for g in joins):
        return []
    tail = prose[parts[-1].end:total.start].lower()
    if len(tail) > 80 or CUE.search(tail) or re.search(r"[;:]", tail):
        return []
    head = prose[start:parts[0].start].lower()
    if CUE.search(head) or _COMPARED.search(head):
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


def _labels(prose: str, total: Quantity, parts: list[Quantity]) -> bool:
    """Whether the figures are labels, not amounts: a version repeated ("2.6 or 2.7, including ... 2.7"), a model ("IBM 360")."""
    if any(part.text == total.text for part in parts):
        return True
    if sum(part.value > total.value / 2 for part in parts) >= 2:
        # No two parts of a whole are each more than half of it: "the 2.7 branch (2.6 and 2.5 ...)"
        # lists versions, "revenue of $2.7m (2023: $2.6m and 2022: $2.5m)" earlier years' figures.
        return True
    return any(not part.unit and re.search(r"\b[A-Z][\w-]*\s$", prose[max(0, part.start - 20):part.start]) for part in parts)


def _counted(total: Quantity, parts: list[Quantity]) -> bool:
    """Whether a total and its parts are whole counts of things ("68 structures": 23, 41 and 2): exact as written."""
    return bool(total.noun) and all(q.scale == 1 and q.decimals == 0 and not q.unit and q.kind == "number" for q in (total, *parts))


def _total(total: Quantity, parts: list[Quantity], exact: bool, loose: bool, counted: bool = False) -> Claim:
    """The claim that ``parts`` add up to ``total``; ``counted``: all are whole counts of one noun ("412 pupils: 58 in
    Reception, ..."), exact as written rather than rounded to the unit."""
    interval = Interval(0.0, 0.0)
    for part in parts:
        interval = interval + hedged(Interval(part.value, part.value) if counted else Interval(part.low, part.high), part.hedge)
    stated = hedged(Interval(total.value, total.value) if counted else Interval(total.low, total.high), total.hedge)
    consistent = interval.meets(stated) if exact else interval.lo <= stated.hi
    spans = tuple((p.start, p.end) for p in parts)
    point = sum(p.value for p in parts)
    decimals = max(total.decimals, max(p.decimals for p in parts))
    scale = total.scale
    shown = money(point, total, decimals)
    if consistent:
        return Claim(kind="total", start=total.start, end=total.end, consistent=True, detail="",
                                     stated=total.text, computed=shown, low=interval.lo, high=interval.hi, parts=spans,
                                     loose=loose, suggestion="")
    same_scale = all(p.scale == scale for p in parts)
    figures = " + ".join(mantissa(p) if same_scale else p.text for p in parts)
    result = format_number(point / scale, decimals) if same_scale else shown
    detail = f"{figures} = {result}"
    if not exact:
        detail += f", more than the total; the text says {total.text}"
    else:
        detail += f"{range_note(interval * (1 / scale), decimals, '') if same_scale else ''}; the text says {total.text}"
    return Claim(
        kind="total", start=total.start, end=total.end, consistent=False, detail=detail,
        stated=total.text, computed=shown, low=interval.lo, high=interval.hi, parts=spans, loose=loose,
        suggestion=replace_number(total.text, point / scale, decimals) if exact else "",
    )


def together_claims(
    prose: str, sentences: list[Sentence], index: int, found: list[Quantity], quantities: list[Quantity], starts: list[int]
) -> list[Claim]:
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
    totals = [q for q in found if q.start > sentence.start + together.start() and q.kind == "number" and q.unit not in RATE_UNITS
              and not (q.exact and q.scale == 1)]
    if not totals:
        return []
    total = totals[0]
    lead = prose[sentence.start + together.end():total.start].lower()
    if not re.search(r"\b(?:total|combined|aggregate|overall)\b", lead) and not _STRICT.search(lead):
        return []
    if CUE.search(lead):
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
        items = in_context(prose, previous.start, previous.end, quantities[lo:hi])
        main = [
            it.q for it in items if _compatible(it.q, total)
            and not (FROM_DIRECT.search(it.before) or FROM_OF.search(it.before) or CUE_BEFORE.search(it.before))
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
    claim = _total(total, parts, exact=True, loose=loose)
    return [claim if claim.consistent else replace(claim, inferred=True)]  # parts from earlier sentences


_PERCENT_WHOLE = LazyPattern(
    r"\b(?:split|divided|distributed|broken\s+down|allocated|apportioned)\b[^.;]{0,30}?\b(?:between|among|into|as)\b"
    r"|\b(?:the|with)\s+(?:remaining|rest|remainder|balance|other)\s+(?:of\s+the\s+\w+\s+)?(?=[~\d])"
)


# A share stated in words or figures ("half of", "a third", "15%").
_EARLIER_SHARE = LazyPattern(r"%|\bper\s*cent\b|\bpercent\b|\b(?:half|third|thirds|quarter|quarters|fifth|fifths)\b", re.I)
# "those 80%", "the same 20%": a share named again, not another part of the whole.
_BACK_REFERENCE = LazyPattern(r"\b(?:those|these|that|this|the\s+same)\s+$")


def percent_sum_claims(prose: str, start: int, end: int, found: list[Quantity], paragraph_start: int | None = None) -> list[Claim]:
    """Shares of one whole said to be exhaustive ("split between", "the remaining 15%"), which must add up to 100%.

    ``paragraph_start`` is where the sentence's paragraph starts: a sentence that opens with a share ("10% are
    X, and the remaining 10% are Y") after shares in an earlier sentence of it ends a list that began there,
    and this sentence alone does not make the whole.
    """
    if sum(q.unit == "%" and q.kind == "number" for q in found) < 2:
        return []  # fewer than two shares, and the filter below only removes figures
    found = [q for q in found if not _BACK_REFERENCE.search(prose[max(start, q.start - 12):q.start].lower())]
    shares = [q for q in found if q.unit == "%" and q.kind == "number"]
    if len(shares) < 2 or len(shares) > 8 or len(shares) != len([q for q in found if q.unit == "%"]):
        return []
    text = prose[start:end].lower()
    cue = _PERCENT_WHOLE.search(text)
    if re.search(r"%\s+of\s+(?:the\s+)?(?:remaining|rest|other)\b", text):
        return []  # "95% of the remaining 5%": a share of a share, not a part of the whole
    if cue is None or ("respectively" in text and RESPECTIVELY.search(text)) or CUE.search(text):
        return []
    if paragraph_start is not None and not cue.group().startswith(("split", "divided", "distributed", "broken", "allocated", "apportioned")):
        opening = len(prose[start:shares[0].start].split()) <= 2  # "10% are ...", "Another 20% went ..."
        if opening and _EARLIER_SHARE.search(prose[paragraph_start:start]):
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
        f"{range_note(total, max(q.decimals for q in shares), '%')}; shares of one whole add up to 100%"
    )
    return [Claim(
        kind="percent-sum", start=last.start, end=last.end, consistent=consistent, detail=detail,
        stated=last.text, computed=format_number(point, 1) + "%", low=total.lo, high=total.hi, parts=spans[:-1],
        loose=False, suggestion="",
    )]

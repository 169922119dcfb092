"""The tense of a clause: past-tense event verbs, future markers, and what makes a clause not plainly past.

Used by the rules that compare a statement's tense with its date (an event
reported in the past tense but dated after the document, a plan dated before it).
"""

from __future__ import annotations

import re

from checker.patterns import LazyPattern as _Lazy

# Simple past forms and participles that report an event as having happened.
PAST_VERBS = frozenset(
    """
    accepted achieved acquired added agreed announced appointed approved awarded became began bought
    celebrated cleared closed collaborated completed concluded conducted confirmed debuted declined decreased
    delivered demonstrated doubled dosed earned enrolled entered established exceeded expanded fell filed
    finalised finalized founded gained gave generated grew held hired hosted initiated introduced
    invested issued joined launched licensed listed made merged named obtained opened paid partnered passed
    posted presented published purchased raised reached received recorded recruited released reported rose
    saw secured selected showed signed sold spent started submitted surpassed took topped treated tripled
    unveiled won wrote attended attained returned ranked resolved settled terminated went came
    """.split()
)
_AUXILIARY_PAST = _Lazy(r"\b(?:was|were|had)\s+(?:\w+ly\s+)?(\w+(?:ed|en)|made|held|won|sold|paid|built|begun|done|given|taken|shown|seen|set|put)\b", re.I)
# Words that make a clause future, planned, conditional or hypothetical.
FUTURE_MARKERS = _Lazy(
    r"\b(?:will|shall|(?:plans?|intends?|expects?|aims?|hopes?|seeks?)\s+to|(?:is|are|am)\s+(?:expected|scheduled|set|going|due|planned|anticipated|slated|poised|on\s+track)\s+to"
    r"|upcoming|forthcoming|(?:expected|scheduled|planned|anticipated|slated|targeted)\s+(?:in|for|on|by|during))\b"
    r"|\w+'ll\b",
    re.I,
)
_NOT_PLAIN_PAST = _Lazy(
    r"\b(?:will|shall|would|could|(?-i:may)|might|should|can|must|going|plans?|planned|planning|plan|expects?|expected|expecting"
    r"|expectations?|anticipates?|anticipated|anticipating|intends?|intended|intention|schedules?|scheduled|targets?|targeted"
    r"|aims?|aimed|projects?|projected|projections?|forecasts?|forecasted|guidance|outlook|estimates?|estimated|goals?|hopes?|hoped"
    r"|seeks?|potential|potentially|likely|if|unless|whether|pending|subject|assum\w*|until|till"
    r"|due|expir\w*|matur\w*|deadline|remains?|remained|extend\w*|extension|valid|effective|upcoming|future|coming|next"
    r"|tentative\w*|yet|await\w*|proposed|designed|required|requires?|obligated|commit\w*|contingent|conditional"
    r"|unaudited|pro\s+forma|hypothetical\w*|would've|'ll|'d|not)\b"
    r"|\b(?:agreed|decided|elected|voted|chose|opted|pledged|promised|undertook|set|is|are|was|were|able|going)\s+to\b",
    re.I,
)
_PAST_CONTEXT = _Lazy(
    r"\b(?:was|were|had|did|would|could|might|should|said|stated|announced|reported|noted|indicated|disclosed|told|added)\b", re.I
)
_WORD = _Lazy(r"[A-Za-z]+(?:'[a-z]+)?")


_ADJECTIVE_BEFORE = frozenset(
    "the a an its our their his her my your this that these those last first previously recently newly as "
    "already once non un well in of on at from with for into onto over under between among within without per".split()
)


def past_markers(clause: str) -> list[str]:
    """Past-tense event verbs in a clause ("completed", "was granted"); participles used as adjectives are not."""
    words = _WORD.findall(clause)
    found = [w for i, w in enumerate(words) if w.lower() in PAST_VERBS and (i == 0 or words[i - 1].lower() not in _ADJECTIVE_BEFORE)]
    found += [m.group(0) for m in _AUXILIARY_PAST.finditer(clause)]
    return found


def plain_past(clause: str, context: str | None = None) -> bool:
    """A clause that reports a past event, with nothing future, planned, conditional or negated in it or its ``context``."""
    return bool(past_markers(clause)) and not _NOT_PLAIN_PAST.search(clause if context is None else context)


def future_marker(clause: str) -> str | None:
    """The future-tense marker of a clause ("will", "plans to", "expected in"), if it is plainly about the future."""
    match = FUTURE_MARKERS.search(clause)
    if match is None or _PAST_CONTEXT.search(clause) or past_markers(clause):
        return None
    return match.group(0)

"""The tense of a clause: past-tense event verbs, future markers, and what makes a clause not plainly past.

A past verb is one of the listed event verbs, an irregular past form, or
an -ed form whose base is a common English word (wordfreq); a word after
an article, a possessive or a preposition is a participle used as an
adjective ("the expected results"), one after "is" or "are" a present
passive ("is held").

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
_AUXILIARY_PAST = _Lazy(
    r"\b(?:was|were|had)\s+(?:(?:\w+ly|last|first|also|then|just|once|already|again)\s+)?"
    r"(\w+(?:ed|en)|made|held|won|sold|paid|built|begun|done|given|taken|shown|seen|set|put)\b",
    re.I,
)
# Words that make a clause future, planned, conditional or hypothetical.
FUTURE_MARKERS = _Lazy(
    r"\b(?:will|shall|(?:plans?|intends?|expects?|aims?|hopes?|seeks?)\s+to|(?:is|are|am)\s+(?:expected|scheduled|set|going|due|planned|anticipated|slated|poised|on\s+track)\s+to"
    r"|upcoming|forthcoming|(?:expected|scheduled|planned|anticipated|slated|targeted)\s+(?:in|for|on|by|during))\b"
    r"|\w+'ll\b",
    re.I,
)
_NOT_PLAIN_PAST = _Lazy(
    r"\b(?:will|shall|would|could|(?-i:may)|might|should|can|must|going|plans?|planned|planning|plan|expects?|expected|expecting"
    r"|expectations?|anticipates?|anticipated|anticipating|intends?|intended(?!\s+for\b)|intention|schedules?|scheduled|targets?|targeted"
    r"|aims?|aimed|(?<!the\s)(?<!this\s)(?<!our\s)(?<!its\s)(?<!their\s)(?<!\ba\s)projects?|projected|projections?|forecasts?|forecasted|guidance|outlook|estimates?|estimated|goals?|hopes?|hoped"
    r"|seeks?|potential|potentially|likely|if|unless|whether|pending|subject|assum\w*|until|till"
    r"|due|expir\w*|matur\w*|deadline|remains?|remained|extends?|extending|(?:extended|extensions?)\s+(?:to|until|till|through|into|by)|valid|effective|starting|beginning|commencing|upcoming|future|coming|next"
    r"|tentative\w*|yet|await\w*|proposed|designed|required|requires?|obligated|commit(?:s|ting|ments?)?|committed(?!\s+(?:him|her|them)\b)|contingent|conditional|payable|receivable"
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
# After these a participle is present passive ("is held", "are based"), not a past event.
_PRESENT_PASSIVE = frozenset("is are am be being".split())
# After these the auxiliary pattern reads an unlisted participle ("was granted").
_PRESENT_BEFORE = frozenset("was were had".split())
# Simple past forms of irregular verbs that are not also present forms or common nouns ("cut", "set", "saw" are;
# "got" is mostly "have got").
IRREGULAR_PAST = frozenset(
    """
    arose ate awoke became began blew bought brought broke built caught chose clung crept dealt drew drank
    drove fought found fled flew forbade forgot forgave froze grew hung heard hid kept knelt knew
    led lent lost meant met proved rode rang ran sought sent shook shot shrank sang sank slept slid
    spoke sped spun sprang stood stole struck strove swore swept swam swung taught tore told
    thought threw understood woke wore wove wept withdrew overtook oversaw outgrew
    """.split()
)
# Words ending in -ed that are not the past of a verb (adjectives and nouns; "-eed" words are skipped: "speed", "greed").
_NOT_PAST_ED = frozenset(
    "hundred kindred indeed sacred naked wicked ragged rugged crooked beloved hatred based skilled interested related concerned".split()
)
# After these an -ed form is an adjective ("a bit rattled", "still worried").
_DEGREE = frozenset("very so too quite rather more most less least bit somewhat fairly extremely still".split())
_BASE_ZIPF = 2.5  # how common the verb an -ed form comes from must be ("sign" for "signed")


def _regular_past(word: str) -> bool:
    """An -ed form of a common verb ("signed", "voted", "applied", "planned"), judged by its base form."""
    if len(word) < 5 or not word.endswith("ed") or word.endswith("eed") or word in _NOT_PAST_ED:
        return False
    from checker.lexicon import zipf

    bases = [word[:-2], word[:-1]]
    if word.endswith("ied"):
        bases.append(word[:-3] + "y")
    if len(word) > 5 and word[-3] == word[-4]:
        bases.append(word[:-3])  # "planned" -> "plan"
    return any(zipf(base) >= _BASE_ZIPF for base in bases if len(base) >= 3)


# What can follow a past verb: an object's determiner or pronoun, a preposition or particle, a
# conjunction. Another lower-case word follows an -ed adjective ("the maintainer focused content").
_VERB_FOLLOWERS = frozenset(
    """
    the a an its their our his her my your this that these those some all both each every no any several many more
    it them him us me you one two three four five six seven eight nine ten
    on in at by for to from with into onto over under after before during through across off out up down back away
    about around ahead along again and or but as than since until last
    """.split()
)


def _takes_object(after: str) -> bool:
    """Whether the word after an -ed form lets it be a verb: a follower word, an adverb, a name or a number (or nothing)."""
    return not after or after.lower() in _VERB_FOLLOWERS or after.endswith("ly") or not after.islower()


def _past_words(clause: str) -> list[tuple[int, str, bool]]:
    """(offset, word, listed) for each past-tense event verb of a clause; ``listed`` when it is in PAST_VERBS."""
    words = list(_WORD.finditer(clause))
    found = []
    for i, match in enumerate(words):
        word = match.group(0)
        lower = word.lower()
        before = words[i - 1].group(0).lower() if i else ""
        if before.endswith("ly") and i > 1:
            before = words[i - 2].group(0).lower()  # "are warmly invited": the word before the adverb
        if before in _ADJECTIVE_BEFORE or before in _PRESENT_PASSIVE:
            continue  # a participle used as an adjective ("the expected results") or in the present passive ("is held")
        if i + 1 < len(words) and words[i + 1].group(0) == "by" and before not in _PRESENT_BEFORE and before != "been":
            continue  # a participle after its noun, with its agent: "a workshop led by", ", followed by general sale"
        if _after_with(words, i, clause):
            continue  # in a phrase opened by "with": "with 14 short films programmed in association with"
        if lower in PAST_VERBS:
            found.append((match.start(), word, True))
        elif (
            i and word.islower() and before not in _PRESENT_BEFORE and before not in _DEGREE
            and clause[match.start() - 1 : match.start()] != "-"  # "judge-led", "state-owned"
            and (word in IRREGULAR_PAST or _regular_past(word))
        ):
            after = words[i + 1].group(0) if i + 1 < len(words) else ""
            if word in IRREGULAR_PAST or _takes_object(after):
                found.append((match.start(), word, False))
    return found


# Words that end a phrase opened by "with" before a verb could be its own: "met with the board and approved".
_ENDS_WITH_PHRASE = frozenset("and or but then who which that we they he she it i you".split())


def _after_with(words: list, i: int, clause: str) -> bool:
    """Whether word ``i`` ends a phrase that "with" opens a few words before it, nothing between ending that phrase
    (a word of ``_ENDS_WITH_PHRASE`` or a punctuation mark: "with the board, the chair approved")."""
    for back in range(i - 1, max(-1, i - 7), -1):
        word = words[back].group(0).lower()
        if word == "with":
            return not any(mark in clause[words[back].end() : words[i].start()] for mark in ",;:.()")
        if word in _ENDS_WITH_PHRASE:
            return False
    return False


def past_verb_offsets(clause: str) -> list[int]:
    """Where each past-tense event verb of a clause starts (the auxiliary of "was granted" for that form)."""
    return sorted([at for at, _, _ in _past_words(clause)] + [m.start() for m in _AUXILIARY_PAST.finditer(clause)])


def past_markers(clause: str) -> list[str]:
    """Past-tense event verbs in a clause ("completed", "was granted"); participles used as adjectives are not."""
    found = [word for _, word, _ in _past_words(clause)]
    found += [m.group(0) for m in _AUXILIARY_PAST.finditer(clause)]
    return found


def plain_past(clause: str, context: str | None = None) -> bool:
    """A clause that reports a past event, with nothing future, planned, conditional or negated in it or its ``context``."""
    return bool(past_markers(clause)) and not _NOT_PLAIN_PAST.search(clause if context is None else context)


# Nouns that name something planned or owed (a deadline, a forecast). In the sentence of a dated past
# statement they make it read as a plan, except when the noun is the object of the past verb and the date
# follows it directly: "extended the filing deadline on November 12", "raised its guidance in May 2026",
# "approved the winter plan on 10 December 2026"
# (a time phrase after verb + object is the verb's time).
_PLAN_NOUN_OBJECT = _Lazy(
    r"\b([a-z]+)\s+(?:the|its|their|our|his|her|a|an)\s+(?:[\w'-]+\s+){0,3}?"
    r"(deadlines?|guidance|outlook|forecasts?|targets?|goals?|estimates?|projections?|plans?|schedules?)\s+(?:on|in|during)\s+$"
)


def planned_object(before_date: str) -> tuple[int, int] | None:
    """The span of a plan noun that is the object of a past verb right before a date ("extended the deadline on")."""
    match = _PLAN_NOUN_OBJECT.search(before_date, max(0, len(before_date) - 160))
    if match is None or not any(at == match.start(1) for at, _, _ in _past_words(before_date)):
        return None
    return match.span(2)


def future_marker(clause: str) -> str | None:
    """The future-tense marker of a clause ("will", "plans to", "expected in"), if it is plainly about the future."""
    match = FUTURE_MARKERS.search(clause)
    if match is None or _PAST_CONTEXT.search(clause) or _AUXILIARY_PAST.search(clause):
        return None
    # A listed past verb anywhere, or any other past form before the marker ("said it will"); one after
    # the marker is governed by it or is a participle ("will present updated data").
    if any(listed or at < match.start() for at, _, listed in _past_words(clause)):
        return None
    return match.group(0)

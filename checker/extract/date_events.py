"""Dated events: a date and the event its clause says happens then, with what identifies the event.

"Norwind Robotics will launch the X200 on Tuesday, March 10, 2026" gives the
event ``launch`` of the names ``norwind``, ``robotics``, ``x200`` at
2026-03-10 (a Tuesday as written), stated as to come. Only a clause with
exactly one event word and one date of a day or a month counts; what
identifies the event is kept as it is written (lower-case name tokens and
content words), so that comparing two statements can demand that one says
no more than the other.

The ``events`` extractor (``Rule.requires``): it runs after ``dates`` and
reads the mentions that extractor resolved.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checker.patterns import LazyPattern, trie_regex

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document
    from checker.facts import DatedEvent, DateMention, FactSheet

# Event words and their lemma: verbs in every form and the nouns of the same event.
_EVENT_FORMS: dict[str, str] = {}
for _lemma, _forms in {
    "launch": "launch launches launched launching",
    "release": "release releases released releasing",
    "ship": "ship ships shipped shipping shipment",
    "open": "open opens opened opening",
    "close": "close closes closed closing",
    "complete": "complete completes completed completing completion",
    "debut": "debut debuts debuted debuting",
    "unveil": "unveil unveils unveiled unveiling",
    "start": "start starts started starting begin begins began begun beginning commence commences commenced",
    "end": "end ends ended ending expire expires expired expiry expiration",
    "hold": "hold holds held holding",
    "sign": "sign signs signed signing",
    "list": "listed listing",
}.items():
    _EVENT_FORMS.update(dict.fromkeys(_forms.split(), _lemma))

# Words, names with digits ("X200", "5G"), version numbers ("4.2", "v3.1.0"; not "$1.5" or "1.5 million")
# and a model number after a capitalised word ("Aerolite 5").
_WORD = LazyPattern(
    r"(?<![$\u20ac\u00a3\d.])\d+(?:\.\d+)+(?![\d.]*\s*(?:%|percent|per\b|million|billion|thousand|trillion|[kmb]n?\b))"
    r"|[A-Za-z][A-Za-z0-9&'\u2019-]*(?:\.\d+)*|\d+[A-Za-z][A-Za-z0-9-]*|(?<=[A-Za-z] )\d{1,3}(?![\d.,:/%-])"
)
_CALENDAR = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
# Words that say nothing about which event: function words, auxiliaries, tense and plan words, time words.
_NOT_CONTENT = frozenset(
    """
    the a an and or but of to in on at by for from with into onto as than that this these those its it their our
    his her they them we us you he she i who which whose when where while after before during until since about
    will shall would could should can may might must be is are was were been being has have had do does did
    not no also now then still just only officially formally finally first new expected scheduled planned set
    due slated plans plan planning aims intends going likely today tomorrow yesterday week month year day date
    company group firm said says announced reported confirmed
    """.split()
)
_SUFFIXES = ("inc", "inc.", "ltd", "ltd.", "corp", "corp.", "co", "co.", "llc", "plc", "ag", "sa", "nv", "the")
_FUTURE = LazyPattern(
    r"\b(?:will|shall|(?:plans?|intends?|aims?|expects?)\s+to|(?:is|are)\s+(?:expected|scheduled|set|due|planned|slated)\s+to"
    r"|(?:expected|scheduled|planned|slated)\s+(?:for|on|in)|upcoming)\b|\w'll\b",
    re.I,
)
_DATED = frozenset({"date", "month"})
# Any event word as ``_identity`` reads one (lower case, then the end of the word or an apostrophe): where
# this finds nothing, no clause holds an event, and the clause need not be found nor its words read.
_ANY_EVENT = LazyPattern("(?:" + trie_regex(list(_EVENT_FORMS)) + r")(?![A-Za-z0-9])")
_COMMON_ZIPF = 3.0  # a capitalised first word this common is an ordinary word, not a name


def dated_events(doc: Document, mentions: list[DateMention]) -> list[DatedEvent]:
    """The events of the clauses that hold one date (a day or a month, or a weekday and a day) and one event word."""
    from checker.clauses import clause_span, sentence_span
    from checker.facts import DatedEvent

    prose = doc.prose
    out: list[DatedEvent] = []
    spans: dict[tuple[int, int], int] = {}
    found: list[tuple[tuple[int, int], DateMention]] = []
    has_event: dict[tuple[int, int], bool] = {}
    for mention in mentions:
        if mention.kind not in _DATED or not mention.valid or mention.month is None:
            continue
        if mention.first is None and (mention.day is None or mention.weekday is None):
            continue  # a date without a year counts only with its weekday ("Thursday, March 10")
        # A clause lies within the text ``_around`` gives; without an event word there, neither this
        # mention nor one sharing its clause can give an event, so leaving it out changes no count that matters.
        around = _around(doc, mention.start)
        if around not in has_event:
            has_event[around] = _ANY_EVENT.search(prose, *around) is not None
        if not has_event[around]:
            continue
        sentence = sentence_span(doc, mention.start)
        clause = clause_span(doc, sentence, mention.start, mention.end)
        spans[clause] = spans.get(clause, 0) + 1
        found.append((clause, mention))
    for (left, right), mention in found:
        if spans[(left, right)] != 1:
            continue  # two dates in one clause: which is the event's is a guess
        if _ANY_EVENT.search(prose, left, right) is None:
            continue
        event, names, words, label = _identity(prose, left, right, mention, doc)
        if event is None or not names:
            continue
        out.append(DatedEvent(
            event=event, label=label, names=names, words=words, text=mention.text, start=mention.start, end=mention.end,
            first=mention.first, last=mention.last, month=mention.month, day=mention.day, weekday=mention.weekday,
            future=bool(_FUTURE.search(prose, left, right)),
        ))
    return out


def _around(doc: Document, offset: int) -> tuple[int, int]:
    """Where the sentence of ``offset`` lies (``clauses.sentence_span``): its paragraph, or 200 characters each side."""
    index = doc.paragraph_at(offset)
    if index is not None:
        block = doc.paragraphs[index]
        return block.start, block.end
    return max(0, offset - 200), min(len(doc.prose), offset + 200)


def _identity(prose: str, left: int, right: int, mention: DateMention, doc: Document) -> tuple[str | None, list[str], list[str], str]:
    """(event lemma, name tokens, content words, names as written) of a clause, the date's own words left out."""
    from checker.lexicon import zipf

    events: set[str] = set()
    names: set[str] = set()
    words: set[str] = set()
    written_names: list[str] = []
    sentence_start = _sentence_start(doc, left)
    previous_name = -1  # where the last name token ended
    skip_from, skip_to = mention.start, mention.end
    for match in _WORD.finditer(prose, left, right):
        at = match.start()
        if skip_from <= at < skip_to:
            continue
        written = match.group()
        if written.isdigit():
            if previous_name == at - 1:
                names.add(written)  # "Aerolite 5"
                written_names.append(written)
            continue
        token = _without_possessive(written).lower()
        lemma = _EVENT_FORMS.get(token)
        if lemma is not None and written.islower():
            events.add(lemma)
            continue
        if token in _CALENDAR or token in _NOT_CONTENT or token in _SUFFIXES:
            continue
        if written[0].isupper() or _HAS_DIGIT(written):
            if at == sentence_start and written[1:].islower() and zipf(token) >= _COMMON_ZIPF:
                continue  # the sentence's first word, capitalised by position ("Shares", "Sales")
            names.add(token)
            written_names.append(written)
            previous_name = match.end()
        elif len(token) >= 3 and not token.endswith("ly"):
            words.add(token[:-1] if token.endswith("s") and not token.endswith("ss") else token)
    if len(events) != 1:
        return None, [], [], ""
    return events.pop(), sorted(names), sorted(words), " ".join(dict.fromkeys(written_names))


_HAS_DIGIT = re.compile(r"\d").search


def _without_possessive(word: str) -> str:
    """``word`` without a final "'s", "'" (or with a typographic apostrophe)."""
    if word.endswith(("'s", "\u2019s")):
        return word[:-2]
    if word.endswith(("'", "\u2019")):
        return word[:-1]
    return word


def _sentence_start(doc: Document, offset: int) -> int:
    from checker.clauses import sentence_span

    start = sentence_span(doc, offset).start
    while start < len(doc.prose) and not doc.prose[start].isalnum():
        start += 1
    return start


def extract(doc: Document, sheet: FactSheet, settings: Settings) -> None:
    """Fill ``sheet.events`` from the date mentions of ``sheet.dates`` (the ``events`` extractor)."""
    sheet.events = dated_events(doc, sheet.dates)

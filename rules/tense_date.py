"""DAT003 and DAT004: the tense of a dated statement against the document's own date.

DAT003: a past-tense statement dated after the document date.
DAT004: a future-tense statement dated well before the document date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace

from checker.finding import Finding
from checker.patterns import LazyPattern
from checker.rule import Rule

# Kinds of mention that name a definite stretch of the calendar.
# Relative mentions ("next quarter", "the second half of last year") count once resolved against the document date.
_DATED = frozenset({"date", "month", "year", "quarter", "half", "fiscal-year", "relative"})
# Prepositions that make a date the time of the event ("in", "on"), rather
# than a deadline, a range end or a reference point ("until", "by", "as of",
# "at December 31" in accounts).
_EVENT_PREPOSITIONS = frozenset({"in", "on", "during"})
# "Well before": the whole period ends at least this long before the document date.
_MARGIN = dt.timedelta(days=31)
# A period that ended this long before the document date is plainly over (evidence for confidence).
_LONG_BEFORE = dt.timedelta(days=183)
# Future markers that leave no doubt ("will", "plans to"), against "expected in", "upcoming".
_PLAIN_FUTURE = LazyPattern(r"(?:will|shall|plans?\s+to|intends?\s+to)\b|\w+'ll\b", re.I)


# A day and month without a year, in a past-tense sentence, read as the nearest such day to the document date
# when that lies this little after it ("were reduced to Level 2 on August 15" in an update of August 14, 2025).
_YEARLESS_AHEAD = dt.timedelta(days=45)


def _nearest(mention, anchor: dt.date):
    """``mention`` (a valid day and month without a year) dated on the occurrence of that day nearest ``anchor``,
    when that one falls in the few weeks after it; else None (most often it is before: nothing to report)."""
    from checker.extract.date_resolve import nearest_day

    day = nearest_day(anchor, mention.month, mention.day)
    if day is None or not anchor < day <= anchor + _YEARLESS_AHEAD or mention.weekday is not None and mention.weekday != day.weekday():
        return None  # a stated weekday of another year's day says the nearest reading is not the writer's
    return replace(mention, first=day, last=day)


def _dated_clauses(doc, facts, yearless: bool = False):
    """(mention, clause span, sentence span) for each dated mention that is the time of its clause's event;
    ``yearless``: with days and months without a year that fall just after the document date (``_nearest``)."""
    from checker.clauses import clause_span, sentence_span

    anchor = facts.document_date
    if anchor is None:
        return
    for mention in facts.dates:
        if yearless and mention.kind == "date" and mention.year is None and mention.month and mention.day and mention.valid:
            mention = _nearest(mention, anchor.date)
            if mention is None:
                continue
        if mention.kind not in _DATED or mention.first is None or mention.last is None:
            continue
        if anchor.start is not None and mention.start < anchor.end and anchor.start < mention.end:
            continue  # the document's own date line
        sentence = sentence_span(doc, mention.start)
        left, right = clause_span(doc, sentence, mention.start, mention.end)
        if mention.kind == "relative":
            if mention.preposition is not None and mention.preposition not in _EVENT_PREPOSITIONS:
                continue  # "by next quarter", "since last year": a deadline or a start, not the time of the event
        elif mention.preposition not in _EVENT_PREPOSITIONS and doc.prose[left : mention.start].strip(" \t\r\n,*_\"'"):
            continue
        yield mention, (left, right), sentence


def _participle_between(prose: str, left: int, clause: str, marker: str, mention) -> bool:
    """A participle between the future marker and the date: the date is its ("will review the law enacted in 2017")."""
    at = left + clause.lower().find(marker.lower())
    end = at + len(marker)
    between = prose[end : mention.start] if end <= mention.start else prose[mention.end : at]
    return bool(_PARTICIPLE.search(between))


# -ed/-en words (minus common words that only look like participles) and irregular participles.
_PARTICIPLE = LazyPattern(
    r"\b(?!(?:need|speed|seed|feed|deed|indeed|bleed|breed|hundred|kindred|red|bed|shed|wed|fled|bred|been|seen|even"
    r"|open|often|when|then|than|ten|men|women|children|garden|token|kitchen|screen|between|green|queen)\b)"
    r"[a-z]+(?:ed|en)\b|\b(?:made|held|built|sold|paid|won|begun|done|shown|set|put|bought|brought|found|taken|given|led)\b"
)


def _verb_has_its_own_time(prose: str, left: int, verbs: list[int], mention) -> bool:
    """Every past verb comes before the date, and another time stands between the nearest and the date.

    "The increases we announced in January take effect on March 2": the past verb has its time ("in
    January"); the later date belongs to another verb.
    """
    if not verbs or left + verbs[-1] > mention.start:
        return False
    return bool(_TIME_WORD.search(prose, left + verbs[-1], mention.start))


_TIME_WORD = LazyPattern(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b|(?<![.\w])(?:1[89]|20)\d\d(?![.\w])"
)


# After the dated event's clause, a phrase that says what the event brought ("..., adding seats that will
# be available", "..., which will allow") speaks of other things: its plans do not make the event a plan.
# Not "pending", "assuming", "depending" (a condition on the event itself).
# (And a clause joined by "and" with its own future: "was published on 27 March and the Government will respond".)
_OTHER_THINGS = LazyPattern(
    r",\s+(?:(?!pending\b|assuming\b|depending\b|awaiting\b)[a-z]+ing|which|who)\b"
    r"|,?\s+and\s+(?:[\w'\u2019-]+\s+){0,3}?(?:will|shall)\b"
)
# Idioms that report a plan as met ("completed ahead of schedule", "opened as planned"), and "could" of what was
# possible then ("kept them unchanged for as long as we responsibly could", "as best they could", "all we could").
_PLAN_MET = LazyPattern(
    r"\b(?:(?:ahead\s+of|behind|on)\s+schedule|as\s+(?:scheduled|planned|expected))\b"
    r"|\b(?:as\s+(?:[a-z]+\s+)?as|as\s+best|all|everything|whatever)\s+(?:we|they|he|she|I|you|it)\s+(?:[a-z]+ly\s+)?could\b(?!\s+\w)",
    re.I,
)


def _without_other_plans(sentence: str, after: int) -> str:
    """``sentence`` with what cannot make the event at ``after`` a plan blanked (same length)."""
    sentence = _PLAN_MET.sub(lambda m: " " * len(m.group(0)), sentence)
    match = _OTHER_THINGS.search(sentence, after)
    if match is not None:
        sentence = sentence[: match.start()] + " " * (len(sentence) - match.start())
    return sentence


# Document dates stated as such (front matter, a dateline, a "Published"/"Date:" line, a changelog heading,
# a letter's date line, the configuration); a date closing a short line near the top is a guess.
_STATED_SOURCES = frozenset({"front-matter", "dateline", "published", "changelog", "date-line", "config"})


def _confidence(points: int) -> str:
    """Three pieces of evidence: high; two: medium; fewer: low."""
    return "high" if points >= 3 else "medium" if points == 2 else "low"


def _document_date(facts) -> str:
    anchor = facts.document_date
    return f"{anchor.date:%B} {anchor.date.day}, {anchor.date.year}"


class PastEventAfterDocumentDate(Rule):
    """A statement in the past tense about a date after the document's own date.

    What it checks
    --------------
    Finds sentences that report an event as done ("completed", "announced",
    "was granted", "met", and any -ed form of a common verb) at a date that
    lies entirely after the document's date, including a relative one ("next
    quarter") or a day and month without a year that falls within six
    weeks after it, read as the nearest such day ("were reduced on August 15"
    in an update of August 14, 2025; not when a stated weekday says another
    year). The document date comes from front matter, a dateline, a
    "Published on" or "Date:" line, a changelog heading, a letter's date
    line, a byline or the configuration (``factlint facts`` shows which). Only dates
    that are the time of the event count ("in September 2026", "on March 5,
    2026"); deadlines and ranges ("until", "by", "through") and clauses with
    anything planned, expected or conditional in them are left alone. A plan
    in a later phrase about something else ("opened on March 14, 2026,
    adding seats that will be available") and a plan met ("ahead of
    schedule", "as planned") do not make the event a plan. A participle
    after its noun is no report of an event: before its agent ("a workshop
    led by", "followed by general sale from 16 October") or in a phrase
    opened by "with" ("with 14 films programmed in association with").

    Why it matters
    --------------
    A document cannot report what has not happened yet. Either the date is
    wrong (often the year), or the document's date is, or a planned event
    was written up as done.

    Confidence
    ----------
    From three pieces of evidence: the document date is stated as such
    (front matter, a dateline, a "Published" or "Date:" line, a changelog
    heading, a letter's date line, the configuration; not a date guessed
    from a byline or title); the verb is a listed event verb, an irregular
    past or a "was"/"had" form (not only an -ed form read by morphology);
    the date is explicit (not a relative "next quarter", nor a day without
    a year). All three:
    ``high``; two: ``medium``; fewer: ``low``.

    Flagged
    -------
        CAMBRIDGE, Mass., February 12, 2026 -- In September 2026, the company
        completed the acquisition of Terns Pharmaceuticals.

    Passes
    ------
        CAMBRIDGE, Mass., February 12, 2026 -- In September 2025, the company
        completed the acquisition of Terns Pharmaceuticals.
    """

    code = "DAT003"
    name = "past-event-after-document-date"
    severity = "warning"
    confidence = "medium"
    requires = ("dates",)

    def check(self, doc, facts) -> Iterator[Finding]:
        from checker.tense import IRREGULAR_PAST, PAST_VERBS, past_markers, past_verb_offsets, plain_past, planned_object

        for mention, (left, right), (start, end) in _dated_clauses(doc, facts, yearless=True):
            clause = doc.prose[left:right]
            sentence = doc.prose[start:end]
            if mention.kind == "relative":  # its own words ("next quarter") are not a plan
                sentence = sentence.replace(mention.text, " " * len(mention.text))
            sentence = _without_other_plans(sentence, mention.end - start)
            noun = planned_object(doc.prose[left : mention.start])
            if noun is not None:  # "extended the deadline on November 12": the date is the extension's
                at = left + noun[0] - start
                sentence = sentence[:at] + " " * (noun[1] - noun[0]) + sentence[left + noun[1] - start :]
            # Anything planned, expected or conditional anywhere in the sentence: not a plain record.
            if mention.first <= facts.document_date.date or not plain_past(clause, sentence):
                continue
            if _verb_has_its_own_time(doc.prose, left, past_verb_offsets(clause), mention):
                continue
            verb = past_markers(clause)[0]
            points = (
                (facts.document_date.source in _STATED_SOURCES)
                + (verb.lower() in PAST_VERBS or verb.split()[0].lower() in ("was", "were", "had") or verb in IRREGULAR_PAST)
                + (mention.kind != "relative" and mention.year is not None)
            )
            inferred = "" if mention.year is not None or mention.kind == "relative" else " (no year given: read as the nearest such day)"
            yield self.finding(
                mention.start,
                mention.end,
                f'"{mention.text}" is after the document date ({_document_date(facts)}), '
                f'but the sentence reports it as past ("{verb}")',
                evidence=(
                    f"document date {facts.document_date.date.isoformat()} from {facts.document_date.reason}; "
                    f'"{mention.text}" begins {mention.first.isoformat()}{inferred}; past-tense verb "{verb}"'
                ),
                confidence=_confidence(points),
            )


class FutureEventBeforeDocumentDate(Rule):
    """A statement in the future tense about a date well before the document's own date.

    What it checks
    --------------
    Finds sentences that speak of an event as still to come ("will
    present", "plans to launch", "is expected to close", "expected in") at a
    date that ended more than a month before the document's date. Clauses
    that also contain a past-tense verb or reported speech ("said it will")
    are left alone.

    Why it matters
    --------------
    Text copied from an older announcement keeps its future tense: "will
    present in December 2020" in a release dated March 2021 tells the reader
    an event is upcoming when it is long over (and hides whether it
    happened).

    Confidence
    ----------
    From three pieces of evidence: the document date is stated as such (as
    for DAT003); the future is plain ("will", "shall", "plans to", "intends
    to"; not "expected in" or "upcoming"); the period ended more than six
    months before the document date. All three: ``high``; two: ``medium``;
    fewer: ``low``.

    Flagged
    -------
        CAMBRIDGE, Mass., March 5, 2021 -- The company will present the data
        at the annual meeting in December 2020.

    Passes
    ------
        CAMBRIDGE, Mass., March 5, 2021 -- The company will present the data
        at the annual meeting in December 2021.
    """

    code = "DAT004"
    name = "future-event-before-document-date"
    severity = "warning"
    confidence = "medium"
    requires = ("dates",)

    def check(self, doc, facts) -> Iterator[Finding]:
        from checker.tense import future_marker

        for mention, (left, right), _ in _dated_clauses(doc, facts):
            if mention.last + _MARGIN >= facts.document_date.date:
                continue
            clause = doc.prose[left:right]
            marker = future_marker(clause)
            if marker is None or _participle_between(doc.prose, left, clause, marker, mention):
                continue
            points = (
                (facts.document_date.source in _STATED_SOURCES)
                + bool(_PLAIN_FUTURE.match(marker))
                + (mention.last + _LONG_BEFORE < facts.document_date.date)
            )
            yield self.finding(
                mention.start,
                mention.end,
                f'"{mention.text}" ended well before the document date ({_document_date(facts)}), '
                f'but the sentence speaks of it in the future ("{marker}")',
                evidence=(
                    f"document date {facts.document_date.date.isoformat()} from {facts.document_date.reason}; "
                    f'"{mention.text}" ends {mention.last.isoformat()}; future marker "{marker}"'
                ),
                confidence=_confidence(points),
            )

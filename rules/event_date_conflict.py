"""DAT008: the same event dated differently in two documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from checker.finding import Finding, Related
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.corpus import Corpus, Records
    from checker.facts import DatedEvent, FactSheet

# The event word as a noun, for messages.
_NOUNS = {"ship": "shipping", "open": "opening", "close": "closing", "complete": "completion", "unveil": "unveiling",
          "hold": "event", "sign": "signing", "list": "listing"}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class EventDateConflict(Rule):
    """The same event given a different date, or a different weekday, in another document.

    What it checks
    --------------
    Collects the dated events of every document: a clause with one date (a
    day or a month) and one event word ("launch", "release", "ship",
    "open", "close", "complete", "debut", "unveil", "start", "end", "hold",
    "sign", in any form), with the names and words that say which event it
    is ("Norwind will launch the X200 on March 10, 2026": launch; norwind,
    x200). Two statements in different documents are the same event when
    they have the same event word, are both planned or both reported, and
    one names nothing the other does not (its names and its other words are
    a subset of the other's). Such a pair is reported when the two dates
    are in the same year and cannot be the same day ("March 10, 2026" and
    "March 12, 2026"; "March 2026" agrees with either), or when they are the
    same day written with different weekdays (one document may give no
    year: "Thursday, March 10" against "Tuesday, March 10, 2026").

    The rule stays quiet when it cannot tell one event from another: a
    document that dates the same event twice (a launch in two markets),
    statements that each name something the other does not ("the X200" and
    "the X300", or "in Boston" and "in Berlin"), a plan against a report (a
    launch that slipped after the plan was announced), and dates in
    different years (an annual meeting each year).

    Why it matters
    --------------
    A press release, a release note and a blog post that give two dates for
    one launch cannot all be right; readers and journalists copy whichever
    they saw first. Only the writer knows which date is right.

    Confidence
    ----------
    ``high`` when both statements name exactly the same things, ``medium``
    when one says less than the other (the same event is then inferred).

    Flagged
    -------
        release.md: Norwind Robotics will launch the X200 on March 10, 2026.
        notes.md:   The X200 will launch on March 12, 2026.

    Passes
    ------
        release.md: Norwind Robotics will launch the X200 on March 10, 2026.
        notes.md:   The X300 will launch on March 12, 2026.
    """

    code = "DAT008"
    name = "event-date-conflict"
    severity = "warning"
    confidence = "medium"
    scope = "corpus"
    requires = ("dates", "events")

    def gather(self, sheet: FactSheet) -> tuple | None:
        if not sheet.events:
            return None
        return sheet.document_date is not None, tuple(_Event.of(event) for event in sheet.events)

    def check_corpus(self, corpus: Corpus, aggregate: Records) -> Iterator[Finding]:
        by_event: dict[str, list] = {}
        for doc, (dated, events) in aggregate:
            document = corpus[doc]
            sheet = _Document(document.path, document.in_scope, True if dated else None)
            for item in events:
                event = _Event.stored(item)
                by_event.setdefault(event.event, []).append((sheet, event))
        for items in by_event.values():
            if len({sheet.path for sheet, _ in items}) < 2:
                continue
            for sheet, event in items:
                if sheet.in_scope:
                    yield from self._conflicts(sheet, event, items)

    def _conflicts(self, sheet, event, items: list) -> Iterator[Finding]:
        for other_sheet, other in items:
            if other_sheet.path == sheet.path or not _same_event(event, other):
                continue
            problem = _disagreement(sheet, event, other_sheet, other)
            if problem is None:
                continue
            # Each document must date the event one way only; else which statement is which event is a guess.
            if not _one_date(sheet, other, items) or not _one_date(other_sheet, event, items):
                continue
            exact = event.names == other.names and event.words == other.words
            noun = _NOUNS.get(event.event, event.event)
            yield self.finding(
                event.start,
                event.end,
                f'"{event.text}" dates the {noun} of "{_shown(event, other)}" differently from {other_sheet.path} ("{other.text}")',
                evidence=(
                    f'both statements are the {noun} of "{event.label}" and "{other.label}" '
                    f'({"planned" if event.future else "reported"}); {problem}'
                ),
                related=(Related(other.start, other.end, f'the {noun} dated "{other.text}"', other_sheet.path),),
                path=sheet.path,
                confidence="high" if exact else "medium",
            )
            return  # one finding per statement


class _Document(NamedTuple):
    """What the rule asks of a document: where it is, and whether it is dated."""

    path: str
    in_scope: bool
    document_date: bool | None  # None when the document has no date


class _Event(NamedTuple):
    """A dated event as the corpus pass keeps it (``DatedEvent``; days as ordinals in the record)."""

    event: str
    label: str
    names: tuple[str, ...]
    words: tuple[str, ...]
    text: str
    start: int
    end: int
    first: dt.date | None
    last: dt.date | None
    month: int | None
    day: int | None
    weekday: int | None
    future: bool

    @classmethod
    def of(cls, event: DatedEvent) -> tuple:
        """The plain record of an event (its days as ordinals)."""
        first = event.first.toordinal() if event.first is not None else None
        last = event.last.toordinal() if event.last is not None else None
        return (event.event, event.label, tuple(event.names), tuple(event.words), event.text, event.start, event.end,
                first, last, event.month, event.day, event.weekday, event.future)

    @classmethod
    def stored(cls, item: tuple) -> _Event:
        """The event of a record made by :meth:`of`."""
        event, label, names, words, text, start, end, first, last, month, day, weekday, future = item
        return cls(event, label, names, words, text, start, end, None if first is None else dt.date.fromordinal(first),
                   None if last is None else dt.date.fromordinal(last), month, day, weekday, future)


def _shown(event, other) -> str:
    """The event's names as written that the other statement names too."""
    shared = set(other.names)
    return " ".join(word for word in event.label.split() if word.lower().rstrip("'\u2019") in shared) or event.label


def _subset(a: list[str], b: list[str]) -> bool:
    return set(a) <= set(b) or set(b) <= set(a)


def _same_event(a, b) -> bool:
    """Same event word, both planned or both reported, and one names nothing the other does not."""
    return (
        a.event == b.event
        and a.future == b.future
        and bool(set(a.names) & set(b.names))
        and _subset(a.names, b.names)
        and _subset(a.words, b.words)
    )


def _disagreement(sheet, event, other_sheet, other) -> str | None:
    """Why the two dates cannot both be right, or None."""
    if event.first is not None and other.first is not None:
        if event.first.year != other.first.year or event.last.year != other.last.year:
            return None  # another year: another occurrence, or a slip the rule cannot tell from one
        if event.first > other.last or other.first > event.last:
            return f"{_span(event)} and {_span(other)} cannot be the same day"
    if event.day is None or other.day is None or (event.month, event.day) != (other.month, other.day):
        return None
    # A weekday against its own year is weekday-mismatch's (DAT001) to report, also for a date without a
    # year in a dated document; here only a date without a year in an undated document is compared.
    # The weekday is reported where it is written: the dated statement is the evidence.
    if other.first is not None and event.first is None and event.weekday is not None and sheet.document_date is None:
        actual = other.first.weekday()
        if actual != event.weekday:
            return f"{other.first.isoformat()} is a {_WEEKDAYS[actual]}, but this statement, without a year, says {_WEEKDAYS[event.weekday]}"
    return None


def _span(event) -> str:
    if event.first == event.last:
        return event.first.isoformat()
    return f"{event.first.isoformat()} to {event.last.isoformat()}"


def _one_date(sheet, probe, items: list) -> bool:
    """Whether every statement of ``sheet`` that is ``probe``'s event gives one date."""
    dates: set[tuple] = set()
    for owner, event in items:
        if owner.path == sheet.path and _same_event(event, probe):
            dates.add((event.month, event.day) if event.first is None else (event.first, event.last))
    if len(dates) <= 1:
        return True
    spans = [d for d in dates if isinstance(d[0], dt.date)]
    return len(spans) == len(dates) and all(a[0] <= b[1] and b[0] <= a[1] for a in spans for b in spans)

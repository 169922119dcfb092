"""DAT005: a relative date that disagrees with the explicit date given for the same event."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.finding import Finding, Related
from checker.patterns import LazyPattern
from checker.rule import Rule

_WORD = LazyPattern(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*")
# Words that carry no identity of an event, and the words of dates themselves.
_STOP = frozenset(
    """
    the a an and or but of in on at to for from with by as into onto about than then that this these those
    its our their his her my your we they he she it you i is are was were be been being has have had do does did
    which who whom whose where when while also not no so such very more most much many some any all each every
    company companies year years month months quarter week day today yesterday tomorrow last next this earlier later
    early late mid end beginning start ago since during after before first second third fourth fiscal calendar
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
# Verbs of datable one-off events, by stem.
_EVENT_STEMS = frozenset(
    """
    present announc approv launch complet file filed submitt submit receiv grant acquir acquisit sign clos clos initiat enroll
    publish host list found establish introduc releas obtain open appoint join achiev sold sell buy bought
    paid pay held hold won issu rais enter start began begin finaliz finalis conclud award select clear
    """.split()
)
# Words that say an event recurs or happened more than once: then two dates are not a conflict.
_REPEATED = LazyPattern(
    r"\b(?:again|another|annual|annually|each|every|consecutive|previous|previously|prior|once\s+more|latest|most\s+recent"
    r"|recurring|repeated|second|third|fourth|fifth|also|yearly|quarterly|monthly|follow-up|updated|new)\b",
    re.I,
)
_MIN_SHARED = 3


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ing", "ed", "es", "s", "ion", "ment"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _names(text: str) -> set[str]:
    """Capitalised words and codes ("Terns", "POLARIS-1"): what tells one event from another."""
    return {w.lower() for w in _WORD.findall(text) if (w[0].isupper() or any(c.isdigit() for c in w)) and w.lower() not in _STOP}


def _content(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2 and not w.isdigit()}


class RelativeDateConflict(Rule):
    """A relative date ("last December") that resolves differently from the explicit date of the same event.

    What it checks
    --------------
    A relative date followed by an explicit period in parentheses ("last
    year (FY2021)") must fall in that period; the fiscal year follows
    ``fiscal-year-end`` when it is known. Beyond that, it resolves relative
    dates ("last December", "last year", "earlier this year", "two years
    ago", "the second half of last year", "next quarter") against the
    document's date, then looks for
    another sentence that reports the same event with an explicit date ("in
    December 2024"). The same event means the same event verb and mostly
    the same words (at least three shared, and at least half of the shorter
    sentence), and neither sentence names something the other does not
    ("the acquisition of Terns" and "the acquisition of Zeta" are two
    events). When the two periods do not overlap, the relative date is
    reported, with the explicit one as related evidence. Sentences that say
    the event recurs ("again", "annual", "each year", "also", "another")
    are left alone, and so are sentences that compare periods: a relative
    date beside an explicit one ("from five in 2025 to 11 this year"), or an
    explicit date whose sentence holds the relative date's period too.

    Why it matters
    --------------
    Relative dates go stale when text is reused or a publication date moves:
    "last December" written in 2025 means December 2024, the same words
    published in 2026 mean December 2025. A reader cannot tell which
    sentence to trust.

    Confidence
    ----------
    A parenthesis that contradicts its own relative date: ``high``, or
    ``medium`` when the document date is a guess from a short line near the
    top rather than stated (front matter, a dateline, a "Published" or
    "Date:" line, a changelog heading, a letter's date line, the
    configuration). The same event found in another sentence: ``medium``
    (that it is the same event is inferred), ``low`` with a guessed document
    date.

    Flagged
    -------
        Published on Pulse 2.0, May 14, 2026

        We presented the POLARIS-1 data at ASH last December.

        In December 2024, we presented the POLARIS-1 data at ASH.

    Passes
    ------
        Published on Pulse 2.0, May 14, 2026

        We presented the POLARIS-1 data at ASH last December.

        In December 2025, we presented the POLARIS-1 data at ASH.
    """

    code = "DAT005"
    name = "relative-date-conflict"
    severity = "warning"
    confidence = "medium"
    requires = ("dates",)

    def check(self, doc, facts) -> Iterator[Finding]:
        if facts.document_date is None:
            return
        relatives = [m for m in facts.dates if m.kind == "relative" and m.first is not None and m.last is not None]
        if not relatives:
            return
        yield from self._glosses(doc, facts, relatives)
        from checker.clauses import sentence_span

        explicit = [
            m for m in facts.dates
            if m.kind in ("date", "month", "year") and m.first is not None and m.last is not None and m.valid
            and not (facts.document_date.start is not None and m.start == facts.document_date.start)
        ]
        sentences: dict[int, tuple[tuple[int, int], str, set[str]]] = {}

        def info(offset: int):
            span = sentence_span(doc, offset)
            if span[0] not in sentences:
                text = doc.prose[span[0] : span[1]]
                sentences[span[0]] = (span, text, _content(text))
            return sentences[span[0]]

        for relative in relatives:
            span, text, words = info(relative.start)
            if _REPEATED.search(text) or not words & _EVENT_STEMS:
                continue
            if any(span[0] <= other.start < span[1] for other in explicit):
                continue  # "has tripled, from five in 2025 to 11 this year": the sentence compares two periods
            for other in explicit:
                other_span, other_text, other_words = info(other.start)
                if any(other_span[0] <= m.start < other_span[1] and not (m.last < relative.first or relative.last < m.first) for m in relatives):
                    continue  # "from 31 in 2023 to 62 this year": the other sentence has the relative's period too
                shared = words & other_words
                if not shared & _EVENT_STEMS or len(shared) < _MIN_SHARED:
                    continue
                if len(shared) * 2 < min(len(words), len(other_words)) or _REPEATED.search(other_text):
                    continue
                names, other_names = _names(text), _names(other_text)
                if names - other_names and other_names - names:
                    continue  # each names something the other does not: two events
                if relative.last < other.first or other.last < relative.first:
                    line = doc.position(other.start).line
                    yield self.finding(
                        relative.start,
                        relative.end,
                        f'"{relative.text}" resolves to {_period(relative)}, but the same event is dated '
                        f'"{other.text}" on line {line}',
                        evidence=(
                            f"document date {facts.document_date.date.isoformat()} from {facts.document_date.reason}; "
                            f'"{relative.text}" = {relative.first.isoformat()} to {relative.last.isoformat()}; '
                            f'"{other.text}" = {other.first.isoformat()} to {other.last.isoformat()}; '
                            f"shared words: {', '.join(sorted(shared))}"
                        ),
                        related=(Related(other.start, other.end, f'explicit date "{other.text}"'),),
                        confidence="medium" if facts.document_date.source in _STATED_SOURCES else "low",
                    )
                    break


    def _glosses(self, doc, facts, relatives) -> Iterator[Finding]:
        """A relative date glossed in parentheses by a period it does not fall in: "last year (FY2021)" in 2023."""
        by_start = {m.start: m for m in facts.dates if m.kind in _GLOSS_KINDS and m.valid}
        for relative in relatives:
            opening = _OPEN.match(doc.prose, relative.end)
            gloss = by_start.get(opening.end()) if opening else None
            if gloss is None or not _CLOSE.match(doc.prose, gloss.end):
                continue
            if gloss.first is not None and gloss.last is not None:
                if not (relative.last < gloss.first or gloss.last < relative.first):
                    continue
                computed = f'"{gloss.text}" = {gloss.first.isoformat()} to {gloss.last.isoformat()}'
            elif gloss.year is not None and relative.year is not None:
                # A fiscal period without a known year end: its year may be the label's or (January and February year ends) the next.
                if gloss.year in (relative.year, relative.year + 1):
                    continue
                computed = f'"{gloss.text}" is labelled {gloss.year} (its days depend on the fiscal year end)'
            else:
                continue
            yield self.finding(
                relative.start,
                relative.end,
                f'"{relative.text}" resolves to {_period(relative)}, but the parenthesis says "{gloss.text}"',
                evidence=(
                    f"document date {facts.document_date.date.isoformat()} from {facts.document_date.reason}; "
                    f'"{relative.text}" = {relative.first.isoformat()} to {relative.last.isoformat()}; {computed}'
                ),
                related=(Related(gloss.start, gloss.end, f'the parenthesis "{gloss.text}"'),),
                confidence="high" if facts.document_date.source in _STATED_SOURCES else "medium",
            )


# Document dates stated as such; one guessed from a short line near the top weakens every relative date.
_STATED_SOURCES = frozenset({"front-matter", "dateline", "published", "changelog", "date-line", "config"})
_GLOSS_KINDS = frozenset({"date", "month", "year", "quarter", "half", "fiscal-year"})
_OPEN = LazyPattern(r"[ \t]*\([ \t]*(?:i\.e\.,?[ \t]*)?")
_CLOSE = LazyPattern(r"[ \t]*\)")


def _period(mention) -> str:
    if mention.first == mention.last:
        return mention.first.strftime("%B ") + f"{mention.first.day}, {mention.first.year}"
    if mention.month is not None and mention.first.day == 1 and (mention.last - mention.first).days < 31:
        return mention.first.strftime("%B %Y")
    if mention.first.month == 1 and mention.last.month == 12:
        return str(mention.first.year)
    return f"{mention.first.isoformat()} to {mention.last.isoformat()}"

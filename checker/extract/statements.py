"""Fact statements: subject + measure + period = value, for checks across documents.

The ``facts`` extractor reads sentences such as "Olverembatinib generated
full-year sales of $62.2 million" or "Norwind Robotics was founded in 2012"
and records each as a :class:`~checker.facts.FactStatement`. Corpus rules
compare statements with the same key (subject, measure, period) across
documents and against the reference ledger (``checker.ledger``).

The extractor's kind (``Rule.requires``, ``FactSheet.extracted``) is ``facts``.
This module finds the statements; ``statement_terms`` holds the vocabulary
(measures, subject keys, periods, hedges), ``statement_grammar`` the patterns,
``statement_parts`` reads subjects and periods in context and builds the
facts, ``statement_growth`` reads growth claims.

Precision first: a statement whose subject, measure or period is unclear is
not a fact. Guidance and conditionals ("expects revenue of", "would",
"could") are skipped, and so is a figure qualified by anything that is not a
period ("revenue from China", "adjusted revenue", "$61 million in Europe").

Subjects
--------
A proper name right before the verb or measure ("Olverembatinib generated",
"Norwind's 2025 revenue", "sales of Lisaftoclax"), or a company pronoun
("we", "our", "the company"), which stands for the document's organisation:
the one name with a corporate ending (Inc., Ltd., Pharma, Robotics, ...), or
defined as ``(the "Company")``, that the document mentions at least twice and
at least twice as often as any other (a mention without the legal ending counts:
"Halvard Instruments Inc. ... Halvard Instruments reported"). No such organisation: pronoun
statements are not facts. Subjects compare by :func:`subject_key` (case,
possessive and legal endings such as Inc., Ltd., Group dropped), and across
a corpus a one-word subject stands for the one longer subject it begins
("Norwind" is "Norwind Robotics" when no other subject starts with Norwind).

Measures (the normaliser)
-------------------------
A measure phrase is canonical only when it is exactly one of these phrases
(hyphens read as spaces), optionally after the harmless modifiers
``full-year``, ``full year``, ``annual``, ``yearly``, ``quarterly``, ``record``,
``reported``; any other modifier ("adjusted", "product" before "sales",
"China") makes the phrase unknown and the statement is skipped.

================  ==========================================================
canonical         phrases
================  ==========================================================
revenue           revenue(s), total revenue(s), net revenue(s), total net
                  revenue(s), consolidated revenue(s), turnover
sales             sales, net sales, total sales, total net sales
product revenue   product revenue(s), net product revenue(s), product sales,
                  net product sales, total product revenue(s)
net income        net income, net profit, net earnings
net loss          net loss
operating income  operating income, operating profit, income from operations
operating loss    operating loss, loss from operations
gross profit      gross profit
gross margin      gross margin(s), gross profit margin (a percent)
operating margin  operating margin(s), operating profit margin (a percent)
net margin        net margin, net profit margin (a percent)
r&d expenses      research and development expense(s), r&d expense(s)
employees         employees, staff, people, team members, workforce, headcount
                  ("has a workforce of 800")
founded           founded, established, incorporated, "since our founding in",
                  "since we started (began, opened our doors) in" (year of founding)
first approval    first approved, first approval (year)
================  ==========================================================

For a subject that is not an organisation (a product), revenue, sales and
product revenue are one measure, ``sales``: "Olverembatinib revenue" and
"Olverembatinib sales" are the same figure. For an organisation they stay
apart (a company's product revenue is not its total revenue).

Periods
-------
``2025`` (also "full-year 2025", "calendar 2025", "the year (or twelve
months) ended December 31, 2025"), ``FY2025`` ("fiscal 2025", "FY25", "the
year ended June 30, 2025"; the same as ``2025`` when the configured fiscal
year ends on 12-31), ``Q4 2025`` ("fourth quarter of 2025", "4Q25",
"Q4'25", "three months ended December 31, 2025"; with "fiscal": "Q2 of
fiscal 2025", "fiscal 2025 second quarter", "FY25 Q2" are ``Q2 FY2025``), ``H1 2025`` ("first half
of 2025", "1H25"); "last year" and "this year" resolve against the document
date. A period may stand before the measure ("2025 revenue"), after it
("revenue for 2025"), after the figure ("$61 million in 2025") or open the
sentence ("In 2025, revenue was ... and net loss was ..."); two different
periods for one figure make it unclear. "Full-year" with no year takes the
one year named in the previous sentence of the paragraph ("2025 was a strong
year. X generated full-year sales of ..."). Headcounts are dated by "as
of"/"at the end of" a date, else by the document's month (``2026-05``).
Founding and first approval are timeless.

Figures
-------
``low``/``high`` is what the figure as written allows: its rounding (from the
numbers extractor), widened for a whole number ending in zeros ("$60 million"
may be rounded to the ten: 55 to 65; "800 employees" 750 to 850) and by 5%
for an approximate hedge ("about", "approximately", "roughly"), down to 90%
for "nearly"/"almost". "More than", "over" and "at least" are bounds taken
literally (open above, from the figure's own rounding); so are "up to",
"less than" and "under" (open below).

Growth claims
-------------
A money statement may carry a growth claim: a percent right after the
figure with a direction ("up", "an increase of", "growth", "decline") and a
comparison ("year over year", "compared with 2024", "sequentially"), or
"rose 12% year over year to $X". The claim records the signed percent, its
interval and the period compared against. When the prior figure is in the
same sentence ("up 48% from $41.2 million") the claim is left to the
numbers rules.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from checker.extract import statement_grammar as grammar
from checker.extract.statement_growth import growth_after, growth_before
from checker.extract.statement_parts import (
    Context,
    Window,
    implicit,
    is_currency,
    make_fact,
    opens_statement,
    periods_in,
    sentence_period,
    subject_of,
    topic_year,
)
from checker.extract.statement_terms import HEDGE, MONEY, MONTHS, RATES, normalise_measure, parse_period, subject_key
from checker.patterns import FromEnd
from checker.patterns import LazyPattern as _Lazy

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document, Sentence
    from checker.facts import FactSheet, FactStatement, Quantity


def extract(doc: Document, sheet: FactSheet, settings: Settings | None = None) -> None:
    """Fill ``sheet.facts`` with the document's fact statements."""
    import bisect

    prose = doc.prose
    # Candidate places: figures (money or counts) and founding/approval words.
    anchors = [q.start for q in sheet.quantities if not q.unit or q.unit == "%" or is_currency(q)]
    for word in grammar.YEAR_FACT_WORDS:  # str.find is far faster than a regex scan of the whole text
        at = prose.find(word)
        while at != -1:
            anchors.append(at)
            at = prose.find(word, at + 1)
    if not anchors:
        return
    sentences = doc.sentences
    starts = [sentence.start for sentence in sentences]
    chosen = sorted({i for i in (bisect.bisect_right(starts, anchor) - 1 for anchor in anchors) if i >= 0})
    ctx: Context | None = None
    for index in chosen:
        sentence = sentences[index]
        text = prose[sentence.start : sentence.end]
        if not grammar.PREFILTER.search(text) or grammar.NOT_A_FACT.search(text):
            continue
        if ctx is None:
            ctx = Context(doc, sheet, settings)
            quantity_starts = [q.start for q in ctx.quantities]
        previous = sentences[index - 1] if index and sentences[index - 1].paragraph == sentence.paragraph else None
        first, last = bisect.bisect_left(quantity_starts, sentence.start), bisect.bisect_left(quantity_starts, sentence.end)
        quantities = [q for q in ctx.quantities[first:last] if q.end <= sentence.end]
        for position, q in enumerate(quantities):
            if is_currency(q) or q.unit == "%" and q.kind == "number":
                _money(ctx, sentence, previous, q, quantities[position + 1 :])
            elif not q.unit:
                _headcount(ctx, sentence, q)
        if grammar.YEAR_FACT_HINT.search(text):
            _years(ctx, sentence)
    if ctx is not None:
        ctx.facts.sort(key=lambda f: (f.start, f.end))
        sheet.facts = ctx.facts


# --- money statements -----------------------------------------------------------------

_MONEY_PATTERNS: tuple[tuple[str, FromEnd], ...] = (
    ("active", grammar.ACTIVE),
    ("nominal", grammar.NOMINAL),
    ("of", grammar.MEASURE_OF),
    ("first", grammar.VALUE_FIRST_BEFORE),
)


class _Found(NamedTuple):
    """The statement pattern that matched before a figure."""

    kind: str  # "active", "nominal", "of", or "first" (the figure before its measure)
    match: re.Match


class _Key(NamedTuple):
    """What a money statement states, besides its subject and figure."""

    phrase: str  # the measure as written
    measure: str  # canonical
    period: str


def _money(ctx: Context, sentence: Sentence, previous: Sentence | None, q: Quantity, following: list[Quantity]) -> None:
    """A statement of the money figure ``q``; ``following`` are the sentence's quantities after it."""
    window = ctx.before(sentence, q.start)
    found = _statement_before(window)
    if found is None:
        return
    match = found.match
    groups = match.groupdict()
    if found.kind == "nominal" and groups["verb"].lower() == "of" and not groups.get("poss"):
        return  # "revenue of $5 million" alone could be anyone's
    key = _money_key(ctx, sentence, previous, q, found.kind, groups)
    if key is None:
        return
    subject = subject_of(ctx, groups, found.kind, key.measure, key.phrase)
    if subject.name is None:
        return
    if implicit(groups) and not opens_statement(ctx, sentence, window.offset + match.start("measure")):
        return  # "In our Logistics segment, revenue for 2025 was ...": a part, not the company
    anchor = "subj" if groups.get("subj") else "poss" if groups.get("poss") else "measure"
    statement_start = window.offset + match.start(anchor) if anchor in groups and groups[anchor] else q.start
    hedge = q.hedge or (groups.get("hedge") or "").strip() or None
    fact = make_fact(ctx, subject.name, subject.organisation, key.measure, key.phrase, key.period, q, hedge, statement_start)
    growth = None
    if fact.unit == "%":
        pass  # a margin's change may be in points or relative: not read
    elif groups.get("gpct"):
        growth = growth_before(ctx, match, window.offset, fact, sentence)
    elif following:
        growth = growth_after(ctx, q, following, sentence, fact)
    if growth is not None:
        fact = replace(fact, growth=growth)
    ctx.add(fact)
    _comparison_fact(ctx, sentence, q, following, fact)


def _statement_before(window: Window) -> _Found | None:
    """The first statement pattern that the text before a figure matches."""
    before = window.text
    backwards = before[::-1]
    if not grammar.MONEY_TAIL.found(before, backwards, max(0, len(before) - 48)):
        return None
    patterns = _MONEY_PATTERNS if grammar.MEASURE_HINT.search(before) else _MONEY_PATTERNS[3:]
    for kind, pattern in patterns:
        match = pattern.search(before, backwards)
        if match:
            return _Found(kind, match)
    return None


def _money_key(ctx: Context, sentence: Sentence, previous: Sentence | None, q: Quantity, kind: str, groups: dict[str, str | None]) -> _Key | None:
    """The measure and period of a money statement, from its groups and the words after the figure."""
    prose = ctx.prose
    after_start = q.end
    periods = periods_in(ctx, groups, "l_")
    if kind == "first":
        tail = grammar.VALUE_FIRST_AFTER.match(prose, q.end, sentence.end)
        if tail is None:
            return None
        phrase = tail.group("measure")
        periods += periods_in(ctx, tail.groupdict(), "a_")
        after_start = tail.end()
    else:
        phrase = groups["measure"] or ""
        periods += periods_in(ctx, groups, "a_") + periods_in(ctx, groups, "m_")
    measure = normalise_measure(phrase)
    if measure is None or measure not in (MONEY if is_currency(q) else RATES):
        return None  # an amount of a money measure, or a percent of a margin
    # What follows the figure: an optional period, then the end of the clause.
    follow = grammar.AFTER_PERIOD.match(prose, after_start, sentence.end)
    if follow:
        periods.append(parse_period(follow, ctx.year, ctx.calendar_fiscal))
        after_start = follow.end()
    if not grammar.CLAUSE_END.match(prose, after_start, sentence.end):
        return None
    distinct = set(periods)
    if None in distinct or len(distinct) > 1:
        return None
    period = distinct.pop() if distinct else sentence_period(ctx, sentence) or topic_year(ctx, phrase, sentence, previous)
    if period is None:
        return None
    return _Key(phrase, measure, period)


_COMPARED_WITH = _Lazy(
    r"\s*,?\s*(?:compared\s+(?:with|to)|versus|vs\.?|up\s+from|down\s+from|from|against)\s+(?P<hedge>" + HEDGE + r"\s+)?\Z", re.I
)


def _comparison_fact(ctx: Context, sentence: Sentence, q: Quantity, following: list[Quantity], fact: FactStatement) -> None:
    """"$61.0 million in 2025, compared with $40.1 million in 2024": the second figure is a fact too."""
    if not following:
        return
    other = following[0]
    if other.unit != q.unit or not (is_currency(other) or other.unit == "%"):
        return
    between = ctx.prose[q.end : other.start]
    follow = grammar.AFTER_PERIOD.match(between)
    rest = between[follow.end() :] if follow else between
    hedge_match = _COMPARED_WITH.match(rest)
    if not hedge_match:
        return
    after = grammar.AFTER_PERIOD.match(ctx.prose, other.end, sentence.end)
    if after is None or not re.match(r"\s*,?\s*(?:in|for|during)\s", ctx.prose[other.end : after.end()], re.I):
        return
    period = parse_period(after, ctx.year, ctx.calendar_fiscal)
    if period is None or period == fact.period:
        return
    if not grammar.CLAUSE_END.match(ctx.prose, after.end(), sentence.end + 1 if sentence.end < len(ctx.prose) else sentence.end):
        return
    hedge = other.hedge or (hedge_match.group("hedge") or "").strip() or None
    ctx.add(make_fact(ctx, fact.subject, fact.organisation, fact.measure, fact.phrase, period, other, hedge, fact.statement_start))


# --- headcounts ---------------------------------------------------------------------


def _headcount(ctx: Context, sentence: Sentence, q: Quantity) -> None:
    """A headcount: "we have over 800 employees", "our workforce stood at 120"."""
    if q.value <= 0 or not float(q.value).is_integer():
        return
    prose = ctx.prose
    before, offset = ctx.before(sentence, q.start, 200)
    match = grammar.EMPLOYER_BEFORE.search(before)
    after_end = q.end
    kind = "employer"
    tail = grammar.EMPLOYEES_AFTER.match(prose, q.end, sentence.end) if match is not None else None
    if match is not None and tail is not None:
        phrase = tail.group("measure")
        if phrase.lower() == "people" and match.group("verb").lower().startswith("ha"):
            return  # "we have 800 people" may be customers or patients; "employs 800 people" is staff
        after_end = tail.end()
    else:  # "Norwind's workforce was 800", "Norwind has a workforce of 800"
        match = grammar.WORKFORCE_BEFORE.search(before, before[::-1])
        if match is None:
            return
        phrase = match.group("measure") or match.group("measure2")
    as_of = grammar.AS_OF.match(prose, after_end, sentence.end)
    if as_of:
        after_end = as_of.end()
    period = _headcount_period(ctx, as_of)
    if period is None or not grammar.CLAUSE_END.match(prose, after_end, sentence.end):
        return
    groups = match.groupdict()
    subject = subject_of(ctx, groups, kind, "employees", "total")
    if subject.name is None or not subject.organisation:
        return
    anchor = "subj" if groups.get("subj") else "poss"
    hedge = q.hedge or (groups.get("hedge") or "").strip() or None
    ctx.add(make_fact(ctx, subject.name, subject.organisation, "employees", phrase, period, q, hedge, offset + match.start(anchor)))


def _headcount_period(ctx: Context, as_of: re.Match | None) -> str | None:
    """The month a headcount is dated by: "as of March 2026", "at the end of 2025", else the document's."""
    if as_of:
        if as_of.group("y"):
            return f"{as_of.group('y')}-{MONTHS[as_of.group('mon').lower().rstrip('.')]:02d}"
        return f"{as_of.group('ey') or as_of.group('ye')}-12"
    if ctx.date is not None:
        return f"{ctx.date.year}-{ctx.date.month:02d}"
    return None


# --- years --------------------------------------------------------------------

_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "across", "throughout", "outside", "within", "to"})


class _YearMention(NamedTuple):
    """A founding or first-approval year stated for a subject."""

    measure: str  # "founded" or "first approval"
    subject: str  # as written
    match: re.Match  # its group "year" is the year
    subject_at: int  # where the subject starts in the sentence


def _years(ctx: Context, sentence: Sentence) -> None:
    """Founding years and first approvals (years are not quantities for the numbers extractor)."""
    from checker.facts import FactStatement

    for mention in _year_mentions(ctx.prose[sentence.start : sentence.end]):
        measure, match = mention.measure, mention.match
        subject = subject_of(ctx, {"subj": mention.subject}, "year", measure, measure)
        if subject.name is None:
            continue
        if measure == "founded" and re.search(r"start|launch", match.group(0), re.I) and not subject.organisation:
            continue  # "started POLARIS-1 in 2023" is not a founding
        start, end = sentence.start + match.start("year"), sentence.start + match.end("year")
        year = float(match.group("year"))
        ctx.add(FactStatement(
            subject=subject.name,
            measure=measure,
            period="",
            value=year,
            low=year,
            high=year,
            unit="year",
            text=ctx.doc.text[start:end],
            start=start,
            end=end,
            subject_key=subject_key(subject.name),
            organisation=subject.organisation,
            phrase=measure,
            statement_start=sentence.start + min(mention.subject_at, match.start()),
            statement_end=end,
            growth=None,
            named=re.fullmatch(rf"(?:{grammar.ORG_PRONOUN})|our|the\s+company['\u2019]s", mention.subject.strip(), re.I) is None,
        ))


def _year_mentions(text: str) -> list[_YearMention]:
    """The founding and first-approval years a sentence states, pattern by pattern."""
    found: list[_YearMention] = []
    for pattern in (grammar.FOUNDED_PASSIVE, grammar.FOUNDED_ACTIVE, grammar.FOUNDED_INTRO):
        for match in pattern.finditer(text):
            found.append(_YearMention("founded", match.group("subj"), match, match.start("subj")))
    for match in grammar.SINCE_FOUNDING.finditer(text):  # "since our founding in", "since we started in"
        group = "subj" if match.group("subj") else "subj2"
        found.append(_YearMention("founded", match.group(group), match, match.start(group)))
    for match in grammar.FIRST_APPROVAL.finditer(text):
        found.append(_YearMention("first approval", match.group("subj"), match, match.start("subj")))
    for match in grammar.ITS_FIRST_APPROVAL.finditer(text):
        name = grammar.PRECEDING_NAME.search(text, 0, match.start())
        if name is None or (name.group("prep") or "").strip().lower() in _PLACE_PREPOSITIONS:
            continue
        found.append(_YearMention("first approval", name.group("subj"), match, name.start("subj")))
    return found

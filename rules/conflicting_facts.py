"""NUM101: the same fact stated with values that no rounding reconciles."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checker.finding import Edit, Finding, Fix, Related
from checker.rule import Rule


class ConflictingFacts(Rule):
    """The same fact stated with different values, in one document or across documents.

    What it checks
    --------------
    Collects statements of the form subject + measure + period = value
    ("Norwind Robotics revenue for 2025 was $60.9 million", "Norwind was
    founded in 2012", "we have more than 800 employees") from every
    document of the corpus, and reports each statement whose value cannot be
    the same figure as another statement of the same fact, even allowing
    for rounding ("$60.9 million" and "$61 million" agree; "$61.9 million"
    and "$60.9 million" do not) and for hedges ("more than 800" agrees with
    "812"). Each conflicting statement is reported once, in the documents
    being checked, pointing at the statements it conflicts with.

    Only clear statements count: a named subject (or "we" and "the company"
    in a document about one organisation), a known measure (revenue, sales,
    net income, employees, founding year, ...), and a period (a year,
    quarter, half or fiscal year). Forecasts and conditionals are not facts.

    Why it matters
    --------------
    A press release, an interview and a shareholder letter that give three
    different figures for the same year's revenue cannot all be right, and
    readers who compare them stop trusting all three. The check finds the
    disagreement; only the writer knows which figure is correct.

    Fix safety
    ----------
    A suggestion only (never applied by ``--fix``): it offers the other
    document's figure, but either figure may be the wrong one.

    Flagged
    -------
        press-release.md: Norwind Robotics reported total revenue of $60.9 million for 2025.
        letter.md:        Norwind Robotics reported total revenue of $61.9 million for 2025.

    Passes
    ------
        press-release.md: Norwind Robotics reported total revenue of $60.9 million for 2025.
        interview.md:     Norwind Robotics reported total revenue of $61 million for 2025.
    """

    code = "NUM101"
    name = "conflicting-facts"
    severity = "error"
    confidence = "medium"
    scope = "corpus"
    requires = ("facts",)

    def check_corpus(self, sheets: Sequence) -> Iterator[Finding]:
        from checker.statements_compare import corpus_subjects, describe, format_interval, overlaps, where

        canonical = corpus_subjects(sheets, self.ledger)
        groups: dict[tuple, list] = {}
        for sheet in sheets:
            for fact in sheet.facts:
                key = (canonical[fact.subject_key], fact.measure, fact.period, fact.unit)
                groups.setdefault(key, []).append((sheet, fact))
        for items in groups.values():
            if len(items) < 2:
                continue
            for sheet, fact in items:
                if not sheet.in_scope:
                    continue
                others = [
                    (other_sheet, other)
                    for other_sheet, other in items
                    if other is not fact and not overlaps(fact.low, fact.high, other.low, other.high)
                ]
                if not others:
                    continue
                places = [f"{other.text} in {where(other_sheet, other.start, sheet.path)}" for other_sheet, other in others[:3]]
                if len(others) > 3:
                    places.append(f"{len(others) - 3} more")
                stated = ", ".join(places[:-1]) + (" and " if len(places) > 1 else "") + places[-1]
                subject = describe(fact.subject, fact.measure, fact.period)
                message = f"{subject} {fact.text} here, {stated}"
                evidence = "; ".join(
                    [f"here: {fact.text} allows {format_interval(fact.low, fact.high, fact.unit)}"]
                    + [
                        f"{where(other_sheet, other.start, sheet.path)}: {other.text} allows "
                        f"{format_interval(other.low, other.high, other.unit)}"
                        for other_sheet, other in others
                    ]
                ) + "; no rounding makes them the same figure"
                related = tuple(
                    Related(other.start, other.end, f"{subject} {other.text} here",
                            None if other_sheet.path == sheet.path else other_sheet.path)
                    for other_sheet, other in others
                )
                fix = None
                if len({other.text for _, other in others}) == 1:
                    fix = Fix((Edit(fact.start, fact.end, others[0][1].text),), "display",
                              f"Use the figure stated in {where(others[0][0], others[0][1].start, sheet.path)}")
                yield self.finding(fact.start, fact.end, message, evidence=evidence, related=related, fix=fix, path=sheet.path)

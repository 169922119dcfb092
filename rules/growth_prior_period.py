"""NUM102: a growth claim that the prior period's figure, stated elsewhere, contradicts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checker.finding import Finding, Related
from checker.rule import Rule


class GrowthVsPriorPeriod(Rule):
    """A stated growth rate that the prior period's figure, stated elsewhere, contradicts.

    What it checks
    --------------
    Checks one-figure growth claims ("sales of $62.2 million in 2025,
    representing 81% year-over-year growth", "revenue rose 12% year over
    year to $48.6 million") when the figure for the period compared
    against is stated in the reference ledger or in another document of
    the corpus (or elsewhere in the same document). The change is computed
    with every figure taken as the interval its rounding allows, so
    62.2 / 34.4 - 1 = +80.8% (80.4% to 81.2%) supports "81%", and the claim
    is reported only when no rounding of the figures gives the stated rate.
    When the ledger has the prior figure, it is the one used. Claims that
    state both figures in one sentence are left to the percent-change rule.

    Why it matters
    --------------
    A growth rate is only as good as the base it was computed from. When
    last year's figure was restated, or the rate was computed from a
    different base, the claim quietly stops being true, and the reader has
    no way to see it without the other document at hand.

    Flagged
    -------
        2024-results.md: Norwind Robotics reported total revenue of $40.0 million for 2024.
        interview.md:    Norwind Robotics revenue grew 81% year over year to $62.2 million in 2025.

    Passes
    ------
        2024-results.md: Norwind Robotics reported total revenue of $34.4 million for 2024.
        interview.md:    Norwind Robotics revenue grew 81% year over year to $62.2 million in 2025.
    """

    code = "NUM102"
    name = "growth-vs-prior-period"
    severity = "error"
    confidence = "medium"
    scope = "corpus"
    requires = ("facts",)

    def check_corpus(self, sheets: Sequence) -> Iterator[Finding]:
        from checker.statements_compare import corpus_subjects, growth_interval, overlaps, same_measure, where

        ledger = self.ledger
        canonical = corpus_subjects(sheets, ledger)
        index: dict[tuple, list] = {}
        for sheet in sheets:
            for fact in sheet.facts:
                index.setdefault((canonical[fact.subject_key], fact.measure, fact.period, fact.unit), []).append((sheet, fact))
        known_by_key: dict[tuple, list] = {}
        ledger_name = ledger.name if ledger is not None else ""
        for known in ledger.facts if ledger is not None else ():
            known_by_key.setdefault((canonical[known.subject_key], known.period, known.unit), []).append(known)
        for sheet in sheets:
            if not sheet.in_scope:
                continue
            for fact in sheet.facts:
                claim = fact.growth
                if claim is None:
                    continue
                subject = canonical[fact.subject_key]
                priors: list[tuple] = []  # (low, high, text, where, related)
                for known in known_by_key.get((subject, claim.prior_period, fact.unit), ()):
                    if same_measure(fact.measure, fact.organisation, known.measure):
                        priors.append((known, f"{ledger_name} line {known.line}", None))
                if not priors:
                    for other_sheet, other in index.get((subject, fact.measure, claim.prior_period, fact.unit), ()):
                        if other_sheet is sheet and fact.statement_start <= other.start <= claim.end:
                            continue  # the same sentence: the percent-change rule's business
                        related = Related(other.start, other.end, f"{fact.subject} {fact.measure} for {claim.prior_period}: {other.text}",
                                          None if other_sheet.path == sheet.path else other_sheet.path)
                        priors.append((other, where(other_sheet, other.start, sheet.path), related))
                if not priors:
                    continue
                computed = []
                for prior, place, related in priors:
                    interval = growth_interval((fact.low, fact.high), (prior.low, prior.high))
                    if interval is None or overlaps(interval[0], interval[1], claim.low, claim.high):
                        break
                    computed.append((prior, place, related, interval))
                else:
                    yield self._finding(sheet, fact, computed)

    def _finding(self, sheet, fact, computed) -> Finding:
        claim = fact.growth
        prior, place, related, (low, high) = computed[0]
        central = (fact.value / prior.value - 1) * 100
        message = (
            f"\"{claim.text}\" does not fit the {claim.prior_period} figure {prior.text} ({place}): "
            f"{fact.text} is {central:+.1f}% on it"
        )
        evidence = "; ".join(
            f"{fact.text} / {p.text} - 1 = {(fact.value / p.value - 1) * 100:+.1f}% "
            f"({_percent(lo)} to {_percent(hi)} with rounding) using {p.text} ({where})"
            for p, where, _, (lo, hi) in computed
        ) + f"; the text says {claim.percent:+g}%"
        related_items = tuple(r for _, _, r, _ in computed if r is not None)
        return self.finding(claim.start, claim.end, message, evidence=evidence, related=related_items, path=sheet.path)


def _percent(value: float) -> str:
    return "unbounded" if value in (float("inf"), float("-inf")) else f"{value:+.1f}%"

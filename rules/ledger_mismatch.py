"""NUM103: a document states a fact of the reference ledger with another value."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.finding import Edit, Finding, Fix
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.corpus import Corpus, Records
    from checker.facts import FactSheet


class LedgerMismatch(Rule):
    """A fact that disagrees with the reference ledger.

    What it checks
    --------------
    When the configuration names a reference ledger (``ledger =
    "facts.toml"``: a file of known facts, each with a subject, a measure,
    a period and a value; ``factlint facts --corpus DIR`` writes one from
    your documents), every statement of a ledger fact in the documents
    must agree with it, allowing for rounding: a ledger value of "$34.4
    million" accepts "$34 million" and "about $34 million", not "$40.0
    million". A ledger fact that no document mentions is fine.

    Why it matters
    --------------
    Figures that were right once get copied, retyped and misremembered.
    The ledger is the one place where the audited figure lives, so every
    document can be held to it.

    Fix safety
    ----------
    A suggestion only (never applied by ``--fix``): it offers the ledger's
    figure; the ledger is the reference, but the text may describe a
    different measure or period.

    Flagged
    -------
        facts.toml: [[fact]]
                    subject = "Norwind Robotics"
                    measure = "revenue"
                    period = "2024"
                    value = "$34.4 million"
        letter.md:  Norwind Robotics reported total revenue of $40.0 million for 2024.

    Passes
    ------
        facts.toml: [[fact]]
                    subject = "Norwind Robotics"
                    measure = "revenue"
                    period = "2024"
                    value = "$34.4 million"
        letter.md:  Norwind Robotics reported total revenue of $34 million for 2024.
    """

    code = "NUM103"
    name = "ledger-mismatch"
    severity = "error"
    scope = "corpus"
    requires = ("facts",)

    def gather(self, sheet: FactSheet) -> tuple | None:
        if self.settings is not None and not self.settings.ledger:
            return None  # no ledger: nothing to compare with
        from checker.statements_compare import gather_facts

        return gather_facts(sheet)

    def check_corpus(self, corpus: Corpus, aggregate: Records) -> Iterator[Finding]:
        ledger = self.ledger
        if ledger is None or not ledger.facts:
            return
        from checker.statements_compare import corpus_subjects, describe, format_interval, overlaps, same_measure, stated_facts

        facts = stated_facts(corpus, aggregate)
        canonical = corpus_subjects(facts, ledger)
        by_key: dict[tuple, list] = {}
        for known in ledger.facts:
            by_key.setdefault((canonical[known.subject_key], known.period, known.unit), []).append(known)
        for sheet, fact in facts:
            if not sheet.in_scope:
                continue
            candidates = by_key.get((canonical[fact.subject_key], fact.period, fact.unit))
            if not candidates:
                continue
            matching = [k for k in candidates if same_measure(fact.measure, fact.organisation, k.measure)]
            if not matching or any(overlaps(fact.low, fact.high, k.low, k.high) for k in matching):
                continue
            reference = matching[0]
            place = f"{ledger.name} line {reference.line}"
            subject = describe(fact.subject, fact.measure, fact.period)
            message = f"{subject} {fact.text} here; the ledger ({place}) says {reference.text}"
            source = f" (source: {reference.source})" if reference.source else ""
            evidence = (
                f"here: {fact.text} allows {format_interval(fact.low, fact.high, fact.unit)}; "
                f"{ledger.path} line {reference.line}: {reference.text} allows "
                f"{format_interval(reference.low, reference.high, reference.unit)}{source}"
            )
            fix = Fix((Edit(fact.start, fact.end, reference.text),), "display", f"Use the ledger's figure ({place})")
            yield self.finding(fact.start, fact.end, message, evidence=evidence, fix=fix, path=sheet.path)

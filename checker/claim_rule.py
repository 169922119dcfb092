"""The shared behaviour of the arithmetic-claim rules (NUM001-NUM006).

The ``numbers`` extractor finds and checks claims and labels each with its
kind; each rule chooses the kinds it reports (``kinds``). Kept apart from the
extractor so that registering the rules imports nothing heavy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from checker.finding import Edit, Finding, Fix, Related, Severity
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.facts import Claim


class ClaimRule(Rule):
    """Reports the inconsistent claims of the kinds in ``kinds``."""

    abstract = True
    kinds: frozenset[str] = frozenset()
    requires = ("numbers",)
    severity: ClassVar[Severity] = "error"

    def check(self, doc, facts):
        for claim in facts.claims:
            if claim.consistent or claim.kind not in self.kinds:
                continue
            yield self.report(doc, claim)

    def message(self, doc, claim: Claim) -> str:
        """One sentence quoting the text; rules override it."""
        return f'"{claim.stated}" does not match the figures, which give {claim.computed}'

    def report(self, doc, claim: Claim) -> Finding:
        related = tuple(Related(start, end, f'figure used: "{doc.text[start:end]}"') for start, end in claim.parts)
        fix = None
        if claim.suggestion and claim.suggestion != doc.text[claim.start:claim.end]:
            fix = Fix((Edit(claim.start, claim.end, claim.suggestion),), "display", f'Write "{claim.suggestion}"')
        return self.finding(
            claim.start, claim.end, self.message(doc, claim), evidence=claim.detail, related=related, fix=fix,
            severity="warning" if claim.loose else None,
        )

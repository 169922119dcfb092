"""The shared behaviour of the arithmetic-claim rules (NUM001-NUM006).

The ``numbers`` extractor finds and checks claims and labels each with its
kind; each rule chooses the kinds it reports (``kinds``). Kept apart from the
extractor so that registering the rules imports nothing heavy.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, ClassVar

from checker.finding import Confidence, Edit, Finding, Fix, Related, Severity
from checker.intervals import Interval, hedged
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.clauses import ByStart
    from checker.facts import Claim, Quantity

# How far outside every rounding reading a stated figure must be, in steps of its own rounding
# (one step is 0.1 for "9.4%", $0.1 million for "$48.6 million", 1 for "318"), for a finding to be
# "high": a full step past the last value that rounds to it, more than truncating instead of
# rounding or rounding twice can explain. Under a quarter step it is "low".
WIDE_MARGIN = 1.0
NARROW_MARGIN = 0.25


class ClaimRule(Rule):
    """Reports the inconsistent claims of the kinds in ``kinds``."""

    abstract = True
    kinds: frozenset[str] = frozenset()
    requires = ("numbers",)
    severity: ClassVar[Severity] = "error"

    def check(self, doc, facts):
        from checker.clauses import ByStart

        figures = None  # the sheet's figures by start, indexed once, for the first claim reported
        for claim in facts.claims:
            if claim.consistent or claim.kind not in self.kinds:
                continue
            if figures is None:
                figures = ByStart(facts.quantities)
            yield self.report(doc, claim, claim_confidence(claim, figures))

    def message(self, doc, claim: Claim) -> str:
        """One sentence quoting the text; rules override it."""
        return f'"{claim.stated}" does not match the figures, which give {claim.computed}'

    def report(self, doc, claim: Claim, confidence: Confidence | None = None) -> Finding:
        related = tuple(Related(start, end, f'figure used: "{doc.text[start:end]}"') for start, end in claim.parts)
        fix = None
        if claim.suggestion and claim.suggestion != doc.text[claim.start:claim.end]:
            fix = Fix((Edit(claim.start, claim.end, claim.suggestion),), "display", f'Write "{claim.suggestion}"')
        return self.finding(
            claim.start, claim.end, self.message(doc, claim), evidence=claim.detail, related=related, fix=fix,
            severity="warning" if claim.loose else None, confidence=confidence,
        )


def claim_confidence(claim: Claim, figures: ByStart) -> Confidence:
    """How sure an inconsistent claim's finding is, from the margin by which its figures miss (``figures``: the
    sheet's quantities, looked up by start: building their index for each look-up was quadratic in a document's claims).

    The margin is the distance between the stated figure's interval (its rounding, widened by its
    hedge) and the computed interval, in steps of the stated figure's own rounding or, when wider,
    of the computed interval's width (the rounding of the figures it was computed from). At least
    ``WIDE_MARGIN`` steps is "high", under ``NARROW_MARGIN`` "low", between them "medium". A claim whose
    base was inferred (a whole found elsewhere in the paragraph, parts from earlier sentences, a start
    level worked back from the change, a scale lent by another figure) is at most "medium", and "low"
    when the margin is narrow too. GRIM's test (no whole count fits a percent) is "medium": it turns
    on the count being exactly the stated whole.
    """
    steps = _margin_steps(claim, figures)
    if steps is None:
        return "medium"
    level: Confidence = "high" if steps >= WIDE_MARGIN else "low" if steps < NARROW_MARGIN else "medium"
    stated = _quantity_at(figures, claim.start)
    if claim.inferred or stated is not None and claim.kind != "direction" and _lent_scale(stated, claim, figures) != 1.0:
        return "low" if level != "high" else "medium"
    return level


def _quantity_at(figures: ByStart, start: int) -> Quantity | None:
    """The first of the sheet's quantities that starts at ``start``, if any."""
    found = figures.between(start, start + 1)
    return found[0] if found else None


def _step(q: Quantity) -> float:
    """One step of a figure's rounding: the width of its interval, at least one unit of its last digit."""
    return max(q.high - q.low, 10.0 ** -q.decimals * q.scale)


def _lent_scale(q: Quantity, claim: Claim, figures: ByStart) -> float:
    """The scale a bare figure takes from the figures it is computed with ("a decrease of 9.7 to $31.2 million")."""
    if q.scale != 1.0 or q.unit == "%" or q.value >= 1000:
        return 1.0
    scales = {p.scale for p in (_quantity_at(figures, start) for start, _ in claim.parts) if p is not None}
    return max(scales) if len(scales) == 1 and max(scales) > 1.0 else 1.0


def _distance(a: Interval, b: Interval) -> float:
    return max(a.lo - b.hi, b.lo - a.hi, 0.0)


def _margin_steps(claim: Claim, figures: ByStart) -> float | None:
    """The margin in rounding steps, or None when it is not measured (GRIM, an unreadable figure)."""
    if claim.low is None or claim.high is None:
        return None
    computed = Interval(claim.low, claim.high)
    if claim.kind == "direction":
        levels = [_quantity_at(figures, start) for start, _ in claim.parts]
        if any(q is None for q in levels):
            return None
        step = max(_step(q) for q in levels if q is not None)
        return min(abs(computed.lo), abs(computed.hi)) / step if step else None
    q = _quantity_at(figures, claim.start)
    if q is None or (claim.kind == "share" and not claim.parts):
        return None
    step = _step(q)
    lent = _lent_scale(q, claim, figures)
    if claim.kind == "percent-sum":
        return _distance(computed, Interval.exact(100.0)) / step
    stated = hedged(Interval(q.low * lent, q.high * lent), q.hedge)
    step *= lent
    if math.isfinite(computed.hi - computed.lo):
        step = max(step, computed.hi - computed.lo)  # outside the computed range by a fraction of its width is near its edge
    magnitude = computed if computed.lo >= 0 else (-computed if computed.hi <= 0 else Interval(0.0, max(-computed.lo, computed.hi)))
    if claim.kind == "multiple" and magnitude.lo > 0:
        inverse = Interval(1 / magnitude.hi, 1 / magnitude.lo) if math.isfinite(magnitude.hi) else Interval(0.0, 1 / magnitude.lo)
        return min(_distance(stated, magnitude), _distance(stated, inverse)) / step
    return _distance(stated, magnitude) / step


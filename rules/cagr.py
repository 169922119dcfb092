"""NUM006: a compound annual growth rate that its start and end figures contradict."""

from __future__ import annotations

from checker.claim_rule import ClaimRule


class CompoundGrowth(ClaimRule):
    """A compound annual growth rate (CAGR) that does not match its two figures and years.

    What it checks
    --------------
    Finds growth rates stated with a starting figure, an ending figure and
    their years ("from $2.1 billion in 2024 to $3.4 billion in 2032, a CAGR
    of 6.2%") and recomputes (end / start)^(1 / years) - 1, allowing for
    the rounding of every figure. When the years come from a period such as
    "2024-2032", both ways of counting the years are accepted.

    Why it matters
    --------------
    Market forecasts quote CAGRs that are easy to recompute and often
    wrong, typically computed over the wrong number of years or copied
    from an older forecast.

    Confidence
    ----------
    From the margin by which the stated figure misses, in rounding steps
    (the stated figure's last digit, or the width of the computed range
    when wider): a full step or more outside every reading is high, under
    a quarter of a step low (truncating instead of rounding can explain
    it), medium between.

    Flagged
    -------
        The market is expected to grow from $2.1 billion in 2024 to $3.4
        billion in 2032, a CAGR of 9.5%.

    Passes
    ------
        The market is expected to grow from $2.1 billion in 2024 to $3.4
        billion in 2032, a CAGR of 6.2%.
    """

    code = "NUM006"
    kinds = frozenset({"cagr"})
    name = "cagr"

    def message(self, doc, claim):
        return f'the stated growth rate "{claim.stated}" does not match the figures, which give {claim.computed} a year'

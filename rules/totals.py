"""NUM005: a total that its parts do not add up to."""

from __future__ import annotations

from checker.claim_rule import ClaimRule


class Totals(ClaimRule):
    """A stated total that differs from the sum of the parts said to make it up.

    What it checks
    --------------
    Adds up parts that the text says make a total: "$40.1 million and $8.5
    million, for total revenue of $48.6 million", "251,379 units (130,404
    internet, 87,873 video and 33,102 telephony)", "revenue of $9 million,
    comprising $5 million and $4 million", and "Together, these two products
    drove total revenue of $82.1 million" after a sentence for each
    product, "The 47 voids comprised 26 standard voids, 13 major works
    voids and 10 held empty" (whole counts, exact), "58 patients (14.1%)
    receiving it: infections in 22 patients, hepatic events in 19 and other
    events in 17". With "including" or "of which" the parts may be only some of
    the total, so only parts that exceed it are reported, and not after the
    last figure of a list ("96 features and 52 shorts, including 23 world
    premieres and 31 UK premieres" may speak of all 148 films). Shares of one
    whole said to be complete ("split between", "the remaining 15%") must
    add up to 100%. Rounding of every figure is allowed for.

    A total worded loosely ("these products drove total revenue of") is
    reported as a warning: the parts may not be meant to be the whole.

    Why it matters
    --------------
    A total that its own parts contradict means a figure is missing,
    outdated or wrong; readers add these up.

    Confidence
    ----------
    From the margin by which the stated figure misses, in rounding steps
    (the stated figure's last digit, or the width of the computed range
    when wider): a full step or more outside every reading is high, under
    a quarter of a step low (truncating instead of rounding can explain
    it), medium between. Parts taken from earlier sentences ("Together, these two
    products ...") make it at most medium. Shares that must add up to 100%
    are measured against 100.

    Flagged
    -------
        Product A sold $62.2 million and product B $10.1 million, for total
        revenue of $82.1 million.

    Passes
    ------
        Product A sold $62.2 million and product B $10.1 million, for total
        revenue of $72.3 million.
    """

    code = "NUM005"
    kinds = frozenset({"total", "percent-sum"})
    name = "totals"

    def message(self, doc, claim):
        if claim.kind == "percent-sum":
            return f"shares of one whole add up to {claim.computed}, not 100%"
        return f'the total "{claim.stated}" does not match its parts, which add up to {claim.computed}'

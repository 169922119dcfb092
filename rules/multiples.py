"""NUM003: "doubled", "tripled", "halved", "3x" against the figures they describe."""

from __future__ import annotations

from checker.claim_rule import ClaimRule


class Multiples(ClaimRule):
    """A multiple ("doubled", "more than tripled", "2.5x", "three-fold") that the figures contradict.

    What it checks
    --------------
    Finds multiples stated with the two figures they relate ("more than
    doubled to $41.5 million from $22.8 million") and divides one by the
    other. "Doubled" is read generously (1.8x to 2.2x); "more than doubled"
    needs more than 2x, "nearly doubled" a little less; "a three-fold
    increase" may mean 3x or 4x, and is reported only when neither fits.

    Why it matters
    --------------
    Multiples are the figures readers remember and repeat. "More than
    doubled" for an 82% rise overstates growth in a way anyone with the two
    figures can see.

    Confidence
    ----------
    From the margin by which the stated figure misses, in rounding steps
    (the stated figure's last digit, or the width of the computed range
    when wider): a full step or more outside every reading is high, under
    a quarter of a step low (truncating instead of rounding can explain
    it), medium between. Both readings of a factor are tried ("3x lower" as
    a third); the margin is to the nearer one.

    Flagged
    -------
        Revenue more than doubled to $41.5 million from $22.8 million.

    Passes
    ------
        Revenue nearly doubled to $41.5 million from $22.8 million.
    """

    code = "NUM003"
    kinds = frozenset({"multiple"})
    name = "multiples"

    def message(self, doc, claim):
        return f'"{claim.stated}" does not match the figures, which give {claim.computed}'

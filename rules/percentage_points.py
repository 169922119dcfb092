"""NUM002: a change between two percentages given in the wrong unit."""

from __future__ import annotations

from checker.claim_rule import ClaimRule


class PercentagePoints(ClaimRule):
    """A change between two percentages written as a percent when it is in points (or the reverse).

    What it checks
    --------------
    When a rate moves from one percentage to another ("improved to 91.5%
    from 88.0%"), the change can be written in percentage points (3.5
    points) or as a relative change (+3.98%). This rule reports a change
    written with "%" that only the difference in points explains, and a
    change written in points or basis points that only the relative change
    explains, and suggests the right unit.

    Why it matters
    --------------
    "An increase of 3.5%" read literally means 88.0% became 91.1%, not
    91.5%. Mixing the two units misstates the size of the change, and
    readers who recompute it will find the figure wrong.

    Confidence
    ----------
    From the margin by which the stated figure misses, in rounding steps
    (the stated figure's last digit, or the width of the computed range
    when wider): a full step or more outside every reading is high, under
    a quarter of a step low (truncating instead of rounding can explain
    it), medium between.

    Flagged
    -------
        The response rate improved to 91.5% from 88.0%, an increase of 3.5%.

    Passes
    ------
        The response rate improved to 91.5% from 88.0%, an increase of 3.5
        percentage points.
    """

    code = "NUM002"
    kinds = frozenset({"percentage-points"})
    name = "percentage-points"
    severity = "warning"

    def message(self, doc, claim):
        if claim.suggestion.endswith("%"):
            return f'"{claim.stated}" matches the relative change between the two rates, not the difference in points'
        return f'"{claim.stated}" is the difference in percentage points; as a relative change it is {claim.computed}'

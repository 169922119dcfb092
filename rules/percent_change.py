"""NUM001: a stated change that its own figures contradict."""

from __future__ import annotations

from checker.claim_rule import ClaimRule


class PercentChange(ClaimRule):
    """A percent or absolute change that does not match the figures it compares.

    What it checks
    --------------
    Finds changes stated together with the figures they compare ("rose 42%
    to $48.6 million from $31.2 million", "sales were $93,662, a decrease of
    $9,688 or 9.4%", "decreased by 130 basis points to 38.7% from 40.0%") and
    recomputes them. Every figure stands for the range its rounding allows
    ($1.2 billion is anything from 1.15 to 1.25 billion), and hedges such as
    "about" or "more than" are honoured, so only a change that no rounding
    can explain is reported. It also reports a direction word that
    contradicts the figures ("increased to $5 million from $6 million").
    The gap between two rates stated side by side is checked too ("38.3%
    with the drug and 12.0% with placebo, an absolute difference of 26.3
    percentage points"). Changes whose starting figure is not in the
    sentence are not checked.
    In a Markdown table, a column headed as a change ("Change", "YoY",
    "% chg", "Growth", "+/-") is checked in each row against the two
    columns of figures before it; a row is reported only when its change
    fits neither order of those columns (nor, between two percents, their
    difference in points).

    Why it matters
    --------------
    A percentage that does not follow from the figures beside it is the
    first thing an analyst, a journalist or a regulator recomputes. It
    usually means one figure was updated and the other was not.

    Confidence
    ----------
    From the margin by which the stated figure misses, in rounding steps
    (the stated figure's last digit, or the width of the computed range
    when wider): a full step or more outside every reading is high, under
    a quarter of a step low (truncating instead of rounding can explain
    it), medium between. A rate checked against a start level worked back from
    the end level and the change ("$1,361.2 million, a decrease of $141.7
    million, or 9.4%") is at most medium, as is a change whose figure takes
    its scale from another ("a decrease of 9.7 to $31.2 million"). A
    direction word against figures that moved the other way is high when
    the figures differ by a full rounding step or more.

    Flagged
    -------
        Net product revenue rose to $48.6 million from $31.2 million, an
        increase of 42%.

    Passes
    ------
        Net product revenue rose to $48.6 million from $31.2 million, an
        increase of 56%.

        Net sales of $1.2 billion increased 58.5% from $757.3 million.
    """

    code = "NUM001"
    kinds = frozenset({"percent-change", "change", "direction"})
    name = "percent-change"

    def message(self, doc, claim):
        if claim.kind == "direction":
            return f'"{doc.text[claim.start:claim.end]}" does not match the figures, which show {claim.computed}'
        if claim.kind == "change":
            return f'the stated change "{claim.stated}" does not match the figures, which give {claim.computed}'
        return f'the stated change "{claim.stated}" does not match the figures, which give {claim.computed}'
